package io.lodestone.streams.enrich;

/** Where in a report a gazetteer phrase may match. */
enum Scope {
  /** Anywhere in the title or body. */
  TEXT,
  /** Only right after "Place, ", as a state in "Tulsa, Okla." (abbreviations such as "Ill." or "Mass." are words too). */
  QUALIFIER,
  /** Only as the city of a dateline ("HAUPPAUGE, N.Y., March 3 -"): small towns and names that are also words. */
  DATELINE;

  static Scope parse(String value) {
    return switch (value) {
      case "text" -> TEXT;
      case "qualifier" -> QUALIFIER;
      case "dateline" -> DATELINE;
      default -> throw new IllegalArgumentException("unknown scope '" + value + "' (text, qualifier, dateline)");
    };
  }
}
