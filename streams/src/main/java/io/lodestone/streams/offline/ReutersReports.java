package io.lodestone.streams.offline;

import io.lodestone.producers.id.ReportIds;
import io.lodestone.schemas.IngestChannel;
import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.Source;
import java.time.Instant;
import java.util.List;

/**
 * A Reuters-21578 story as a {@link NewsReport}: its URL is {@code urn:reuters21578:<NEWID>} (so results
 * join with the corpus labels), published at the story's DATE, the title its TITLE and the body its
 * DATELINE then BODY. The editors' labels stay out of the report: they are what evaluations measure against.
 */
public final class ReutersReports {
  private ReutersReports() {}

  public static NewsReport of(ReutersStory story) {
    Instant date = story.date() == null ? Instant.EPOCH : story.date();
    String body = story.dateline().isEmpty() ? story.body() : story.dateline() + " " + story.body();
    return NewsReport.newBuilder()
        .setId(ReportIds.fromCanonicalUrl(story.url())).setUrl(story.url()).setCanonicalUrl(story.url())
        .setSource(Source.newBuilder().setName("Reuters").build())
        .setTitle(story.title()).setBody(body).setLanguage("en")
        .setPublishedAt(story.date()).setFetchedAt(date)
        .setChannel(IngestChannel.FILE).setContentType("application/sgml").setTags(List.of())
        .build();
  }
}
