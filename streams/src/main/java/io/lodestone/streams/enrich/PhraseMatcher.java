package io.lodestone.streams.enrich;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.ahocorasick.trie.PayloadTrie;

/**
 * Finds gazetteer phrases in a text in one pass with an Aho-Corasick automaton (case-insensitive), then keeps
 * the matches that pass their case rule, whole-word and scope checks and resolves overlaps leftmost-longest,
 * separately for countries, minerals and organizations (so "Export-Import Bank of the United States" is both an
 * organization and a mention of the United States, while "New South Wales" hides "Wales").
 * Thread-safe: the automaton is immutable after construction.
 */
final class PhraseMatcher {
  private static final Comparator<Match> LEFTMOST_LONGEST =
      Comparator.comparingInt(Match::start).thenComparing(Comparator.comparingInt(Match::end).reversed());

  private final PayloadTrie<Phrase> trie;

  PhraseMatcher(Collection<Phrase> phrases) {
    PayloadTrie.PayloadTrieBuilder<Phrase> builder = PayloadTrie.<Phrase>builder().ignoreCase();
    for (Phrase phrase : phrases) {
      builder.addKeyword(phrase.text(), phrase);
    }
    trie = builder.build();
  }

  /** A phrase found at [start, end) of the text. */
  record Match(int start, int end, Phrase phrase) {}

  /** The accepted matches in text order. {@code text} must be {@link MatchText#of prepared} for matching. */
  List<Match> find(String text) {
    List<Match> candidates = new ArrayList<>();
    trie.parseText(text, emit -> {
      int start = emit.getStart();
      int end = emit.getEnd() + 1;
      Phrase phrase = emit.getPayload();
      if (wholeWord(text, start, end) && !tickerSymbol(text, start, end) && phrase.caseRule().accepts(text, start, phrase.text())
          && inScope(text, start, phrase.scope())) {
        candidates.add(new Match(start + phrase.markStart(), start + phrase.markEnd(), phrase));
      }
      return true;
    });
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

  private static int layer(Phrase.Entry entry) {
    if (entry instanceof Phrase.CountryEntry) {
      return 0;
    }
    return entry instanceof Phrase.Mineral ? 1 : 2;
  }

  /** Word characters may not continue a phrase that starts or ends with one ("Indian" is not in "Indiana"). */
  private static boolean wholeWord(String text, int start, int end) {
    boolean startOk = start == 0 || !isWordChar(text.charAt(start)) || !isWordChar(text.charAt(start - 1));
    boolean endOk = end == text.length() || !isWordChar(text.charAt(end - 1)) || !isWordChar(text.charAt(end));
    return startOk && endOk;
  }

  /** Newswire stock symbols are written in angle brackets, "Rockwell International <ROK>": not names. */
  private static boolean tickerSymbol(String text, int start, int end) {
    return start > 0 && end < text.length() && text.charAt(start - 1) == '<' && text.charAt(end) == '>';
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c);
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
