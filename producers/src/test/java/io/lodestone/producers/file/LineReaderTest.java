package io.lodestone.producers.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineReaderTest {
  @Test
  void splitsLinesAndSkipsOverlongOnes() throws Exception {
    String text = "one\r\n" + "x".repeat(100) + "\n\nlast";
    try (LineReader reader = new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 50)) {
      assertThat(new String(reader.next().bytes(), StandardCharsets.UTF_8)).isEqualTo("one");
      assertThat(reader.next().tooLong()).isTrue();
      assertThat(reader.next().bytes()).isEmpty();
      assertThat(new String(reader.next().bytes(), StandardCharsets.UTF_8)).isEqualTo("last");
      assertThat(reader.next()).isNull();
      assertThat(reader.consumed()).isEqualTo(text.length());
    }
  }
}
