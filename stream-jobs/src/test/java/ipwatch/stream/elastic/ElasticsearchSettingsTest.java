package ipwatch.stream.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.model.config.Config;
import ipwatch.model.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElasticsearchSettingsTest {
  private static Config config(Map<String, String> env) {
    return Config.load(Path.of("../config/stream-jobs.yaml"), env);
  }

  @Test
  void anEmptyUrlDisablesIndexing() {
    assertTrue(ElasticsearchSettings.from(config(Map.of())).isEmpty());
  }

  @Test
  void theUrlFromTheEnvironmentEnablesItWithTheFileDefaults() {
    ElasticsearchSettings s =
        ElasticsearchSettings.from(config(Map.of("IPWATCH_ELASTICSEARCH_URL", "http://127.0.0.1:9200"))).orElseThrow();
    assertEquals("listings", s.listingsIndex());
    assertEquals("flags", s.flagsIndex());
    assertEquals(500, s.bulkActions());
    assertEquals(Duration.ofMillis(200), s.retryBackoff());
  }

  @Test
  void aUrlWithoutSchemeFailsWithTheKeyName() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ElasticsearchSettings.from(config(Map.of("IPWATCH_ELASTICSEARCH_URL", "localhost:9200"))));
    assertTrue(e.getMessage().contains("IPWATCH_ELASTICSEARCH_URL"), e.getMessage());
  }
}
