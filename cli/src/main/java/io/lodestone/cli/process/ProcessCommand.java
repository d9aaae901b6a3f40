package io.lodestone.cli.process;

import io.lodestone.cli.UserException;
import io.lodestone.producers.IngestConfig;
import io.lodestone.producers.file.JsonLinesFile;
import io.lodestone.producers.file.JsonReportParser;
import io.lodestone.schemas.NewsReport;
import io.lodestone.streams.StreamsAppConfig;
import io.lodestone.streams.offline.OfflineJson;
import io.lodestone.streams.offline.OfflineResult;
import io.lodestone.streams.offline.OfflineTopology;
import io.lodestone.streams.offline.ReutersReports;
import io.lodestone.streams.offline.ReutersSgmlReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lodestone process}: the streams topology without a broker, from a file to a file. */
@Command(name = "process", mixinStandardHelpOptions = true,
    description = {"Run the streams app's processing (normalize, deduplicate, enrich, classify: the same topology) "
        + "without a broker, for backfills and for evaluating taxonomy changes.",
        "Writes one JSON object per input: id, url, duplicate_of, similarity, dedup_method, language, relevance, themes, "
            + "countries, minerals, organizations, amounts, quantities. Options of the streams app (dedup.*) come from "
            + "LODESTONE_* environment variables, as for ./lodestone streams."})
public final class ProcessCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, paramLabel = "PATH",
      description = "Input: a JSON Lines file of reports (as for ingest), or with --format reuters-sgml a Reuters-21578 .sgm file or a directory of them.")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output JSON Lines file; - for standard output.")
  String out;

  @Option(names = "--format", defaultValue = "jsonl", paramLabel = "FORMAT",
      description = "jsonl (default) or reuters-sgml (stories in NEWID order, url urn:reuters21578:<NEWID>, published at their DATE).")
  String format;

  @Override
  public Integer call() throws IOException {
    List<String> rejected = new ArrayList<>();
    List<NewsReport> reports = read(rejected);
    rejected.forEach(System.err::println);
    int duplicates = 0;
    int dropped = 0;
    int deadLettered = 0;
    try (OfflineTopology topology = new OfflineTopology(StreamsAppConfig.fromEnvironment(Map.of()));
         Writer writer = open();
         ProgressBar bar = Progress.bar("process", reports.size())) {
      for (NewsReport report : reports) {
        OfflineResult result = topology.process(report);
        writer.write(OfflineJson.line(result));
        writer.write('\n');
        duplicates += result.isDuplicate() ? 1 : 0;
        dropped += result.isDropped() ? 1 : 0;
        deadLettered += result.deadLetter() != null ? 1 : 0;
        if (bar != null) {
          bar.step();
        }
      }
    }
    System.err.printf("processed %d reports: %d canonical, %d duplicates, %d re-deliveries dropped, %d failed; %d input %s rejected%n",
        reports.size(), reports.size() - duplicates - dropped - deadLettered, duplicates, dropped, deadLettered, rejected.size(),
        "reuters-sgml".equals(format) ? "stories" : "lines");
    return rejected.isEmpty() && deadLettered == 0 ? 0 : 1;
  }

  private List<NewsReport> read(List<String> rejected) throws IOException {
    if (!Files.exists(in)) {
      throw new UserException("no such file or directory: " + in);
    }
    return switch (format) {
      case "reuters-sgml" -> readReuters(rejected);
      case "jsonl" -> readJsonLines(rejected);
      default -> throw new UserException("unknown --format " + format + "; use jsonl or reuters-sgml");
    };
  }

  private List<NewsReport> readReuters(List<String> rejected) throws IOException {
    List<NewsReport> reports = ReutersSgmlReader.read(in, rejected::add).stream().map(ReutersReports::of).toList();
    if (reports.isEmpty() && !rejected.isEmpty()) {
      throw new UserException(ReutersInput.nothingRead(in, rejected));
    }
    return reports;
  }

  private List<NewsReport> readJsonLines(List<String> rejected) throws IOException {
    if (!Files.isRegularFile(in)) {
      throw new UserException(in + " is not a file; a directory needs --format reuters-sgml");
    }
    JsonReportParser parser = new JsonReportParser(IngestConfig.fromEnvironment(Map.of()).getInt(IngestConfig.MAX_REPORT_BYTES));
    List<NewsReport> reports = new ArrayList<>();
    JsonLinesFile.read(in, parser, entry -> {
      if (entry.parsed().ok()) {
        reports.add(entry.parsed().report());
      } else {
        rejected.add(entry.rejection(in));
      }
    });
    return reports;
  }

  private Writer open() throws IOException {
    if ("-".equals(out)) {
      return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    }
    return Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8);
  }
}
