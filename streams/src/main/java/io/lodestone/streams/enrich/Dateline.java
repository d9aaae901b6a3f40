package io.lodestone.streams.enrich;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dateline at the start of a news body, "TULSA, Okla., March 3 - " or "New Delhi, Jan 13: ": the city where
 * the report was filed, an optional state or country that qualifies it, and where the dateline ends.
 * A dateline needs a date or a news agency after the place, or a place written in capitals, so that an ordinary
 * first sentence is not taken for one.
 */
record Dateline(String city, String qualifier, int end) {
  private static final String MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
  private static final Pattern DATE = Pattern.compile("(?:" + MONTH + "\\s+\\d{1,2}|\\d{1,2}\\s+" + MONTH + ")", Pattern.CASE_INSENSITIVE);
  private static final Pattern AGENCY = Pattern.compile("\\s*\\((?:Reuters?|AP|AFP|IANS|PTI|ANI|Bloomberg|Xinhua)\\)$");
  private static final Pattern PLACE = Pattern.compile("[A-Z][A-Za-z.'/ -]{0,40}");
  private static final int LONGEST = 100;

  /** The dateline at {@code bodyStart} of {@code text}; its end is relative to {@code bodyStart}. */
  static Optional<Dateline> parse(String text, int bodyStart) {
    int limit = Math.min(text.length(), bodyStart + LONGEST);
    int terminator = terminator(text, bodyStart, limit);
    if (terminator < 0) {
      return Optional.empty();
    }
    String head = text.substring(bodyStart, terminator).strip();
    boolean agency = false;
    Matcher agencyMatch = AGENCY.matcher(head);
    if (agencyMatch.find()) {
      head = head.substring(0, agencyMatch.start());
      agency = true;
    }
    String[] parts = head.split("\\s*,\\s*", -1);
    int placeParts = parts.length;
    boolean dated = false;
    if (placeParts > 1 && DATE.matcher(parts[placeParts - 1]).matches()) {
      placeParts--;
      dated = true;
    } else if (placeParts > 1) {
      // "Richmond, Va. Feb 26": the date may follow the qualifier without a comma
      String last = parts[placeParts - 1];
      int space = last.indexOf(' ');
      if (space > 0 && DATE.matcher(last.substring(space + 1)).matches()) {
        parts[placeParts - 1] = last.substring(0, space);
        dated = true;
      }
    }
    if (placeParts < 1 || placeParts > 2 || !PLACE.matcher(parts[0]).matches()
        || placeParts == 2 && !PLACE.matcher(parts[1]).matches()) {
      return Optional.empty();
    }
    String city = parts[0];
    boolean capitals = city.equals(city.toUpperCase(Locale.ROOT));
    if (!dated && !agency && !capitals) {
      return Optional.empty();
    }
    return Optional.of(new Dateline(city, placeParts == 2 ? parts[1] : null, skipSpaces(text, terminator + 1, limit) - bodyStart));
  }

  /** The dash or colon that ends a dateline, " - " or ": " (typographic dashes are hyphens by then: MatchText). */
  private static int terminator(String text, int from, int limit) {
    for (int i = from; i < limit - 1; i++) {
      char c = text.charAt(i);
      if ((c == '-' || c == ':') && text.charAt(i + 1) == ' '
          && (c == ':' || i > from && text.charAt(i - 1) == ' ')) {
        return i;
      }
    }
    return -1;
  }

  private static int skipSpaces(String text, int from, int limit) {
    int i = from;
    while (i < limit && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
