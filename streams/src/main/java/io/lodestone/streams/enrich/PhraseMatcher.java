package io.lodestone.streams.enrich;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds gazetteer phrases in a text, case-insensitively, then keeps the matches that pass their whole-word,
 * case rule and scope checks and resolves overlaps leftmost-longest, separately for countries, minerals and
 * organizations (so "Export-Import Bank of the United States" is both an organization and a mention of the
 * United States, while "New South Wales" hides "Wales").
 *
 * <p>The phrases are held in a double-array trie over lower-cased characters. A phrase may only start where a
 * word starts (or at a character that is not part of a word), so rather than an Aho-Corasick scan of every
 * character, which would report hundreds of matches inside words per report ("in" in "business", "co" in
 * "company") only for them to be discarded, the trie is walked from each such position and stops at the first
 * character no phrase continues with: a few array reads per word.
 * Thread-safe: the trie is immutable after construction.
 */
final class PhraseMatcher {
  private static final Comparator<Match> LEFTMOST_LONGEST =
      Comparator.comparingInt(Match::start).thenComparing(Comparator.comparingInt(Match::end).reversed());

  /** Phrases by their lower-cased text; phrases written alike in another case share one key. */
  private final PrefixTrie trie = new PrefixTrie();

  PhraseMatcher(Collection<Phrase> phrases) {
    Map<String, List<Phrase>> byKey = new HashMap<>();
    for (Phrase phrase : phrases) {
      byKey.computeIfAbsent(fold(phrase.text()), k -> new ArrayList<>()).add(phrase);
    }
    Map<String, Phrase[]> keys = new HashMap<>();
    byKey.forEach((key, list) -> keys.put(key, list.toArray(Phrase[]::new)));
    trie.build(keys);
  }

  /** A phrase found at [start, end) of the text. */
  record Match(int start, int end, Phrase phrase) {}

  /** The accepted matches in text order. */
  List<Match> find(MatchText prepared) {
    String text = prepared.text();
    List<Match> candidates = new ArrayList<>();
    PrefixTrie.Sink sink = (start, end, phrases) -> {
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
    boolean previousInWord = false;
    for (int start = 0; start < folded.length; start++) {
      boolean inWord = MatchText.isWordChar(folded[start]);
      if (!(inWord && previousInWord)) {
        trie.prefixesAt(folded, start, sink);
      }
      previousInWord = inWord;
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

  private static String fold(String phrase) {
    char[] chars = phrase.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = MatchText.fold(chars[i]);
    }
    return new String(chars);
  }

  private static int layer(Phrase.Entry entry) {
    if (entry instanceof Phrase.CountryEntry) {
      return 0;
    }
    return entry instanceof Phrase.Mineral ? 1 : 2;
  }

  /**
   * Word characters may not continue a phrase that ends with one ("Indian" is not in "Indiana"); that none
   * precedes a phrase that starts with one is ensured by where the trie is walked from.
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

  /**
   * The library's double-array trie, walked from one start position. Its arrays are the library's documented
   * double-array layout: from state {@code s}, character {@code c} leads to {@code p = base[s] + c + 1} when
   * {@code check[p] == base[s]}; {@code output[p]} lists the keys ending there (with suffix keys, which are
   * told apart by their length {@code l}).
   */
  private static final class PrefixTrie extends AhoCorasickDoubleArrayTrie<Phrase[]> {
    interface Sink {
      void hit(int start, int end, Phrase[] phrases);
    }

    /** Reports every key that the text continues with at {@code start}, shortest first. */
    void prefixesAt(char[] text, int start, Sink sink) {
      int state = 0;
      for (int i = start; i < text.length; i++) {
        int b = base[state];
        int p = b + text[i] + 1;
        if (p >= check.length || check[p] != b) {
          return;
        }
        state = p;
        int[] keys = output[state];
        if (keys != null) {
          int length = i + 1 - start;
          for (int key : keys) {
            if (l[key] == length) {
              sink.hit(start, i + 1, get(key));
            }
          }
        }
      }
    }
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
