package ipwatch.stream.sellers;

import ipwatch.link.seller.SellerLink;
import ipwatch.model.config.Config;
import ipwatch.stream.common.PipelineParallelism;
import ipwatch.stream.kafka.KafkaIo;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Seller linking: listings in, {@link SellerLink}s out (topic {@code seller-links}, key sellerId, exactly-once).
 *
 * <pre>
 * listings --(SightingExtractor: normalised identifiers)--> keyBy identifier --(IdentifierHoldersFunction:
 *   accounts per identifier, hub guard, first sighting only)--> one key --(SellerClusterFunction: union-find with
 *   stable ids)--> seller-links
 * </pre>
 *
 * See {@link SellerClusterFunction} for why the component stage is a single key and what that costs.
 */
public final class SellerLinkJob {
  public static final String NAME = "ipwatch-seller-links";
  private final Source<String, ?, ?> listings;
  private final Sink<SellerLink> links;
  private final SellerLinkJobSettings settings;

  public SellerLinkJob(Source<String, ?, ?> listings, Sink<SellerLink> links, SellerLinkJobSettings settings) {
    this.listings = listings;
    this.links = links;
    this.settings = settings;
  }

  /** {@link #fromConfig(Config, Map)} with the process environment for the linking defaults' overrides. */
  public static SellerLinkJob fromConfig(Config config) {
    return fromConfig(config, System.getenv());
  }

  /** Production wiring: unbounded read_committed listings, exactly-once seller-links sink. */
  public static SellerLinkJob fromConfig(Config config, Map<String, String> env) {
    SellerLinkJobSettings s = SellerLinkJobSettings.from(config, env);
    return new SellerLinkJob(KafkaIo.listingsSource(s.runtime(), false),
        KafkaIo.sellerLinkSink(s.runtime()), s);
  }

  public SellerLinkJobSettings settings() {
    return settings;
  }

  /** Adds the job to {@code env} with its checkpointing and restart strategy (the sink commits on checkpoints). */
  public void build(StreamExecutionEnvironment env) {
    env.configure(settings.runtime().flinkConfiguration());
    env.enableCheckpointing(settings.runtime().checkpointInterval().toMillis());
    PipelineParallelism p = settings.parallelism();
    var sightings = p.on(p.on(
        env.fromSource(listings, WatermarkStrategy.noWatermarks(), "seller-listings", Types.STRING)
            .uid("seller-listings-source"))
        .flatMap(new SightingExtractor(settings.sellers()), IdentifierSighting.TYPE)
        .name("seller-identifiers").uid("seller-identifiers"));
    var holders = p.on(sightings
        .keyBy(IdentifierSighting::partitionKey, Types.STRING)
        .process(new IdentifierHoldersFunction(settings.sellers().maxSellersPerIdentifier(),
            settings.identifierTtl()), IdentifierSighting.TYPE)
        .name("identifier-holders").uid("identifier-holders"));
    var clusters = p.on(holders
        .keyBy(SellerClusterFunction.oneKey(), Types.STRING)
        .process(new SellerClusterFunction(settings.sellers()), SellerClusterFunction.LINK_TYPE)
        .name("seller-clusters").uid("seller-clusters"));
    p.on(clusters.sinkTo(links).name("seller-links").uid("seller-links-sink"));
  }
}
