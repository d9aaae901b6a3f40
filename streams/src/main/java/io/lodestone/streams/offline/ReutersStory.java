package io.lodestone.streams.offline;

import java.time.Instant;
import java.util.List;

/**
 * One story of the Reuters-21578 collection: its NEWID, date, editor labels and text parts.
 * {@link #url()} is {@code urn:reuters21578:<NEWID>}, so that results join with the corpus labels.
 */
public record ReutersStory(int newId, Instant date, List<String> topics, List<String> places, List<String> orgs,
    String title, String dateline, String body) {

  public String url() {
    return "urn:reuters21578:" + newId;
  }

  /** The text Lodestone processes: title, dateline and body. */
  public String text() {
    return String.join("\n", title, dateline, body).strip();
  }
}
