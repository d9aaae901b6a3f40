package io.lodestone.streams.quality;

import io.lodestone.streams.offline.OfflineResult;
import io.lodestone.streams.offline.ReutersStory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Deduplication measured against the corpus itself. Exact: every group of stories with the same
 * (whitespace-normalized, non-empty) BODY must end up in one story. Near: the reference duplicates are
 * the stories with an earlier story at Jaccard similarity >= 0.8 on word 5-shingles of the BODY, or of
 * the TITLE for a story without body, as the deduplicator judges them (brute force,
 * {@link NearDuplicateReference}); a duplicate the topology flagged is correct when it
 * joined a story holding such an earlier story. Recall = correct / reference duplicates, precision =
 * correct / flagged duplicates.
 */
public record DedupQuality(int exactGroups, int exactGroupsCollapsed, int referenceDuplicates, int flagged, int correct) {
  public static final int REFERENCE_SHINGLE_SIZE = 5;
  public static final double REFERENCE_THRESHOLD = 0.8;

  public double recall() {
    return referenceDuplicates == 0 ? 1.0 : (double) correct / referenceDuplicates;
  }

  public double precision() {
    return flagged == 0 ? 1.0 : (double) correct / flagged;
  }

  /** Measures the results of processing the stories in order (one result per story). */
  public static DedupQuality measure(List<ReutersStory> stories, List<OfflineResult> results) {
    List<String> storyOf = new ArrayList<>(results.size());
    for (OfflineResult result : results) {
      storyOf.add(result.duplicate() != null ? result.duplicate().getDuplicateOf()
          : result.enriched() != null ? result.enriched().getDedup().getStoryId() : null);
    }
    Map<String, List<Integer>> byBody = new HashMap<>();
    for (int i = 0; i < stories.size(); i++) {
      String body = stories.get(i).body().strip().replaceAll("\\s+", " ");
      if (!body.isEmpty()) {
        byBody.computeIfAbsent(body, b -> new ArrayList<>()).add(i);
      }
    }
    int groups = 0;
    int collapsed = 0;
    for (List<Integer> group : byBody.values()) {
      if (group.size() > 1) {
        groups++;
        String story = storyOf.get(group.get(0));
        if (story != null && group.stream().allMatch(i -> story.equals(storyOf.get(i)))) {
          collapsed++;
        }
      }
    }
    List<Map<Integer, Double>> reference = NearDuplicateReference.compute(
        stories.stream().map(s -> s.body().isBlank() ? s.title() : s.body()).toList(), REFERENCE_SHINGLE_SIZE, REFERENCE_THRESHOLD);
    int referenceDuplicates = 0;
    int flagged = 0;
    int correct = 0;
    for (int i = 0; i < stories.size(); i++) {
      boolean isReference = !reference.get(i).isEmpty();
      boolean isFlagged = results.get(i).isDuplicate();
      referenceDuplicates += isReference ? 1 : 0;
      flagged += isFlagged ? 1 : 0;
      String story = storyOf.get(i);
      if (isFlagged && reference.get(i).keySet().stream().anyMatch(j -> Objects.equals(storyOf.get(j), story))) {
        correct++;
      }
    }
    return new DedupQuality(groups, collapsed, referenceDuplicates, flagged, correct);
  }
}
