package io.lodestone.streams.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * Finds gazetteer phrases in a text, case-insensitively, then keeps the matches that pass their whole-word,
 * case rule and scope checks and resolves overlaps leftmost-longest, separately for countries, minerals and
 * organizations (so "Export-Import Bank of the United States" is both an organization and a mention of the
 * United States, while "New South Wales" hides "Wales").
 *
 * <p>A phrase that starts with a letter or digit can only match where a word starts, and only where that whole
 * word is the phrase's first word ("Indian" is not in "Indiana"; "u" of "U.S." is the whole word before the
 * full stop). So the phrases are indexed by their lower-cased first word, and each word of the text is looked
 * up once: most words start no phrase (a bit set of the first words' hash codes, small enough to stay in the
 * processor's cache, tells most of them apart without a lookup), and the few candidates of the others are
 * compared character by character. (An Aho-Corasick scan would visit every character and report hundreds of matches inside words per
 * report, "in" in "business", "co" in "company", only for them to be discarded.) Phrases that start with
 * another character are looked up at every such character. Thread-safe: immutable after construction.
 */
final class PhraseMatcher {
  private static final Comparator<Match> LEFTMOST_LONGEST =
      Comparator.comparingInt(Match::start).thenComparing(Comparator.comparingInt(Match::end).reversed());

  /** A lower-cased phrase text and the phrases written so (in any case). */
  private record Key(char[] text, Phrase[] phrases) {}

  /** Keys by their first word (or, for keys that start with neither a letter nor a digit, their first character). */
  private final CharArrayMap<Key[]> keysByStart;
  private final boolean keysStartOutsideWords;
  /** Bit {@code hash(word) & FILTER_MASK} is set for each first word. */
  private final long[] firstWordFilter = new long[(FILTER_MASK + 1) / 64];
  private static final int FILTER_MASK = (1 << 16) - 1;

  PhraseMatcher(Collection<Phrase> phrases) {
    Map<String, List<Phrase>> byText = new LinkedHashMap<>();
    for (Phrase phrase : phrases) {
      byText.computeIfAbsent(MatchText.foldAll(phrase.text()), k -> new ArrayList<>()).add(phrase);
    }
    Map<String, List<Key>> byStart = new LinkedHashMap<>();
    byText.forEach((text, list) -> byStart.computeIfAbsent(MatchText.firstWord(text),
        k -> new ArrayList<>()).add(new Key(text.toCharArray(), list.toArray(Phrase[]::new))));
    keysByStart = new CharArrayMap<>(byStart.size(), false);
    byStart.forEach((start, keys) -> keysByStart.put(start, keys.toArray(Key[]::new)));
    keysStartOutsideWords = byStart.keySet().stream().anyMatch(start -> !MatchText.isWordChar(start.charAt(0)));
    for (String start : byStart.keySet()) {
      int bit = hash(start.toCharArray(), 0, start.length()) & FILTER_MASK;
      firstWordFilter[bit >>> 6] |= 1L << bit;
    }
  }

  /** The hash code of a word that {@link #find} computes as it reads the word. */
  private static int hash(char[] text, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + text[i];
    }
    return h ^ (h >>> 16);
  }

  /** A phrase found at [start, end) of the text. */
  record Match(int start, int end, Phrase phrase) {}

  /** The accepted matches in text order. */
  List<Match> find(MatchText prepared) {
    String text = prepared.text();
    List<Match> candidates = new ArrayList<>();
    Sink sink = (start, end, phrases) -> {
      if (!wholeWordEnd(text, end) || tickerSymbol(text, start, end)) {
        return;
      }
      for (Phrase phrase : phrases) {
        if (phrase.caseRule().accepts(text, start, phrase.text()) && inScope(text, start, phrase.scope())) {
          candidates.add(new Match(start + phrase.markStart(), start + phrase.markEnd(), phrase));
        }
      }
    };
    char[] folded = prepared.folded();
    int start = 0;
    while (start < folded.length) {
      if (MatchText.isWordChar(folded[start])) {
        int end = start;
        int h = 0;
        while (end < folded.length && MatchText.isWordChar(folded[end])) {
          h = 31 * h + folded[end++];
        }
        int bit = (h ^ (h >>> 16)) & FILTER_MASK;
        if ((firstWordFilter[bit >>> 6] & 1L << bit) != 0) {
          matchAt(folded, start, end - start, sink);
        }
        start = end;
      } else {
        if (keysStartOutsideWords) {
          matchAt(folded, start, 1, sink);
        }
        start++;
      }
    }
    candidates.sort(LEFTMOST_LONGEST);
    List<Match> accepted = new ArrayList<>(candidates.size());
    int[] coveredUntil = new int[3];
    for (Match match : candidates) {
      int layer = layer(match.phrase().entry());
      if (match.start() >= coveredUntil[layer]) {
        accepted.add(match);
        coveredUntil[layer] = match.end();
      }
    }
    return accepted;
  }

  /** Reports each key that the text continues with at {@code start}, whose first word or character is {@code length} long. */
  private void matchAt(char[] folded, int start, int length, Sink sink) {
    Key[] keys = keysByStart.get(folded, start, length);
    if (keys == null) {
      return;
    }
    for (Key key : keys) {
      char[] text = key.text();
      int end = start + text.length;
      if (end <= folded.length && Arrays.equals(folded, start + length, end, text, length, text.length)) {
        sink.hit(start, end, key.phrases());
      }
    }
  }

  private interface Sink {
    void hit(int start, int end, Phrase[] phrases);
  }

  private static int layer(Phrase.Entry entry) {
    if (entry instanceof Phrase.CountryEntry) {
      return 0;
    }
    return entry instanceof Phrase.Mineral ? 1 : 2;
  }

  /**
   * Word characters may not continue a phrase that ends with one ("Indian" is not in "Indiana"); that none
   * precedes a phrase that starts with one is ensured by where phrases are looked up.
   */
  private static boolean wholeWordEnd(String text, int end) {
    return end == text.length() || !isWordChar(text.charAt(end - 1)) || !isWordChar(text.charAt(end));
  }

  /** Newswire stock symbols are written in angle brackets, "Rockwell International <ROK>": not names. */
  private static boolean tickerSymbol(String text, int start, int end) {
    return start > 0 && end < text.length() && text.charAt(start - 1) == '<' && text.charAt(end) == '>';
  }

  private static boolean isWordChar(char c) {
    return MatchText.isWordChar(c);
  }

  /** A qualifier must follow "Word, " or "Word., " (a city, as in "Tulsa, Okla."). */
  private static boolean inScope(String text, int start, Scope scope) {
    if (scope != Scope.QUALIFIER) {
      return true;
    }
    return start >= 3 && text.charAt(start - 1) == ' ' && text.charAt(start - 2) == ','
        && (Character.isLetter(text.charAt(start - 3)) || text.charAt(start - 3) == '.');
  }
}
