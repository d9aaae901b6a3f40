package io.lodestone.producers.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeedParserTest {
  static byte[] fixture(String name) throws IOException {
    try (InputStream in = FeedParserTest.class.getResourceAsStream("/feeds/" + name)) {
      return in.readAllBytes();
    }
  }

  private static final FeedDefinition FEED = new FeedDefinition(URI.create("https://minerals.example/rss"), "Minerals Wire",
      Duration.ofMinutes(15), null, false);

  @Test
  void readsRss2WithCdataHtmlAndContentEncoded() throws Exception {
    SyndFeed feed = FeedParser.parse(fixture("rss2.xml"), "application/rss+xml");
    SyndEntry first = feed.getEntries().get(0);
    var fields = FeedItems.fields(FEED, feed, first);
    assertThat(fields.get("title").asText()).isEqualTo("Lithium refinery in Nevada secures $1.2bn loan");
    assertThat(fields.get("summary").asText()).isEqualTo("The Department of Energy approved a loan for a lithium hydroxide refinery.");
    assertThat(fields.get("body").asText()).contains("spodumene concentrate").doesNotContain("track()").doesNotContain("<p>");
    assertThat(fields.get("published_at").asLong()).isEqualTo(java.time.Instant.parse("2026-01-06T09:30:00Z").toEpochMilli());
    assertThat(fields.get("authors").get(0).asText()).isEqualTo("Ana Ruiz");
    assertThat(fields.get("tags")).hasSize(2);
    assertThat(fields.get("language").asText()).isEqualTo("en");
    assertThat(fields.get("content_type").asText()).isEqualTo("application/rss+xml");
    var second = FeedItems.fields(FEED, feed, feed.getEntries().get(1));
    assertThat(second.has("published_at")).as("an item without a date has no publication time").isFalse();
  }

  @Test
  void readsAtomWithRelativeLinksAndTheLanguageHint() throws Exception {
    SyndFeed feed = FeedParser.parse(fixture("atom.xml"), "application/atom+xml");
    var fields = FeedItems.fields(new FeedDefinition(URI.create("https://batteries.example/feed.atom"), "Batteries Hebdo",
        Duration.ofMinutes(15), "fr", false), feed, feed.getEntries().get(0));
    assertThat(fields.get("url").asText()).isEqualTo("https://batteries.example/articles/recyclage-cobalt");
    assertThat(fields.get("title").asText()).isEqualTo("Recyclage du cobalt : une usine à Dunkerque");
    assertThat(fields.get("body").asText()).contains("récupérera le cobalt");
    assertThat(fields.get("language").asText()).isEqualTo("fr");
    assertThat(fields.get("content_type").asText()).isEqualTo("application/atom+xml");
  }

  @Test
  void readsRss1Rdf() throws Exception {
    SyndFeed feed = FeedParser.parse(fixture("rdf.xml"), "application/rdf+xml");
    assertThat(feed.getEntries()).hasSize(1);
    var fields = FeedItems.fields(FEED, feed, feed.getEntries().get(0));
    assertThat(fields.get("title").asText()).isEqualTo("Rare earth stockpile plan announced");
    assertThat(fields.get("content_type").asText()).isEqualTo("application/rdf+xml");
    assertThat(fields.has("published_at")).isTrue();
  }

  @Test
  void honoursTheDeclaredEncoding() throws Exception {
    SyndFeed feed = FeedParser.parse(fixture("latin1.xml"), "application/rss+xml");
    assertThat(feed.getEntries().get(0).getTitle()).isEqualTo("Nickel : la mine de Goro redémarre");
  }

  @Test
  void survivesAWronglyDeclaredEncoding() throws Exception {
    SyndFeed feed = FeedParser.parse(fixture("wrong-encoding.xml"), "text/xml; charset=utf-8");
    assertThat(feed.getEntries().get(0).getTitle()).startsWith("Nickel : la mine de Goro red");
  }

  @Test
  void refusesBrokenXml() {
    assertThatThrownBy(() -> FeedParser.parse(fixture("broken.xml"), "application/rss+xml"))
        .isInstanceOf(FeedParser.NotAFeedException.class).hasMessageStartingWith("not a readable RSS or Atom feed");
  }

  @Test
  void neverResolvesExternalEntities() {
    assertThatThrownBy(() -> FeedParser.parse(fixture("xxe.xml"), "application/rss+xml"))
        .isInstanceOf(FeedParser.NotAFeedException.class).hasMessageContaining("DOCTYPE")
        .hasMessageNotContaining("root:");
  }

  @Test
  void neverExpandsEntityBombs() {
    assertThatThrownBy(() -> FeedParser.parse(fixture("billion-laughs.xml"), "application/rss+xml"))
        .isInstanceOf(FeedParser.NotAFeedException.class).hasMessageContaining("DOCTYPE");
  }
}
