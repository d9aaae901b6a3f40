package io.lodestone.sink.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.sink.es.BulkAction;
import org.junit.jupiter.api.Test;

class BulkBufferTest {
  private static BulkAction<Integer> action(int bytes) {
    return BulkAction.create("i", "id", new byte[bytes], 0);
  }

  @Test
  void isFullAtTheActionBound() {
    BulkBuffer<Integer> buffer = new BulkBuffer<>(2, 1_000_000, 1000);
    buffer.add(action(10), 0);
    assertThat(buffer.isFull()).isFalse();
    buffer.add(action(10), 0);
    assertThat(buffer.isFull()).isTrue();
    assertThat(buffer.fits(action(10))).isFalse();
    assertThat(buffer.drain()).hasSize(2);
    assertThat(buffer.drain()).as("starts over empty").isEmpty();
  }

  @Test
  void aDocumentThatWouldPassTheByteBoundStartsTheNextRequestButAnEmptyOneTakesAnything() {
    BulkBuffer<Integer> buffer = new BulkBuffer<>(100, 2_000, 1000);
    assertThat(buffer.fits(action(5_000))).isTrue();
    buffer.add(action(1_500), 0);
    assertThat(buffer.fits(action(1_000))).isFalse();
    assertThat(buffer.fits(action(100))).isTrue();
  }

  @Test
  void isDueWhenTheOldestActionWaitedTheFlushInterval() {
    BulkBuffer<Integer> buffer = new BulkBuffer<>(100, 1_000_000, 1000);
    assertThat(buffer.isDue(5_000)).isFalse();
    buffer.add(action(10), 5_000);
    buffer.add(action(10), 5_900);
    assertThat(buffer.isDue(5_999)).isFalse();
    assertThat(buffer.millisUntilDue(5_999)).isEqualTo(1);
    assertThat(buffer.isDue(6_000)).isTrue();
  }

  @Test
  void sendsAtOnceWhenCaughtUpOrNothingIsInFlightButKeepsFillingWhileRequestsAreInFlight() {
    BulkBuffer<Integer> buffer = new BulkBuffer<>(100, 1_000_000, 1000);
    assertThat(buffer.shouldSend(0, true, true)).as("nothing to send").isFalse();
    buffer.add(action(10), 0);
    assertThat(buffer.shouldSend(10, false, false)).as("records keep coming, a request in flight").isFalse();
    assertThat(buffer.shouldSend(10, false, true)).as("Elasticsearch idle").isTrue();
    assertThat(buffer.shouldSend(10, true, false)).as("caught up with the topics").isTrue();
    assertThat(buffer.shouldSend(1_000, false, false)).as("waited the flush interval").isTrue();
  }
}
