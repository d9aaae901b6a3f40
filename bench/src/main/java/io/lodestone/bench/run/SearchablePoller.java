package io.lodestone.bench.run;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.lodestone.sink.es.IndexReadiness;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches Elasticsearch for report ids and records when each first became searchable, by searching the
 * pending ids every few milliseconds (a search sees what a refresh made visible, as users do).
 */
final class SearchablePoller {
  private static final int IDS_PER_SEARCH = 1000;

  private final ElasticsearchClient client;
  private final String index;
  private final Map<String, Long> pending = new ConcurrentHashMap<>();
  private final Map<String, Long> found = new ConcurrentHashMap<>();

  SearchablePoller(ElasticsearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  /** Starts watching for an id published at {@code publishedNanos}. */
  void expect(String id, long publishedNanos) {
    pending.put(id, publishedNanos);
  }

  int pendingCount() {
    return pending.size();
  }

  /** One round: searches the pending ids; records the ones now searchable. */
  void poll() throws IOException {
    List<String> ids = new ArrayList<>(pending.keySet());
    for (int i = 0; i < ids.size(); i += IDS_PER_SEARCH) {
      List<String> chunk = ids.subList(i, Math.min(ids.size(), i + IDS_PER_SEARCH));
      try {
        var hits = client.search(s -> s.index(index).size(chunk.size()).source(src -> src.fetch(false))
            .query(q -> q.ids(v -> v.values(chunk))), Void.class).hits().hits();
        long now = System.nanoTime();
        for (var hit : hits) {
          Long published = pending.remove(hit.id());
          if (published != null) {
            found.put(hit.id(), now - published);
          }
        }
      } catch (ElasticsearchException | IOException e) {
        // the sink's first index may not exist yet, or its shard not be started yet: the next round will see it
        if (!IndexReadiness.notSearchableYet(e)) {
          throw e;
        }
      }
    }
  }

  /** Publish-to-searchable latencies in milliseconds of the ids found so far. */
  long[] latenciesMillis() {
    return found.values().stream().mapToLong(nanos -> nanos / 1_000_000).toArray();
  }
}
