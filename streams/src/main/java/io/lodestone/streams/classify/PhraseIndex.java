package io.lodestone.streams.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ahocorasick.trie.PayloadTrie;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * Every phrase of the taxonomy (theme terms, parts of proximity rules, context and off-topic terms)
 * compiled into one Aho-Corasick automaton over stem sequences. Each distinct stem gets one
 * private-use character, so a report field becomes a short string with one character per word and
 * a single pass finds all phrases at word boundaries, whatever their number. Immutable once built.
 */
final class PhraseIndex {
  /** Code of a word that occurs in no phrase. */
  static final char UNKNOWN = '\u0001';
  private static final char FIRST_CODE = '\uE000';
  private static final char LAST_CODE = '\uF8FF';

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

  private final CharArrayMap<Character> vocabulary = new CharArrayMap<>(1024, false);
  private final ThreadLocal<CharArrayMap<Character>> wordCodes = ThreadLocal.withInitial(() -> new CharArrayMap<>(4096, false));
  private final Map<String, Phrase> phrases = new HashMap<>();
  private final PayloadTrie<Phrase> trie;

  private PhraseIndex(Builder builder) {
    PayloadTrie.PayloadTrieBuilder<Phrase> trieBuilder = PayloadTrie.builder();
    for (Map.Entry<String, Phrase> entry : builder.phrases.entrySet()) {
      trieBuilder.addKeyword(entry.getKey(), entry.getValue());
    }
    this.vocabulary.putAll(builder.vocabulary);
    this.phrases.putAll(builder.phrases);
    this.trie = trieBuilder.build();
  }

  int phraseCount() {
    return phrases.size();
  }

  AnalyzedText analyze(String text, boolean title) {
    AnalyzedText analyzed = new AnalyzedText(text, title);
    CharArrayMap<Character> codes = wordCodes.get();
    if (codes.size() > MAX_WORD_CODES) {
      codes.clear();
    }
    EnglishAnalysis.words(text, (word, length, start, end) -> {
      if (Character.isDigit(word[0])) {
        // figures are many and never stemmed: looked up as written, not remembered
        Character figure = vocabulary.get(word, 0, length);
        analyzed.add(figure == null ? UNKNOWN : figure, start, end);
        return;
      }
      Character code = codes.get(word, 0, length);
      if (code == null) {
        code = code(new String(word, 0, length));
        codes.put(Arrays.copyOf(word, length), code);
      }
      analyzed.add(code, start, end);
    });
    return analyzed;
  }

  /** The code of one lower-cased word: its stem's, or UNKNOWN. */
  private char code(String word) {
    List<String> stems = EnglishAnalysis.stems(word);
    Character code = stems.size() == 1 ? vocabulary.get(stems.get(0)) : null;
    return code == null ? UNKNOWN : code;
  }

  void match(AnalyzedText text, MatchSink sink) {
    trie.parseText(text.codes(), emit -> {
      sink.match(emit.getPayload(), emit.getStart(), emit.getEnd());
      return true;
    });
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
