package io.lodestone.streams.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * The money and quantity tables: {@code currencies.tsv}, {@code number-scales.tsv}, {@code units.tsv} and
 * {@code rates.tsv}. Token lists are kept longest first, so that "US$" wins over "$" and "metric tonnes" over
 * "tonnes".
 */
final class AmountTables {
  /** A word or symbol and what it stands for; {@code value} is a currency or a unit. */
  record Token(String text, String value, double factor) {}

  private static final Comparator<Token> LONGEST_FIRST = Comparator.comparingInt((Token t) -> t.text().length()).reversed();

  final List<Token> currenciesBefore = new ArrayList<>();
  final List<Token> currenciesAfter = new ArrayList<>();
  final List<Token> units = new ArrayList<>();
  final List<Token> rates = new ArrayList<>();
  /** Tokens written before a number, by their last character (the one next to the number). */
  final Map<Character, List<Token>> currenciesBeforeByLast = new HashMap<>();
  /** Tokens written after a number, by their first word. */
  final TokensAfterNumber currenciesAfterNumber;
  final TokensAfterNumber unitsAfterNumber;
  final TokensAfterNumber ratesAfterNumber;
  /** Scale words by their lower-cased text: written after a number, and attached to it ("$2bn"). */
  final CharArrayMap<Double> scaleWords = new CharArrayMap<>(32, false);
  final CharArrayMap<Double> attachedScales = new CharArrayMap<>(32, false);

  AmountTables() {
    for (DataFile.Row row : DataFile.rows("currencies.tsv", 4)) {
      Token token = new Token(row.get(0), row.get(1), number(row, 3));
      switch (row.get(2)) {
        case "before" -> currenciesBefore.add(token);
        case "after" -> currenciesAfter.add(token);
        case "both" -> {
          currenciesBefore.add(token);
          currenciesAfter.add(token);
        }
        default -> throw row.error("position must be before, after or both, was '" + row.get(2) + "'");
      }
    }
    for (DataFile.Row row : DataFile.rows("number-scales.tsv", 3)) {
      double multiplier = number(row, 1);
      String word = row.get(0).toLowerCase(Locale.ROOT);
      switch (row.get(2)) {
        case "no" -> scaleWords.put(word, multiplier);
        case "attached" -> attachedScales.put(word, multiplier);
        case "both" -> {
          scaleWords.put(word, multiplier);
          attachedScales.put(word, multiplier);
        }
        default -> throw row.error("attached must be no, attached or both, was '" + row.get(2) + "'");
      }
    }
    for (DataFile.Row row : DataFile.rows("units.tsv", 3)) {
      units.add(new Token(row.get(0), row.get(1), number(row, 2)));
    }
    for (DataFile.Row row : DataFile.rows("rates.tsv", 2)) {
      rates.add(new Token(row.get(0), row.get(1), 1));
    }
    for (List<Token> list : List.of(currenciesBefore, currenciesAfter, units, rates)) {
      list.sort(LONGEST_FIRST);
    }
    for (Token token : currenciesBefore) {
      String text = token.text();
      currenciesBeforeByLast.computeIfAbsent(Character.toLowerCase(text.charAt(text.length() - 1)), k -> new ArrayList<>()).add(token);
    }
    currenciesAfterNumber = new TokensAfterNumber(currenciesAfter);
    unitsAfterNumber = new TokensAfterNumber(units);
    ratesAfterNumber = new TokensAfterNumber(rates);
  }

  private static double number(DataFile.Row row, int column) {
    try {
      return Double.parseDouble(row.get(column));
    } catch (NumberFormatException e) {
      throw row.error("column " + (column + 1) + " must be a number, was '" + row.get(column) + "'");
    }
  }
}
