package io.lodestone.streams.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class DedupStateSerdesTest {
  private final Serde<RememberedReport> serde = DedupStateSerdes.rememberedReport();

  @Test
  void aRememberedReportRoundTripsWithItsShingleCount() {
    RememberedReport report = new RememberedReport("story", "00ff00ff00ff00ff", new char[] {1, MinHasher.EMPTY, 3}, 412);

    RememberedReport read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", report));

    assertThat(read.storyId()).isEqualTo("story");
    assertThat(read.fingerprint()).isEqualTo("00ff00ff00ff00ff");
    assertThat(read.signature()).containsExactly((char) 1, MinHasher.EMPTY, (char) 3);
    assertThat(read.shingles()).isEqualTo(412);
  }

  @Test
  void valuesWrittenBeforeTheShingleCountStillReadWithAnUnknownCount() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      out.writeUTF("story");
      out.writeUTF("fp");
      out.writeShort(2);
      out.writeChar(7);
      out.writeChar(9);
    }

    RememberedReport read = serde.deserializer().deserialize("t", bytes.toByteArray());

    assertThat(read.signature()).containsExactly((char) 7, (char) 9);
    assertThat(read.shingles()).isZero();
    assertThat(MinHasher.similarityBound(read.shingles(), 100)).isEqualTo(1.0);
  }

  @Test
  void anUnknownVersionIsRejectedWithItsNumber() {
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("version 9");
  }
}
