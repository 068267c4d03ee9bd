package ipwatch.local.infra;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

  @Test
  void freePortCanBeBoundOnLoopback() throws Exception {
    int port = Ports.free();
    assertTrue(port > 0 && port <= 65535);
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }
  }

  @Test
  void portInUseIsRefusedWithTheSettingToChange() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertFalse(Ports.isFree(port));
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> Ports.requireFree(port, "Kafka"));
      assertEquals("port " + port + " (Kafka) is already in use; stop what uses it or set IPWATCH_LOCAL_KAFKA_PORT",
          e.getMessage());
    }
  }

  @Test
  void portTakenOnAllInterfacesIsAlsoInUseOnLoopback() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      assertThrows(IllegalStateException.class, () -> Ports.requireFree(taken.getLocalPort(), "Postgres"));
    }
  }

  @Test
  void freePortPassesTheCheck() {
    int port = Ports.free();
    assertDoesNotThrow(() -> Ports.requireFree(port, "Kafka"));
  }

  @Test
  void envVariableFollowsTheConfigKeyNaming() {
    assertEquals("IPWATCH_LOCAL_ELASTICSEARCH_HTTP_PORT", Ports.envVariable("Elasticsearch HTTP"));
    assertEquals("IPWATCH_LOCAL_POSTGRES_PORT", Ports.envVariable("Postgres"));
  }

  @Test
  void portOutsideTheTcpRangeIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Ports.requireFree(0, "Kafka"));
    assertThrows(IllegalArgumentException.class, () -> Ports.requireFree(70000, "Kafka"));
  }
}
