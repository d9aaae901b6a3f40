package io.lodestone.streams.dedup;

import java.util.ArrayList;
import java.util.List;

/**
 * A story's running totals, kept under its canonical report's id: copies seen after the canonical, the
 * sources that published it, and the canonical's index date (so that a duplicate notice can name the
 * monthly index of the canonical document).
 */
public record StoryState(long canonicalIndexDate, int duplicateCount, List<String> sourcesSeen) {

  /** The story after one more copy from {@code source} (a source already seen is not listed twice). */
  public StoryState withCopyFrom(String source) {
    List<String> sources = new ArrayList<>(sourcesSeen);
    if (source != null && !source.isBlank() && !sources.contains(source)) {
      sources.add(source);
    }
    return new StoryState(canonicalIndexDate, duplicateCount + 1, List.copyOf(sources));
  }
}
