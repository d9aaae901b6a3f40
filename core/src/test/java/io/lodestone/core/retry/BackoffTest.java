package io.lodestone.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void doublesWithJitterUpToTheCapAndStartsOverAfterASuccess() {
    Backoff backoff = new Backoff(100, 1_000);
    long[][] bounds = {{50, 100}, {100, 200}, {200, 400}, {400, 800}, {500, 1000}, {500, 1000}};
    for (long[] bound : bounds) {
      assertThat(backoff.nextDelayMs()).isBetween(bound[0], bound[1]);
    }
    backoff.reset();
    assertThat(backoff.nextDelayMs()).isBetween(50L, 100L);
  }

  @Test
  void statelessDelaysHonourRetryAfterWithinTheCap() {
    Backoff backoff = new Backoff(100, 1_000);
    assertThat(backoff.delayMs(3)).isBetween(200L, 400L);
    assertThat(backoff.delayMs(1, 700)).isEqualTo(700);
    assertThat(backoff.delayMs(1, 5_000)).isEqualTo(1_000);
    assertThat(backoff.delayMs(40)).isBetween(500L, 1_000L);
  }
}
