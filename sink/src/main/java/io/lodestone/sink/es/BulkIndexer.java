package io.lodestone.sink.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.elasticsearch.client.ResponseException;

/**
 * Sends one {@code _bulk} request and sorts its outcome per document: written; existing already (a
 * create that must become a merge); worth retrying (429, 5xx, a conflicting concurrent update, or the
 * request as a whole could not be sent or was refused); or rejected for good (other 4xx, e.g. a mapping
 * error, with Elasticsearch's reason). Items of one shard are applied in request order, so a notice and
 * its report in one request keep their order.
 */
public final class BulkIndexer {
  private static final String JSON = "application/json";
  /** Concurrent updates of one document (another sink instance during a rebalance) retried inside Elasticsearch. */
  private static final int RETRY_ON_CONFLICT = 3;

  /**
   * Only what the outcome needs of each item (a full item is four times longer): less for Elasticsearch to
   * write and for the sink to parse, per document.
   */
  static final String RESPONSE_FILTER = "took,errors,items.*._index,items.*.status,items.*.error";

  private final ElasticsearchClient client;

  public BulkIndexer(ElasticsearchClient client) {
    this.client = client.withTransportOptions(options -> options.setParameter("filter_path", RESPONSE_FILTER));
  }

  /** The outcome of one bulk request. */
  public record Outcome<T>(List<BulkAction<T>> written, List<BulkAction<T>> exists, List<BulkAction<T>> retry,
      List<Rejected<T>> rejected, String retryReason) {}

  /** An action Elasticsearch refused for good, with its reason. */
  public record Rejected<T>(BulkAction<T> action, String reason) {}

  public <T> Outcome<T> index(List<BulkAction<T>> actions) {
    List<BulkOperation> operations = new ArrayList<>(actions.size());
    for (BulkAction<T> action : actions) {
      operations.add(operation(action));
    }
    BulkResponse response;
    try {
      response = client.bulk(BulkRequest.of(b -> b.operations(operations)));
    } catch (Exception e) {
      // Connection refused or reset, timeout, 429/5xx or an authentication failure of the whole request:
      // never the documents' fault, so all of them are retried.
      return new Outcome<>(List.of(), List.of(), actions, List.of(), describe(e));
    }
    List<BulkAction<T>> written = new ArrayList<>(actions.size());
    List<BulkAction<T>> exists = new ArrayList<>();
    List<BulkAction<T>> retry = new ArrayList<>();
    List<Rejected<T>> rejected = new ArrayList<>();
    String retryReason = null;
    List<BulkResponseItem> items = response.items();
    for (int i = 0; i < items.size(); i++) {
      BulkResponseItem item = items.get(i);
      BulkAction<T> action = actions.get(i);
      if (item.error() == null) {
        written.add(action);
      } else if (item.status() == 409 && action.op() == BulkAction.Op.CREATE) {
        exists.add(action);
      } else if (item.status() == 409 || item.status() == 429 || item.status() >= 500) {
        retry.add(action);
        retryReason = reason(item);
      } else {
        rejected.add(new Rejected<>(action, reason(item)));
      }
    }
    return new Outcome<>(written, exists, retry, rejected, retryReason);
  }

  private static <T> BulkOperation operation(BulkAction<T> action) {
    if (action.op() == BulkAction.Op.CREATE) {
      BinaryData source = BinaryData.of(action.json(), JSON);
      return BulkOperation.of(b -> b.create(c -> c.index(action.index()).id(action.id()).document(source)));
    }
    return BulkOperation.of(b -> b.<Object, ObjectNode>update(u -> u.index(action.index()).id(action.id())
        .retryOnConflict(RETRY_ON_CONFLICT).action(a -> a.doc(action.doc()).docAsUpsert(true))));
  }

  private static String reason(BulkResponseItem item) {
    String reason = item.status() + " " + item.error().type() + ": " + item.error().reason();
    if (item.error().causedBy() != null) {
      reason += " (caused by " + item.error().causedBy().type() + ": " + item.error().causedBy().reason() + ")";
    }
    return reason;
  }

  private static String describe(Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof ResponseException)) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
