package io.lodestone.streams.enrich;

import io.lodestone.schemas.MoneyAmount;
import io.lodestone.schemas.Quantity;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * Finds money amounts ("Rs 7,280 crore", "US$2.5bn", "1.5 mln dlrs") and quantities with units ("6,000 metric
 * tonnes per annum", "250 MW") next to the numbers of a text, using the tables of {@link AmountTables}. Values
 * are normalized: money in units of its ISO 4217 currency, quantities in the tables' normalized units.
 * A number with neither a currency nor a unit is not reported.
 */
final class AmountExtractor {
  private final AmountTables tables;

  AmountExtractor(AmountTables tables) {
    this.tables = tables;
  }

  void extract(MatchText prepared, List<MoneyAmount> money, List<Quantity> quantities) {
    String text = prepared.text();
    int i = 0;
    while (i < text.length()) {
      if (isDigit(text.charAt(i)) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '.' && text.charAt(i - 1) != ',')) {
        i = amountAt(prepared, i, money, quantities);
      } else {
        i++;
      }
    }
  }

  /**
   * Reads the number at {@code start} and what surrounds it; returns where scanning resumes. The number is parsed
   * only once a currency or unit shows that it is an amount: most numbers of a report are neither.
   */
  private int amountAt(MatchText prepared, int start, List<MoneyAmount> money, List<Quantity> quantities) {
    String text = prepared.text();
    int end = numberEnd(text, start);
    int pos = end;
    int attachedEnd = letters(text, pos);
    Double scale = scale(prepared, pos, attachedEnd, tables.attachedScales);
    if (scale != null) {
      pos = attachedEnd;
    } else {
      int wordStart = skipSpace(text, pos);
      int wordEnd = letters(text, wordStart);
      scale = scale(prepared, wordStart, wordEnd, tables.scaleWords);
      if (scale != null) {
        pos = wordEnd;
      }
    }

    AmountTables.Token before = tokenBefore(text, start);
    if (before != null) {
      double scaled = scaled(text, start, end, scale);
      if (Double.isNaN(scaled)) {
        return end;
      }
      int textStart = start - before.text().length() - (start > 0 && text.charAt(start - 1) == ' ' ? 1 : 0);
      money.add(MoneyAmount.newBuilder().setText(text.substring(textStart, pos)).setCurrency(before.value())
          .setValue(scaled * before.factor()).build());
      return pos;
    }
    int afterStart = skipSpace(text, pos);
    AmountTables.Token after = tokenAt(prepared, afterStart, tables.currenciesAfterNumber, true);
    if (after != null) {
      double scaled = scaled(text, start, end, scale);
      if (Double.isNaN(scaled)) {
        return end;
      }
      int afterEnd = afterStart + after.text().length();
      money.add(MoneyAmount.newBuilder().setText(text.substring(start, afterEnd)).setCurrency(after.value())
          .setValue(scaled * after.factor()).build());
      return afterEnd;
    }
    AmountTables.Token unit = tokenAt(prepared, afterStart, tables.unitsAfterNumber, false);
    if (unit == null) {
      return pos;
    }
    double scaled = scaled(text, start, end, scale);
    if (Double.isNaN(scaled)) {
      return end;
    }
    int unitEnd = afterStart + unit.text().length();
    String normalized = unit.value();
    int rateStart = skipSpace(text, unitEnd);
    AmountTables.Token rate = normalized.contains("/") ? null : tokenAt(prepared, rateStart, tables.ratesAfterNumber, true);
    if (rate == null && text.startsWith("/", unitEnd)) {
      rate = tokenAt(prepared, unitEnd, tables.ratesAfterNumber, true);
      rateStart = unitEnd;
    }
    if (rate != null) {
      normalized += rate.value();
      unitEnd = rateStart + rate.text().length();
    }
    quantities.add(Quantity.newBuilder().setText(text.substring(start, unitEnd)).setValue(scaled * unit.factor())
        .setUnit(normalized).build());
    return unitEnd;
  }

  /** The number written at [start, end) times its scale, or NaN when it is not a number ("1.2.3"). */
  private static double scaled(String text, int start, int end, Double scale) {
    try {
      return Double.parseDouble(text.substring(start, end).replace(",", "")) * (scale == null ? 1 : scale);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Digits with thousands separators ("7,280") and a decimal part ("1.5"). */
  private static int numberEnd(String text, int start) {
    int i = start;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (isDigit(c)) {
        i++;
      } else if (c == ',' && digits(text, i + 1, 3) && (i + 4 == text.length() || !isDigit(text.charAt(i + 4)))) {
        i += 4;
      } else if (c == '.' && i + 1 < text.length() && isDigit(text.charAt(i + 1))) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  private static boolean digits(String text, int from, int count) {
    if (from + count > text.length()) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** A currency written before the number, with at most one space between them ("Rs 7,280", "US$5"). */
  private AmountTables.Token tokenBefore(String text, int numberStart) {
    int end = numberStart > 0 && text.charAt(numberStart - 1) == ' ' ? numberStart - 1 : numberStart;
    if (end == 0) {
      return null;
    }
    for (AmountTables.Token token : tables.currenciesBeforeByLast.getOrDefault(Character.toLowerCase(text.charAt(end - 1)), List.of())) {
      int start = end - token.text().length();
      if (start >= 0 && text.startsWith(token.text(), start)
          && (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)) || !Character.isLetter(token.text().charAt(0)))) {
        return token;
      }
    }
    return null;
  }

  /**
   * The longest token of a list written at {@code pos} and ending at a word boundary. Tokens of up to three
   * characters (units such as Mt, MW, kt) must match exactly; longer ones may also be capitalized or upper
   * case, and with {@code anyCase} short ones too.
   */
  private static AmountTables.Token tokenAt(MatchText prepared, int pos, TokensAfterNumber tokens, boolean anyCase) {
    String text = prepared.text();
    for (AmountTables.Token token : tokens.at(prepared, pos)) {
      String t = token.text();
      boolean ignoreCase = anyCase || t.length() > 3;
      if (text.regionMatches(ignoreCase, pos, t, 0, t.length())
          && (pos + t.length() == text.length() || !Character.isLetterOrDigit(text.charAt(pos + t.length())))) {
        return token;
      }
    }
    return null;
  }

  /**
   * The multiplier of the scale word at [start, end), or null. An ASCII word is looked up in the folded text, where
   * it is already lower-cased; another one as {@link String#toLowerCase} writes it, which can change its length.
   */
  private static Double scale(MatchText prepared, int start, int end, CharArrayMap<Double> scales) {
    if (end == start) {
      return null;
    }
    String text = prepared.text();
    for (int i = start; i < end; i++) {
      if (text.charAt(i) >= 0x80) {
        return scales.get(text.substring(start, end).toLowerCase(Locale.ROOT));
      }
    }
    return scales.get(prepared.folded(), start, end - start);
  }

  private static int skipSpace(String text, int pos) {
    return pos < text.length() && text.charAt(pos) == ' ' ? pos + 1 : pos;
  }

  private static int letters(String text, int pos) {
    int i = pos;
    while (i < text.length() && Character.isLetter(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
