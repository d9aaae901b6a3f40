package io.lodestone.sink.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;

/**
 * The yardstick: ready-made {@code _bulk} bodies (NDJSON built before the clock starts) posted by a few
 * threads over the low-level REST client. Nothing between the documents and Elasticsearch: no Kafka, no
 * Avro, no document mapping, no per-item bookkeeping beyond checking the {@code errors} flag.
 */
final class DirectBulkLoader {
  /** A document ready to load. */
  record Doc(String index, String id, byte[] json) {}

  private final RestClient client;

  DirectBulkLoader(RestClient client) {
    this.client = client;
  }

  /** NDJSON bodies of {@code batchSize} create actions each. */
  static List<byte[]> bodies(List<Doc> docs, int batchSize) {
    List<byte[]> bodies = new ArrayList<>();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int inBody = 0;
    for (Doc doc : docs) {
      body.writeBytes(("{\"create\":{\"_index\":\"" + doc.index() + "\",\"_id\":\"" + doc.id() + "\"}}\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(doc.json());
      body.write('\n');
      if (++inBody == batchSize) {
        bodies.add(body.toByteArray());
        body.reset();
        inBody = 0;
      }
    }
    if (inBody > 0) {
      bodies.add(body.toByteArray());
    }
    return bodies;
  }

  /** Posts every body with {@code concurrency} threads; returns the elapsed nanoseconds. */
  long load(List<byte[]> bodies, int concurrency) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(concurrency);
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    try {
      List<Future<Void>> workers = new ArrayList<>();
      for (int t = 0; t < concurrency; t++) {
        workers.add(threads.submit(() -> {
          for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
            post(bodies.get(i));
          }
          return null;
        }));
      }
      for (Future<Void> worker : workers) {
        worker.get();
      }
      return System.nanoTime() - start;
    } finally {
      threads.shutdownNow();
    }
  }

  private void post(byte[] body) throws IOException {
    Request request = new Request("POST", "/_bulk");
    request.addParameter("filter_path", "errors");
    request.setEntity(new ByteArrayEntity(body, ContentType.create("application/x-ndjson")));
    Response response = client.performRequest(request);
    String answer = EntityUtils.toString(response.getEntity());
    if (!answer.contains("\"errors\":false")) {
      throw new IOException("bulk request had item errors: " + answer.substring(0, Math.min(500, answer.length())));
    }
  }
}
