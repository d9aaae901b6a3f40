package io.lodestone.core.time;

import java.time.Instant;

/**
 * The date that places a report in its monthly index: its publication date when plausible, else when
 * it was fetched. A pure function of the report, never of the clock, so that a replay months later puts
 * the report in the same index and overwrites it instead of duplicating it.
 */
public final class IndexDate {
  /** Publication dates outside [1970, 2100) are typos or placeholders (year 3000, 1900). */
  static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  private IndexDate() {}

  public static Instant of(Instant publishedAt, Instant fetchedAt) {
    if (publishedAt != null && !publishedAt.isBefore(EARLIEST) && publishedAt.isBefore(LATEST)) {
      return publishedAt;
    }
    return fetchedAt;
  }
}
