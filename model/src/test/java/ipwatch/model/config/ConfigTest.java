package ipwatch.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
  @TempDir Path dir;

  private Config config(String yaml, Map<String, String> env) throws Exception {
    Path f = dir.resolve("c.yaml");
    Files.writeString(f, yaml);
    return Config.load(f, env);
  }

  @Test
  void environmentOverridesTheFileUnderTheDerivedName() throws Exception {
    Config c = config("kafka:\n  bootstrapServers: a:9092\n", Map.of("IPWATCH_KAFKA_BOOTSTRAP_SERVERS", "b:9092"));
    assertEquals("IPWATCH_KAFKA_BOOTSTRAP_SERVERS", Config.envName("kafka.bootstrapServers"));
    assertEquals("b:9092", c.string("kafka.bootstrapServers"));
    assertEquals("a:9092", config("kafka:\n  bootstrapServers: a:9092\n", Map.of()).string("kafka.bootstrapServers"));
  }

  @Test
  void typedGettersParseDurationsListsAndNumbers() throws Exception {
    Config c = config("a: 5s\nb: [x, y]\nc: 3\nd: PT1M\ne: 'true'\n", Map.of("IPWATCH_F", "p, q"));
    assertEquals(Duration.ofSeconds(5), c.duration("a"));
    assertEquals(Duration.ofMinutes(1), c.duration("d"));
    assertEquals(List.of("x", "y"), c.list("b"));
    assertEquals(List.of("p", "q"), c.list("f"));
    assertEquals(3, c.integer("c"));
    assertTrue(c.bool("e"));
  }

  @Test
  void missingOrMalformedKeyFailsWithItsNameAndEnvironmentVariable() throws Exception {
    Config c = config("port: eighty\n", Map.of());
    ConfigException missing = assertThrows(ConfigException.class, () -> c.string("http.port"));
    assertTrue(missing.getMessage().contains("'http.port'") && missing.getMessage().contains("IPWATCH_HTTP_PORT"));
    ConfigException bad = assertThrows(ConfigException.class, () -> c.integer("port"));
    assertTrue(bad.getMessage().contains("whole number"), bad.getMessage());
  }
}
