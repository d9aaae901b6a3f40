package io.lodestone.producers.feed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.lodestone.producers.fetch.PageFetcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What the poller remembers of a feed between polls and restarts, stored as JSON in the compacted
 * state topic under the feed's URL: the HTTP validators of the last answer, and the ids of the items
 * already published (the newest {@code feeds.seen.ids.max}, oldest first).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedState(String etag, String lastModified, List<String> seen) {
  public static final FeedState EMPTY = new FeedState(null, null, List.of());

  public FeedState {
    seen = seen == null ? List.of() : List.copyOf(seen);
  }

  PageFetcher.Validators validators() {
    return new PageFetcher.Validators(etag, lastModified);
  }

  /** A new state: these validators, and the ids seen before plus {@code newIds}, keeping the newest {@code max}. */
  FeedState next(PageFetcher.Validators validators, Collection<String> newIds, int max) {
    LinkedHashSet<String> ids = new LinkedHashSet<>(seen);
    for (String id : newIds) {
      ids.remove(id);
      ids.add(id);
    }
    List<String> kept = new ArrayList<>(ids);
    return new FeedState(validators.etag(), validators.lastModified(),
        kept.subList(Math.max(0, kept.size() - max), kept.size()));
  }
}
