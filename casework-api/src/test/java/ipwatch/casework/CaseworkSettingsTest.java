package ipwatch.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.model.config.Config;
import ipwatch.model.config.ConfigException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaseworkSettingsTest {
  private static final Path DEFAULTS = Path.of("../config/casework-api.yaml");
  private static final Map<String, String> SECRETS = Map.of(
      "IPWATCH_POSTGRES_PASSWORD", "pw",
      "IPWATCH_AUTH_JWT_SECRET", "0123456789abcdef0123456789abcdef");

  @Test
  void theShippedDefaultsLoadOnceTheSecretsComeFromTheEnvironment() {
    CaseworkSettings s = CaseworkSettings.from(Config.load(DEFAULTS, SECRETS));

    assertEquals("127.0.0.1", s.http().host());
    assertEquals("ipwatch-ui", s.http().webroot());
    assertEquals("infringements", s.kafka().infringementsTopic());
    assertEquals("CN", s.cases().marketplaceJurisdictions().get("demo-market"));
    assertFalse(s.demo().enabled(), "demo mode must be opt-in");
    assertTrue(s.registrySeedFile().isEmpty());
  }

  @Test
  void theIngestionBatchSizeComesFromTheConfigAndAnOutOfRangeOneIsRefused() {
    Map<String, String> env = new HashMap<>(SECRETS);
    env.put("IPWATCH_KAFKA_MAX_POLL_RECORDS", "250");
    assertEquals(250, CaseworkSettings.from(Config.load(DEFAULTS, env)).kafka().maxPollRecords());

    env.put("IPWATCH_KAFKA_MAX_POLL_RECORDS", "0");
    ConfigException e = assertThrows(ConfigException.class, () -> CaseworkSettings.from(Config.load(DEFAULTS, env)));
    assertTrue(e.getMessage().contains("kafka.maxPollRecords"), e.getMessage());
  }

  @Test
  void ingestionRunsTwoLoopsByDefaultAndRefusesNoneOrTooMany() {
    Map<String, String> env = new HashMap<>(SECRETS);
    assertEquals(2, CaseworkSettings.from(Config.load(DEFAULTS, env)).kafka().ingestLoops());
    for (String bad : new String[] {"0", "65"}) {
      env.put("IPWATCH_KAFKA_INGEST_LOOPS", bad);
      ConfigException e = assertThrows(ConfigException.class, () -> CaseworkSettings.from(Config.load(DEFAULTS, env)));
      assertTrue(e.getMessage().contains("kafka.ingestLoops") && e.getMessage().contains("between 1 and 64"),
          e.getMessage());
    }
  }

  @Test
  void aMissingJwtSecretFailsNamingItsEnvironmentVariable() {
    ConfigException e = assertThrows(ConfigException.class, () -> CaseworkSettings.from(
        Config.load(DEFAULTS, Map.of("IPWATCH_POSTGRES_PASSWORD", "pw"))));
    assertTrue(e.getMessage().contains("IPWATCH_AUTH_JWT_SECRET"), e.getMessage());
  }

  @Test
  void aMissingDatabasePasswordFailsNamingItsEnvironmentVariable() {
    ConfigException e = assertThrows(ConfigException.class, () -> CaseworkSettings.from(
        Config.load(DEFAULTS, Map.of("IPWATCH_AUTH_JWT_SECRET", "0123456789abcdef0123456789abcdef"))));
    assertTrue(e.getMessage().contains("IPWATCH_POSTGRES_PASSWORD"), e.getMessage());
  }

  @Test
  void aShortJwtSecretIsRefused() {
    Map<String, String> env = new HashMap<>(SECRETS);
    env.put("IPWATCH_AUTH_JWT_SECRET", "short");
    assertThrows(ConfigException.class, () -> CaseworkSettings.from(Config.load(DEFAULTS, env)));
  }

  @Test
  void aWildcardCorsOriginIsRefused() {
    Map<String, String> env = new HashMap<>(SECRETS);
    env.put("IPWATCH_HTTP_CORS_ORIGINS", "*");
    ConfigException e = assertThrows(ConfigException.class, () -> CaseworkSettings.from(Config.load(DEFAULTS, env)));
    assertTrue(e.getMessage().contains("http.corsOrigins"));
  }

  @Test
  void aSeedFileThatDoesNotExistIsRefusedAtStartUp() {
    Map<String, String> env = new HashMap<>(SECRETS);
    env.put("IPWATCH_REGISTRY_SEED_FILE", "no/such/registry.jsonl");
    ConfigException e = assertThrows(ConfigException.class, () -> CaseworkSettings.from(Config.load(DEFAULTS, env)));
    assertTrue(e.getMessage().contains("registry.seedFile"));
  }

  @Test
  void theDemoRegistryIsAValidSeedFile() {
    var assets = ipwatch.casework.registry.RegistrySeedFile.read(Path.of("../config/demo/registry.jsonl"));
    assertEquals(3, assets.size());
  }
}
