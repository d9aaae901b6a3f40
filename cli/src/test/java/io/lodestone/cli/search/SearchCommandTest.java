package io.lodestone.cli.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** The one sentence a user reads when a search fails, by what Elasticsearch answered. */
class SearchCommandTest {
  private static final String URL = "http://localhost:9200";
  private final SearchCommand search = new SearchCommand();

  SearchCommandTest() {
    search.index = "lodestone-reports";
  }

  @Test
  void noAnswerPointsAtTheStack() {
    assertThat(search.failed(new ConnectException("Connection refused"), URL))
        .hasMessage("cannot reach Elasticsearch at http://localhost:9200; is the stack up (./lodestone status)?");
  }

  @Test
  void aMissingIndexSaysNothingIsIndexedYetAndHowToIndexSomething() {
    assertThat(search.failed(answer(404, "index_not_found_exception", "no such index [lodestone-reports]"), URL))
        .hasMessage("nothing is indexed yet (no lodestone-reports index); run ./lodestone demo or ingest a file");
  }

  @Test
  void anIndexStillStartingSaysToTryAgain() {
    assertThat(search.failed(new IOException("wrapped", answer(503, "search_phase_execution_exception", "all shards failed")), URL))
        .hasMessage("nothing is searchable yet (the lodestone-reports index is still starting); try again in a moment");
  }

  @Test
  void anyOtherRefusalGivesElasticsearchsReason() {
    assertThat(search.failed(answer(400, "parsing_exception", "unknown query [mutli_match]"), URL).getMessage())
        .startsWith("Elasticsearch refused the search: ")
        .contains("unknown query [mutli_match]");
  }

  @Test
  void aCountElasticsearchStoppedAtIsALowerBound() {
    assertThat(SearchCommand.heading(10_000, true, "lithium", 10)).isEqualTo("10000 or more report(s) match \"lithium\", best 10:");
    assertThat(SearchCommand.heading(3, false, "lithium", 10)).isEqualTo("3 report(s) match \"lithium\":");
  }

  private static ElasticsearchException answer(int status, String type, String reason) {
    return new ElasticsearchException("search", ErrorResponse.of(r -> r.status(status).error(e -> e.type(type).reason(reason))));
  }
}
