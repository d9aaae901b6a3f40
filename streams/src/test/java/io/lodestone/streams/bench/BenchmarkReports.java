package io.lodestone.streams.bench;

import io.lodestone.schemas.NewsReport;
import io.lodestone.streams.TestReports;
import io.lodestone.streams.offline.ReutersReports;
import io.lodestone.streams.offline.ReutersSgmlReader;
import io.lodestone.streams.offline.ReutersStory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic 3 KB reports for benchmarks: Reuters-21578 stories drawn at random (fixed seed) and joined
 * until the body reaches 3,000 characters, so that any number of reports are distinct stories; each
 * has its own id and a fetch time one minute after the previous.
 */
final class BenchmarkReports {
  static final int BODY_CHARS = 3_000;

  private BenchmarkReports() {}

  static List<NewsReport> threeKilobyteReports(int count) {
    Path corpus = TestReports.repository().resolve("../shared/corpus/reuters21578-dev").normalize();
    List<ReutersStory> stories;
    try {
      stories = ReutersSgmlReader.read(corpus);
    } catch (IOException e) {
      throw new UncheckedIOException("benchmarks read the shared corpus at " + corpus, e);
    }
    List<NewsReport> reports = new ArrayList<>(count);
    StringBuilder body = new StringBuilder();
    Instant time = Instant.parse("2026-01-01T00:00:00Z");
    java.util.Random random = new java.util.Random(42);
    while (reports.size() < count) {
      ReutersStory story = stories.get(random.nextInt(stories.size()));
      body.append(story.body()).append("\n\n");
      if (body.length() >= BODY_CHARS) {
        NewsReport report = ReutersReports.of(story);
        report.setId("bench-" + reports.size());
        report.setBody(body.substring(0, BODY_CHARS));
        report.setFetchedAt(time.plusSeconds(60L * reports.size()));
        reports.add(report);
        body.setLength(0);
      }
    }
    return reports;
  }
}
