package io.lodestone.producers.file;

import io.lodestone.producers.publish.ReportPublisher;
import io.lodestone.schemas.IngestChannel;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a JSON Lines file: one report per line ({@link JsonReportParser} documents the fields).
 * Invalid lines are rejected with their line numbers and reasons; they never stop the valid ones.
 * Returns once Kafka acknowledged (or refused) every published report.
 */
public final class JsonlImporter {
  private static final Logger LOG = LoggerFactory.getLogger(JsonlImporter.class);

  private final JsonReportParser parser;
  private final ReportPublisher publisher;

  public JsonlImporter(JsonReportParser parser, ReportPublisher publisher) {
    this.parser = parser;
    this.publisher = publisher;
  }

  public ImportSummary importFile(Path file) throws IOException {
    ImportSummary summary = new ImportSummary();
    List<CompletableFuture<?>> pending = new ArrayList<>();
    String name = file.toString();
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
      long lineNumber = 0;
      while (true) {
        String line;
        try {
          line = in.readLine();
        } catch (CharacterCodingException e) {
          summary.countRead();
          summary.reject(new ImportSummary.Rejection(name, lineNumber + 1, List.of("not valid UTF-8; the rest of the file was not read")));
          break;
        }
        if (line == null) {
          break;
        }
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        summary.countRead();
        JsonReportParser.Parsed parsed = parser.parse(line, IngestChannel.FILE, Instant.now());
        if (!parsed.ok()) {
          summary.reject(new ImportSummary.Rejection(name, lineNumber, parsed.problems()));
          continue;
        }
        long at = lineNumber;
        String id = parsed.report().getId();
        pending.add(publisher.publish(parsed.report()).whenComplete((metadata, error) -> {
          if (error == null) {
            summary.countPublished();
          } else {
            LOG.warn("report {} from {}:{} was not published: {}", id, name, at, error.getMessage());
            summary.fail(new ImportSummary.Rejection(name, at, List.of("Kafka did not acknowledge it: " + error.getMessage())));
          }
        }));
      }
    }
    publisher.flush();
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    return summary;
  }
}
