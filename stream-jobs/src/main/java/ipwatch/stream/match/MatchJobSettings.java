package ipwatch.stream.match;

import ipwatch.match.MatchSettings;
import ipwatch.model.config.Config;
import ipwatch.model.config.ConfigException;
import java.time.Duration;

/**
 * The match job's settings from {@code config/stream-jobs.yaml} (every key documented there), checked at start-up so
 * a setting that would lose flags or stall the exactly-once sinks fails fast with its key's name.
 */
public record MatchJobSettings(
    String bootstrapServers,
    String consumerGroup,
    String transactionalIdPrefix,
    Duration transactionTimeout,
    Duration checkpointInterval,
    Duration checkpointTimeout,
    int restartAttempts,
    Duration restartDelay,
    Duration listingTtl,
    MatchSettings matching) {

  /** The broker's default {@code transaction.max.timeout.ms}; a longer producer timeout cannot even start. */
  static final Duration BROKER_MAX_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

  public MatchJobSettings {
    require(!bootstrapServers.isBlank(), "kafka.bootstrapServers", "must name at least one broker");
    require(
        transactionalIdPrefix.matches("[A-Za-z0-9._-]+"),
        "kafka.transactionalIdPrefix",
        "must be a non-empty id of letters, digits, '.', '_' or '-', unique per application on the cluster");
    require(positive(checkpointInterval), "checkpoint.interval", "must be positive");
    require(positive(checkpointTimeout), "checkpoint.timeout", "must be positive");
    require(restartAttempts >= 0, "restart.attempts", "must not be negative");
    require(positive(listingTtl), "state.listingTtl", "must be positive");
    Duration budget = checkpointTimeout.plus(restartDelay.multipliedBy(Math.max(1, restartAttempts)));
    require(
        transactionTimeout.compareTo(budget) > 0,
        "kafka.transactionTimeout",
        "(" + transactionTimeout + ") must exceed checkpoint.timeout plus the restart budget (" + budget
            + "), or Kafka aborts open transactions during a recovery and their flags are lost");
    require(
        transactionTimeout.compareTo(BROKER_MAX_TRANSACTION_TIMEOUT) <= 0,
        "kafka.transactionTimeout",
        "(" + transactionTimeout + ") must not exceed the broker's transaction.max.timeout.ms (15m by default)");
  }

  public static MatchJobSettings from(Config c) {
    return new MatchJobSettings(
        c.string("kafka.bootstrapServers"),
        c.string("kafka.consumerGroup"),
        c.string("kafka.transactionalIdPrefix"),
        c.duration("kafka.transactionTimeout"),
        c.duration("checkpoint.interval"),
        c.duration("checkpoint.timeout"),
        c.integer("restart.attempts"),
        c.duration("restart.delay"),
        c.duration("state.listingTtl"),
        MatchSettings.from(c));
  }

  private static boolean positive(Duration d) {
    return d != null && !d.isNegative() && !d.isZero();
  }

  private static void require(boolean ok, String key, String problem) {
    if (!ok) {
      throw new ConfigException("config key '" + key + "' " + problem + " (" + Config.envName(key) + ")");
    }
  }
}
