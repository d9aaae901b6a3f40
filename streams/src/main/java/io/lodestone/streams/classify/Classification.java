package io.lodestone.streams.classify;

import io.lodestone.schemas.ThemeScore;
import java.util.List;

/** Themes above threshold (best first), overall supply-chain relevance in [0, 1], and the taxonomy version used. */
public record Classification(List<ThemeScore> themes, double relevance, String taxonomyVersion) {}
