package io.lodestone.bench.workload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestone.producers.file.JsonLinesFile;
import io.lodestone.producers.file.JsonReportParser;
import io.lodestone.schemas.IngestChannel;
import io.lodestone.streams.offline.ReutersSgmlReader;
import io.lodestone.streams.offline.ReutersStory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The reports a benchmark publishes, as JSON objects (the JSONL format): generated, or read from a
 * corpus (a JSONL file, or Reuters-21578 SGML files). Every report gets a run-specific URL
 * ({@link #urlPrefix(String)}), so that every run publishes new report ids and a prefix query finds
 * a run's documents.
 */
public final class Workload {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Workload() {}

  /** The URL prefix of a run's reports. */
  public static String urlPrefix(String runId) {
    return "https://bench.lodestone.example/" + runId + "/";
  }

  private static String url(String runId, int n) {
    return urlPrefix(runId) + n;
  }

  /** {@code count} generated reports; {@code originals} counts the reports that are not copies. */
  public record Reports(List<ObjectNode> reports, int originals) {}

  public static Reports generated(ReportGenerator.Settings settings, int count) {
    ReportGenerator generator = new ReportGenerator(settings);
    List<ObjectNode> reports = new ArrayList<>(count);
    int originals = 0;
    for (int i = 0; i < count; i++) {
      ReportGenerator.Generated next = generator.next();
      reports.add(next.json());
      originals += next.kind() == ReportGenerator.Kind.ORIGINAL ? 1 : 0;
    }
    return new Reports(reports, originals);
  }

  /**
   * Reports of a corpus: a .jsonl file, or a Reuters SGML file or directory. {@code originals} is the
   * number of reports (the corpus's own duplicates are not known here). A line or story that {@code parser}
   * rejects, and any part of the input that holds none, goes to {@code rejected} as one sentence.
   */
  public static Reports corpus(Path path, String runId, JsonReportParser parser, Consumer<String> rejected) throws IOException {
    List<ObjectNode> reports = new ArrayList<>();
    if (path.toString().endsWith(".jsonl")) {
      JsonLinesFile.read(path, parser, entry -> {
        if (entry.parsed().ok()) {
          entry.json().put("url", url(runId, reports.size()));
          reports.add(entry.json());
        } else {
          rejected.accept(entry.rejection(path));
        }
      });
    } else {
      for (ReutersStory story : ReutersSgmlReader.read(path, rejected)) {
        ObjectNode report = JSON.createObjectNode();
        report.put("url", url(runId, story.newId()));
        report.put("title", story.title());
        report.put("body", String.join("\n", story.dateline(), story.body()).strip());
        report.put("source", "Reuters");
        if (story.date() != null) {
          report.put("published_at", story.date().toString());
        }
        JsonReportParser.Parsed parsed = parser.parse(report, IngestChannel.FILE, Instant.now());
        if (parsed.ok()) {
          reports.add(report);
        } else {
          rejected.accept(story.url() + ": rejected: " + String.join("; ", parsed.reasons()));
        }
      }
    }
    return new Reports(reports, reports.size());
  }
}
