package ipwatch.stream.sellers;

import ipwatch.link.seller.SellerSettings;
import ipwatch.model.config.Config;
import ipwatch.stream.common.JobRuntime;
import ipwatch.stream.common.PipelineParallelism;
import java.time.Duration;
import java.util.Map;

/** The seller-linking job's keys of {@code config/stream-jobs.yaml} ({@code sellerLinks.*}) plus linking's sellers.*. */
public record SellerLinkJobSettings(
    JobRuntime runtime, Duration identifierTtl, SellerSettings sellers, PipelineParallelism parallelism) {

  public static SellerLinkJobSettings from(Config c, Map<String, String> env) {
    return new SellerLinkJobSettings(JobRuntime.from(c, "sellerLinks"),
        JobRuntime.positiveDuration(c, "sellerLinks.identifierTtl"),
        SellerSettings.from(JobRuntime.linkingConfig(c, env)), PipelineParallelism.from(c, "sellerLinks"));
  }
}
