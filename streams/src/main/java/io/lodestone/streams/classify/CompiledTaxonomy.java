package io.lodestone.streams.classify;

import io.lodestone.streams.classify.PhraseIndex.Kind;
import io.lodestone.streams.classify.PhraseIndex.Use;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A taxonomy with its phrases compiled into one {@link PhraseIndex} and everything numbered
 * (themes, terms, proximity rules, contexts) so that scoring works on arrays. Immutable.
 */
final class CompiledTaxonomy {
  /** A proximity rule of theme {@code theme}; its item index in that theme is {@code item}. */
  record NearRule(int theme, int item, int groups, int window, double weight) {}

  final Taxonomy taxonomy;
  final PhraseIndex index;
  final List<Taxonomy.Theme> themes;
  final List<NearRule> nearRules = new ArrayList<>();
  final List<String> contextNames;
  final List<Taxonomy.Context> contexts = new ArrayList<>();
  /** Per theme: indices of the contexts it requires (any one suffices). */
  final List<int[]> requiredContexts = new ArrayList<>();
  final int[] relevanceContexts;

  CompiledTaxonomy(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
    this.themes = taxonomy.themes();
    this.contextNames = List.copyOf(taxonomy.contexts().keySet());
    PhraseIndex.Builder builder = new PhraseIndex.Builder();
    for (int c = 0; c < contextNames.size(); c++) {
      Taxonomy.Context context = taxonomy.contexts().get(contextNames.get(c));
      contexts.add(context);
      for (int t = 0; t < context.terms().size(); t++) {
        builder.add(context.terms().get(t), new Use(Kind.CONTEXT_TERM, c, t, context.weight()), "context " + contextNames.get(c));
      }
    }
    int offTopicTerms = 0;
    for (Map.Entry<String, Double> term : taxonomy.offTopic().entrySet()) {
      builder.add(term.getKey(), new Use(Kind.OFF_TOPIC, 0, offTopicTerms++, weight(term, "off_topic")), "off_topic");
    }
    for (int t = 0; t < themes.size(); t++) {
      Taxonomy.Theme theme = themes.get(t);
      String where = "theme " + theme.id();
      int item = 0; // a theme's items: its terms, then its proximity rules
      for (Map.Entry<String, Double> term : theme.terms().entrySet()) {
        builder.add(term.getKey(), new Use(Kind.THEME_TERM, t, item++, weight(term, where)), where);
      }
      for (Taxonomy.NearRule rule : theme.near()) {
        NearRule compiled = new NearRule(t, item++, rule.groups().size(), rule.window(), rule.weight());
        for (int g = 0; g < rule.groups().size(); g++) {
          for (String alternative : rule.groups().get(g).split("\\|")) {
            builder.add(alternative.strip(), new Use(Kind.NEAR_PART, nearRules.size(), g, rule.weight()), where);
          }
        }
        nearRules.add(compiled);
      }
      requiredContexts.add(theme.requires().stream().mapToInt(contextNames::indexOf).toArray());
    }
    this.relevanceContexts = taxonomy.relevance().contexts().stream().mapToInt(contextNames::indexOf).toArray();
    this.index = builder.build();
  }

  private static double weight(Map.Entry<String, Double> term, String where) {
    Double weight = term.getValue();
    if (weight == null || weight.isNaN() || weight.isInfinite()) {
      throw new IllegalArgumentException("Taxonomy term '" + term.getKey() + "' in " + where + " needs a numeric weight");
    }
    return weight;
  }
}
