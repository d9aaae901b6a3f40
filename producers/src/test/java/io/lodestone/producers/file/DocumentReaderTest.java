package io.lodestone.producers.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentReaderTest {
  @TempDir
  Path dir;

  @Test
  void markdownTitleFromFrontMatter() throws Exception {
    Path file = Files.writeString(dir.resolve("a.md"), """
        ---
        title: Graphite anode plant approved
        url: https://news.example/graphite
        date: 2026-01-09
        tags: [graphite, batteries]
        ---
        # Ignored heading

        The plant will make 50,000 t of anode material.
        """);
    ObjectNode fields = DocumentReader.read(file, ReportFileFormat.MARKDOWN).fields();
    assertThat(fields.get("title").asText()).isEqualTo("Graphite anode plant approved");
    assertThat(fields.get("url").asText()).isEqualTo("https://news.example/graphite");
    assertThat(fields.get("published_at").asText()).isEqualTo("2026-01-09");
    assertThat(fields.get("body").asText()).startsWith("# Ignored heading");
    assertThat(fields.get("content_type").asText()).isEqualTo("text/markdown");
  }

  @Test
  void textTitleFromTheFirstLine() throws Exception {
    Path file = Files.writeString(dir.resolve("a.txt"), "\n\n  Tin smelter restarts\nOutput resumes in March.\r\n");
    ObjectNode fields = DocumentReader.read(file, ReportFileFormat.TEXT).fields();
    assertThat(fields.get("title").asText()).isEqualTo("Tin smelter restarts");
    assertThat(fields.get("body").asText()).isEqualTo("Output resumes in March.");
  }

  @Test
  void markdownHeadingBecomesTheTitle() throws Exception {
    Path file = Files.writeString(dir.resolve("a.md"), "## Copper tariffs\n\nDuties rise to 25%.\n");
    assertThat(DocumentReader.read(file, ReportFileFormat.MARKDOWN).fields().get("title").asText()).isEqualTo("Copper tariffs");
  }

  @Test
  void htmlMetadataAndMainText() throws Exception {
    Path file = Files.writeString(dir.resolve("a.html"), "<html lang=en><head><title>Zinc</title>"
        + "<link rel=canonical href='https://news.example/zinc'><meta name=date content='3 Jan 2026'></head>"
        + "<body><nav>menu</nav><article><p>Zinc output fell.</p></article></body></html>");
    ObjectNode fields = DocumentReader.read(file, ReportFileFormat.HTML).fields();
    assertThat(fields.get("title").asText()).isEqualTo("Zinc");
    assertThat(fields.get("url").asText()).isEqualTo("https://news.example/zinc");
    assertThat(fields.get("body").asText()).isEqualTo("Zinc output fell.");
    assertThat(fields.has("published_at")).as("an unreadable page date is dropped").isFalse();
  }

  @Test
  void problemsAreOneSentence() throws Exception {
    Path latin1 = Files.write(dir.resolve("a.txt"), new byte[] {'T', 'i', 't', (byte) 0xe9, '\n'});
    assertThat(DocumentReader.read(latin1, ReportFileFormat.TEXT).problem()).isEqualTo("not valid UTF-8");
    Path open = Files.writeString(dir.resolve("b.md"), "---\ntitle: x\nbody\n");
    assertThat(DocumentReader.read(open, ReportFileFormat.MARKDOWN).problem()).contains("never ends");
    Path badYaml = Files.writeString(dir.resolve("c.md"), "---\ntitle: [unclosed\n---\nbody\n");
    assertThat(DocumentReader.read(badYaml, ReportFileFormat.MARKDOWN).problem())
        .isEqualTo("front matter is not valid YAML: expected ',' or ']', but got <stream end> (line 2, column 17)");
  }
}
