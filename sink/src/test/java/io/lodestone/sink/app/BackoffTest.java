package io.lodestone.sink.app;

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
}
