package io.lodestone.streams.enrich;

/**
 * What a report says about one country: how often it is mentioned (names, aliases, demonyms and places in it),
 * whether in the title or as the dateline, and where in the body it first appears.
 */
record CountryEvidence(String code, int mentions, boolean inTitle, boolean inDateline, int firstBodyOffset) {

  CountryEvidence plus(boolean title, boolean dateline, int bodyOffset) {
    return new CountryEvidence(code, mentions + 1, inTitle || title, inDateline || dateline,
        bodyOffset >= 0 && (firstBodyOffset < 0 || bodyOffset < firstBodyOffset) ? bodyOffset : firstBodyOffset);
  }

  static CountryEvidence none(String code) {
    return new CountryEvidence(code, 0, false, false, -1);
  }
}
