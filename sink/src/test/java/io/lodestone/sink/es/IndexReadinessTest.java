package io.lodestone.sink.es;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.net.ConnectException;
import org.apache.http.HttpHost;
import org.apache.http.HttpResponse;
import org.apache.http.HttpVersion;
import org.apache.http.RequestLine;
import org.apache.http.message.BasicHttpResponse;
import org.apache.http.message.BasicRequestLine;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.junit.jupiter.api.Test;

class IndexReadinessTest {

  @Test
  void aShardNotStartedYetAnsweredThroughTheLowLevelClientIsNotSearchableYet() throws Exception {
    ResponseException starting = responseException(503);
    assertThat(IndexReadiness.status(starting)).isEqualTo(503);
    assertThat(IndexReadiness.notSearchableYet(starting)).isTrue();
    assertThat(IndexReadiness.notSearchableYet(new IOException("wrapped", starting))).isTrue();
  }

  @Test
  void aMissingIndexIsNotSearchableYetButARefusedRequestIsAnError() {
    assertThat(IndexReadiness.notSearchableYet(elasticsearchException(404))).isTrue();
    assertThat(IndexReadiness.notSearchableYet(elasticsearchException(400))).isFalse();
  }

  @Test
  void noAnswerAtAllHasNoStatus() {
    ConnectException refused = new ConnectException("Connection refused");
    assertThat(IndexReadiness.status(refused)).isEqualTo(-1);
    assertThat(IndexReadiness.notSearchableYet(refused)).isFalse();
  }

  private static ElasticsearchException elasticsearchException(int status) {
    return new ElasticsearchException("count", ErrorResponse.of(r -> r.status(status)
        .error(e -> e.type("index_not_found_exception").reason("no such index"))));
  }

  /** The low-level client's exception; its Response is only built by the client, hence reflection. */
  private static ResponseException responseException(int status) throws Exception {
    Constructor<Response> constructor = Response.class.getDeclaredConstructor(RequestLine.class, HttpHost.class, HttpResponse.class);
    constructor.setAccessible(true);
    Response response = constructor.newInstance(new BasicRequestLine("POST", "/lodestone-reports/_count", HttpVersion.HTTP_1_1),
        new HttpHost("127.0.0.1", 9200), new BasicHttpResponse(HttpVersion.HTTP_1_1, status, "Service Unavailable"));
    return new ResponseException(response);
  }
}
