package io.lodestone.streams.quality;

import io.lodestone.streams.offline.OfflineResult;
import io.lodestone.streams.offline.ReutersStory;
import java.util.List;

/**
 * Extension point of the quality command for figures other than deduplication (countries against the
 * PLACES labels, relevance, theme F1): implementations are found with {@link java.util.ServiceLoader}
 * (listed in {@code META-INF/services/io.lodestone.streams.quality.CorpusEvaluation}) and get the
 * stories with the topology's result for each, in the same order.
 */
public interface CorpusEvaluation {

  /** What is measured, e.g. "countries". */
  String name();

  List<QualityFigure> evaluate(List<ReutersStory> stories, List<OfflineResult> results);
}
