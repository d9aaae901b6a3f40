package io.lodestone.streams.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one-pass word finder gives exactly the words of Lucene's StandardTokenizer and LowerCaseFilter. */
class StandardWordsTest {
  /** Letters, digits, every joining character, spaces, quotes, dashes, brackets and signs. */
  private static final String ALPHABET = "aZzéÉßÆ1905_.,:;'’‘\"“”-–— \n\t·()$%&/<>?!@€";

  private static List<String> fast(String text) {
    List<String> words = new ArrayList<>();
    boolean handled = StandardWords.words(text, (word, length, hash, start, end) -> {
      assertThat(hash).isEqualTo(WordCodes.hash(word, length));
      words.add(new String(word, 0, length) + "@" + start + "-" + end);
    });
    return handled ? words : null;
  }

  private static List<String> lucene(String text) {
    List<String> words = new ArrayList<>();
    EnglishAnalysis.words(text, (word, length, hash, start, end) -> words.add(new String(word, 0, length) + "@" + start + "-" + end));
    return words;
  }

  private static void assertSameWords(String text) {
    List<String> fast = fast(text);
    if (fast != null) {
      assertThat(fast).as("words of \"%s\"", text).isEqualTo(lucene(text));
    }
  }

  @Test
  void findsTheWordsOfTheTokenizerInNewswireConstructions() {
    String text = "U.S. output rose 1.5 pct to 7,280 tonnes; don't the Co's b2b 1987s x_y _a a_ 10:30 a:b "
        + "India’s rare‑earth \"magnets\" (REPM) … Rs 7,280 crore ‘quoted’ São Paulo Zürich ÆRØ naïve";
    assertThat(fast(text)).isEqualTo(lucene(text)).contains("u.s@0-3", "7,280@28-33", "don't@42-47", "a:b@83-86", "india’s@87-94");
  }

  @Test
  void leavesOtherScriptsAndInvisibleCharactersToLucene() {
    assertThat(fast("Tokyo 東京")).isNull();
    assertThat(fast("soft\u00ADhyphen")).isNull();
    assertThat(fast("Moscow Москва")).isNull();
    assertThat(fast("a".repeat(300))).isNull();
    assertThat(fast("x " + "a".repeat(254))).isEqualTo(lucene("x " + "a".repeat(254)));
    assertThat(fast("x " + "a".repeat(255) + " y")).isNull();
    assertThat(fast("plain text, 2026")).isNotNull();
  }

  @Test
  void agreesWithTheTokenizerOnRandomText() {
    Random random = new Random(20260101);
    for (int n = 0; n < 100_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(24);
      for (int i = 0; i < length; i++) {
        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      assertThat(fast(text.toString())).as("words of \"%s\"", text).isEqualTo(lucene(text.toString()));
    }
  }

  @Test
  void agreesWithTheTokenizerOnEveryProbedCharacterBetweenLettersAndDigits() {
    for (char c = 0; c < '\u2100'; c++) {
      for (String context : List.of("a%sb", "1%s2", "a%s1", "1%sa", "_%s_", "%s", "a%s", "%sa", "x.%s.y", "7,%s,8")) {
        assertSameWords(context.replace("%s", String.valueOf(c)));
      }
    }
  }

  @Test
  void agreesWithTheTokenizerOnTheSampleReports() throws IOException {
    Path repo = Path.of(System.getProperty("lodestone.repo", "."));
    List<Path> files = new ArrayList<>(List.of(repo.resolve("deploy/samples/supply-chain-news.jsonl")));
    try (Stream<Path> seeds = Files.list(repo.resolve("../shared/seeds"))) {
      seeds.filter(f -> f.toString().endsWith(".txt")).forEach(files::add);
    }
    for (Path file : files) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        assertSameWords(line);
      }
    }
  }
}
