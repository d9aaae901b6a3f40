package io.lodestone.producers.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleExtractorTest {
  private static final String PAGE = """
      <!doctype html><html lang="en-GB"><head><title>Cobalt refinery opens | Metals Daily</title>
      <meta property="og:title" content="Cobalt refinery opens in Finland">
      <link rel="canonical" href="/2026/01/cobalt-refinery">
      <meta property="article:published_time" content="2026-01-08T07:00:00Z">
      <meta name="description" content="A new refinery will process cobalt hydroxide.">
      <script>var tracking = 1;</script><style>body{}</style></head>
      <body><header><nav><a href="/">Home</a> <a href="/markets">Markets</a></nav></header>
      <div class="cookie-banner">We use cookies</div>
      <main><article><h1>Cobalt refinery opens in Finland</h1>
      <div class="share-bar">Share on X</div>
      <p>A cobalt refinery opened in Kokkola on Thursday, the largest outside China.</p>
      <p>It will process 6,000 tonnes of cobalt hydroxide a year from mines in the Democratic Republic of Congo and supply
      battery makers in Europe.</p><p>The plant cost &euro;300 million.</p>
      <aside class="related">Related: nickel prices slump</aside></article></main>
      <footer>Copyright Metals Daily</footer></body></html>
      """;

  @Test
  void keepsTheArticleAndItsMetadataAndDropsBoilerplate() {
    ArticleExtractor.Article article = ArticleExtractor.extract(PAGE, "https://metals.example/x");
    assertThat(article.title()).isEqualTo("Cobalt refinery opens in Finland");
    assertThat(article.canonicalUrl()).isEqualTo("https://metals.example/2026/01/cobalt-refinery");
    assertThat(article.publishedAt()).isEqualTo("2026-01-08T07:00:00Z");
    assertThat(article.language()).isEqualTo("en-GB");
    assertThat(article.description()).isEqualTo("A new refinery will process cobalt hydroxide.");
    assertThat(article.text()).contains("A cobalt refinery opened in Kokkola").contains("\n\nIt will process 6,000 tonnes")
        .contains("€300 million").doesNotContain("Markets", "cookies", "Share on X", "nickel prices", "Copyright", "tracking");
  }

  @Test
  void turnsDescriptionHtmlIntoText() {
    assertThat(ArticleExtractor.fragmentToText("<p>One <b>bold</b> claim &amp; more.</p><p>Second.</p><script>x()</script>"))
        .isEqualTo("One bold claim & more.\n\nSecond.");
    assertThat(ArticleExtractor.fragmentToText("plain text")).isEqualTo("plain text");
    assertThat(ArticleExtractor.fragmentToText(null)).isEmpty();
  }
}
