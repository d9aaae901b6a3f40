package io.lodestone.streams.enrich;

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
  private static final String MONTH = "(?i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[A-Za-z]*\\.?";
  private static final String DATE = "(?:" + MONTH + "\\s+\\d{1,2}|\\d{1,2}\\s+" + MONTH + ")";
  private static final Pattern DATELINE = Pattern.compile(
      "^\\s*(?<city>[A-Z][A-Za-z.'\\-/ ]{1,40}?)"
          + "(?:\\s*,\\s*(?<qualifier>[A-Z][A-Za-z.' ]{0,30}?[A-Za-z.]))??"
          + "(?:(?<date>\\s*,?\\s*" + DATE + ")|(?<agency>\\s*\\((?:Reuters?|AP|AFP|IANS|PTI|ANI|Bloomberg|Xinhua)\\)))?"
          + "\\s*[-:\u2013\u2014]\\s");
  private static final int LONGEST = 100;

  /** The dateline at {@code bodyStart} of {@code text}; its end is relative to {@code bodyStart}. */
  static Optional<Dateline> parse(String text, int bodyStart) {
    Matcher m = DATELINE.matcher(text);
    m.region(bodyStart, Math.min(text.length(), bodyStart + LONGEST));
    if (!m.lookingAt()) {
      return Optional.empty();
    }
    String city = m.group("city").strip();
    boolean marked = m.group("date") != null || m.group("agency") != null || city.equals(city.toUpperCase(java.util.Locale.ROOT));
    return marked ? Optional.of(new Dateline(city, m.group("qualifier"), m.end() - bodyStart)) : Optional.empty();
  }
}
