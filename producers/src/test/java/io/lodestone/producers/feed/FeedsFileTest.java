package io.lodestone.producers.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedsFileTest {
  @TempDir
  Path dir;

  private Path write(String yaml) throws Exception {
    return Files.writeString(dir.resolve("feeds.yaml"), yaml);
  }

  @Test
  void readsFeedsWithDefaults() throws Exception {
    List<FeedDefinition> feeds = FeedsFile.load(write("""
        defaults:
          poll_interval: 30m
          language: EN
        feeds:
          - url: https://a.example/rss
            source: A News
            fetch_full_article: true
          - url: https://b.example/atom
            poll_interval: PT2H
            language: de
        """));
    assertThat(feeds).containsExactly(
        new FeedDefinition(URI.create("https://a.example/rss"), "A News", Duration.ofMinutes(30), "en", true),
        new FeedDefinition(URI.create("https://b.example/atom"), "b.example", Duration.ofHours(2), "de", false));
  }

  @Test
  void theRepositorysFeedsFileIsValid() throws Exception {
    assertThat(FeedsFile.load(Path.of(System.getProperty("lodestone.repo"), "deploy", "feeds.yaml"))).isNotEmpty();
  }

  @Test
  void namesTheFeedAndTheProblem() throws Exception {
    assertThatThrownBy(() -> FeedsFile.load(write("feeds:\n  - url: ftp://x.example/\n")))
        .hasMessageContaining("feed 1").hasMessageContaining("not an absolute http(s) URL");
    assertThatThrownBy(() -> FeedsFile.load(write("feeds:\n  - url: https://x.example/\n    poll_interval: soon\n")))
        .hasMessageContaining("poll_interval \"soon\"");
    assertThatThrownBy(() -> FeedsFile.load(write("feeds:\n  - url: https://x.example/\n    pol_interval: 5m\n")))
        .hasMessageContaining("unknown field pol_interval");
    assertThatThrownBy(() -> FeedsFile.load(write("feeds:\n  - url: https://x.example/\n  - url: https://x.example/\n")))
        .hasMessageContaining("listed twice");
    assertThatThrownBy(() -> FeedsFile.load(write("feeds: [\n"))).hasMessageContaining("not valid YAML");
  }

  @Test
  void readsShortAndIsoDurations() {
    assertThat(FeedsFile.parseDuration("45s")).isEqualTo(Duration.ofSeconds(45));
    assertThat(FeedsFile.parseDuration("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(FeedsFile.parseDuration("pt15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(FeedsFile.parseDuration("later")).isNull();
  }
}
