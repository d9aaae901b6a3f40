package io.lodestone.streams;

import io.lodestone.schemas.IngestChannel;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reports for topology tests. */
public final class TestReports {
  private TestReports() {}

  public static NewsReport report(String id, String source, String title, String body, Instant publishedAt) {
    return NewsReport.newBuilder().setId(id).setUrl("https://" + source + ".example/" + id).setCanonicalUrl(null)
        .setSource(Source.newBuilder().setName(source).setDomain(source + ".example").build())
        .setTitle(title).setBody(body).setPublishedAt(publishedAt).setFetchedAt(publishedAt)
        .setChannel(IngestChannel.FILE).build();
  }

  /** A copy of a report under another id and source, with another body. */
  public static NewsReport copy(NewsReport report, String id, String source, String body, Instant publishedAt) {
    return report(id, source, report.getTitle(), body, publishedAt);
  }

  /** Lines of deploy/samples/supply-chain-news.jsonl (1-based line numbers). */
  public static String sampleLine(int line) {
    try {
      return Files.readAllLines(repository().resolve("deploy/samples/supply-chain-news.jsonl")).get(line - 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path repository() {
    return Path.of(System.getProperty("lodestone.repo", "..")).toAbsolutePath().normalize();
  }

  /** A streams config for offline topology tests, with these overrides. */
  public static StreamsAppConfig config(Map<String, Object> overrides) {
    Map<String, Object> config = new java.util.HashMap<>(Map.of(StreamsAppConfig.APPLICATION_ID, "topology-test"));
    config.putAll(overrides);
    return new StreamsAppConfig(config);
  }

  /** A body of {@code words} pseudo-random words, the same for the same seed. */
  public static String text(long seed, int words) {
    List<String> vocabulary = List.of("lithium", "cobalt", "nickel", "refinery", "export", "quota", "government",
        "company", "said", "tonnes", "plant", "supply", "chain", "rare", "earth", "magnet", "battery", "mine",
        "output", "price", "market", "agreement", "minister", "investment", "project", "capacity", "year", "new",
        "the", "of", "and", "to", "in", "for", "on", "with", "by", "from", "graphite", "copper");
    java.util.Random random = new java.util.Random(seed);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      text.append(i == 0 ? "" : " ").append(vocabulary.get(random.nextInt(vocabulary.size())));
    }
    return text.toString();
  }
}
