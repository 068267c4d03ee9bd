package ipwatch.stream.common;

import ipwatch.model.config.Config;
import ipwatch.model.config.ConfigException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;

/**
 * What every exactly-once job of {@code config/stream-jobs.yaml} needs besides its logic: the broker, its own consumer
 * group and transactional-id prefix (from the job's section, e.g. {@code sellerLinks.transactionalIdPrefix}), the
 * shared transaction timeout, checkpointing, the state backend and restart strategy. Checked at start-up like the match
 * job's settings.
 */
public record JobRuntime(
    String section,
    String bootstrapServers,
    String consumerGroup,
    String transactionalIdPrefix,
    Duration transactionTimeout,
    Duration checkpointInterval,
    Duration checkpointTimeout,
    int tolerableCheckpointFailures,
    boolean unalignedCheckpoints,
    Duration alignedCheckpointTimeout,
    Duration restartInitialDelay,
    Duration restartMaxDelay,
    StateBackendSettings state) implements Serializable {

  static final Duration BROKER_MAX_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

  public JobRuntime {
    require(!bootstrapServers.isBlank(), "kafka.bootstrapServers", "must name at least one broker");
    require(transactionalIdPrefix.matches("[A-Za-z0-9._-]+"), section + ".transactionalIdPrefix",
        "must be a non-empty id of letters, digits, '.', '_' or '-', unique per application on the cluster");
    require(positive(checkpointInterval), "checkpoint.interval", "must be positive");
    require(positive(checkpointTimeout), "checkpoint.timeout", "must be positive");
    require(tolerableCheckpointFailures >= 0, "checkpoint.tolerableFailures", "must be 0 or more");
    require(alignedCheckpointTimeout != null && !alignedCheckpointTimeout.isNegative(), "checkpoint.alignedTimeout",
        "must be 0 or more");
    require(positive(restartInitialDelay), "restart.initialDelay", "must be positive");
    require(restartMaxDelay != null && restartMaxDelay.compareTo(restartInitialDelay) >= 0, "restart.maxDelay",
        "must be at least restart.initialDelay");
    require(state != null, "state.backend", "must be set");
    // A transaction stays open until a checkpoint after it completes: through the tolerated failed checkpoints and the
    // one that completes, and on a failure through the recovery, which commits the transactions of the last completed
    // checkpoint. Allow those checkpoints plus three of the longest pauses between recovery attempts (a restore that
    // fails because Kafka itself is down is tried again).
    Duration budget = checkpointTimeout.multipliedBy(tolerableCheckpointFailures + 1L)
        .plus(restartMaxDelay.multipliedBy(3));
    require(transactionTimeout.compareTo(budget) > 0, "kafka.transactionTimeout",
        "(" + transactionTimeout + ") must exceed checkpoint.timeout x (checkpoint.tolerableFailures + 1) plus the"
            + " restart budget (" + budget + "), or Kafka aborts open transactions and their records are lost");
    require(transactionTimeout.compareTo(BROKER_MAX_TRANSACTION_TIMEOUT) <= 0, "kafka.transactionTimeout",
        "(" + transactionTimeout + ") must not exceed the broker's transaction.max.timeout.ms (15m by default)");
  }

  /**
   * The shared Kafka and checkpoint keys; group and prefix from {@code section} ({@code kafka} for the match job,
   * {@code sellerLinks} and {@code relisting} for the linking jobs).
   */
  public static JobRuntime from(Config c, String section) {
    return new JobRuntime(section, c.string("kafka.bootstrapServers"), c.string(section + ".consumerGroup"),
        c.string(section + ".transactionalIdPrefix"), c.duration("kafka.transactionTimeout"),
        c.duration("checkpoint.interval"), c.duration("checkpoint.timeout"), c.integer("checkpoint.tolerableFailures"),
        c.bool("checkpoint.unaligned"), c.duration("checkpoint.alignedTimeout"), c.duration("restart.initialDelay"),
        c.duration("restart.maxDelay"), StateBackendSettings.from(c));
  }

  /** {@code linking.configFile}: empty means the linking defaults bundled in the linking jar. */
  public static Config linkingConfig(Config c, Map<String, String> env) {
    String file = c.find("linking.configFile").orElse("");
    return file.isBlank()
        ? Config.loadResource("ipwatch/link/linking.yaml", env)
        : Config.load(Path.of(file), env);
  }

  public Configuration flinkConfiguration() {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval);
    conf.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, checkpointTimeout);
    // An expired checkpoint is not a failure of the job: under a backlog, failing over on the first one replays the
    // backlog and makes it worse. Only this many in a row restart the job.
    conf.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, tolerableCheckpointFailures);
    // Barriers wait alignedTimeout behind a backlog, then overtake it (the in-flight records go into the checkpoint),
    // so checkpoints, and with them the exactly-once flags, keep completing while the jobs are back-pressured.
    conf.set(CheckpointingOptions.ENABLE_UNALIGNED, unalignedCheckpoints);
    conf.set(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT, alignedCheckpointTimeout);
    state.applyTo(conf);
    // Never give up: a streaming job that stops after N failures turns a dependency outage (Elasticsearch down for an
    // hour) into lost alerting until someone restarts it. Back off exponentially instead, capped at maxDelay.
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, restartInitialDelay);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, restartMaxDelay);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER, 2.0);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR, 0.1);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD, Duration.ofMinutes(10));
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS, Integer.MAX_VALUE);
    return conf;
  }

  public static Duration positiveDuration(Config c, String key) {
    Duration d = c.duration(key);
    require(positive(d), key, "must be positive");
    return d;
  }

  static boolean positive(Duration d) {
    return d != null && !d.isNegative() && !d.isZero();
  }

  static void require(boolean ok, String key, String problem) {
    if (!ok) {
      throw invalid(key, problem);
    }
  }

  static ConfigException invalid(String key, String problem) {
    return new ConfigException("config key '" + key + "' " + problem + " (" + Config.envName(key) + ")");
  }
}
