package ipwatch.stream.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.model.config.Config;
import ipwatch.model.config.ConfigException;
import ipwatch.stream.match.MatchJobSettings;
import ipwatch.stream.relisting.RelistingJobSettings;
import ipwatch.stream.sellers.SellerLinkJobSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateChangelogOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.StateBackendLoader;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.state.rocksdb.RocksDBConfigurableOptions;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The state backend keys of config/stream-jobs.yaml as they land in every job's Flink configuration. */
class StateBackendSettingsTest {
  private static Config defaults(Map<String, String> env) {
    return Config.load(Path.of("../config/stream-jobs.yaml"), env);
  }

  private static Configuration matchJobConfiguration(Map<String, String> env) {
    return MatchJobSettings.from(defaults(env)).runtime().flinkConfiguration();
  }

  private static StateBackend loaded(Configuration conf) throws Exception {
    return StateBackendLoader.loadStateBackendFromConfig(conf, StateBackendSettingsTest.class.getClassLoader(),
        LoggerFactory.getLogger(StateBackendSettingsTest.class));
  }

  private static String failure(Map<String, String> env) {
    return assertThrows(ConfigException.class, () -> MatchJobSettings.from(defaults(env))).getMessage();
  }

  @Test
  void everyJobRunsOnRocksDbWithIncrementalCheckpointsByDefault() {
    Config c = defaults(Map.of());
    StateBackendSettings state = StateBackendSettings.from(c);
    for (JobRuntime runtime : List.of(MatchJobSettings.from(c).runtime(),
        SellerLinkJobSettings.from(c, Map.of()).runtime(), RelistingJobSettings.from(c, Map.of()).runtime())) {
      Configuration conf = runtime.flinkConfiguration();
      assertEquals("rocksdb", conf.get(StateBackendOptions.STATE_BACKEND), runtime.section());
      assertTrue(conf.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS), runtime.section());
      assertTrue(conf.get(RocksDBOptions.USE_MANAGED_MEMORY), "RocksDB's memory is bounded by managed memory");
      assertTrue(conf.get(RocksDBConfigurableOptions.USE_BLOOM_FILTER), "reads of absent keys skip the files");
      assertEquals(state.managedMemory(), conf.get(TaskManagerOptions.MANAGED_MEMORY_SIZE), runtime.section());
    }
  }

  @Test
  void flinkBuildsAnIncrementalRocksDbBackendInsideManagedMemoryFromTheJobConfiguration() throws Exception {
    StateBackend backend = loaded(matchJobConfiguration(Map.of()));
    EmbeddedRocksDBStateBackend rocks = assertInstanceOf(EmbeddedRocksDBStateBackend.class, backend);
    assertTrue(rocks.isIncrementalCheckpointsEnabled());
    assertTrue(rocks.getMemoryConfiguration().isUsingManagedMemory());
    assertFalse(rocks.getMemoryConfiguration().isUsingFixedMemoryPerSlot(), "the budget is the slot's managed memory");
  }

  @Test
  void theEnvironmentSelectsTheHeapBackendAndFullCheckpointsForSmallTests() throws Exception {
    Configuration conf = matchJobConfiguration(Map.of("IPWATCH_STATE_BACKEND", "HashMap",
        "IPWATCH_STATE_INCREMENTAL", "false", "IPWATCH_STATE_MANAGED_MEMORY", "64m"));
    assertEquals("hashmap", conf.get(StateBackendOptions.STATE_BACKEND));
    assertFalse(conf.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS));
    assertEquals(MemorySize.parse("64m"), conf.get(TaskManagerOptions.MANAGED_MEMORY_SIZE));
    assertInstanceOf(HashMapStateBackend.class, loaded(conf));
  }

  @Test
  void theChangelogIsOffByDefaultAndTheEnvironmentTurnsItOnWithTheFileSystemLog() {
    assertFalse(matchJobConfiguration(Map.of()).get(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG));

    Configuration on = matchJobConfiguration(Map.of("IPWATCH_STATE_CHANGELOG", "true"));
    assertTrue(on.get(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG));
    assertEquals("filesystem", on.get(StateChangelogOptions.STATE_CHANGE_LOG_STORAGE));
    assertEquals("rocksdb", on.get(StateBackendOptions.STATE_BACKEND), "RocksDB stays the materialised state");
  }

  @Test
  void anUnknownBackendIsRefusedNamingTheKeyAndTheChoices() {
    String msg = failure(Map.of("IPWATCH_STATE_BACKEND", "memory"));
    assertTrue(msg.contains("state.backend") && msg.contains("IPWATCH_STATE_BACKEND"), msg);
    assertTrue(msg.contains("rocksdb or hashmap") && msg.contains("'memory'"), msg);
  }

  @Test
  void aManagedMemoryThatIsNotAPositiveSizeIsRefusedNamingTheKey() {
    for (String bad : List.of("lots", "0m")) {
      String msg = failure(Map.of("IPWATCH_STATE_MANAGED_MEMORY", bad));
      assertTrue(msg.contains("state.managedMemory") && msg.contains("IPWATCH_STATE_MANAGED_MEMORY"), msg);
    }
  }

  @Test
  void anIncrementalFlagThatIsNotABooleanIsRefusedNamingTheKey() {
    String msg = failure(Map.of("IPWATCH_STATE_INCREMENTAL", "sometimes"));
    assertTrue(msg.contains("state.incremental"), msg);
  }

  @Test
  void everyJobTtlIsAlsoCleanedByRocksDbCompaction() {
    for (StateTtlConfig ttl : List.of(StateTtl.afterWrite(Duration.ofDays(7)),
        StateTtl.afterAccess(Duration.ofDays(30)))) {
      assertTrue(ttl.getCleanupStrategies().isCleanupInBackground());
      assertTrue(ttl.getCleanupStrategies().inRocksdbCompactFilter(), "expired entries leave RocksDB on compaction");
      assertTrue(ttl.getCleanupStrategies().inFullSnapshot());
    }
  }
}
