package io.lodestone.streams.classify;

import io.lodestone.schemas.Entities;
import io.lodestone.schemas.NormalizedText;
import java.util.List;

/**
 * Classifies a report by supply-chain theme.
 * (Walking skeleton: no themes yet; the streams issue adds the taxonomy data file, stemming and
 * multi-pattern matching.)
 */
public final class ThemeClassifier {

  public Classification classify(NormalizedText text, Entities entities) {
    return new Classification(List.of(), 0.0, "none");
  }
}
