package ipwatch.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalStackSettingsTest {
  private static final Path ROOT = LocalStackSettings.findRepoRoot();

  @Test
  void theMatchingJobCheckpointsEvery500MillisecondsInTheLocalStack() {
    LocalStackSettings settings = LocalStackSettings.load(ROOT, Map.of());
    assertEquals(Duration.ofMillis(500), settings.flinkMatchingCheckpointInterval());
    assertEquals(true, settings.flinkSeparateJobs());
  }

  @Test
  void anEmptyMatchingIntervalLeavesTheJobsOwnCheckpointInterval() {
    LocalStackSettings settings = LocalStackSettings.load(ROOT,
        Map.of("IPWATCH_LOCAL_FLINK_MATCHING_CHECKPOINT_INTERVAL", ""));
    assertNull(settings.flinkMatchingCheckpointInterval());
  }

  @Test
  void theIntervalCanBeOverriddenFromTheEnvironment() {
    LocalStackSettings settings = LocalStackSettings.load(ROOT,
        Map.of("IPWATCH_LOCAL_FLINK_MATCHING_CHECKPOINT_INTERVAL", "2s"));
    assertEquals(Duration.ofSeconds(2), settings.flinkMatchingCheckpointInterval());
  }
}
