package io.lodestone.sink.app;

import io.lodestone.core.retry.Backoff;
import io.lodestone.sink.es.BulkAction;
import io.lodestone.sink.es.BulkIndexer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends bulk requests on a bounded number of worker threads and sees each one through: what Elasticsearch
 * cannot take now (connection failure, 429, 5xx) is retried with backoff until it can, what it refuses
 * for good is handed to the listener for the dead-letter topic, and a report that exists already is merged
 * into its document. Only then is the request complete and its records safe to commit.
 *
 * <p>{@link #tryDispatch} refuses a request while all workers are busy (the caller pauses consumption:
 * backpressure) or while an earlier request still holds one of its document ids, so that two versions of
 * a document, or two duplicate notices of one report, are never written concurrently out of order.
 */
final class BulkDispatcher<T> implements AutoCloseable {
  /** Sends one bulk request and sorts its outcome per action ({@link BulkIndexer#index}). */
  @FunctionalInterface
  interface Sender<T> {
    BulkIndexer.Outcome<T> send(List<BulkAction<T>> actions);
  }

  /** What the dispatcher reports to the app. Called on worker threads. */
  interface Listener<T> {
    /** Elasticsearch refused the action for good; returns once the dead letter is safe. */
    void rejected(BulkAction<T> action, String reason);

    /** Some actions are retried after the delay. */
    void retrying(int actions, String reason, long delayMs);

    /** Every action of the request was written or rejected. */
    void completed(List<BulkAction<T>> request, int written);

    /** A request could not be seen through for a reason that retrying does not fix: the app must stop. */
    void failed(Throwable error);
  }

  private final Sender<T> sender;
  private final Listener<T> listener;
  private final int maxInFlight;
  private final long backoffInitialMs;
  private final long backoffMaxMs;
  private final Semaphore slots;
  private final Set<String> idsInFlight = ConcurrentHashMap.newKeySet();
  private final ExecutorService workers;

  BulkDispatcher(Sender<T> sender, Listener<T> listener, int maxInFlight, long backoffInitialMs, long backoffMaxMs) {
    this.sender = sender;
    this.listener = listener;
    this.maxInFlight = maxInFlight;
    this.backoffInitialMs = backoffInitialMs;
    this.backoffMaxMs = backoffMaxMs;
    this.slots = new Semaphore(maxInFlight);
    this.workers = Executors.newFixedThreadPool(maxInFlight, runnable -> {
      Thread thread = new Thread(runnable, "sink-bulk");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Starts the request unless all workers are busy or an earlier request holds one of its ids; returns
   * whether it started. Called from one thread only.
   */
  boolean tryDispatch(List<BulkAction<T>> request) {
    for (BulkAction<T> action : request) {
      if (idsInFlight.contains(action.id())) {
        return false;
      }
    }
    if (!slots.tryAcquire()) {
      return false;
    }
    request.forEach(action -> idsInFlight.add(action.id()));
    workers.execute(() -> run(request));
    return true;
  }

  /** Requests being sent or retried now. */
  int inFlight() {
    return maxInFlight - slots.availablePermits();
  }

  /** Waits until no request is in flight; returns false when the timeout came first. */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    if (!slots.tryAcquire(maxInFlight, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return false;
    }
    slots.release(maxInFlight);
    return true;
  }

  private void run(List<BulkAction<T>> request) {
    try {
      seeThrough(request);
    } catch (InterruptedException e) {
      // Shutting down: the request stays incomplete, so its records are not committed and come back.
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      listener.failed(e);
    } finally {
      request.forEach(action -> idsInFlight.remove(action.id()));
      slots.release();
    }
  }

  private void seeThrough(List<BulkAction<T>> request) throws InterruptedException {
    Backoff backoff = new Backoff(backoffInitialMs, backoffMaxMs);
    List<BulkAction<T>> pending = request;
    int written = 0;
    while (!pending.isEmpty()) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException();
      }
      BulkIndexer.Outcome<T> outcome = sender.send(pending);
      written += outcome.written().size();
      for (BulkIndexer.Rejected<T> rejected : outcome.rejected()) {
        listener.rejected(rejected.action(), rejected.reason());
      }
      List<BulkAction<T>> next = new ArrayList<>(outcome.retry());
      outcome.exists().forEach(action -> next.add(action.asMerge()));
      if (outcome.retry().isEmpty()) {
        backoff.reset();
      } else {
        long delay = backoff.nextDelayMs();
        listener.retrying(outcome.retry().size(), outcome.retryReason(), delay);
        Thread.sleep(delay);
      }
      pending = next;
    }
    listener.completed(request, written);
  }

  /** Stops the workers; requests still in flight are abandoned (not completed, so not committed). */
  @Override
  public void close() {
    workers.shutdownNow();
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
