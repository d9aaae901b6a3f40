package io.lodestone.producers.file;

import io.lodestone.producers.publish.ReportPublisher;
import io.lodestone.schemas.IngestChannel;
import io.lodestone.schemas.NewsReport;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports report files (JSON Lines, text, Markdown, HTML; see {@link ReportFileFormat}) to the raw
 * topic. JSON Lines files are read by one thread and parsed and published in chunks of lines by a few
 * workers, since parsing, hashing and Avro encoding cost more than reading; memory stays bounded (a
 * bounded queue of chunks, and Kafka's own buffer.memory). Invalid reports are rejected with their
 * line numbers and reasons and never stop the valid ones. A report whose id was already published in
 * the same import counts as already seen and is not sent again (with several workers, which copy is
 * first is not defined). Returns once Kafka acknowledged or refused every report sent.
 */
public final class FileImporter {
  private static final Logger LOG = LoggerFactory.getLogger(FileImporter.class);
  private static final int CHUNK_LINES = 256;

  private final JsonReportParser parser;
  private final ReportPublisher publisher;
  private final int threads;
  private final int maxLineBytes;
  private final Set<String> publishedIds = ConcurrentHashMap.newKeySet(1 << 16);

  public FileImporter(JsonReportParser parser, ReportPublisher publisher, int threads, int maxReportBytes) {
    this.parser = parser;
    this.publisher = publisher;
    this.threads = Math.max(1, threads);
    this.maxLineBytes = JsonLinesFile.maxLineBytes(maxReportBytes);
  }

  /** Imports one file into a new summary. */
  public ImportSummary importFile(Path file) throws IOException {
    ImportSummary summary = new ImportSummary();
    importFiles(List.of(file), summary, bytes -> {});
    return summary;
  }

  /**
   * Imports the files (each of a known format) into {@code summary}, calling {@code progress} with the
   * number of bytes read since the last call.
   */
  public void importFiles(List<Path> files, ImportSummary summary, LongConsumer progress) throws IOException {
    ThreadPoolExecutor workers = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
        new ArrayBlockingQueue<>(threads * 4), runnable -> {
          Thread thread = new Thread(runnable, "ingest-worker");
          thread.setDaemon(true);
          return thread;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    try {
      for (Path file : files) {
        summary.countFile();
        ReportFileFormat format = ReportFileFormat.of(file).orElseThrow(() ->
            new IllegalArgumentException(file + " is not a file type Lodestone reads"));
        if (format == ReportFileFormat.JSONL) {
          readLines(file, summary, workers, progress);
        } else {
          long size = Files.size(file);
          workers.execute(() -> {
            importDocument(file, format, summary);
            progress.accept(size);
          });
        }
      }
    } finally {
      workers.shutdown();
      awaitQuietly(workers);
      publisher.flush();
    }
  }

  private void readLines(Path file, ImportSummary summary, ThreadPoolExecutor workers, LongConsumer progress)
      throws IOException {
    String name = file.toString();
    try (LineReader lines = new LineReader(new BufferedInputStream(Files.newInputStream(file), 1 << 16), maxLineBytes)) {
      long lineNumber = 0;
      long reported = 0;
      List<byte[]> chunk = new ArrayList<>(CHUNK_LINES);
      long chunkStart = 1;
      LineReader.Line line;
      while ((line = lines.next()) != null) {
        lineNumber++;
        if (line.tooLong()) {
          summary.countRead();
          summary.reject(new ImportSummary.Rejection(name, lineNumber, List.of(
              JsonLinesFile.tooLong(maxLineBytes))));
          chunk.add(new byte[0]);
        } else {
          chunk.add(line.bytes());
        }
        if (chunk.size() == CHUNK_LINES) {
          submit(name, chunkStart, chunk, summary, workers);
          chunk = new ArrayList<>(CHUNK_LINES);
          chunkStart = lineNumber + 1;
          progress.accept(lines.consumed() - reported);
          reported = lines.consumed();
        }
      }
      submit(name, chunkStart, chunk, summary, workers);
      progress.accept(lines.consumed() - reported);
    }
  }

  private void submit(String file, long firstLine, List<byte[]> chunk, ImportSummary summary, ThreadPoolExecutor workers) {
    if (!chunk.isEmpty()) {
      workers.execute(() -> importLines(file, firstLine, chunk, summary));
    }
  }

  private void importLines(String file, long firstLine, List<byte[]> lines, ImportSummary summary) {
    long lineNumber = firstLine;
    for (byte[] bytes : lines) {
      long at = lineNumber++;
      if (LineReader.isBlank(bytes)) {
        continue;
      }
      summary.countRead();
      publish(parser.parse(bytes, IngestChannel.FILE, Instant.now()), file, at, summary);
    }
  }

  private void importDocument(Path file, ReportFileFormat format, ImportSummary summary) {
    String name = file.toString();
    summary.countRead();
    DocumentReader.Result result;
    try {
      result = DocumentReader.read(file, format);
    } catch (IOException e) {
      summary.reject(new ImportSummary.Rejection(name, 0, List.of("cannot read the file: " + e.getMessage())));
      return;
    }
    if (result.problem() != null) {
      summary.reject(new ImportSummary.Rejection(name, 0, List.of(result.problem())));
      return;
    }
    publish(parser.parse(result.fields(), IngestChannel.FILE, Instant.now()), name, 0, summary);
  }

  private void publish(JsonReportParser.Parsed parsed, String file, long line, ImportSummary summary) {
    if (!parsed.ok()) {
      summary.reject(new ImportSummary.Rejection(file, line, parsed.reasons()));
      return;
    }
    NewsReport report = parsed.report();
    if (!publishedIds.add(report.getId())) {
      summary.countAlreadySeen();
      return;
    }
    publisher.publish(report, (metadata, error) -> {
      if (error == null) {
        summary.countPublished();
      } else {
        publishedIds.remove(report.getId());
        LOG.warn("report {} from {}{} was not published: {}", report.getId(), file, line > 0 ? ":" + line : "", error.getMessage());
        summary.fail(new ImportSummary.Rejection(file, line, List.of("Kafka did not acknowledge it: " + error.getMessage())));
      }
    });
  }

  private static void awaitQuietly(ThreadPoolExecutor workers) {
    try {
      while (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
        LOG.info("still importing ({} chunks queued)", workers.getQueue().size());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      workers.shutdownNow();
    }
  }
}
