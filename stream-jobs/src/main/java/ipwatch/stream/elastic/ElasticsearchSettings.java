package ipwatch.stream.elastic;

import ipwatch.model.config.Config;
import ipwatch.model.config.ConfigException;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code elasticsearch:} section of {@code config/stream-jobs.yaml}: where the match job indexes listings and
 * flags. An empty {@code elasticsearch.url} disables indexing ({@link #from} answers empty).
 */
public record ElasticsearchSettings(
    String url, String listingsIndex, String flagsIndex, String deadLetterIndex, int bulkActions, int maxRetries,
    Duration retryBackoff) implements Serializable {

  public ElasticsearchSettings {
    require(url.startsWith("http://") || url.startsWith("https://"), "elasticsearch.url",
        "must be an http(s) URL such as http://127.0.0.1:9200, or empty to disable indexing");
    for (String[] index : new String[][] {
        {"elasticsearch.listingsIndex", listingsIndex}, {"elasticsearch.flagsIndex", flagsIndex},
        {"elasticsearch.deadLetterIndex", deadLetterIndex}}) {
      require(index[1].matches("[a-z0-9][a-z0-9._-]*"), index[0], "must be a lower-case index name");
    }
    require(bulkActions >= 1, "elasticsearch.bulkActions", "must be at least 1");
    require(maxRetries >= 0, "elasticsearch.maxRetries", "must not be negative");
    require(!retryBackoff.isNegative() && !retryBackoff.isZero(), "elasticsearch.retryBackoff", "must be positive");
  }

  public static Optional<ElasticsearchSettings> from(Config c) {
    String url = c.find("elasticsearch.url").orElse("").strip();
    if (url.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ElasticsearchSettings(
        url, c.string("elasticsearch.listingsIndex"), c.string("elasticsearch.flagsIndex"),
        c.string("elasticsearch.deadLetterIndex"), c.integer("elasticsearch.bulkActions"),
        c.integer("elasticsearch.maxRetries"), c.duration("elasticsearch.retryBackoff")));
  }

  private static void require(boolean ok, String key, String problem) {
    if (!ok) {
      throw new ConfigException("config key '" + key + "' " + problem + " (" + Config.envName(key) + ")");
    }
  }
}
