package io.lodestone.producers.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.lodestone.core.config.YamlProblem;
import io.lodestone.producers.id.UrlCanonicalizer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the feeds file (YAML):
 * <pre>
 * defaults:                  # optional; apply to every feed that does not say otherwise
 *   poll_interval: 15m       # 30s, 15m, 2h, 1d or ISO-8601 (PT15M); at least 1 s
 *   language: en             # ISO 639-1 hint; omit to use the feed's own language
 *   fetch_full_article: false
 * feeds:
 *   - url: https://example.com/feed.xml   # required, http or https
 *     source: Example News                # optional; default: the URL's host
 *     poll_interval: 30m
 *     language: en
 *     fetch_full_article: true
 * </pre>
 * Every problem is reported as one sentence naming the file and the feed.
 */
public final class FeedsFile {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
  private static final Set<String> FEED_FIELDS = Set.of("url", "source", "poll_interval", "language", "fetch_full_article");
  static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(15);

  private FeedsFile() {}

  /** A feeds file that cannot be used, with the reason. */
  public static final class InvalidFeedsFileException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidFeedsFileException(String message) {
      super(message);
    }
  }

  public static List<FeedDefinition> load(Path file) throws InvalidFeedsFileException {
    JsonNode root;
    try {
      root = YAML.readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new InvalidFeedsFileException(file + " is not valid YAML: " + YamlProblem.describe(e, 1));
    } catch (IOException e) {
      throw new InvalidFeedsFileException("cannot read the feeds file " + file + ": " + e.getMessage());
    }
    if (root == null || root.isNull() || root.isMissingNode()) {
      return List.of();
    }
    if (!root.isObject()) {
      throw new InvalidFeedsFileException(file + ": expected the keys defaults and feeds");
    }
    JsonNode defaults = root.path("defaults");
    List<FeedDefinition> feeds = new ArrayList<>();
    Set<URI> urls = new HashSet<>();
    JsonNode list = root.path("feeds");
    if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
      throw new InvalidFeedsFileException(file + ": feeds must be a list");
    }
    int index = 0;
    for (JsonNode node : list) {
      index++;
      String where = file + ": feed " + index;
      FeedDefinition feed = feed(node, defaults, where);
      if (!urls.add(feed.url())) {
        throw new InvalidFeedsFileException(where + ": " + feed.url() + " is listed twice");
      }
      feeds.add(feed);
    }
    return List.copyOf(feeds);
  }

  private static FeedDefinition feed(JsonNode node, JsonNode defaults, String where) throws InvalidFeedsFileException {
    if (!node.isObject()) {
      throw new InvalidFeedsFileException(where + ": expected fields url, source, poll_interval, language, fetch_full_article");
    }
    for (var names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FEED_FIELDS.contains(name)) {
        throw new InvalidFeedsFileException(where + ": unknown field " + name + " (known: " + String.join(", ", FEED_FIELDS) + ")");
      }
    }
    String url = node.path("url").asText("").strip();
    if (UrlCanonicalizer.canonicalize(url).isEmpty()) {
      throw new InvalidFeedsFileException(where + ": url \"" + url + "\" is not an absolute http(s) URL");
    }
    URI uri = URI.create(url);
    String source = text(node, defaults, "source");
    String language = text(node, defaults, "language");
    Duration interval = interval(node.has("poll_interval") ? node.get("poll_interval") : defaults.get("poll_interval"), where);
    JsonNode full = node.has("fetch_full_article") ? node.get("fetch_full_article") : defaults.get("fetch_full_article");
    if (full != null && !full.isNull() && !full.isBoolean()) {
      throw new InvalidFeedsFileException(where + ": fetch_full_article must be true or false");
    }
    return new FeedDefinition(uri, source == null ? uri.getHost() : source, interval,
        language == null ? null : language.toLowerCase(Locale.ROOT), full != null && full.asBoolean());
  }

  private static String text(JsonNode node, JsonNode defaults, String field) {
    JsonNode value = node.has(field) ? node.get(field) : defaults.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().strip();
  }

  private static Duration interval(JsonNode value, String where) throws InvalidFeedsFileException {
    if (value == null || value.isNull()) {
      return DEFAULT_POLL_INTERVAL;
    }
    Duration duration = parseDuration(value.asText().strip());
    if (duration == null || duration.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new InvalidFeedsFileException(where + ": poll_interval \"" + value.asText()
          + "\" is not a duration of at least 1 s (e.g. 30s, 15m, 2h, PT15M)");
    }
    return duration;
  }

  static Duration parseDuration(String text) {
    Matcher m = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(text.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
