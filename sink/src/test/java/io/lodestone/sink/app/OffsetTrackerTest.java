package io.lodestone.sink.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {
  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static final TopicPartition P1 = new TopicPartition("t", 1);

  @Test
  void commitsNeverPassARecordThatIsNotResolvedYet() {
    OffsetTracker tracker = new OffsetTracker();
    for (long offset = 10; offset < 15; offset++) {
      tracker.track(P0, offset);
    }
    assertThat(tracker.advanced(List.of(P0))).isEqualTo(Map.of(P0, new OffsetAndMetadata(10)));
    tracker.resolve(P0, 12);
    tracker.resolve(P0, 13);
    assertThat(tracker.advanced(List.of(P0))).as("10 is still unresolved").isEmpty();
    tracker.resolve(P0, 10);
    tracker.resolve(P0, 11);
    assertThat(tracker.advanced(List.of(P0))).isEqualTo(Map.of(P0, new OffsetAndMetadata(14)));
    tracker.resolve(P0, 14);
    assertThat(tracker.advanced(List.of(P0))).isEqualTo(Map.of(P0, new OffsetAndMetadata(15)));
    assertThat(tracker.unresolvedCount()).isZero();
  }

  @Test
  void partitionsAreIndependentAndForgottenOnesAreNotCommitted() {
    OffsetTracker tracker = new OffsetTracker();
    tracker.track(P0, 0);
    tracker.track(P1, 7);
    tracker.resolve(P1, 7);
    assertThat(tracker.advanced(List.of(P0, P1))).isEqualTo(Map.of(P0, new OffsetAndMetadata(0), P1, new OffsetAndMetadata(8)));
    tracker.forget(List.of(P0));
    tracker.resolve(P0, 0);
    assertThat(tracker.safe(List.of(P0, P1))).isEqualTo(Map.of(P1, new OffsetAndMetadata(8)));
  }
}
