package io.lodestone.streams.process;

import io.lodestone.schemas.NewsReport;
import io.lodestone.schemas.NormalizedText;

/** A raw report with its normalized text and detected language, between normalization and deduplication. */
public record NormalizedReport(NewsReport report, NormalizedText text, String language) {}
