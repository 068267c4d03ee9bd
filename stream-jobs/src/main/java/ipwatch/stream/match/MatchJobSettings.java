package ipwatch.stream.match;

import ipwatch.match.MatchSettings;
import ipwatch.model.config.Config;
import ipwatch.stream.common.JobRuntime;
import java.io.Serializable;
import java.time.Duration;

/**
 * The match job's settings from {@code config/stream-jobs.yaml} (every key documented there): the Kafka and
 * checkpoint runtime every exactly-once job shares (group and prefix under {@code kafka.}), checked at start-up so a
 * setting that would lose flags or stall the sinks fails fast with its key's name, plus the job's own keys.
 */
public record MatchJobSettings(JobRuntime runtime, Duration listingTtl, MatchSettings matching)
    implements Serializable {

  public static MatchJobSettings from(Config c) {
    return new MatchJobSettings(
        JobRuntime.from(c, "kafka"), JobRuntime.positiveDuration(c, "state.listingTtl"), MatchSettings.from(c));
  }
}
