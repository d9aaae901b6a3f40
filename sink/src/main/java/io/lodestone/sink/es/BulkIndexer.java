package io.lodestone.sink.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.elasticsearch.client.ResponseException;

/**
 * Sends one {@code _bulk} request and sorts its outcome per document: indexed, worth retrying
 * (429, 5xx, or the request as a whole could not be sent) or rejected for good (other 4xx, e.g. a
 * mapping error, with Elasticsearch's reason).
 */
public final class BulkIndexer {
  private final ElasticsearchClient client;

  public BulkIndexer(ElasticsearchClient client) {
    this.client = client;
  }

  /** One document to index: where, its id, its source, and the caller's handle to it. */
  public record Action<T>(String index, String id, Map<String, Object> document, T handle) {}

  /** The outcome of one bulk request. */
  public record Outcome<T>(List<T> indexed, List<Action<T>> retry, List<Rejected<T>> rejected, String retryReason) {}

  /** A document Elasticsearch refused for good, with its reason. */
  public record Rejected<T>(Action<T> action, String reason) {}

  public <T> Outcome<T> index(List<Action<T>> actions) {
    List<BulkOperation> operations = new ArrayList<>(actions.size());
    for (Action<T> action : actions) {
      operations.add(BulkOperation.of(b -> b.index(i -> i.index(action.index()).id(action.id()).document(action.document()))));
    }
    BulkResponse response;
    try {
      response = client.bulk(BulkRequest.of(b -> b.operations(operations)));
    } catch (IOException | co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
      return new Outcome<>(List.of(), actions, List.of(), describe(e));
    }
    List<T> indexed = new ArrayList<>();
    List<Action<T>> retry = new ArrayList<>();
    List<Rejected<T>> rejected = new ArrayList<>();
    String retryReason = null;
    List<BulkResponseItem> items = response.items();
    for (int i = 0; i < items.size(); i++) {
      BulkResponseItem item = items.get(i);
      Action<T> action = actions.get(i);
      if (item.error() == null) {
        indexed.add(action.handle());
      } else if (item.status() == 429 || item.status() >= 500) {
        retry.add(action);
        retryReason = item.status() + " " + item.error().type() + ": " + item.error().reason();
      } else {
        rejected.add(new Rejected<>(action, item.status() + " " + item.error().type() + ": " + item.error().reason()));
      }
    }
    return new Outcome<>(indexed, retry, rejected, retryReason);
  }

  private static String describe(Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof ResponseException)) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
