package io.lodestone.cli.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import com.fasterxml.jackson.databind.JsonNode;
import io.lodestone.cli.UserException;
import io.lodestone.cli.Workspace;
import io.lodestone.sink.es.ElasticsearchClients;
import io.lodestone.sink.es.IndexReadiness;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lodestone search TEXT}: full-text search over the indexed reports. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = "Search the indexed reports (alias lodestone-reports) by text in title, summary and body; prints the best matches.")
public final class SearchCommand implements Callable<Integer> {
  @Parameters(paramLabel = "TEXT", arity = "1..*", description = "Words to search for.")
  List<String> words;

  @Option(names = {"-n", "--size"}, defaultValue = "10", description = "How many reports to show (default ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--index", defaultValue = "lodestone-reports", description = "Index or alias to search (default ${DEFAULT-VALUE}).")
  String index;

  @Override
  public Integer call() throws IOException {
    String text = String.join(" ", words);
    if (size < 1) {
      throw new UserException("--size must be at least 1");
    }
    Workspace workspace = Workspace.current();
    ElasticsearchClient client = ElasticsearchClients.create(List.of(workspace.elasticsearchUrl()));
    SearchResponse<JsonNode> response;
    try {
      response = client.search(s -> s.index(index).size(size)
          .query(q -> q.multiMatch(m -> m.query(text).fields("title^3", "summary^2", "body"))), JsonNode.class);
    } catch (ElasticsearchException | IOException e) {
      throw failed(e, workspace.elasticsearchUrl());
    } finally {
      client._transport().close();
    }
    TotalHits total = response.hits().total();
    System.out.println(heading(total == null ? response.hits().hits().size() : total.value(),
        total != null && total.relation() == TotalHitsRelation.Gte, text, size));
    int rank = 1;
    for (Hit<JsonNode> hit : response.hits().hits()) {
      print(rank++, hit);
    }
    return 0;
  }

  /**
   * The line above the matches. Elasticsearch counts matches exactly up to 10,000 by default and says "at least"
   * beyond, so the count is then a lower bound.
   */
  static String heading(long total, boolean atLeast, String text, int size) {
    return String.format("%s report(s) match \"%s\"%s", atLeast ? total + " or more" : String.valueOf(total), text,
        total > size ? ", best " + size + ":" : ":");
  }

  /** One sentence for a search that failed, by the HTTP status the client reports at whichever layer. */
  UserException failed(Exception e, String elasticsearchUrl) {
    String message = switch (IndexReadiness.status(e)) {
      case -1 -> "cannot reach Elasticsearch at " + elasticsearchUrl + "; is the stack up (./lodestone status)?";
      case 404 -> "nothing is indexed yet (no " + index + " index); run ./lodestone demo or ingest a file";
      case 503 -> "nothing is searchable yet (the " + index + " index is still starting); try again in a moment";
      default -> "Elasticsearch refused the search: " + e.getMessage();
    };
    return new UserException(message, e);
  }

  private static void print(int rank, Hit<JsonNode> hit) {
    JsonNode doc = hit.source();
    String published = doc.hasNonNull("published_at") ? Instant.ofEpochMilli(doc.get("published_at").asLong()).toString().substring(0, 10) : "undated";
    System.out.printf("%n%2d. %s%n    %s | %s | score %.2f | id %s%n", rank, doc.path("title").asText(),
        doc.path("source").path("name").asText(), published, hit.score() == null ? 0.0 : hit.score(), doc.path("id").asText());
    List<String> facets = new ArrayList<>();
    facets.add("themes: " + join(doc.path("theme_ids")));
    facets.add("minerals: " + join(doc.path("mineral_ids")));
    facets.add("countries: " + join(doc.path("country_codes")));
    System.out.println("    " + String.join(" | ", facets));
    if (doc.hasNonNull("url")) {
      System.out.println("    " + doc.get("url").asText());
    }
  }

  private static String join(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values.isEmpty() ? "-" : String.join(", ", values);
  }
}
