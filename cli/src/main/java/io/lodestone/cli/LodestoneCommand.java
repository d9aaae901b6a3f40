package io.lodestone.cli;

import io.lodestone.cli.bench.BenchCommand;
import io.lodestone.cli.alerts.AlertsCommand;
import io.lodestone.cli.demo.DemoCommand;
import io.lodestone.cli.ingest.IngestCommand;
import io.lodestone.cli.run.ApiCommand;
import io.lodestone.cli.run.FeedsCommand;
import io.lodestone.cli.process.ProcessCommand;
import io.lodestone.cli.process.QualityCommand;
import io.lodestone.cli.run.SinkCommand;
import io.lodestone.cli.run.StreamsCommand;
import io.lodestone.cli.search.SearchCommand;
import io.lodestone.cli.stack.DownCommand;
import io.lodestone.cli.stack.StatusCommand;
import io.lodestone.cli.stack.UpCommand;
import io.lodestone.core.kafka.KafkaUnreachableException;
import io.lodestone.stack.StackException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lodestone} command and its subcommands. */
@Command(name = "lodestone", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Supply-chain news ingestion: Avro events on Kafka, enriched by Kafka Streams, indexed into Elasticsearch.",
    subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, IngestCommand.class, DemoCommand.class,
        SearchCommand.class, StreamsCommand.class, SinkCommand.class, AlertsCommand.class, FeedsCommand.class,
        ApiCommand.class, ProcessCommand.class, QualityCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class LodestoneCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** The command line, with errors a user can act on printed as one sentence instead of a stack trace. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new LodestoneCommand());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true); // --min-severity high as well as HIGH
    commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
      cl.getErr().println("lodestone: " + userMessage(e));
      if (System.getenv("LODESTONE_DEBUG") != null) {
        e.printStackTrace(cl.getErr());
      }
      return 2;
    });
    return commandLine;
  }

  /** The message of the most telling exception in the chain. */
  static String userMessage(Throwable e) {
    Throwable shown = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StackException || t instanceof UserException || t instanceof KafkaUnreachableException) {
        return t.getMessage();
      }
      if (t instanceof FileSystemException file && file.getFile() != null) {
        return fileProblem(file);
      }
    }
    // a wrapper made with new X(cause) only repeats "java.lang.SomeException: message"
    while (shown.getCause() != null && (shown.getMessage() == null || shown.getMessage().isBlank()
        || shown.getMessage().equals(shown.getCause().toString()))) {
      shown = shown.getCause();
    }
    String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
    return message + " (set LODESTONE_DEBUG=1 for the stack trace)";
  }

  /**
   * A file that could not be read or written, in the shell's words: java.nio's own message is the bare path
   * ({@code lodestone: out/x.jsonl}), which says neither what failed nor why.
   */
  private static String fileProblem(FileSystemException e) {
    String file = e.getFile() + (e.getOtherFile() == null ? "" : " -> " + e.getOtherFile());
    if (e instanceof NoSuchFileException) {
      return "no such file or directory: " + file;
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied: " + file;
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory: " + file;
    }
    if (e instanceof FileAlreadyExistsException) {
      return "already exists: " + file;
    }
    return file + ": " + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason());
  }
}
