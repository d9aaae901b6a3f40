package io.lodestone.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestone.producers.file.JsonReportParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadCorpusTest {
  private final JsonReportParser parser = new JsonReportParser(100_000);
  private final List<String> rejected = new ArrayList<>();

  @TempDir
  Path dir;

  @Test
  void aJsonLinesCorpusKeepsItsValidReportsUnderTheRunsUrlsAndNamesTheRest() throws Exception {
    Path corpus = Files.writeString(dir.resolve("corpus.jsonl"), """
        {"url": "https://example.com/a", "title": "Cobalt output", "body": "Mines raised output."}
        not json
        {"url": "https://example.com/b", "title": "", "body": ""}
        {"url": "https://example.com/c", "title": "Lithium deal", "body": "A refinery was sold."}
        """);

    Workload.Reports reports = Workload.corpus(corpus, "run1", parser, rejected::add);

    assertThat(reports.reports()).extracting(report -> report.get("title").asText()).containsExactly("Cobalt output", "Lithium deal");
    assertThat(reports.reports()).extracting(report -> report.get("url").asText())
        .containsExactly(Workload.urlPrefix("run1") + 0, Workload.urlPrefix("run1") + 1);
    assertThat(rejected).hasSize(2);
    assertThat(rejected.get(0)).startsWith(corpus + ":2: rejected: not valid JSON");
    assertThat(rejected.get(1)).isEqualTo(corpus + ":3: rejected: title: title and body are both empty");
  }

  @Test
  void aReutersStoryWithoutTextIsNamedNotSilentlyLeftOut() throws Exception {
    Path corpus = Files.writeString(dir.resolve("reut2-x.sgm"), """
        <REUTERS NEWID="1"><DATE>26-FEB-1987 15:01:01.79</DATE><TEXT><TITLE>TIN OUTPUT UP</TITLE><BODY>Tin output rose.</BODY></TEXT></REUTERS>
        <REUTERS NEWID="2"><TEXT TYPE="UNPROC">&#2; Table only
        </TEXT></REUTERS>
        """);

    List<ObjectNode> reports = Workload.corpus(corpus, "run2", parser, rejected::add).reports();

    assertThat(reports).singleElement().satisfies(report -> {
      assertThat(report.get("url").asText()).isEqualTo(Workload.urlPrefix("run2") + 1);
      assertThat(report.get("published_at").asText()).isEqualTo("1987-02-26T15:01:01Z");
    });
    assertThat(rejected).containsExactly("urn:reuters21578:2: rejected: title: title and body are both empty");
  }
}
