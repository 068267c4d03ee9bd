package ipwatch.stream.sellers;

import static ipwatch.stream.sellers.SellerTestData.clusterIdOf;
import static ipwatch.stream.sellers.SellerTestData.sighting;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ipwatch.link.seller.IdentifierType;
import ipwatch.link.seller.SellerLink;
import ipwatch.link.seller.SellerSettings;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SellerClusterFunctionTest {
  private static final SellerSettings SETTINGS = SellerSettings.defaults().withMaxSellersPerIdentifier(3);
  private KeyedOneInputStreamOperatorTestHarness<String, IdentifierSighting, SellerLink> harness;

  @BeforeEach
  void open() throws Exception {
    harness = newHarness();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, IdentifierSighting, SellerLink> newHarness()
      throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedProcessFunction(new SellerClusterFunction(SETTINGS),
        SellerClusterFunction.oneKey(), Types.STRING);
  }

  /** The latest announced cluster of each account. */
  private Map<String, String> clusters() {
    Map<String, String> out = new HashMap<>();
    harness.extractOutputValues().forEach(l -> out.put(l.sellerId(), l.clusterId()));
    return out;
  }

  @Test
  void accountsSharingAPhoneGetTheClusterIdOfTheSmallestAccountWhateverTheOrder() throws Exception {
    harness.processElement(sighting("ebay.com:s2", IdentifierType.PHONE, "+493012345678"), 0);
    harness.processElement(sighting("amazon.de:s1", IdentifierType.PHONE, "+493012345678"), 0);
    assertEquals(Map.of("amazon.de:s1", clusterIdOf("amazon.de:s1"), "ebay.com:s2", clusterIdOf("amazon.de:s1")),
        clusters());
    SellerLink last = harness.extractOutputValues().get(harness.extractOutputValues().size() - 1);
    assertEquals("PHONE", last.evidence().get(0).identifierType());
  }

  @Test
  void aHubIdentifierUndoesTheLinksItMade() throws Exception {
    harness.processElement(sighting("m:1", IdentifierType.EMAIL, "help@market.example"), 0);
    harness.processElement(sighting("m:2", IdentifierType.EMAIL, "help@market.example"), 0);
    assertEquals(clusterIdOf("m:1"), clusters().get("m:2"));
    harness.processElement(sighting("m:3", IdentifierType.EMAIL, "help@market.example"), 0);
    harness.processElement(sighting("m:4", IdentifierType.EMAIL, "help@market.example"), 0);
    assertEquals(clusterIdOf("m:2"), clusters().get("m:2"), "split again once the e-mail turned out a hub");
  }

  @Test
  void clustersSurviveASnapshotAndRestoreWithTheSameIds() throws Exception {
    harness.processElement(sighting("b:2", IdentifierType.PHONE, "+15550001"), 0);
    harness.processElement(sighting("a:1", IdentifierType.PHONE, "+15550001"), 0);
    OperatorSubtaskState snapshot = harness.snapshot(1, 1);
    harness.close();
    harness = new KeyedOneInputStreamOperatorTestHarness<>(
        new org.apache.flink.streaming.api.operators.KeyedProcessOperator<>(new SellerClusterFunction(SETTINGS)),
        SellerClusterFunction.oneKey(), Types.STRING);
    harness.setup();
    harness.initializeState(snapshot);
    harness.open();
    harness.processElement(sighting("c:3", IdentifierType.EMAIL, "x@shop.example"), 0);
    harness.processElement(sighting("c:3", IdentifierType.PHONE, "+15550001"), 0);
    assertEquals(clusterIdOf("a:1"), clusters().get("c:3"), "joins the restored cluster under its old id");
  }
}
