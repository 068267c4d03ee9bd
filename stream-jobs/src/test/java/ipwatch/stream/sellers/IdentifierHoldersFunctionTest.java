package ipwatch.stream.sellers;

import static ipwatch.stream.sellers.SellerTestData.sighting;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ipwatch.link.seller.IdentifierType;
import java.time.Duration;
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

class IdentifierHoldersFunctionTest {
  private static final Duration TTL = Duration.ofHours(1);
  private static final int MAX = 3;
  private KeyedOneInputStreamOperatorTestHarness<String, IdentifierSighting, IdentifierSighting> harness;

  @BeforeEach
  void open() throws Exception {
    harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new IdentifierHoldersFunction(MAX, TTL),
        IdentifierSighting::partitionKey, Types.STRING);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private List<String> forwarded() {
    return harness.extractOutputValues().stream().map(IdentifierSighting::sellerKey).toList();
  }

  private long identifiersInState() throws Exception {
    KeyedStateBackend<String> backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
    try (Stream<String> keys = backend.getKeys(IdentifierHoldersFunction.STATE, VoidNamespace.INSTANCE)) {
      return keys.count();
    }
  }

  @Test
  void eachAccountIdentifierPairIsForwardedOnlyTheFirstTime() throws Exception {
    harness.processElement(sighting("a:1", IdentifierType.PHONE, "+4930123"), 0);
    harness.processElement(sighting("a:1", IdentifierType.PHONE, "+4930123"), 0);
    harness.processElement(sighting("b:2", IdentifierType.PHONE, "+4930123"), 0);
    harness.processElement(new IdentifierSighting("b:2", null), 0);
    harness.processElement(new IdentifierSighting("b:2", null), 0);
    assertEquals(List.of("a:1", "b:2", "b:2"), forwarded());
  }

  @Test
  void anIdentifierOnTooManyAccountsForwardsTheCrossingPairThenNothing() throws Exception {
    for (int i = 1; i <= MAX + 3; i++) {
      harness.processElement(sighting("m:" + i, IdentifierType.EMAIL, "support@market.example"), 0);
    }
    // the cluster stage needs the pair that crosses the limit to mark the hub and undo its links
    assertEquals(List.of("m:1", "m:2", "m:3", "m:4"), forwarded());
  }

  @Test
  void holdersExpireAfterTheTtlAndTheStateIsCleared() throws Exception {
    harness.setStateTtlProcessingTime(0);
    harness.processElement(sighting("a:1", IdentifierType.PHONE, "+4930123"), 0);
    assertEquals(1, identifiersInState());
    harness.setStateTtlProcessingTime(TTL.toMillis() + 1);
    harness.processElement(sighting("a:1", IdentifierType.PHONE, "+4930123"), 0); // forgotten: sent again
    harness.processElement(sighting("c:3", IdentifierType.EMAIL, "x@y.example"), 0);
    assertEquals(List.of("a:1", "a:1", "c:3"), forwarded());
    harness.setStateTtlProcessingTime(3 * TTL.toMillis());
    // a later access finds both entries expired; full snapshots leave them out too
    for (int i = 0; i < 3; i++) { // each record lets the heap backend check a few entries for expiry
      harness.processElement(sighting("d:4", IdentifierType.EMAIL, "z@y.example"), 0);
    }
    assertEquals(1, identifiersInState(), "only the identifier seen last is still held");
  }

  @Test
  void aHubOrAKnownPairSeenAgainWithinEachTtlIsNotForgottenThoughNothingIsWritten() throws Exception {
    harness.setStateTtlProcessingTime(0);
    for (int i = 1; i <= MAX + 1; i++) {
      harness.processElement(sighting("m:" + i, IdentifierType.EMAIL, "support@market.example"), 0);
    }
    harness.processElement(sighting("a:1", IdentifierType.PHONE, "+4930123"), 0);
    for (long t = 1; t <= 3; t++) { // seen again every 0.9 TTL: the reads alone keep both alive
      harness.setStateTtlProcessingTime(t * TTL.toMillis() * 9 / 10);
      harness.processElement(sighting("m:9", IdentifierType.EMAIL, "support@market.example"), 0);
      harness.processElement(sighting("a:1", IdentifierType.PHONE, "+4930123"), 0);
    }
    assertEquals(List.of("m:1", "m:2", "m:3", "m:4", "a:1"), forwarded(), "still a hub, and a:1 still known");
  }
}
