package io.lodestone.cli.ingest;

import io.lodestone.cli.UserException;
import io.lodestone.cli.Workspace;
import io.lodestone.core.config.CommonOptions;
import io.lodestone.core.kafka.BootstrapProbe;
import io.lodestone.producers.IngestConfig;
import io.lodestone.producers.file.DirectoryWatcher;
import io.lodestone.producers.file.FileImporter;
import io.lodestone.producers.file.ImportSummary;
import io.lodestone.producers.file.InputFiles;
import io.lodestone.producers.file.JsonReportParser;
import io.lodestone.producers.file.WatchLedger;
import io.lodestone.producers.publish.ReportPublisher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lodestone ingest PATH...}: publishes reports from files and directories to the raw topic. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Publish the reports of files and directories to the raw topic as NewsReport Avro events keyed by report id.",
        "Formats by extension: JSON Lines (.jsonl, .ndjson: one report per line with fields url, title, body, summary, source, "
            + "authors, language, published_at, tags, content_type), plain text (.txt) and Markdown (.md: title from YAML front "
            + "matter or the first line), HTML (.html, .htm: title, URL and date from the page's metadata, main text via jsoup). "
            + "Directories are read recursively; other files in them are skipped.",
        "Prints a summary: read, published, rejected (with file, line and reasons), already seen (same report id earlier in "
            + "this import, or a file imported before by --watch). Exit status 1 when anything was rejected or not "
            + "acknowledged by Kafka; rejected reports never stop the valid ones."})
public final class IngestCommand implements Callable<Integer> {
  private static final int SHOWN_REJECTIONS = 20;
  private static final long PROGRESS_MIN_BYTES = 1_000_000;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or directories.")
  List<Path> paths;

  @Option(names = "--watch", description = "After importing, keep importing new files dropped into the given directories "
      + "until stopped (Ctrl-C); files already imported are remembered in a ledger and skipped, also after a restart.")
  boolean watch;

  @Option(names = "--interval", defaultValue = "PT2S", description = "How often --watch looks for new files "
      + "(ISO-8601 duration, default ${DEFAULT-VALUE}); a file is imported once it stopped changing between two looks.")
  Duration interval;

  @Option(names = "--ledger", description = "The --watch ledger file (default: LODESTONE_HOME/data/ingest-watch/<directories hash>.ledger).")
  Path ledger;

  @Option(names = "--threads", description = "Threads that parse and publish (default: the number of cores).")
  Integer threads;

  @Option(names = "--no-progress", description = "Do not show the progress bar.")
  boolean noProgress;

  @Override
  public Integer call() throws Exception {
    if (threads != null && threads < 1) {
      throw new UserException("--threads must be at least 1; got " + threads);
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new UserException("--interval must be a positive duration such as PT2S; got " + interval);
    }
    InputFiles.Inputs inputs = inputs(paths);
    Workspace workspace = Workspace.current();
    IngestConfig config = IngestConfig.fromEnvironment(workspace.connectionOverrides());
    List<Path> directories = paths.stream().filter(Files::isDirectory).toList();
    if (watch && directories.isEmpty()) {
      throw new UserException("--watch needs at least one directory");
    }
    BootstrapProbe.requireListening(config.getString(CommonOptions.BOOTSTRAP_SERVERS));
    if (!watch) {
      return importAll(config, inputs, threads(), !noProgress).isClean() ? 0 : 1;
    }
    return watch(config, directories, ledger != null ? ledger : defaultLedger(workspace, directories)) ? 0 : 1;
  }

  /** Imports the files and prints a summary; used by the demo too. */
  public static List<ImportSummary> importAll(IngestConfig config, List<Path> files) throws IOException {
    return List.of(importAll(config, inputs(files), Runtime.getRuntime().availableProcessors(), false));
  }

  private static ImportSummary importAll(IngestConfig config, InputFiles.Inputs inputs, int threads, boolean progress)
      throws IOException {
    ImportSummary summary = new ImportSummary();
    try (ReportPublisher publisher = new ReportPublisher(config)) {
      FileImporter importer = new FileImporter(new JsonReportParser(config.getInt(IngestConfig.MAX_REPORT_BYTES)), publisher,
          threads, config.getInt(IngestConfig.MAX_REPORT_BYTES));
      runWithProgress(importer, inputs.files(), summary, progress);
      printSummary(summary, inputs, publisher.topic());
    }
    return summary;
  }

  private boolean watch(IngestConfig config, List<Path> directories, Path ledgerFile) throws Exception {
    ImportSummary total = new ImportSummary();
    WatchLedger watchLedger = new WatchLedger(ledgerFile);
    DirectoryWatcher watcher = new DirectoryWatcher(directories, watchLedger, interval);
    try (ReportPublisher publisher = new ReportPublisher(config)) {
      FileImporter importer = new FileImporter(new JsonReportParser(config.getInt(IngestConfig.MAX_REPORT_BYTES)), publisher,
          threads(), config.getInt(IngestConfig.MAX_REPORT_BYTES));
      List<Path> all = InputFiles.expand(directories).files();
      List<Path> pending = watcher.pending();
      if (all.size() > pending.size()) {
        System.out.printf("%,d file(s) already imported (ledger %s); skipping them%n", all.size() - pending.size(), ledgerFile);
      }
      runWithProgress(importer, pending, total, !noProgress);
      for (Path file : pending) {
        watchLedger.markDone(file);
      }
      System.out.println("Imported: " + total + ". Watching " + directories + " for new files (Ctrl-C to stop)...");
      CountDownLatch finished = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        watcher.stop();
        try {
          finished.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "ingest-watch-shutdown"));
      try {
        watcher.run(files -> {
          ImportSummary batch = new ImportSummary();
          importer.importFiles(files, batch, bytes -> {});
          files.forEach(f -> System.out.println("  " + f));
          System.out.println(files.size() + " new file(s): " + batch);
          printRejections(batch);
          total.add(batch);
        });
        System.out.println();
        printSummary(total, new InputFiles.Inputs(List.of(), List.of()), publisher.topic());
      } finally {
        finished.countDown();
      }
    }
    return total.isClean();
  }

  private static void runWithProgress(FileImporter importer, List<Path> files, ImportSummary summary, boolean progress)
      throws IOException {
    long totalBytes = 0;
    for (Path file : files) {
      totalBytes += Files.size(file);
    }
    if (!progress || totalBytes < PROGRESS_MIN_BYTES) {
      importer.importFiles(files, summary, bytes -> {});
      return;
    }
    try (ProgressBar bar = new ProgressBarBuilder().setTaskName("ingest").setInitialMax(totalBytes)
        .setUnit(" MB", 1_000_000).showSpeed().setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
      importer.importFiles(files, summary, bytes -> {
        bar.stepBy(bytes);
        bar.setExtraMessage(String.format(" %,d reports", summary.read()));
      });
    }
  }

  private static void printSummary(ImportSummary summary, InputFiles.Inputs inputs, String topic) {
    System.out.printf("%,d file(s): read %,d, published %,d, rejected %,d, already seen %,d%s (topic %s)%n", summary.files(),
        summary.read(), summary.published(), summary.rejectedCount(), summary.alreadySeen(),
        summary.failedCount() > 0 ? String.format(", not acknowledged by Kafka %,d", summary.failedCount()) : "", topic);
    if (!inputs.skipped().isEmpty()) {
      System.out.printf("  skipped %,d file(s) of unknown type, e.g. %s%n", inputs.skipped().size(), inputs.skipped().get(0));
    }
    printRejections(summary);
  }

  private static void printRejections(ImportSummary summary) {
    List<ImportSummary.Rejection> problems = new ArrayList<>(summary.rejected());
    problems.addAll(summary.failed());
    problems.sort(Comparator.comparing(ImportSummary.Rejection::file).thenComparingLong(ImportSummary.Rejection::line));
    problems.stream().limit(SHOWN_REJECTIONS).forEach(r -> System.out.println("  " + r));
    long more = summary.rejectedCount() + summary.failedCount() - Math.min(problems.size(), SHOWN_REJECTIONS);
    if (more > 0) {
      System.out.printf("  ... and %,d more%n", more);
    }
  }

  private static InputFiles.Inputs inputs(List<Path> paths) {
    try {
      return InputFiles.expand(paths);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  private int threads() {
    return threads != null ? threads : Runtime.getRuntime().availableProcessors();
  }

  private static Path defaultLedger(Workspace workspace, List<Path> directories) throws NoSuchAlgorithmException {
    String key = String.join("\n", directories.stream().map(d -> d.toAbsolutePath().normalize().toString()).sorted().toList());
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    return workspace.layout().data("ingest-watch").resolve(HexFormat.of().formatHex(hash, 0, 8) + ".ledger");
  }
}
