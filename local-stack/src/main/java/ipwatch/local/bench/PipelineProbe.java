package ipwatch.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import ipwatch.local.CaseworkClient;
import ipwatch.model.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Where the listings are along the path, to see which stage lags: indexed for search (the Elasticsearch count; the
 * match job indexes listings through a source of its own, so this is search's progress, and matching's is the
 * {@code ipwatch-match} consumer lag the bench prints beside it), flags committed to
 * {@code infringements} (visible to read_committed readers only after a checkpoint completes), and cases in
 * casework (the API's total for the regulator).
 */
final class PipelineProbe {
  record Stages(long listingsIndexed, long flagsCommitted, long cases) {
    String describe() {
      return String.format(Locale.ROOT, "listings searchable (ES) %,d  infringements offsets (flags + txn markers) %,d  cases in API %,d",
          listingsIndexed, flagsCommitted, cases);
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI elasticsearch;
  private final ConsumerLag lag;
  private final CaseworkClient api;
  private final String token;

  PipelineProbe(String elasticsearchUrl, ConsumerLag lag, CaseworkClient api, String token) {
    this.elasticsearch = URI.create(elasticsearchUrl.endsWith("/") ? elasticsearchUrl : elasticsearchUrl + "/");
    this.lag = lag;
    this.api = api;
    this.token = token;
  }

  Stages read() {
    return new Stages(indexed(), lag.committedEnd(ipwatch.model.Topics.INFRINGEMENTS.name()), cases());
  }

  private long indexed() {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(elasticsearch.resolve("listings/_count"))
          .timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = Json.mapper().readTree(r.body());
      return body.path("count").asLong(-1);
    } catch (Exception e) {
      return -1;
    }
  }

  private long cases() {
    try {
      return api.cases(token, 1, 1).path("total").asLong(-1);
    } catch (Exception e) {
      return -1;
    }
  }
}
