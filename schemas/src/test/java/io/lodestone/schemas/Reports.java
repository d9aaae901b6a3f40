package io.lodestone.schemas;

import java.time.Instant;
import java.util.List;

/** Sample records for serde tests. */
public final class Reports {
  private Reports() {}

  public static NewsReport newsReport(String id) {
    return NewsReport.newBuilder()
        .setId(id)
        .setUrl("https://news.example/" + id)
        .setCanonicalUrl("https://news.example/" + id)
        .setSource(Source.newBuilder().setName("Example News").setDomain("news.example").build())
        .setTitle("India approves rare earth permanent magnet scheme")
        .setBody("The scheme with a financial outlay of Rs 7,280 crore aims at 6,000 tonnes per annum.")
        .setAuthors(List.of("A. Writer"))
        .setPublishedAt(Instant.parse("2026-01-13T08:00:00Z"))
        .setFetchedAt(Instant.parse("2026-01-13T08:05:00Z"))
        .setChannel(IngestChannel.FILE)
        .setTags(List.of("rare-earths"))
        .build();
  }
}
