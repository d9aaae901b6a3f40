package io.lodestone.streams.enrich;

/** How the letter case of a text must agree with a gazetteer phrase (the matcher itself ignores case). */
enum CaseRule {
  /** Any case: mineral names ("Lithium", "LITHIUM", "lithium"). */
  ANY,
  /**
   * First letter upper case, the rest as written or all upper case: proper names, so that "China" and
   * "CHINA" (headlines) match but "china" (porcelain) and "turkey" (the bird) do not.
   */
  CAP,
  /** Exactly as written: acronyms such as US, UK, REE, IEA ("us" and "Us" are not the country). */
  EXACT;

  static CaseRule parse(String value) {
    return switch (value) {
      case "any" -> ANY;
      case "cap" -> CAP;
      case "exact" -> EXACT;
      default -> throw new IllegalArgumentException("unknown case rule '" + value + "' (any, cap, exact)");
    };
  }

  boolean accepts(CharSequence text, int start, String phrase) {
    return switch (this) {
      case ANY -> true;
      case EXACT -> regionEquals(text, start, phrase, 0);
      case CAP -> !Character.isLowerCase(text.charAt(start))
          && (regionEquals(text, start + 1, phrase, 1) || upperCase(text, start + 1, start + phrase.length()));
    };
  }

  private static boolean regionEquals(CharSequence text, int start, String phrase, int from) {
    for (int i = from; i < phrase.length(); i++) {
      if (text.charAt(start + i - from) != phrase.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean upperCase(CharSequence text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (Character.isLowerCase(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
