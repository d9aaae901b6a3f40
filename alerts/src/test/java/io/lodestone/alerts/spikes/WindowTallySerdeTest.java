package io.lodestone.alerts.spikes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class WindowTallySerdeTest {
  private final Serde<WindowTally> serde = WindowTallySerde.serde();

  private WindowTally roundTrip(WindowTally tally) {
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", tally));
  }

  @Test
  void readsBackWhatItWrote() {
    WindowTally tally = new WindowTally(123_456_789_012L, List.of("https://example.com/a", "urn:reuters21578:42", "",
        "https://例え.jp/記事?id=1"));
    assertThat(roundTrip(tally)).isEqualTo(tally);
    assertThat(roundTrip(WindowTally.empty())).isEqualTo(WindowTally.empty());
    assertThat(serde.serializer().serialize("t", null)).isNull();
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
  }

  @Test
  void readsTalliesWrittenAsJsonBefore() {
    WindowTally tally = new WindowTally(3, List.of("https://example.com/a", "https://example.com/b"));
    byte[] json = JsonSerde.of(WindowTally.class).serializer().serialize("t", tally);
    assertThat(serde.deserializer().deserialize("t", json)).isEqualTo(tally);
  }

  @Test
  void aCorruptValueIsASerializationError() {
    byte[] bytes = serde.serializer().serialize("t", new WindowTally(2, List.of("https://example.com/a")));
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", truncated))
        .isInstanceOf(SerializationException.class).hasMessageContaining("corrupt window tally");
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {7, 0}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("unknown window tally format 7");
  }
}
