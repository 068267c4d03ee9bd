package ipwatch.local.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClusterTest {
  private final KafkaCluster cluster = KafkaCluster.onFreePorts(Path.of("target/kafka-cluster-test"));

  @Test
  void everyNodeKeepsThreeReplicasAndNeedsTwoInSyncForUserAndInternalTopics() {
    for (int node = 0; node < KafkaCluster.NODES; node++) {
      Map<String, Object> s = cluster.settings(node);
      assertEquals("3", s.get("default.replication.factor"));
      assertEquals("2", s.get("min.insync.replicas"));
      assertEquals("3", s.get("offsets.topic.replication.factor"));
      assertEquals("3", s.get("transaction.state.log.replication.factor"));
      assertEquals("2", s.get("transaction.state.log.min.isr"));
    }
  }

  @Test
  void theThreeNodesShareOneControllerQuorumButListenOnTheirOwnPorts() {
    Map<String, Object> first = cluster.settings(0);
    Map<String, Object> third = cluster.settings(2);
    assertEquals(first.get("controller.quorum.voters"), third.get("controller.quorum.voters"));
    assertEquals(3, first.get("controller.quorum.voters").toString().split(",").length);
    assertNotEquals(first.get("listeners"), third.get("listeners"));
    assertNotEquals(first.get("log.dirs"), third.get("log.dirs"));
  }

  @Test
  void bootstrapServersNameEveryNodeBeforeTheClusterStarts() {
    String[] servers = cluster.bootstrapServers().split(",");
    assertEquals(KafkaCluster.NODES, new HashSet<>(Arrays.asList(servers)).size());
    assertTrue(Arrays.stream(servers).allMatch(s -> s.startsWith("127.0.0.1:")));
  }
}
