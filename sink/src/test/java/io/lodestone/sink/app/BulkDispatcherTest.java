package io.lodestone.sink.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.sink.TestReports;
import io.lodestone.sink.es.BulkAction;
import io.lodestone.sink.es.BulkIndexer;
import io.lodestone.sink.es.ReportDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BulkDispatcherTest {
  private final Recorder listener = new Recorder();

  private static BulkAction<String> report(String id) {
    byte[] json = ReportDocument.json(TestReports.report(id, "t", "b", Instant.parse("2026-01-01T00:00:00Z")), Instant.EPOCH);
    return BulkAction.create("i", id, json, id);
  }

  private static BulkIndexer.Outcome<String> written(List<BulkAction<String>> actions) {
    return new BulkIndexer.Outcome<>(actions, List.of(), List.of(), List.of(), null);
  }

  @Test
  void refusesARequestWhileAllWorkersAreBusyThatIsBackpressure() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (BulkDispatcher<String> dispatcher = new BulkDispatcher<>(actions -> {
      await(release);
      return written(actions);
    }, listener, 1, 1, 10)) {
      assertThat(dispatcher.tryDispatch(List.of(report("a")))).isTrue();
      assertThat(dispatcher.tryDispatch(List.of(report("b")))).isFalse();
      assertThat(dispatcher.inFlight()).isEqualTo(1);
      release.countDown();
      assertThat(dispatcher.awaitIdle(Duration.ofSeconds(10))).isTrue();
      assertThat(dispatcher.tryDispatch(List.of(report("b")))).isTrue();
      assertThat(dispatcher.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }
    assertThat(listener.completed).containsExactly(1, 1);
  }

  @Test
  void neverSendsTwoRequestsHoldingTheSameDocumentIdAtOnce() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (BulkDispatcher<String> dispatcher = new BulkDispatcher<>(actions -> {
      await(release);
      return written(actions);
    }, listener, 2, 1, 10)) {
      assertThat(dispatcher.tryDispatch(List.of(report("a"), report("b")))).isTrue();
      assertThat(dispatcher.tryDispatch(List.of(report("c"), report("a")))).as("a is in flight").isFalse();
      assertThat(dispatcher.tryDispatch(List.of(report("c")))).isTrue();
      release.countDown();
      assertThat(dispatcher.awaitIdle(Duration.ofSeconds(10))).isTrue();
      assertThat(dispatcher.tryDispatch(List.of(report("a")))).isTrue();
      assertThat(dispatcher.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }
  }

  @Test
  void retriesWhatElasticsearchCannotTakeNowMergesWhatExistsAndHandsOnWhatItRefuses() throws Exception {
    BlockingQueue<List<BulkAction<String>>> sent = new LinkedBlockingQueue<>();
    BulkAction<String> retried = report("retried");
    BulkAction<String> existing = report("existing");
    BulkAction<String> refused = report("refused");
    try (BulkDispatcher<String> dispatcher = new BulkDispatcher<>(actions -> {
      sent.add(actions);
      if (sent.size() == 1) {
        return new BulkIndexer.Outcome<>(List.of(report("ok")), List.of(existing), List.of(retried),
            List.of(new BulkIndexer.Rejected<>(refused, "400 mapper_parsing_exception: no")), "429 es_rejected_execution_exception: busy");
      }
      return written(actions);
    }, listener, 1, 1, 10)) {
      assertThat(dispatcher.tryDispatch(List.of(report("ok"), existing, retried, refused))).isTrue();
      assertThat(dispatcher.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }
    sent.poll();
    List<BulkAction<String>> second = sent.poll();
    assertThat(second).extracting(BulkAction::id).containsExactly("retried", "existing");
    assertThat(second.get(0).op()).isEqualTo(BulkAction.Op.CREATE);
    BulkAction<String> merge = second.get(1);
    assertThat(merge.op()).isEqualTo(BulkAction.Op.UPSERT);
    assertThat(merge.doc().get("dedup").has("duplicate_count")).isFalse();
    assertThat(sent).isEmpty();
    assertThat(listener.rejected).containsExactly("refused: 400 mapper_parsing_exception: no");
    assertThat(listener.retrying).containsExactly("429 es_rejected_execution_exception: busy");
    assertThat(listener.completed).containsExactly(3);
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class Recorder implements BulkDispatcher.Listener<String> {
    final List<String> rejected = new CopyOnWriteArrayList<>();
    final List<String> retrying = new CopyOnWriteArrayList<>();
    final List<Integer> completed = new CopyOnWriteArrayList<>();

    @Override
    public void rejected(BulkAction<String> action, String reason) {
      rejected.add(action.id() + ": " + reason);
    }

    @Override
    public void retrying(int actions, String reason, long delayMs) {
      retrying.add(reason);
    }

    @Override
    public void completed(List<BulkAction<String>> request, int written) {
      completed.add(written);
    }

    @Override
    public void failed(Throwable error) {
      throw new AssertionError(error);
    }
  }
}
