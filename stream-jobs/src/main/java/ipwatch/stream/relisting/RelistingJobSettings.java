package ipwatch.stream.relisting;

import ipwatch.link.dup.DuplicateSettings;
import ipwatch.model.config.Config;
import ipwatch.model.config.ConfigException;
import ipwatch.stream.common.JobRuntime;
import ipwatch.stream.common.PipelineParallelism;
import java.time.Duration;
import java.util.Map;

/** The relisting job's keys of {@code config/stream-jobs.yaml} ({@code relisting.*}) plus linking's duplicates.*. */
public record RelistingJobSettings(
    JobRuntime runtime,
    Duration listingTtl,
    Duration takedownTtl,
    Duration reorderWindow,
    int minIdfDocuments,
    DuplicateSettings duplicates,
    PipelineParallelism parallelism) {

  public RelistingJobSettings {
    if (minIdfDocuments < 0) {
      throw new ConfigException("config key 'relisting.minIdfDocuments' must not be negative ("
          + Config.envName("relisting.minIdfDocuments") + ")");
    }
  }

  public static RelistingJobSettings from(Config c, Map<String, String> env) {
    return new RelistingJobSettings(JobRuntime.from(c, "relisting"),
        JobRuntime.positiveDuration(c, "relisting.listingTtl"),
        JobRuntime.positiveDuration(c, "relisting.takedownTtl"),
        JobRuntime.positiveDuration(c, "relisting.reorderWindow"),
        c.integer("relisting.minIdfDocuments"),
        DuplicateSettings.from(JobRuntime.linkingConfig(c, env)), PipelineParallelism.from(c, "relisting"));
  }
}
