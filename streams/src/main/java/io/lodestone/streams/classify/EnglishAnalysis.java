package io.lodestone.streams.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Lucene's English analysis chain (StandardTokenizer, EnglishPossessiveFilter, LowerCaseFilter,
 * KStemFilter, EnglishMinimalStemFilter), used both to compile the taxonomy's phrases and to read
 * reports, so that "refineries" and "refinery's" meet "refinery" and "exported" meets "export".
 * KStem (Krovetz) rather than Porter: Porter conflates words a taxonomy must keep apart ("ore" and
 * "or", "national" and "nation", "container" and "contain", "renewable" and "renew"); KStem only
 * strips inflections that lead to dictionary words, so some derived forms ("mining", "investment")
 * are listed in the taxonomy. KStem keeps plurals that its dictionary lists as words ("talks",
 * "supplies", "orders"); the plural-only stemmer after it folds those too. Thread-safe: the
 * analyzer keeps one token stream per thread.
 */
final class EnglishAnalysis {
  /** Receives each token's stem (valid only during the call) and its character offsets in the text. */
  interface TokenSink {
    void token(char[] stem, int length, int start, int end);
  }

  private static final Analyzer ANALYZER = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream stream = new EnglishMinimalStemFilter(new KStemFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source))));
      return new TokenStreamComponents(source, stream);
    }
  };

  /** Only the first two steps (tokenizer and lower case): cheap, for callers that memoize the stemming. */
  private static final Analyzer WORDS = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      return new TokenStreamComponents(source, new LowerCaseFilter(source));
    }
  };

  private EnglishAnalysis() {}

  /** Stems of the text with their offsets. */
  static void analyze(String text, TokenSink sink) {
    run(ANALYZER, text, sink);
  }

  /**
   * Lower-cased words of the text with their offsets, not yet stemmed: the remaining filters act on
   * one word at a time, so {@link #stems(String)} of such a word gives what {@link #analyze} would.
   */
  static void words(String text, TokenSink sink) {
    run(WORDS, text, sink);
  }

  private static void run(Analyzer analyzer, String text, TokenSink sink) {
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        sink.token(term.buffer(), term.length(), offset.startOffset(), offset.endOffset());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: the text is in memory
    }
  }

  /** The stems of a taxonomy phrase, in order. */
  static List<String> stems(String phrase) {
    List<String> stems = new ArrayList<>();
    analyze(phrase, (stem, length, start, end) -> stems.add(new String(stem, 0, length)));
    return stems;
  }
}
