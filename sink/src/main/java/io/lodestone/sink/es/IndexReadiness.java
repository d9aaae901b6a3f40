package io.lodestone.sink.es;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import org.elasticsearch.client.ResponseException;

/**
 * What a failed request says about an index that a reader polls while the sink creates it. The client
 * reports an HTTP error at one of three layers: a decoded {@link ElasticsearchException}, a
 * {@link TransportException}, or the low-level client's {@link ResponseException} (as for the 503 of a
 * count on a shard that is not started yet, whose error body the client does not decode).
 */
public final class IndexReadiness {
  private IndexReadiness() {}

  /** The HTTP status of the failure or of one of its causes; -1 when there is none (e.g. no connection). */
  public static int status(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ElasticsearchException e) {
        return e.status();
      }
      if (cause instanceof TransportException e && e.statusCode() > 0) {
        return e.statusCode();
      }
      if (cause instanceof ResponseException e) {
        return e.getResponse().getStatusLine().getStatusCode();
      }
    }
    return -1;
  }

  /**
   * Whether the index does not exist yet (404) or was just created and its shard is not started yet (503):
   * nothing is searchable yet, and asking again later will tell.
   */
  public static boolean notSearchableYet(Throwable failure) {
    int status = status(failure);
    return status == 404 || status == 503;
  }
}
