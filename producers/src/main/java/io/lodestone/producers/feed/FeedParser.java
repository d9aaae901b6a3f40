package io.lodestone.producers.feed;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;

/**
 * Parses RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom with Rome. The character encoding follows RFC 3023 as
 * Rome's XmlReader implements it (byte-order mark, the XML declaration, the HTTP charset), leniently
 * for servers that declare it wrongly. Safe by construction: documents with a DOCTYPE are refused, so
 * external entities (XXE) and entity expansion (billion laughs) are never resolved.
 */
public final class FeedParser {
  private FeedParser() {}

  /** A body that is not a feed Lodestone can read, with the reason. */
  public static final class NotAFeedException extends Exception {
    private static final long serialVersionUID = 1L;

    NotAFeedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public static SyndFeed parse(byte[] body, String contentType) throws NotAFeedException {
    SyndFeedInput input = new SyndFeedInput();
    input.setAllowDoctypes(false);
    input.setXmlHealerOn(true);
    try (Reader reader = contentType == null ? new XmlReader(new ByteArrayInputStream(body), true)
        : new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
      return input.build(reader);
    } catch (FeedException | IllegalArgumentException e) {
      throw new NotAFeedException("not a readable RSS or Atom feed: " + reason(e), e);
    } catch (IOException e) {
      throw new NotAFeedException("cannot decode the feed: " + e.getMessage(), e);
    }
  }

  private static String reason(Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? e.getMessage() : cause.getMessage();
    return message == null ? e.getClass().getSimpleName() : message.strip();
  }
}
