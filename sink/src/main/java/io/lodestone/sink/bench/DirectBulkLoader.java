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
import java.util.concurrent.atomic.AtomicLong;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;

/**
 * The yardstick of the sink's throughput (the sink benchmark and {@code ./lodestone bench}): ready-made {@code _bulk} bodies (NDJSON built before the clock starts) posted by a few
 * threads over the low-level REST client. Nothing between the documents and Elasticsearch: no Kafka, no
 * Avro, no document mapping, no per-item bookkeeping beyond checking the {@code errors} flag.
 */
public final class DirectBulkLoader {
  /** A document ready to load. */
  public record Doc(String index, String id, byte[] json) {}

  private final RestClient client;

  public DirectBulkLoader(RestClient client) {
    this.client = client;
  }

  /** A {@code _bulk} body and how many documents it holds. */
  public record Body(byte[] ndjson, int docs) {}

  /** How a load went: documents acknowledged when the clock started, and nanoseconds from then to the end. */
  public record Timing(long docsAtStart, long nanos) {}

  /** NDJSON bodies of {@code batchSize} create actions each. */
  public static List<Body> bodies(List<Doc> docs, int batchSize) {
    List<Body> bodies = new ArrayList<>();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int inBody = 0;
    for (Doc doc : docs) {
      body.writeBytes(("{\"create\":{\"_index\":\"" + doc.index() + "\",\"_id\":\"" + doc.id() + "\"}}\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(doc.json());
      body.write('\n');
      if (++inBody == batchSize) {
        bodies.add(new Body(body.toByteArray(), inBody));
        body.reset();
        inBody = 0;
      }
    }
    if (inBody > 0) {
      bodies.add(new Body(body.toByteArray(), inBody));
    }
    return bodies;
  }

  /**
   * Posts every body with {@code concurrency} threads, without a pause. The clock starts when
   * {@code warmUpDocs} documents are acknowledged (with requests in flight, as the sink's does), or at once
   * when that is 0, and stops at the last acknowledgement.
   */
  public Timing load(List<Body> bodies, int concurrency, long warmUpDocs) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(concurrency);
    AtomicInteger next = new AtomicInteger();
    AtomicLong acknowledged = new AtomicLong();
    AtomicLong startNanos = new AtomicLong(warmUpDocs == 0 ? System.nanoTime() : 0);
    AtomicLong docsAtStart = new AtomicLong();
    try {
      List<Future<Void>> workers = new ArrayList<>();
      for (int t = 0; t < concurrency; t++) {
        workers.add(threads.submit(() -> {
          for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
            post(bodies.get(i).ndjson());
            long docs = acknowledged.addAndGet(bodies.get(i).docs());
            if (docs >= warmUpDocs && startNanos.compareAndSet(0, System.nanoTime())) {
              docsAtStart.set(docs);
            }
          }
          return null;
        }));
      }
      for (Future<Void> worker : workers) {
        worker.get();
      }
      return new Timing(docsAtStart.get(), System.nanoTime() - startNanos.get());
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
