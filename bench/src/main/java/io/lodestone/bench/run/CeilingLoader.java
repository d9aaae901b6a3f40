package io.lodestone.bench.run;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.lodestone.sink.es.IndexTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The ceiling: a direct, tuned {@code _bulk} loader that indexes documents straight into Elasticsearch
 * (large batches, several requests in flight, no Kafka), with the same index template as the sink.
 */
public final class CeilingLoader {
  private final ElasticsearchClient client;
  private final int batchSize;
  private final int inFlight;

  public CeilingLoader(ElasticsearchClient client, int batchSize, int inFlight) {
    this.client = client;
    this.batchSize = batchSize;
    this.inFlight = inFlight;
  }

  /** A document with its id. */
  public record Doc(String id, Map<String, Object> source) {}

  /** Indexes every document into {@code prefix-bench} and returns documents per second. */
  public double load(String prefix, List<Doc> docs) throws Exception {
    IndexTemplate.install(client, prefix, prefix, 0);
    String index = prefix + "-bench";
    List<List<Doc>> batches = new ArrayList<>();
    for (int i = 0; i < docs.size(); i += batchSize) {
      batches.add(docs.subList(i, Math.min(docs.size(), i + batchSize)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(inFlight);
    long start = System.nanoTime();
    try {
      List<Future<BulkResponse>> responses = new ArrayList<>();
      for (List<Doc> batch : batches) {
        responses.add(pool.submit(() -> client.bulk(BulkRequest.of(b -> b.operations(operations(index, batch))))));
      }
      for (Future<BulkResponse> response : responses) {
        if (response.get().errors()) {
          throw new IllegalStateException("the ceiling loader's bulk request had item errors: "
              + response.get().items().stream().filter(i -> i.error() != null).findFirst().map(i -> i.error().reason()).orElse("?"));
        }
      }
      client.indices().refresh(r -> r.index(index));
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return docs.size() / seconds;
  }

  private static List<BulkOperation> operations(String index, List<Doc> batch) {
    List<BulkOperation> operations = new ArrayList<>(batch.size());
    for (Doc doc : batch) {
      operations.add(BulkOperation.of(o -> o.index(i -> i.index(index).id(doc.id()).document(doc.source()))));
    }
    return operations;
  }
}
