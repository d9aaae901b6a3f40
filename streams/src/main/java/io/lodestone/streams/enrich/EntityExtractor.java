package io.lodestone.streams.enrich;

import io.lodestone.schemas.Entities;
import io.lodestone.schemas.NormalizedText;

/**
 * Finds countries, minerals, organizations, money amounts and quantities in normalized text.
 * (Walking skeleton: finds nothing yet; the streams issue adds gazetteers and patterns kept as data files.)
 */
public final class EntityExtractor {

  public Entities extract(NormalizedText text) {
    return Entities.newBuilder().build();
  }
}
