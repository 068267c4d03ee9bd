package ipwatch.casework.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.model.BadRecordException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SellerLinkRecordTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aSellerLinkOfTheLinkingJobIsReadWithItsEvidence() {
    SellerLinkRecord r = SellerLinkRecord.decode("demo:demo:a", utf8("{\"sellerId\":\"demo:demo:a\","
        + "\"clusterId\":\"op-0123456789abcdef\",\"evidence\":[{\"identifierType\":\"PHONE\",\"value\":\"+49*****67\","
        + "\"valueHash\":\"ab12\",\"otherSellerId\":\"shop:shop:b\"}],\"futureField\":1}"));
    assertEquals("op-0123456789abcdef", r.clusterId());
    assertEquals(List.of(new SellerLinkRecord.Evidence("PHONE", "+49*****67", "ab12", "shop:shop:b")), r.evidence());
  }

  @Test
  void malformedRecordsAreRefusedWithACauseThatNamesTheProblem() {
    assertCause("not a JSON object", "demo:a", utf8("{not json"));
    assertCause("not a JSON object", "demo:a", utf8("[1,2]"));
    assertCause("empty record", "demo:a", new byte[0]);
    assertCause("not UTF-8", "demo:a", new byte[] {(byte) 0xC3, (byte) 0x28});
    assertCause("no clusterId", "demo:a", utf8("{\"sellerId\":\"demo:a\"}"));
    assertCause("no sellerId", "demo:a", utf8("{\"clusterId\":\"op-1\"}"));
    assertCause("characters outside", "demo:a", utf8("{\"sellerId\":\"demo:a\",\"clusterId\":\"op 1; drop\"}"));
    assertCause("is not its sellerId", "demo:b", utf8("{\"sellerId\":\"demo:a\",\"clusterId\":\"op-1\"}"));
    assertCause("evidence is not an array", "demo:a",
        utf8("{\"sellerId\":\"demo:a\",\"clusterId\":\"op-1\",\"evidence\":\"x\"}"));
    assertCause("no otherSellerId", "demo:a", utf8("{\"sellerId\":\"demo:a\",\"clusterId\":\"op-1\","
        + "\"evidence\":[{\"identifierType\":\"EMAIL\"}]}"));
    assertCause("longer than 512", "demo:a", utf8("{\"sellerId\":\"" + "x".repeat(513) + "\",\"clusterId\":\"op-1\"}"));
  }

  private static void assertCause(String expected, String key, byte[] raw) {
    BadRecordException e = assertThrows(BadRecordException.class, () -> SellerLinkRecord.decode(key, raw));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
