package io.lodestone.streams.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Phrases of the mineral and organization data files, whose last column lists the phrases of an entry
 * separated by '|'; a phrase prefixed with '=' must match exactly as written (acronyms), others in any case.
 */
final class EntryGazetteer {
  private EntryGazetteer() {}

  static List<Phrase> load(String file, int columns, Function<DataFile.Row, Phrase.Entry> entry) {
    List<Phrase> phrases = new ArrayList<>();
    for (DataFile.Row row : DataFile.rows(file, columns)) {
      Phrase.Entry e = entry.apply(row);
      for (String text : row.get(columns - 1).split("\\|")) {
        String phrase = text.strip();
        if (phrase.isEmpty()) {
          throw row.error("empty phrase");
        }
        boolean exact = phrase.startsWith("=");
        phrases.add(new Phrase(exact ? phrase.substring(1) : phrase, exact ? CaseRule.EXACT : CaseRule.ANY, Scope.TEXT, e));
      }
    }
    return phrases;
  }

  static List<Phrase> minerals() {
    return load("minerals.tsv", 5, row -> {
      String critical = row.get(3);
      if (!critical.equals("true") && !critical.equals("false")) {
        throw row.error("critical must be true or false, was '" + critical + "'");
      }
      return new Phrase.Mineral(row.get(0), row.get(1), row.get(2), Boolean.parseBoolean(critical));
    });
  }

  static List<Phrase> organizations() {
    return load("organizations.tsv", 4, row -> new Phrase.Organization(row.get(0), row.get(1), row.get(2)));
  }
}
