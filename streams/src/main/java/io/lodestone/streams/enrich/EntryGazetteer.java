package io.lodestone.streams.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Phrases of the mineral and organization data files, whose last column lists the phrases of an entry
 * separated by '|'; a phrase prefixed with '=' must match exactly as written (acronyms), others in any case.
 * Brackets mark the mention within a longer context phrase: "[lead] and zinc".
 */
final class EntryGazetteer {
  private EntryGazetteer() {}

  static List<Phrase> load(String file, int columns, Function<DataFile.Row, Phrase.Entry> entry) {
    List<Phrase> phrases = new ArrayList<>();
    for (DataFile.Row row : DataFile.rows(file, columns)) {
      Phrase.Entry e = entry.apply(row);
      for (String listed : row.get(columns - 1).split("\\|")) {
        String phrase = listed.strip();
        if (phrase.isEmpty()) {
          throw row.error("empty phrase");
        }
        boolean exact = phrase.startsWith("=");
        String body = exact ? phrase.substring(1) : phrase;
        int open = body.indexOf('[');
        int close = body.indexOf(']');
        CaseRule caseRule = exact ? CaseRule.EXACT : CaseRule.ANY;
        if (open < 0 && close < 0) {
          phrases.add(new Phrase(body, caseRule, Scope.TEXT, e));
        } else if (open >= 0 && close > open + 1) {
          String text = body.substring(0, open) + body.substring(open + 1, close) + body.substring(close + 1);
          phrases.add(new Phrase(text, caseRule, Scope.TEXT, e, open, close - 1));
        } else {
          throw row.error("unbalanced brackets in phrase '" + phrase + "'");
        }
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
