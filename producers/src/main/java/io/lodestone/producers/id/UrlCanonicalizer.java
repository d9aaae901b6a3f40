package io.lodestone.producers.id;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the many spellings of one article's URL into one canonical URL:
 * <ol>
 *   <li>only absolute http and https URLs are accepted (others are not report URLs); characters a URL
 *       may not contain (spaces, non-ASCII letters, a stray {@code %}...) are first percent-encoded as
 *       UTF-8, so that a URL typed with them and its encoded form are the same URL;</li>
 *   <li>scheme and host are lower-cased, an internationalized host becomes its ASCII (punycode) form,
 *       a trailing dot on the host is dropped;</li>
 *   <li>the default port (80 for http, 443 for https) and user info are removed;</li>
 *   <li>an empty path becomes {@code /}; percent-escapes are upper-cased and escapes of unreserved
 *       characters (letters, digits, {@code -._~}) decoded; dot segments are resolved;</li>
 *   <li>the fragment is removed;</li>
 *   <li>tracking parameters ({@code tracking-parameters.txt}: utm_*, fbclid, gclid, ...) are removed,
 *       the remaining parameters sorted by name then value (stable for repeated names), and an empty
 *       query dropped.</li>
 * </ol>
 * The path keeps its case and trailing slash: servers may treat them as different pages.
 */
public final class UrlCanonicalizer {
  private static final Pattern ESCAPE = Pattern.compile("%([0-9a-fA-F]{2})");
  /** Printable ASCII characters RFC 3986 does not allow anywhere in a URI. */
  private static final String ILLEGAL_ASCII = " \"<>\\^`{|}";
  private static final List<String> TRACKING = loadTrackingParameters();
  private static final java.util.Set<String> TRACKING_NAMES = java.util.Set.copyOf(
      TRACKING.stream().filter(t -> !t.endsWith("*")).toList());
  private static final List<String> TRACKING_PREFIXES =
      TRACKING.stream().filter(t -> t.endsWith("*")).map(t -> t.substring(0, t.length() - 1)).toList();

  private UrlCanonicalizer() {}

  /** The canonical form, or empty when the text is not an absolute http(s) URL. */
  public static Optional<String> canonicalize(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = parse(url);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawAuthority() == null) {
      return Optional.empty();
    }
    String host = host(uri);
    if (host == null || host.isEmpty()) {
      return Optional.empty();
    }
    int port = uri.getPort();
    boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : removeDotSegments(normalizeEscapes(uri.getRawPath()));
    String query = query(uri.getRawQuery());
    return Optional.of(scheme + "://" + host + (defaultPort ? "" : ":" + port) + path + (query.isEmpty() ? "" : "?" + query));
  }

  /** The host of a canonical URL (as {@link #canonicalize} returns), without parsing it again. */
  public static String hostOfCanonical(String canonicalUrl) {
    int start = canonicalUrl.indexOf("://") + 3;
    if (canonicalUrl.charAt(start) == '[') {
      return canonicalUrl.substring(start, canonicalUrl.indexOf(']', start) + 1);
    }
    int end = start;
    while (end < canonicalUrl.length() && canonicalUrl.charAt(end) != '/' && canonicalUrl.charAt(end) != ':') {
      end++;
    }
    return canonicalUrl.substring(start, end);
  }

  private static URI parse(String url) throws URISyntaxException {
    return new URI(encodeIllegal(url.strip()));
  }

  /**
   * Percent-encodes (UTF-8) what may not appear in a URI, a {@code %} that starts no escape, and
   * brackets after the host (they are legal only around an IPv6 address).
   */
  static String encodeIllegal(String url) {
    int authority = url.indexOf("://");
    int pathStart = authority < 0 ? 0 : indexOfAny(url, "/?#", authority + 3);
    StringBuilder out = null;
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      boolean strayPercent = c == '%' && !(i + 2 < url.length() && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2)));
      boolean bracketInPath = (c == '[' || c == ']') && i >= pathStart;
      if (c > 0x20 && c < 0x7f && ILLEGAL_ASCII.indexOf(c) < 0 && !strayPercent && !bracketInPath) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(url.length() + 16).append(url, 0, i);
      }
      int end = Character.isHighSurrogate(c) && i + 1 < url.length() ? i + 2 : i + 1;
      for (byte b : url.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
      i = end - 1;
    }
    return out == null ? url : out.toString();
  }

  private static int indexOfAny(String text, String chars, int from) {
    for (int i = from; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return text.length();
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0 && c < 128;
  }

  private static String host(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      // java.net.URI leaves the host null for non-ASCII or otherwise unusual authorities.
      String authority = uri.getRawAuthority();
      if (authority == null) {
        return null;
      }
      authority = authority.substring(authority.lastIndexOf('@') + 1);
      host = authority.startsWith("[") ? authority.substring(0, authority.indexOf(']') + 1)
          : authority.replaceFirst(":\\d*$", "");
    }
    try {
      host = IDN.toASCII(decode(host), IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      return null;
    }
    host = host.toLowerCase(Locale.ROOT);
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  private static String query(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> kept = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = normalizeEscapes(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? null : normalizeEscapes(pair.substring(eq + 1));
      if (!isTracking(decode(name))) {
        kept.add(new String[] {name, value});
      }
    }
    kept.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1] == null ? "" : p[1]));
    return String.join("&", kept.stream().map(p -> p[1] == null ? p[0] : p[0] + "=" + p[1]).toList());
  }

  private static boolean isTracking(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (TRACKING_NAMES.contains(lower)) {
      return true;
    }
    for (String prefix : TRACKING_PREFIXES) {
      if (lower.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Upper-cases escapes and decodes those of unreserved characters (RFC 3986, section 6.2.2). */
  private static String normalizeEscapes(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    Matcher m = ESCAPE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      char c = (char) Integer.parseInt(m.group(1), 16);
      boolean unreserved = c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0);
      m.appendReplacement(out, Matcher.quoteReplacement(unreserved ? String.valueOf(c) : "%" + m.group(1).toUpperCase(Locale.ROOT)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String removeDotSegments(String path) {
    if (!path.contains("/.")) {
      return path;
    }
    try {
      return new URI("http://h" + path).normalize().getRawPath();
    } catch (URISyntaxException e) {
      return path;
    }
  }

  private static String decode(String text) {
    try {
      return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  private static List<String> loadTrackingParameters() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        UrlCanonicalizer.class.getResourceAsStream("tracking-parameters.txt"), StandardCharsets.UTF_8))) {
      return in.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .map(l -> l.toLowerCase(Locale.ROOT)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
