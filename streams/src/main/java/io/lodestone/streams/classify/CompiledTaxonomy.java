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
  /** A theme's term or proximity rule: what it contributes and how it shows as evidence. */
  record Item(String label, double weight) {}

  /** A proximity rule of theme {@code theme}; its item index in that theme is {@code item}. */
  record NearRule(int theme, int item, int groups, int window, double weight) {}

  final Taxonomy taxonomy;
  final PhraseIndex index;
  final List<Taxonomy.Theme> themes;
  /** Per theme: its terms, then its proximity rules. */
  final List<List<Item>> items = new ArrayList<>();
  final List<NearRule> nearRules = new ArrayList<>();
  final List<String> contextNames;
  final List<Taxonomy.Context> contexts = new ArrayList<>();
  /** Per theme: indices of the contexts it requires (any one suffices). */
  final List<int[]> requiredContexts = new ArrayList<>();
  final int[] relevanceContexts;
  final double[] offTopicWeights;

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
    List<Double> offTopicWeights = new ArrayList<>();
    for (Map.Entry<String, Double> term : taxonomy.offTopic().entrySet()) {
      builder.add(term.getKey(), new Use(Kind.OFF_TOPIC, 0, offTopicWeights.size(), weight(term, "off_topic")), "off_topic");
      offTopicWeights.add(term.getValue());
    }
    this.offTopicWeights = offTopicWeights.stream().mapToDouble(Double::doubleValue).toArray();
    for (int t = 0; t < themes.size(); t++) {
      Taxonomy.Theme theme = themes.get(t);
      String where = "theme " + theme.id();
      List<Item> themeItems = new ArrayList<>();
      for (Map.Entry<String, Double> term : theme.terms().entrySet()) {
        double weight = weight(term, where);
        builder.add(term.getKey(), new Use(Kind.THEME_TERM, t, themeItems.size(), weight), where);
        themeItems.add(new Item(term.getKey(), weight));
      }
      for (Taxonomy.NearRule rule : theme.near()) {
        NearRule compiled = new NearRule(t, themeItems.size(), rule.groups().size(), rule.window(), rule.weight());
        for (int g = 0; g < rule.groups().size(); g++) {
          for (String alternative : rule.groups().get(g).split("\\|")) {
            builder.add(alternative.strip(), new Use(Kind.NEAR_PART, nearRules.size(), g, rule.weight()), where);
          }
        }
        themeItems.add(new Item(String.join(" ~ ", rule.groups()), rule.weight()));
        nearRules.add(compiled);
      }
      items.add(themeItems);
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
