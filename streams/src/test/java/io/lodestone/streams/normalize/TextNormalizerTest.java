package io.lodestone.streams.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.schemas.IngestChannel;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.NormalizedText;
import io.lodestone.schemas.Source;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {
  private final TextNormalizer normalizer = new TextNormalizer();

  private static NewsReport report(String title, String body, String contentType) {
    return NewsReport.newBuilder().setId("r1").setSource(Source.newBuilder().setName("Test").build())
        .setTitle(title).setBody(body).setContentType(contentType).setFetchedAt(Instant.EPOCH)
        .setChannel(IngestChannel.FILE).build();
  }

  @Test
  void htmlBecomesParagraphTextWithoutScriptsStylesOrPageChrome() {
    String html = """
        <html><head><title>Page</title><style>p { color: red }</style></head><body>
        <nav><a href="/">Home</a> | <a href="/markets">Markets</a></nav>
        <script>var tracking = "do not index";</script>
        <p>India&rsquo;s cabinet approved a <b>Rs&nbsp;7,280&nbsp;crore</b> scheme.</p>
        <p>Output &amp; exports rose.<br>Prices fell.</p>
        <footer>Copyright 2026</footer></body></html>""";

    NormalizedText text = normalizer.normalize(report("Magnet &amp; scheme", html, null));

    assertThat(text.getTitle()).isEqualTo("Magnet & scheme");
    assertThat(text.getBody()).isEqualTo("India’s cabinet approved a Rs 7,280 crore scheme.\nOutput & exports rose.\nPrices fell.");
  }

  @Test
  void contentTypeHtmlIsParsedEvenWithoutVisibleTags() {
    assertThat(normalizer.normalize(report("T", "Tin &lt;b&gt; rose", "text/html; charset=utf-8")).getBody()).isEqualTo("Tin <b> rose");
  }

  @Test
  void newswireAngleBracketsAreNotMistakenForHtml() {
    NormalizedText text = normalizer.normalize(report("LAC <LAC> INTERSECTS MORE GOLD",
        "Lac Minerals Ltd and <Cambior Inc> said they completed a hole.", null));

    assertThat(text.getTitle()).isEqualTo("LAC <LAC> INTERSECTS MORE GOLD");
    assertThat(text.getBody()).isEqualTo("Lac Minerals Ltd and <Cambior Inc> said they completed a hole.");
  }

  @Test
  void composesUnicodeAndCleansEveryKindOfSpace() {
    String decomposed = "Cafe\u0301 exports\u00A0rose\u2009sharply\u200B.\r\n\r\n\t  Second\u3000paragraph  ";

    NormalizedText text = normalizer.normalize(report("  Caf\u0065\u0301  ", decomposed, null));

    assertThat(text.getTitle()).isEqualTo("Café");
    assertThat(text.getBody()).isEqualTo("Café exports rose sharply.\nSecond paragraph");
  }

  @Test
  void dropsBoilerplateLinesButKeepsNewsThatMentionsTheSameWords() {
    String body = """
        By Sheila Dang and Akash Sriram
        Smelter output rose 5% after the strike ended.
        Also Read: Copper prices hit a record
        Shareholders will share the cost of the new plant, the company said.
        Share this article on Facebook Twitter
        Subscribe to our newsletter
        Based On ANI Video Report
        No comments:
        Post a Comment
        Reuter
        –IANS""";

    assertThat(normalizer.normalize(report("t", body, null)).getBody())
        .isEqualTo("Smelter output rose 5% after the strike ended.\nShareholders will share the cost of the new plant, the company said.");
  }

  @Test
  void emptyAndMissingTextGiveEmptyStrings() {
    NormalizedText text = normalizer.normalize(report("", "", null));

    assertThat(text.getTitle()).isEmpty();
    assertThat(text.getBody()).isEmpty();
    assertThat(normalizer.language(text, "en")).isEqualTo("en");
    assertThat(normalizer.language(text, null)).isNull();
  }

  @Test
  void detectsEnglishAndOtherLanguagesIncludingNonLatinScripts() {
    assertThat(language("Rare earth magnets", "The government said on Tuesday that it would support the production of magnets for the electronics industry.")).isEqualTo("en");
    assertThat(language("Terres rares", "Le gouvernement a annoncé mardi un plan pour soutenir la production d'aimants permanents en France.")).isEqualTo("fr");
    assertThat(language("Seltene Erden", "Die Regierung will die Herstellung von Dauermagneten in Deutschland mit neuen Mitteln fördern.")).isEqualTo("de");
    assertThat(language("Редкоземельные металлы", "Правительство объявило о новой программе поддержки производства постоянных магнитов.")).isEqualTo("ru");
    assertThat(language("稀土", "政府宣布了一项支持永磁体生产的新计划。")).isEqualTo("zh");
  }

  @Test
  void wireStoryOpeningWithATableOfFiguresIsEnglishByItsProse() {
    String table = "Shr 1.25 dlrs vs 1.10 dlrs\nNet 5,000,000 vs 4,000,000\nRevs 75.3 mln vs 37.9 mln\n".repeat(14);
    String prose = "The company said the results reflected higher sales of its products in the United States.\n".repeat(10);

    assertThat(language("Acme Corp 4th qtr net", table + prose)).isEqualTo("en");
  }

  @Test
  void longTextInAnotherLatinLanguageStillGoesToLingua() {
    String prose = "Die Regierung will die Herstellung von Dauermagneten in Deutschland mit neuen Mitteln fördern. ".repeat(15);

    assertThat(language("Seltene Erden", prose)).isEqualTo("de");
  }

  private String language(String title, String body) {
    return normalizer.language(normalizer.normalize(report(title, body, null)), null);
  }
}
