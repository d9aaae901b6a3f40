package io.lodestone.streams.enrich;

import io.lodestone.schemas.Dedup;
import io.lodestone.schemas.EnrichedReport;
import io.lodestone.schemas.Entities;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.NormalizedText;
import io.lodestone.schemas.Processing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** The walking skeleton's enrichment: whitespace-normalized text and a content fingerprint. */
public final class SkeletonEnricher {
  private SkeletonEnricher() {}

  public static EnrichedReport enrich(NewsReport report, Instant receivedAt) {
    String title = collapse(report.getTitle());
    String body = collapse(report.getBody());
    return EnrichedReport.newBuilder()
        .setReport(report)
        .setText(NormalizedText.newBuilder().setTitle(title).setBody(body).build())
        .setLanguage(report.getLanguage())
        .setEntities(Entities.newBuilder().build())
        .setDedup(Dedup.newBuilder().setFingerprint(sha256(title + "\n" + body)).setStoryId(report.getId())
            .setSourcesSeen(List.of(report.getSource().getName())).build())
        .setProcessing(Processing.newBuilder().setReceivedAt(receivedAt).setProcessedAt(Instant.now()).build())
        .build();
  }

  private static String collapse(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s+", " ");
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
