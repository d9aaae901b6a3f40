package io.lodestone.producers.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** A feed's life in the poller: when it is due, whether a poll is under way, and how the last one went. */
final class FeedRun {
  private volatile FeedDefinition definition;
  private volatile Instant nextPoll;
  private volatile boolean polling;
  private volatile int failures;
  private volatile String lastError = "";
  private volatile Instant lastSuccess;
  private volatile long published;

  FeedRun(FeedDefinition definition, Instant firstPoll) {
    this.definition = definition;
    this.nextPoll = firstPoll;
  }

  FeedDefinition definition() {
    return definition;
  }

  void redefine(FeedDefinition newDefinition) {
    this.definition = newDefinition;
  }

  synchronized boolean startIfDue(Instant now) {
    if (polling || now.isBefore(nextPoll)) {
      return false;
    }
    polling = true;
    return true;
  }

  synchronized void succeeded(Instant now, int newItems) {
    polling = false;
    failures = 0;
    lastError = "";
    lastSuccess = now;
    published += newItems;
    nextPoll = now.plus(definition.pollInterval());
  }

  /** Schedules the retry: exponential backoff from {@code initial}, capped at {@code max}, with jitter (half to all of it). */
  synchronized Instant failed(Instant now, String error, Duration initial, Duration max) {
    polling = false;
    failures++;
    lastError = error;
    long base = initial.toMillis();
    for (int i = 1; i < failures && base < max.toMillis(); i++) {
      base *= 2;
    }
    base = Math.min(base, max.toMillis());
    long delay = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    nextPoll = now.plusMillis(delay);
    return nextPoll;
  }

  Instant nextPoll() {
    return nextPoll;
  }

  int failures() {
    return failures;
  }

  String lastError() {
    return lastError;
  }

  Instant lastSuccess() {
    return lastSuccess;
  }

  long published() {
    return published;
  }
}
