package ipwatch.casework.webhooks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Standard Webhooks signatures against the spec's published vector, and the verifier's refusals. */
class WebhookSignatureTest {
  // standard-webhooks/standard-webhooks, libraries/java WebhookTest
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long TS = 1614265330L;
  private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
  private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  private static WebhookVerifier verifierAt(long epochSecond, String... secrets) {
    return new WebhookVerifier(List.of(secrets), Duration.ofMinutes(5),
        Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
  }

  private static Map<String, String> headers(String id, String ts, String sig) {
    Map<String, String> h = new HashMap<>();
    if (id != null) {
      h.put("Webhook-Id", id);
    }
    if (ts != null) {
      h.put("webhook-timestamp", ts);
    }
    if (sig != null) {
      h.put("webhook-signature", sig);
    }
    return h;
  }

  @Test
  void signerReproducesThePublishedVectorByteForByte() {
    assertEquals(EXPECTED, WebhookSignature.sign(SECRET, ID, TS, BODY));
    // the prefix is optional on the secret
    assertEquals(EXPECTED, WebhookSignature.sign(SECRET.substring(6), ID, TS, BODY));
  }

  @Test
  void verifierAcceptsThePublishedVector() {
    assertDoesNotThrow(() -> verifierAt(TS, SECRET).verify(headers(ID, "" + TS, EXPECTED), BODY));
  }

  @Test
  void severalActiveSecretsGiveOneSignatureEachAndEitherVerifies() {
    String other = WebhookSignature.newSecret();
    String header = WebhookSignature.header(List.of(other, SECRET), ID, TS, BODY);
    assertEquals(2, header.split(" ").length);
    assertTrue(header.endsWith(" " + EXPECTED));
    assertDoesNotThrow(() -> verifierAt(TS, SECRET).verify(headers(ID, "" + TS, header), BODY));
    assertDoesNotThrow(() -> verifierAt(TS, other).verify(headers(ID, "" + TS, header), BODY));
  }

  @Test
  void aHeaderWithOneValidSignatureAmongOthersVerifies() {
    String sig = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,abc " + EXPECTED + " v1a,xyz";
    assertDoesNotThrow(() -> verifierAt(TS, SECRET).verify(headers(ID, "" + TS, sig), BODY));
  }

  @Test
  void wrongSecretIsRefused() {
    var e = assertThrows(WebhookVerificationException.class,
        () -> verifierAt(TS, WebhookSignature.newSecret()).verify(headers(ID, "" + TS, EXPECTED), BODY));
    assertEquals("no matching signature found", e.getMessage());
  }

  @Test
  void alteredBodyIsRefused() {
    byte[] altered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
    assertThrows(WebhookVerificationException.class,
        () -> verifierAt(TS, SECRET).verify(headers(ID, "" + TS, EXPECTED), altered));
  }

  @Test
  void alteredIdOrTimestampIsRefused() {
    assertThrows(WebhookVerificationException.class,
        () -> verifierAt(TS, SECRET).verify(headers(ID + "x", "" + TS, EXPECTED), BODY));
    assertThrows(WebhookVerificationException.class,
        () -> verifierAt(TS, SECRET).verify(headers(ID, "" + (TS + 1), EXPECTED), BODY));
  }

  @Test
  void staleAndFutureTimestampsAreRefusedOutsideFiveMinutes() {
    var old = assertThrows(WebhookVerificationException.class,
        () -> verifierAt(TS + 301, SECRET).verify(headers(ID, "" + TS, EXPECTED), BODY));
    assertEquals("message timestamp too old", old.getMessage());
    var future = assertThrows(WebhookVerificationException.class,
        () -> verifierAt(TS - 301, SECRET).verify(headers(ID, "" + TS, EXPECTED), BODY));
    assertEquals("message timestamp too new", future.getMessage());
    assertDoesNotThrow(() -> verifierAt(TS + 300, SECRET).verify(headers(ID, "" + TS, EXPECTED), BODY));
    assertDoesNotThrow(() -> verifierAt(TS - 300, SECRET).verify(headers(ID, "" + TS, EXPECTED), BODY));
  }

  @Test
  void missingHeadersAreRefused() {
    WebhookVerifier v = verifierAt(TS, SECRET);
    assertThrows(WebhookVerificationException.class, () -> v.verify(headers(null, "" + TS, EXPECTED), BODY));
    assertThrows(WebhookVerificationException.class, () -> v.verify(headers(ID, null, EXPECTED), BODY));
    assertThrows(WebhookVerificationException.class, () -> v.verify(headers(ID, "" + TS, null), BODY));
    assertThrows(WebhookVerificationException.class, () -> v.verify(headers(ID, "" + TS, " "), BODY));
    assertThrows(WebhookVerificationException.class, () -> v.verify(headers(ID, "not-a-number", EXPECTED), BODY));
  }

  @Test
  void aWrongVersionPrefixIsRefused() {
    String v2 = "v2," + EXPECTED.substring(3);
    var e = assertThrows(WebhookVerificationException.class,
        () -> verifierAt(TS, SECRET).verify(headers(ID, "" + TS, v2), BODY));
    assertEquals("no v1 signature in header", e.getMessage());
    assertThrows(WebhookVerificationException.class,
        () -> verifierAt(TS, SECRET).verify(headers(ID, "" + TS, EXPECTED.substring(3)), BODY));
  }

  @Test
  void newSecretsAreWhsecWith32RandomBytes() {
    String s = WebhookSignature.newSecret();
    assertTrue(s.startsWith("whsec_"));
    assertEquals(32, WebhookSignature.key(s).length);
    assertTrue(!s.equals(WebhookSignature.newSecret()));
  }
}
