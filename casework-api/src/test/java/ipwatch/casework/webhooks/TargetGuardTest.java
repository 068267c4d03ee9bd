package ipwatch.casework.webhooks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** W7: private, loopback, link-local and metadata targets are refused unless the demo switch is on. */
class TargetGuardTest {
  private final TargetGuard strict = new TargetGuard(false);

  @Test
  void privateLoopbackLinkLocalAndMetadataAddressesAreRefused() {
    for (String url : List.of("http://127.0.0.1/hook", "http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data",
        "http://[::1]:8080/hook", "http://192.168.1.5/", "http://172.16.0.1/", "http://0.0.0.0/",
        "http://100.64.0.1/", "http://[fe80::1]/", "http://[fd00::1]/", "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:169.254.169.254]/", "http://localhost:9999/hook")) {
      assertThrows(TargetGuard.Refused.class, () -> strict.check(url), url);
    }
  }

  @Test
  void aNameThatResolvesToPrivateSpaceIsRefused() throws Exception {
    InetAddress inside = InetAddress.getByName("10.1.2.3");
    InetAddress outside = InetAddress.getByName("93.184.216.34");
    TargetGuard g = new TargetGuard(false, host -> new InetAddress[] {outside, inside});
    assertThrows(TargetGuard.Refused.class, () -> g.check("https://hooks.platform.example/takedowns"));
  }

  @Test
  void publicAddressesPassAndTheCheckedAddressIsTheOneToConnectTo() throws Exception {
    InetAddress outside = InetAddress.getByName("93.184.216.34");
    TargetGuard g = new TargetGuard(false, host -> new InetAddress[] {outside});
    TargetGuard.Target t = g.check("https://hooks.platform.example/takedowns?v=1");
    assertEquals(outside, t.address());
    assertEquals(443, t.port());
    assertEquals("/takedowns?v=1", t.pathAndQuery());
    assertEquals("hooks.platform.example", t.hostHeader());
    assertDoesNotThrow(() -> strict.check("http://93.184.216.34:8080/x"));
  }

  @Test
  void otherSchemesUserInfoAndGarbageAreRefused() {
    for (String url : List.of("ftp://93.184.216.34/", "file:///etc/passwd", "gopher://x/", "http://u:p@93.184.216.34/",
        "not a url", "http:///nohost")) {
      assertThrows(TargetGuard.Refused.class, () -> strict.check(url), url);
    }
  }

  @Test
  void theDemoSwitchAllowsLoopback() {
    TargetGuard demo = new TargetGuard(true);
    assertDoesNotThrow(() -> demo.check("http://127.0.0.1:8099/hook"));
    assertDoesNotThrow(() -> demo.check("http://[::1]:8099/hook"));
  }
}
