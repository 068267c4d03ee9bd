package ipwatch.stream.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.model.config.Config;
import ipwatch.model.config.ConfigException;
import ipwatch.stream.match.MatchJob;
import ipwatch.stream.match.MatchJobSettings;
import ipwatch.stream.relisting.RelistingJob;
import ipwatch.stream.relisting.RelistingJobSettings;
import ipwatch.stream.sellers.SellerLinkJob;
import ipwatch.stream.sellers.SellerLinkJobSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** The three jobs from the defaults file, and the way the local stack can run them: in one environment. */
class StreamJobsWiringTest {
  private static Config defaults(Map<String, String> env) {
    return Config.load(Path.of("../config/stream-jobs.yaml"), env);
  }

  @Test
  void eachJobHasItsOwnConsumerGroupAndTransactionalIdPrefix() {
    Config c = defaults(Map.of());
    MatchJobSettings match = MatchJobSettings.from(c);
    SellerLinkJobSettings sellers = SellerLinkJobSettings.from(c, Map.of());
    RelistingJobSettings relisting = RelistingJobSettings.from(c, Map.of());
    assertEquals(3, Set.of(match.runtime().transactionalIdPrefix(), sellers.runtime().transactionalIdPrefix(),
        relisting.runtime().transactionalIdPrefix()).size());
    assertEquals(3, Set.of(match.runtime().consumerGroup(), sellers.runtime().consumerGroup(),
        relisting.runtime().consumerGroup()).size());
    assertEquals(8, sellers.sellers().maxSellersPerIdentifier(), "linking defaults from the bundled linking.yaml");
    assertEquals(0.71, relisting.duplicates().threshold());
    assertEquals(Duration.ofHours(1), relisting.reorderWindow());
  }

  @Test
  void settingsThatWouldStallTheSinksFailFastNamingTheKey() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> SellerLinkJobSettings.from(defaults(Map.of("IPWATCH_KAFKA_TRANSACTION_TIMEOUT", "1h")), Map.of()));
    assertTrue(e.getMessage().contains("kafka.transactionTimeout"), e.getMessage());
    e = assertThrows(ConfigException.class,
        () -> RelistingJobSettings.from(defaults(Map.of("IPWATCH_RELISTING_REORDER_WINDOW", "0s")), Map.of()));
    assertTrue(e.getMessage().contains("IPWATCH_RELISTING_REORDER_WINDOW"), e.getMessage());
  }

  @Test
  void allThreeJobsBuildIntoOneEnvironmentWithoutClashingOperatorIds() {
    Config c = defaults(Map.of());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    MatchJob.fromConfig(c).build(env);
    SellerLinkJob.fromConfig(c, Map.of()).build(env);
    RelistingJob.fromConfig(c, Map.of()).build(env);
    // generating the job graph hashes every uid and fails on a duplicate
    assertNotEquals(0, env.getStreamGraph().getJobGraph().getNumberOfVertices());
  }

  @Test
  void theBackgroundPipelinesCanRunWithFewerSubtasksThanMatching() {
    Config c = defaults(Map.of("IPWATCH_SELLER_LINKS_PARALLELISM", "1", "IPWATCH_RELISTING_PARALLELISM", "1"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    MatchJob.fromConfig(c).build(env);
    SellerLinkJob.fromConfig(c, Map.of()).build(env);
    RelistingJob.fromConfig(c, Map.of()).build(env);
    Map<String, Integer> byOperator = new java.util.HashMap<>();
    env.getStreamGraph().getStreamNodes().forEach(n -> byOperator.put(n.getOperatorName(), n.getParallelism()));
    assertEquals(2, byOperator.get("match-listings"), byOperator.toString());
    for (String background : List.of("seller-identifiers", "identifier-holders", "seller-clusters",
        "takedown-join", "lsh-buckets", "candidate-buckets", "probe-content", "score-relistings")) {
      assertEquals(1, byOperator.get(background), background + " in " + byOperator);
    }
    assertTrue(byOperator.entrySet().stream()
        .filter(e -> e.getKey().contains("seller") || e.getKey().contains("relisting"))
        .allMatch(e -> e.getValue() == 1), "sources and sinks too: " + byOperator);
  }

  @Test
  void aNegativePipelineParallelismFailsNamingTheKey() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> RelistingJobSettings.from(defaults(Map.of("IPWATCH_RELISTING_PARALLELISM", "-1")), Map.of()));
    assertTrue(e.getMessage().contains("relisting.parallelism"), e.getMessage());
  }
}
