package io.lodestone.streams.enrich;

/**
 * A gazetteer phrase, the rules for matching it, and the entry it names. The mention is the part of the phrase
 * from {@code markStart} to {@code markEnd}, the whole phrase unless the data file marks part of it as context
 * ("[lead] and zinc" mentions lead and leaves "zinc" free to be matched as zinc).
 */
record Phrase(String text, CaseRule caseRule, Scope scope, Entry entry, int markStart, int markEnd) {

  Phrase(String text, CaseRule caseRule, Scope scope, Entry entry) {
    this(text, caseRule, scope, entry, 0, text.length());
  }

  /** What a phrase names: a country (or none, for a stop phrase), a mineral or an organization. */
  sealed interface Entry permits CountryEntry, Mineral, Organization {}

  /**
   * A phrase of the country gazetteers. {@code codes} holds several codes when the phrase is ambiguous
   * (the first is the default) and none for a stop phrase such as "Indian Ocean".
   */
  record CountryEntry(java.util.List<String> codes, String kind) implements Entry {
    boolean isStop() {
      return codes.isEmpty();
    }

    /** A city whose country a following ", State" or ", Country" overrides ("London, Ontario"). */
    boolean isCity() {
      return kind.equals("city") || kind.equals("capital");
    }

    /** A place that can qualify a preceding city. */
    boolean canQualify() {
      return !isCity() && !isStop() && !kind.equals("demonym") && !kind.equals("institution");
    }
  }

  record Mineral(String id, String name, String group, boolean critical) implements Entry {}

  record Organization(String id, String name, String kind) implements Entry {}
}
