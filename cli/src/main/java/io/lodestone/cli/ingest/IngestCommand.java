package io.lodestone.cli.ingest;

import io.lodestone.cli.UserException;
import io.lodestone.cli.Workspace;
import io.lodestone.producers.IngestConfig;
import io.lodestone.producers.file.ImportSummary;
import io.lodestone.producers.file.JsonReportParser;
import io.lodestone.producers.file.JsonlImporter;
import io.lodestone.producers.publish.ReportPublisher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lodestone ingest FILE...}: publishes reports from JSON Lines files to the raw topic. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Publish the reports of JSON Lines files (one report per line: url, title, body, summary, source, "
        + "authors, language, published_at, tags) to the raw topic as NewsReport Avro events keyed by report id.",
        "Invalid lines are listed with their line numbers and reasons and are not published; valid lines are. "
            + "Exit status 1 when any line was rejected."})
public final class IngestCommand implements Callable<Integer> {
  private static final int SHOWN_REJECTIONS = 20;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "JSON Lines files.")
  List<Path> files;

  @Override
  public Integer call() throws IOException {
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new UserException("no such file: " + file);
      }
    }
    IngestConfig config = IngestConfig.fromEnvironment(Workspace.current().connectionOverrides());
    List<ImportSummary> summaries = importAll(config, files);
    return summaries.stream().allMatch(ImportSummary::isClean) ? 0 : 1;
  }

  /** Imports the files and prints a summary of each; used by the demo too. */
  public static List<ImportSummary> importAll(IngestConfig config, List<Path> files) throws IOException {
    List<ImportSummary> summaries = new ArrayList<>();
    try (ReportPublisher publisher = new ReportPublisher(config)) {
      JsonlImporter importer = new JsonlImporter(new JsonReportParser(config.getInt(IngestConfig.MAX_REPORT_BYTES)), publisher);
      for (Path file : files) {
        ImportSummary summary = importer.importFile(file);
        summaries.add(summary);
        System.out.println(file + ": " + summary + " (topic " + publisher.topic() + ")");
        List<ImportSummary.Rejection> problems = new ArrayList<>(summary.rejected());
        problems.addAll(summary.failed());
        problems.stream().limit(SHOWN_REJECTIONS).forEach(r -> System.out.println("  " + r));
        if (problems.size() > SHOWN_REJECTIONS) {
          System.out.println("  ... and " + (problems.size() - SHOWN_REJECTIONS) + " more");
        }
      }
    }
    return summaries;
  }
}
