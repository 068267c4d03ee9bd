package ipwatch.stream.relisting;

import static ipwatch.stream.relisting.RelistingTestData.relisted;
import static ipwatch.stream.relisting.RelistingTestData.takedownOf;
import static ipwatch.stream.relisting.RelistingTestData.takenDown;
import static ipwatch.stream.relisting.RelistingTestData.unrelated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.link.dup.DuplicateSettings;
import ipwatch.model.AssetType;
import ipwatch.model.Flag;
import ipwatch.model.FlagKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RelistingScoreFunctionTest {
  private static final Duration TTL = Duration.ofHours(1);
  private KeyedOneInputStreamOperatorTestHarness<String, CandidatePair, Flag> harness;

  @BeforeEach
  void open() throws Exception {
    harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new RelistingScoreFunction(DuplicateSettings.defaults(), 1000, TTL), CandidatePair::pairKey, Types.STRING);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private static CandidatePair pair(String earlier, String later, boolean related) {
    return new CandidatePair(takenDown(earlier), takedownOf(earlier, "case-" + earlier),
        related ? relisted(later) : unrelated(later));
  }

  private long pairsInState() throws Exception {
    KeyedStateBackend<String> backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
    try (Stream<String> keys = backend.getKeys(RelistingScoreFunction.STATE, VoidNamespace.INSTANCE)) {
      return keys.count();
    }
  }

  @Test
  void aRewordedRelistingIsFlaggedOnceNamingTheEarlierCaseAndItsAsset() throws Exception {
    harness.setProcessingTime(5_000);
    harness.processElement(pair("l-1", "l-2", true), 0);
    harness.processElement(pair("l-1", "l-2", true), 0); // proposed again by another bucket
    List<Flag> flags = harness.extractOutputValues();
    assertEquals(1, flags.size());
    Flag f = flags.get(0);
    assertEquals(FlagKind.RELISTING, f.kind());
    assertEquals("l-2", f.listingId());
    assertEquals(RelistingFlags.flagId("l-2", "l-1", "case-l-1"), f.flagId());
    assertEquals("tm-nordvik", f.assetId());
    assertEquals(AssetType.TRADEMARK, f.assetType());
    assertEquals("org-nordvik", f.owner());
    assertEquals(Instant.ofEpochMilli(5_000), f.detectedAt());
    assertTrue(f.score() >= DuplicateSettings.defaults().threshold(), "score " + f.score());
    assertTrue(f.signals().get(0).detail().contains("case case-l-1"), f.signals().get(0).detail());
    assertTrue(f.signals().get(0).detail().contains("l-1"));
    assertEquals("outlet-88", f.listing().sellerId());
  }

  @Test
  void anUnrelatedListingIsNotFlagged() throws Exception {
    harness.processElement(pair("l-1", "l-3", false), 0);
    assertEquals(List.of(), harness.extractOutputValues());
  }

  @Test
  void theScoredMarkExpiresAfterTheTtl() throws Exception {
    harness.setStateTtlProcessingTime(0);
    harness.processElement(pair("l-1", "l-2", true), 0);
    harness.processElement(pair("l-1", "l-3", false), 0);
    assertEquals(2, pairsInState());
    harness.setStateTtlProcessingTime(TTL.toMillis() + 1);
    harness.processElement(pair("l-1", "l-2", true), 0); // forgotten: scored (and flagged, same id) again
    harness.processElement(pair("l-4", "l-5", false), 0);
    assertEquals(2, harness.extractOutputValues().size());
    assertEquals(harness.extractOutputValues().get(0).flagId(), harness.extractOutputValues().get(1).flagId());
    harness.setStateTtlProcessingTime(3 * TTL.toMillis());
    for (int i = 0; i < 3; i++) { // each record lets the heap backend check a few entries for expiry
      harness.processElement(pair("l-6", "l-7", false), 0);
    }
    assertEquals(1, pairsInState(), "expired pair marks are cleared");
  }
}
