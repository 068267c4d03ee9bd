package ipwatch.stream.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.match.MatchSettings;
import ipwatch.model.config.Config;
import ipwatch.model.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.junit.jupiter.api.Test;

class MatchJobSettingsTest {
  private static final Path DEFAULTS_FILE = Path.of("../config/stream-jobs.yaml");

  private static MatchJobSettings load(Map<String, String> env) {
    return MatchJobSettings.from(Config.load(DEFAULTS_FILE, env));
  }

  private static String failure(Map<String, String> env) {
    return assertThrows(ConfigException.class, () -> load(env)).getMessage();
  }

  @Test
  void theDefaultsFileIsComplete() {
    MatchJobSettings s = load(Map.of());
    assertEquals("ipwatch-match", s.runtime().transactionalIdPrefix());
    assertEquals(Duration.ofMinutes(10), s.runtime().transactionTimeout());
    assertEquals(Duration.ofSeconds(1), s.runtime().checkpointInterval());
    assertEquals(Duration.ofDays(7), s.listingTtl());
    assertEquals(MatchSettings.defaults(), s.matching());
  }

  @Test
  void theEnvironmentPointsTheJobAtAnotherCluster() {
    MatchJobSettings s = load(Map.of("IPWATCH_KAFKA_BOOTSTRAP_SERVERS", "10.0.0.5:9093"));
    assertEquals("10.0.0.5:9093", s.runtime().bootstrapServers());
    MatchJob job = new MatchJob(null, null, null, null, s);
    assertEquals(Duration.ofSeconds(1), job.flinkConfiguration().get(CheckpointingOptions.CHECKPOINTING_INTERVAL));
  }

  @Test
  void aMissingOrSharedLookingTransactionalIdPrefixIsRefused() {
    String msg = failure(Map.of("IPWATCH_KAFKA_TRANSACTIONAL_ID_PREFIX", " "));
    assertTrue(msg.contains("kafka.transactionalIdPrefix") && msg.contains("unique"), msg);
  }

  @Test
  void aTransactionTimeoutShorterThanRecoveryIsRefused() {
    String msg = failure(Map.of("IPWATCH_KAFKA_TRANSACTION_TIMEOUT", "1m"));
    assertTrue(msg.contains("kafka.transactionTimeout") && msg.contains("restart budget"), msg);
  }

  @Test
  void aTransactionTimeoutAboveTheBrokerMaximumIsRefused() {
    String msg = failure(Map.of("IPWATCH_KAFKA_TRANSACTION_TIMEOUT", "1h"));
    assertTrue(msg.contains("transaction.max.timeout.ms"), msg);
  }

  @Test
  void checkpointsToleratedToFailAndUnalignedBarriersReachTheFlinkConfiguration() {
    var conf = new MatchJob(null, null, null, null, load(Map.of())).flinkConfiguration();
    assertEquals(2, conf.get(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER));
    assertTrue(conf.get(CheckpointingOptions.ENABLE_UNALIGNED));
    assertEquals(Duration.ofSeconds(1), conf.get(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT));
    var aligned = new MatchJob(null, null, null, null, load(Map.of("IPWATCH_CHECKPOINT_UNALIGNED", "false")))
        .flinkConfiguration();
    assertEquals(false, aligned.get(CheckpointingOptions.ENABLE_UNALIGNED));
  }

  @Test
  void toleratingMoreFailedCheckpointsThanTheTransactionsOutliveIsRefused() {
    // 2m x (4 + 1) + 3 x 1m = 13m > 10m: Kafka would abort a transaction still waiting for its checkpoint
    String msg = failure(Map.of("IPWATCH_CHECKPOINT_TOLERABLE_FAILURES", "4"));
    assertTrue(msg.contains("kafka.transactionTimeout") && msg.contains("checkpoint.tolerableFailures"), msg);
    assertTrue(failure(Map.of("IPWATCH_CHECKPOINT_TOLERABLE_FAILURES", "-1")).contains("checkpoint.tolerableFailures"));
  }
}
