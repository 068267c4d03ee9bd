package ipwatch.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.match.trademark.Placement;
import ipwatch.model.config.Config;
import ipwatch.model.config.ConfigException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatchSettingsTest {
  private static final Path DEFAULTS_FILE = Path.of("../config/stream-jobs.yaml");

  @Test
  void theDefaultsFileSaysWhatTheCodeDefaultsSay() {
    assertEquals(MatchSettings.defaults(), MatchSettings.from(Config.load(DEFAULTS_FILE, Map.of())));
  }

  @Test
  void theEnvironmentOverridesTheFile() {
    Map<String, String> env =
        Map.of("IPWATCH_MATCHING_ALERT_THRESHOLD", "0.5", "IPWATCH_MATCHING_WEIGHTS_TITLE_MENTION", "0.3");
    MatchSettings s = MatchSettings.from(Config.load(DEFAULTS_FILE, env));
    assertEquals(0.5, s.alertThreshold());
    assertEquals(0.3, s.placementWeights().get(Placement.TITLE_MENTION));
  }

  @Test
  void anOutOfRangeValueFailsWithTheKeyName() {
    Config bad = Config.load(DEFAULTS_FILE, Map.of("IPWATCH_MATCHING_WEIGHTS_BRAND_FIELD", "1.5"));
    ConfigException e = assertThrows(ConfigException.class, () -> MatchSettings.from(bad));
    assertTrue(e.getMessage().contains("matching.weights.brandField"), e.getMessage());
  }

  @Test
  void patentKeysComeFromTheEnvironmentToo() {
    Map<String, String> env =
        Map.of("IPWATCH_MATCHING_PATENT_MIN_COVERAGE", "0.9", "IPWATCH_MATCHING_PATENT_ELEMENT_ENOUGH_TERMS", "3");
    MatchSettings s = MatchSettings.from(Config.load(DEFAULTS_FILE, env));
    assertEquals(0.9, s.patent().minCoverage());
    assertEquals(3, s.patent().elementEnoughTerms());
    assertThrows(ConfigException.class, () -> MatchSettings.from(
        Config.load(DEFAULTS_FILE, Map.of("IPWATCH_MATCHING_PATENT_ELEMENT_ENOUGH_TERMS", "0"))));
  }
}
