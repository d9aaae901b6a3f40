package io.lodestone.producers.feed;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import io.lodestone.producers.id.UrlCanonicalizer;
import io.lodestone.producers.text.ArticleExtractor;
import java.net.URI;
import java.util.Date;
import java.util.Locale;

/**
 * Turns a feed item into the report fields {@link io.lodestone.producers.file.JsonReportParser} validates, so that feeds follow
 * the same rules as files and the HTTP API: the link (resolved against the feed URL) as the report URL,
 * title and description as plain text (HTML and CDATA decoded), the richest content as the body
 * (content:encoded or Atom content, else the description), publication or else update date (none when
 * the feed gives neither), authors, categories as tags, and the language hint of the feeds file or the
 * feed's own language.
 */
final class FeedItems {
  private FeedItems() {}

  static ObjectNode fields(FeedDefinition definition, SyndFeed feed, SyndEntry entry) {
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    String link = link(definition.url(), entry);
    if (link != null) {
      fields.put("url", link);
    }
    fields.put("title", ArticleExtractor.fragmentToText(entry.getTitle()));
    String description = entry.getDescription() == null ? "" : ArticleExtractor.fragmentToText(entry.getDescription().getValue());
    String content = "";
    for (SyndContent part : entry.getContents()) {
      String text = ArticleExtractor.fragmentToText(part.getValue());
      if (text.length() > content.length()) {
        content = text;
      }
    }
    fields.put("body", content.length() > description.length() ? content : description);
    if (!description.isEmpty()) {
      fields.put("summary", description);
    }
    ObjectNode source = fields.putObject("source");
    source.put("name", definition.source());
    source.put("feed_url", definition.url().toString());
    Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    if (date != null) {
      fields.put("published_at", date.getTime());
    }
    ArrayNode authors = fields.putArray("authors");
    for (SyndPerson person : entry.getAuthors()) {
      if (person.getName() != null && !person.getName().isBlank()) {
        authors.add(person.getName().strip());
      }
    }
    if (authors.isEmpty() && entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
      authors.add(entry.getAuthor().strip());
    }
    ArrayNode tags = fields.putArray("tags");
    for (SyndCategory category : entry.getCategories()) {
      if (category.getName() != null && !category.getName().isBlank()) {
        tags.add(category.getName().strip());
      }
    }
    String language = language(definition.language() != null ? definition.language() : feed.getLanguage());
    if (language != null) {
      fields.put("language", language);
    }
    fields.put("content_type", contentType(feed));
    return fields;
  }

  /** Adds the full article's text as the body, keeping the feed's description as the summary. */
  static void useArticle(ObjectNode fields, ArticleExtractor.Article article) {
    fields.put("body", article.text());
    fields.put("content_type", "text/html");
  }

  private static String link(URI feedUrl, SyndEntry entry) {
    for (String candidate : new String[] {entry.getLink(), entry.getUri()}) {
      if (candidate == null || candidate.isBlank()) {
        continue;
      }
      try {
        String resolved = feedUrl.resolve(candidate.strip()).toString();
        if (UrlCanonicalizer.canonicalize(resolved).isPresent()) {
          return resolved;
        }
      } catch (IllegalArgumentException e) {
        // not a URL (e.g. a tag: URI as guid); try the next candidate
      }
    }
    return null;
  }

  private static String language(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    String primary = code.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
    return primary.length() >= 2 && primary.length() <= 3 ? primary : null;
  }

  private static String contentType(SyndFeed feed) {
    String type = feed.getFeedType() == null ? "" : feed.getFeedType();
    if (type.startsWith("atom")) {
      return "application/atom+xml";
    }
    return type.equals("rss_1.0") || type.equals("rss_0.90") ? "application/rdf+xml" : "application/rss+xml";
  }
}
