package io.lodestone.streams.enrich;

import io.lodestone.streams.enrich.AmountTables.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * The tokens of one table that are written after a number (currencies such as "dlrs", units, rates), by their first
 * word: the word after a number selects the one or two tokens that can start with it, where a list by first letter
 * held up to 28 ("mln", "metric tonnes", "MW", ...) to compare with every number of a report. Keyed by the word
 * lower-cased; a text word with a character outside ASCII, whose lower case can differ from the way
 * {@link String#regionMatches(boolean, int, String, int, int)} compares it ("ſ" matches "s"), gets every token with
 * its first letter instead. Immutable.
 */
final class TokensAfterNumber {
  private static final Token[] NONE = {};

  private final CharArrayMap<Token[]> byFirstWord;
  private final Map<Character, Token[]> byFirstCharacter = new HashMap<>();

  /** @param tokens longest first, the order in which they are tried */
  TokensAfterNumber(List<Token> tokens) {
    Map<String, List<Token>> byWord = new LinkedHashMap<>();
    Map<Character, List<Token>> byCharacter = new HashMap<>();
    for (Token token : tokens) {
      byWord.computeIfAbsent(MatchText.foldAll(MatchText.firstWord(token.text())), k -> new ArrayList<>()).add(token);
      byCharacter.computeIfAbsent(Character.toLowerCase(token.text().charAt(0)), k -> new ArrayList<>()).add(token);
    }
    byFirstWord = new CharArrayMap<>(byWord.size(), false);
    byWord.forEach((word, list) -> byFirstWord.put(word, list.toArray(Token[]::new)));
    byCharacter.forEach((c, list) -> byFirstCharacter.put(c, list.toArray(Token[]::new)));
  }

  /** The tokens, longest first, that may be written at {@code pos}; each still has to be compared with the text. */
  Token[] at(MatchText text, int pos) {
    String written = text.text();
    if (pos >= written.length()) {
      return NONE;
    }
    int end = pos;
    boolean ascii = true;
    while (end < written.length() && MatchText.isWordChar(written.charAt(end))) {
      ascii &= written.charAt(end) < 0x80;
      end++;
    }
    if (!ascii) {
      return byFirstCharacter.getOrDefault(Character.toLowerCase(written.charAt(pos)), NONE);
    }
    Token[] tokens = byFirstWord.get(text.folded(), pos, Math.max(1, end - pos));
    return tokens == null ? NONE : tokens;
  }
}
