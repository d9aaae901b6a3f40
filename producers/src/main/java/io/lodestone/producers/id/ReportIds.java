package io.lodestone.producers.id;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Report identity: the same report always gets the same id, whichever channel brings it and however
 * often. The id is the first 32 hex digits (128 bits) of SHA-256 over the canonical URL (see
 * {@link UrlCanonicalizer}); a report without a URL is identified by its content instead: SHA-256 over
 * its title and body, each Unicode-NFKC-normalized, lower-cased and whitespace-collapsed, prefixed so
 * that it can never equal a URL-based id.
 */
public final class ReportIds {
  private static final int HEX_DIGITS = 32;
  /** MessageDigest.getInstance looks up providers each time; a digest per thread is reset by digest(). */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(ReportIds::newSha256);

  private ReportIds() {}

  /** Id of a report with this canonical URL. */
  public static String fromCanonicalUrl(String canonicalUrl) {
    return sha256Hex("url\n" + canonicalUrl);
  }

  /** Id of a report without a URL. */
  public static String fromContent(String title, String body) {
    return sha256Hex("content\n" + normalize(title) + "\n" + normalize(body));
  }

  static String normalize(String text) {
    if (text == null) {
      return "";
    }
    return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
  }

  private static String sha256Hex(String text) {
    byte[] digest = SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, HEX_DIGITS / 2);
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
