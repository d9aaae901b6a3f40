package io.lodestone.streams.classify;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every phrase of the taxonomy (theme terms, parts of proximity rules, context and off-topic terms)
 * compiled into one Aho-Corasick automaton over stem sequences (a double-array trie). Each distinct
 * stem gets one character code, so a report field becomes a short string with one character per
 * word and a single pass finds all phrases at word boundaries, whatever their number. Immutable
 * once built.
 */
final class PhraseIndex {
  /** Code of a word that occurs in no phrase. */
  static final char UNKNOWN = '\u0001';
  /** Codes are small numbers, which keeps the automaton's arrays small. */
  private static final char FIRST_CODE = '\u0002';
  private static final char LAST_CODE = '\uFFFE';

  enum Kind { THEME_TERM, NEAR_PART, CONTEXT_TERM, OFF_TOPIC }

  /**
   * One use of a phrase. {@code owner}: theme index (THEME_TERM), global near-rule index (NEAR_PART),
   * context index (CONTEXT_TERM); {@code item}: the term's index within its owner (the group index
   * for NEAR_PART, the off-topic term index for OFF_TOPIC).
   */
  record Use(Kind kind, int owner, int item, double weight) {}

  /** A phrase of {@code length} words and everything that uses it. */
  record Phrase(String text, int length, List<Use> uses) {}

  interface MatchSink {
    void match(Phrase phrase, int firstToken, int lastToken);
  }

  /**
   * Stemming costs more than the rest of the analysis, and news reuses a small vocabulary, so each
   * thread remembers the code of every word it has stemmed (bounded: cleared past this size).
   */
  private static final int MAX_WORD_CODES = 100_000;

  /** Stem to code; read-only once built. */
  private final WordCodes vocabulary = new WordCodes();
  private final ThreadLocal<WordMemo> wordCodes = ThreadLocal.withInitial(WordMemo::new);
  private final int phraseCount;
  private final AhoCorasickDoubleArrayTrie<Phrase> trie = new AhoCorasickDoubleArrayTrie<>();

  private PhraseIndex(Builder builder) {
    builder.vocabulary.forEach(vocabulary::put);
    this.phraseCount = builder.phrases.size();
    this.trie.build(builder.phrases);
  }

  int phraseCount() {
    return phraseCount;
  }

  AnalyzedText analyze(String text, boolean title) {
    WordMemo codes = wordCodes.get();
    if (codes.size() > MAX_WORD_CODES) {
      codes.clear();
    }
    AnalyzedText analyzed = new AnalyzedText(text, title);
    if (!StandardWords.words(text, (word, length, hash, start, end) -> analyzed.add(code(codes, word, length, hash), start, end))) {
      AnalyzedText again = new AnalyzedText(text, title); // a text for Lucene: what the fast pass found so far is dropped
      EnglishAnalysis.words(text, (word, length, hash, start, end) -> again.add(code(codes, word, length, hash), start, end));
      return again;
    }
    return analyzed;
  }

  /** The code of a lower-cased word, remembered per thread. */
  private char code(WordMemo codes, char[] word, int length, int hash) {
    char first = word[0];
    if (first >= '0' && first <= '9' || first >= 0x80 && Character.isDigit(first)) {
      // figures are many and never stemmed: looked up as written, not remembered
      int figure = vocabulary.get(word, length, hash);
      return figure < 0 ? UNKNOWN : (char) figure;
    }
    int code = codes.get(word, length, hash);
    if (code < 0) {
      code = code(new String(word, 0, length));
      codes.put(word, length, hash, (char) code);
    }
    return (char) code;
  }

  /** The code of one lower-cased word: its stem's, or UNKNOWN. */
  private char code(String word) {
    List<String> stems = EnglishAnalysis.stems(word);
    int code = stems.size() == 1 ? vocabulary.get(stems.get(0)) : -1;
    return code < 0 ? UNKNOWN : (char) code;
  }

  void match(AnalyzedText text, MatchSink sink) {
    trie.parseText(text.codes(), (begin, end, phrase, index) -> sink.match(phrase, begin, end - 1));
  }

  static final class Builder {
    private final Map<String, Character> vocabulary = new HashMap<>();
    private final Map<String, Phrase> phrases = new HashMap<>();

    /** Adds a use of a phrase; fails with one sentence when the phrase has no words. */
    Builder add(String phrase, Use use, String where) {
      List<String> stems = EnglishAnalysis.stems(phrase);
      if (stems.isEmpty()) {
        throw new IllegalArgumentException("Taxonomy phrase '" + phrase + "' in " + where + " has no words");
      }
      StringBuilder key = new StringBuilder(stems.size());
      for (String stem : stems) {
        key.append(code(stem));
      }
      Phrase existing = phrases.computeIfAbsent(key.toString(), k -> new Phrase(phrase, stems.size(), new ArrayList<>()));
      for (Use other : existing.uses()) {
        if (other.kind() == use.kind() && other.owner() == use.owner()) {
          if (use.kind() == Kind.NEAR_PART) {
            if (other.item() == use.item()) {
              return this; // "process|processing" in one group: the same alternative twice is harmless
            }
          } else {
            throw new IllegalArgumentException("Taxonomy phrases '" + existing.text() + "' and '" + phrase + "' in " + where
                + " are the same after stemming, so they would count twice; keep one");
          }
        }
      }
      existing.uses().add(use);
      return this;
    }

    private char code(String stem) {
      Character code = vocabulary.get(stem);
      if (code == null) {
        if (FIRST_CODE + vocabulary.size() > LAST_CODE) {
          throw new IllegalArgumentException("Taxonomy has more than " + (LAST_CODE - FIRST_CODE + 1) + " distinct words");
        }
        code = (char) (FIRST_CODE + vocabulary.size());
        vocabulary.put(stem, code);
      }
      return code;
    }

    PhraseIndex build() {
      return new PhraseIndex(this);
    }
  }
}
