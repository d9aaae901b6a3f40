package io.lodestone.producers.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.core.config.CommonOptions;
import io.lodestone.producers.IngestConfig;
import io.lodestone.producers.RawTopic;
import io.lodestone.producers.publish.ReportPublisher;
import io.lodestone.schemas.IngestChannel;
import io.lodestone.schemas.NewsReport;
import io.lodestone.testkit.TestStack;
import io.lodestone.testkit.TestStackExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** File and directory import into a real broker and registry; asserts the summary and exactly what reaches the raw topic. */
@ExtendWith(TestStackExtension.class)
class FileImportIT {
  @TempDir
  Path dir;

  private static IngestConfig config(TestStack stack, String topic) {
    return new IngestConfig(Map.of(CommonOptions.BOOTSTRAP_SERVERS, stack.bootstrapServers(),
        CommonOptions.SCHEMA_REGISTRY_URL, stack.registryUrl(), CommonOptions.TOPIC_RAW, topic));
  }

  private static FileImporter importer(IngestConfig config, ReportPublisher publisher) {
    return new FileImporter(new JsonReportParser(config.getInt(IngestConfig.MAX_REPORT_BYTES)), publisher, 2,
        config.getInt(IngestConfig.MAX_REPORT_BYTES));
  }

  @Test
  void importsADirectoryOfEveryFormatAndRejectsBadLinesWithReasons(TestStack stack) throws Exception {
    Path input = Files.createDirectories(dir.resolve("in/nested"));
    Files.writeString(dir.resolve("in/reports.jsonl"), String.join("\n",
        "{\"url\":\"https://news.example/a?utm_source=x\",\"title\":\"Antimony prices soar\",\"body\":\"Prices doubled.\",\"source\":\"Metal Bulletin\"}",
        "not json",
        "",
        "{\"title\":\"\",\"body\":\"\"}",
        "{\"url\":\"https://news.example/a\",\"title\":\"Antimony prices soar (copy)\",\"body\":\"Same URL.\"}",
        "{\"title\":\"No URL\",\"body\":\"Identified by content.\",\"published_at\":\"2026-01-02\"}",
        "{\"url\":\"ftp://news.example/b\",\"title\":\"Bad URL\",\"body\":\"x\",\"published_at\":\"yesterday\"}") + "\n");
    Files.write(dir.resolve("in/latin1.jsonl"), "{\"title\":\"Caf\u00e9\",\"body\":\"x\"}\n".getBytes(StandardCharsets.ISO_8859_1));
    Files.writeString(input.resolve("note.md"), "---\nurl: https://news.example/md\nsource: Analyst\n---\n# Tungsten quota cut\n\nQuota falls 10%.\n");
    Files.writeString(input.resolve("plain.txt"), "Cobalt stockpile\nThe agency buys cobalt.\n");
    Files.writeString(input.resolve("page.html"), "<html><head><title>Nickel page</title>"
        + "<link rel=canonical href='https://news.example/nickel'></head><body><article><p>Nickel output rose.</p></article></body></html>");
    Files.writeString(input.resolve("ignored.csv"), "a,b\n");
    Files.writeString(input.resolve(".hidden.md"), "Hidden\nnot imported\n");

    String topic = RawTopic.unique("raw-files");
    IngestConfig config = config(stack, topic);
    InputFiles.Inputs inputs = InputFiles.expand(List.of(dir.resolve("in")));
    assertThat(inputs.skipped()).extracting(p -> p.getFileName().toString()).containsExactly("ignored.csv");
    ImportSummary summary = new ImportSummary();
    try (ReportPublisher publisher = new ReportPublisher(config)) {
      importer(config, publisher).importFiles(inputs.files(), summary, bytes -> {});
    }

    assertThat(summary.files()).isEqualTo(5);
    assertThat(summary.read()).isEqualTo(6 + 1 + 3);
    assertThat(summary.published()).isEqualTo(2 + 3);
    assertThat(summary.alreadySeen()).isEqualTo(1);
    assertThat(summary.rejectedCount()).isEqualTo(4);
    List<String> rejections = new ArrayList<>();
    summary.rejected().forEach(r -> rejections.add(Path.of(r.file()).getFileName() + ":" + r.line() + ": " + String.join("; ", r.reasons())));
    assertThat(rejections).anyMatch(r -> r.startsWith("reports.jsonl:2: not valid JSON: Unrecognized token 'not'"));
    rejections.removeIf(r -> r.startsWith("reports.jsonl:2: "));
    assertThat(rejections).containsExactlyInAnyOrder(
        "reports.jsonl:4: title: title and body are both empty",
        "reports.jsonl:7: url: not an absolute http(s) URL: ftp://news.example/b; published_at: cannot read \"yesterday\" as an ISO-8601 date-time",
        "latin1.jsonl:1: not valid UTF-8");
    assertThat(summary.isClean()).isFalse();

    List<NewsReport> reports = RawTopic.read(stack.bootstrapServers(), stack.registryUrl(), topic);
    assertThat(reports).extracting(NewsReport::getTitle).containsExactlyInAnyOrder("Antimony prices soar", "No URL",
        "Tungsten quota cut", "Cobalt stockpile", "Nickel page");
    assertThat(reports).allSatisfy(r -> assertThat(r.getChannel()).isEqualTo(IngestChannel.FILE));
    NewsReport markdown = reports.stream().filter(r -> r.getTitle().equals("Tungsten quota cut")).findFirst().orElseThrow();
    assertThat(markdown.getSource().getName()).isEqualTo("Analyst");
    assertThat(markdown.getContentType()).isEqualTo("text/markdown");
    assertThat(reports.stream().filter(r -> r.getTitle().equals("Nickel page")).findFirst().orElseThrow().getCanonicalUrl())
        .isEqualTo("https://news.example/nickel");
  }

  @Test
  void watchImportsNewFilesOnceFinishedAndRemembersThemAcrossRestarts(TestStack stack) throws Exception {
    Path watched = Files.createDirectories(dir.resolve("drop"));
    Path ledgerFile = dir.resolve("state/drop.ledger");
    String topic = RawTopic.unique("raw-watch");
    IngestConfig config = config(stack, topic);
    ImportSummary total = new ImportSummary();
    try (ReportPublisher publisher = new ReportPublisher(config)) {
      FileImporter importer = importer(config, publisher);
      DirectoryWatcher watcher = new DirectoryWatcher(List.of(watched), new WatchLedger(ledgerFile), Duration.ofMillis(10));
      DirectoryWatcher.Batch batch = files -> importer.importFiles(files, total, bytes -> {});
      Files.writeString(watched.resolve("one.txt"), "First drop\nBody one.\n");
      assertThat(watcher.scanOnce(batch)).as("a file is imported only once it stopped changing").isZero();
      assertThat(watcher.scanOnce(batch)).isEqualTo(1);
      assertThat(watcher.scanOnce(batch)).isZero();
      Files.writeString(watched.resolve("two.md"), "# Second drop\n\nBody two.\n");
      watcher.scanOnce(batch);
      assertThat(watcher.scanOnce(batch)).isEqualTo(1);

      DirectoryWatcher restarted = new DirectoryWatcher(List.of(watched), new WatchLedger(ledgerFile), Duration.ofMillis(10));
      assertThat(restarted.pending()).isEmpty();
      restarted.scanOnce(batch);
      assertThat(restarted.scanOnce(batch)).isZero();
    }
    assertThat(total.published()).isEqualTo(2);
    assertThat(RawTopic.read(stack.bootstrapServers(), stack.registryUrl(), topic)).extracting(NewsReport::getTitle)
        .containsExactlyInAnyOrder("First drop", "Second drop");
  }
}
