package io.lodestone.streams.classify;

import io.lodestone.streams.classify.CompiledTaxonomy.NearRule;
import io.lodestone.streams.classify.PhraseIndex.Phrase;
import io.lodestone.streams.classify.PhraseIndex.Use;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.function.ObjDoubleConsumer;

/**
 * The phrase matches of one report (title and body), turned into evidence: per theme the matched
 * terms and proximity rules (overlapping matches resolved in favour of the longer one; repeats of
 * a term decaying geometrically; title and lede words weighing more), per context and for the
 * off-topic vocabulary a decayed sum. One instance per classified report; not thread-safe.
 */
final class DocumentEvidence implements PhraseIndex.MatchSink {
  /**
   * A match in a field, from token {@code first} to {@code last}; near-rule matches span their parts. {@code item} is
   * its term's or rule's index within its theme (or context, or the off-topic terms), which repeats are counted by;
   * {@code weight} is that term's or rule's weight, carried along because ordering the hits compares it many times.
   */
  record Hit(int item, double weight, AnalyzedText field, int first, int firstPartEnd, int lastPartStart, int last,
      double factor) {
    int length() {
      return last - first + 1;
    }

    /** The words of the text that matched, as evidence for a person. */
    String phrase() {
      String text = field.text;
      int start = field.start(first);
      int end = field.end(last);
      String phrase = end - start <= 80 ? text.substring(start, end)
          : text.substring(start, field.end(firstPartEnd)) + " … " + text.substring(field.start(lastPartStart), end);
      return phrase.replace('\n', ' ');
    }
  }

  /** A matched hit with its final contribution to the theme's evidence. */
  record Contribution(Hit hit, double value) {}

  private record NearPart(int group, int first, int last) {}

  private final CompiledTaxonomy taxonomy;
  private final Taxonomy.Scoring scoring;
  private final List<List<Hit>> themeHits = new ArrayList<>();
  private final List<List<Hit>> contextHits = new ArrayList<>();
  private final List<Hit> offTopicHits = new ArrayList<>();
  private final List<List<NearPart>> nearParts = new ArrayList<>();
  private AnalyzedText field;
  private int tokens;

  DocumentEvidence(CompiledTaxonomy taxonomy) {
    this.taxonomy = taxonomy;
    this.scoring = taxonomy.taxonomy.scoring();
    taxonomy.themes.forEach(t -> themeHits.add(new ArrayList<>()));
    taxonomy.contexts.forEach(c -> contextHits.add(new ArrayList<>()));
    taxonomy.nearRules.forEach(r -> nearParts.add(new ArrayList<>()));
  }

  /** Matches one field (title or body) and records its hits. */
  void read(AnalyzedText text) {
    this.field = text;
    tokens += text.size();
    taxonomy.index.match(text, this);
    for (int r = 0; r < nearParts.size(); r++) {
      if (!nearParts.get(r).isEmpty()) {
        matchNearRule(taxonomy.nearRules.get(r), nearParts.get(r));
        nearParts.get(r).clear();
      }
    }
  }

  @Override
  public void match(Phrase phrase, int first, int last) {
    double factor = field.title ? scoring.titleWeight() : first < scoring.leadTokens() ? scoring.leadWeight() : scoring.bodyWeight();
    for (Use use : phrase.uses()) {
      switch (use.kind()) {
        case THEME_TERM -> themeHits.get(use.owner()).add(hit(use, first, last, factor));
        case CONTEXT_TERM -> contextHits.get(use.owner()).add(hit(use, first, last, factor));
        case OFF_TOPIC -> offTopicHits.add(hit(use, first, last, factor));
        case NEAR_PART -> nearParts.get(use.owner()).add(new NearPart(use.item(), first, last));
      }
    }
  }

  private Hit hit(Use use, int first, int last, double factor) {
    return new Hit(use.item(), use.weight(), field, first, last, first, last, factor);
  }

  /**
   * Finds non-overlapping stretches where every group of the rule occurs within the rule's window
   * (distance in words between the first and the last part, in any order, within one sentence).
   */
  private void matchNearRule(NearRule rule, List<NearPart> parts) {
    parts.sort(Comparator.comparingInt(NearPart::first));
    int all = (1 << rule.groups()) - 1;
    int i = 0;
    while (i < parts.size()) {
      NearPart head = parts.get(i);
      int covered = 0;
      int j = i;
      while (j < parts.size() && field.position(parts.get(j).first()) - field.position(head.first()) <= rule.window()) {
        covered |= 1 << parts.get(j).group();
        if (covered == all) {
          break;
        }
        j++;
      }
      if (covered == all) {
        NearPart tail = parts.get(j);
        int first = head.first();
        int last = Math.max(head.last(), tail.last());
        double factor = field.title ? scoring.titleWeight() : first < scoring.leadTokens() ? scoring.leadWeight() : scoring.bodyWeight();
        themeHits.get(rule.theme()).add(new Hit(rule.item(), rule.weight(), field, first, head.last(), tail.first(), last, factor));
        i = j + 1;
      } else {
        i++;
      }
    }
  }

  /** Words in the report (title and body). */
  int tokens() {
    return tokens;
  }

  /**
   * A theme's accepted matches with their contributions: of overlapping matches only one counts
   * (counter-evidence first, then the heavier, then the longer), the k-th repeat of the same term or rule counts {@code repeat_decay^(k-1)}, strongest first.
   */
  List<Contribution> themeContributions(int theme) {
    List<Hit> hits = themeHits.get(theme); // ordered in place: each theme's contributions are asked for once
    // Counter-evidence first (a negated phrase vetoes what it covers), then the heavier, then the longer match.
    // One plain comparator on the hits' own fields, not a chain of key extractors: on-topic reports carry hundreds of hits.
    hits.sort((a, b) -> {
      if ((a.weight() < 0) != (b.weight() < 0)) {
        return a.weight() < 0 ? -1 : 1;
      }
      int heavier = Double.compare(Math.abs(b.weight()), Math.abs(a.weight()));
      return heavier != 0 ? heavier : Integer.compare(b.length(), a.length());
    });
    BitSet titleCovered = new BitSet();
    BitSet bodyCovered = new BitSet();
    List<Hit> accepted = new ArrayList<>();
    for (Hit hit : hits) {
      BitSet covered = hit.field().title ? titleCovered : bodyCovered;
      int nextCovered = covered.nextSetBit(hit.first());
      if (nextCovered < 0 || nextCovered > hit.last()) {
        covered.set(hit.first(), hit.last() + 1);
        accepted.add(hit);
      }
    }
    return decayed(accepted);
  }

  /** Decayed evidence of a context, capped by the context's cap. */
  double contextEvidence(int context) {
    Taxonomy.Context definition = taxonomy.contexts.get(context);
    return Math.min(definition.cap(), decayedSum(contextHits.get(context)));
  }

  boolean hasContext(int context) {
    return !contextHits.get(context).isEmpty();
  }

  double offTopicEvidence() {
    return decayedSum(offTopicHits);
  }

  static double sum(List<Contribution> contributions) {
    double sum = 0;
    for (Contribution c : contributions) {
      sum += c.value();
    }
    return sum;
  }

  private List<Contribution> decayed(List<Hit> hits) {
    List<Contribution> contributions = new ArrayList<>(hits.size());
    decay(hits, (hit, value) -> contributions.add(new Contribution(hit, value)));
    contributions.sort((a, b) -> Double.compare(b.value(), a.value()));
    return contributions;
  }

  /** The sum of {@link #decayed}'s values, without making and ordering the contributions. */
  private double decayedSum(List<Hit> hits) {
    double[] sum = {0};
    decay(hits, (hit, value) -> sum[0] += value);
    return sum[0];
  }

  /** Each hit's weight times its factor, the k-th repeat of an item (strongest first) decayed by {@code repeat_decay^(k-1)}. */
  private void decay(List<Hit> hits, ObjDoubleConsumer<Hit> sink) {
    List<Hit> ordered = new ArrayList<>(hits);
    ordered.sort((a, b) -> a.item() != b.item() ? Integer.compare(a.item(), b.item()) : Double.compare(b.factor(), a.factor()));
    double decay = 1;
    for (int i = 0; i < ordered.size(); i++) {
      Hit hit = ordered.get(i);
      decay = i > 0 && ordered.get(i - 1).item() == hit.item() ? decay * scoring.repeatDecay() : 1;
      sink.accept(hit, hit.weight() * hit.factor() * decay);
    }
  }
}
