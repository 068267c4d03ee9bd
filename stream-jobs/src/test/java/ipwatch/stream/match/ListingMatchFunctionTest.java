package ipwatch.stream.match;

import static ipwatch.stream.match.TestData.asset;
import static ipwatch.stream.match.TestData.counterfeit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.match.MatchSettings;
import ipwatch.model.Flag;
import ipwatch.model.Json;
import ipwatch.model.Listing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import java.util.stream.Stream;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListingMatchFunctionTest {
  private static final Duration TTL = Duration.ofHours(1);
  private KeyedBroadcastOperatorTestHarness<String, String, RegistryUpdate, Flag> harness;

  @BeforeEach
  void openHarness() throws Exception {
    harness = newHarness();
  }

  @AfterEach
  void closeHarness() throws Exception {
    harness.close();
  }

  private static KeyedBroadcastOperatorTestHarness<String, String, RegistryUpdate, Flag> newHarness()
      throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
        new ListingMatchFunction(MatchSettings.defaults(), TTL), new ListingKeySelector(), Types.STRING,
        ListingMatchFunction.REGISTRY_STATE);
  }

  private void register(String assetId) throws Exception {
    harness.processBroadcastElement(RegistryUpdate.put(asset(assetId)), 0);
  }

  private void send(Listing listing) throws Exception {
    harness.processElement(Json.write(listing), 0);
  }

  private List<String> flaggedListings() {
    return harness.extractOutputValues().stream().map(Flag::listingId).toList();
  }

  /** Keys with listing state, expired-but-not-yet-cleared entries included. */
  private long listingsInState() throws Exception {
    KeyedStateBackend<String> backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
    try (Stream<String> keys = backend.getKeys("seen-listing", VoidNamespace.INSTANCE)) {
      return keys.count();
    }
  }

  private List<DeadLetter> deadLetters() {
    var side = harness.getSideOutput(ListingMatchFunction.DEAD_LETTERS);
    return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
  }

  @Test
  void aListingAfterItsMarkWasRegisteredIsFlagged() throws Exception {
    register("tm-nordvik");
    harness.setProcessingTime(42_000);
    send(counterfeit("l-1"));
    List<Flag> flags = harness.extractOutputValues();
    assertEquals(1, flags.size());
    assertEquals("tm-nordvik", flags.get(0).assetId());
    assertEquals(Instant.ofEpochMilli(42_000), flags.get(0).detectedAt());
    assertEquals(List.of(), deadLetters());
  }

  @Test
  void aGenuineOrUnrelatedListingIsNotFlagged() throws Exception {
    register("tm-nordvik");
    send(TestData.genuine("l-genuine"));
    send(TestData.unrelated("l-other"));
    assertEquals(List.of(), flaggedListings());
  }

  @Test
  void aTombstoneRemovesTheAsset() throws Exception {
    register("tm-nordvik");
    harness.processBroadcastElement(RegistryUpdate.tombstone("tm-nordvik"), 0);
    send(counterfeit("l-1"));
    assertEquals(List.of(), flaggedListings());
    assertEquals(0, count(harness));
  }

  private static long count(KeyedBroadcastOperatorTestHarness<String, String, RegistryUpdate, Flag> h)
      throws Exception {
    long n = 0;
    for (var ignored : h.getBroadcastState(ListingMatchFunction.REGISTRY_STATE).entries()) {
      n++;
    }
    return n;
  }

  @Test
  void anUnchangedListingSeenTwiceIsFlaggedOnce() throws Exception {
    register("tm-nordvik");
    send(counterfeit("l-1"));
    Listing recrawled =
        new Listing(
            "l-1", "demo-market", counterfeit("l-1").url(), counterfeit("l-1").title(), "", "Nordvik", "outerwear",
            counterfeit("l-1").price(), counterfeit("l-1").seller(), List.of(), null, null, null,
            Instant.parse("2026-11-22T10:00:00Z"), null);
    send(recrawled);
    assertEquals(List.of("l-1"), flaggedListings());
  }

  @Test
  void aChangedListingIsMatchedAgain() throws Exception {
    register("tm-nordvik");
    send(counterfeit("l-1"));
    send(TestData.listing("l-1", "NORDVIK Fjell parka — now 50% off", "Nordvik", "demo-market:cheap-deals"));
    assertEquals(List.of("l-1", "l-1"), flaggedListings());
    assertEquals(1, listingsInState());
  }

  @Test
  void aMarkRegisteredAfterTheListingArrivedStillFlagsIt() throws Exception {
    send(counterfeit("l-1"));
    send(TestData.listing("l-2", "LUMORA Aria headphones", "", "demo-market:x"));
    assertEquals(List.of(), flaggedListings());
    register("tm-nordvik");
    assertEquals(List.of("l-1"), flaggedListings());
    register("tm-nordvik"); // a new version of the same asset: no second flag
    send(counterfeit("l-1"));
    assertEquals(List.of("l-1"), flaggedListings());
  }

  @Test
  void aMalformedListingGoesToTheDeadLettersWithItsCauseAndTheJobGoesOn() throws Exception {
    register("tm-nordvik");
    harness.processElement("{\"listingId\": \"l-bad\", \"title\": ", 0);
    harness.processElement("[1,2]", 0);
    harness.processElement("{\"title\": \"NORDVIK parka\"}", 0);
    send(counterfeit("l-1"));
    List<DeadLetter> dead = deadLetters();
    assertEquals(3, dead.size());
    assertEquals("l-bad", dead.get(0).key());
    assertEquals("{\"listingId\": \"l-bad\", \"title\": ", dead.get(0).value());
    assertTrue(dead.get(0).cause().startsWith("not a valid Listing"), dead.get(0).cause());
    assertNull(dead.get(1).key());
    assertEquals("listing has no listingId", dead.get(2).cause());
    assertEquals(List.of("l-1"), flaggedListings());
    assertEquals(1, listingsInState(), "bad records leave no keyed state behind");
  }

  @Test
  void listingStateExpiresAfterTheTtlSoAnOldListingIsFlaggedAgain() throws Exception {
    register("tm-nordvik");
    harness.setStateTtlProcessingTime(0);
    send(counterfeit("l-1"));
    harness.setStateTtlProcessingTime(TTL.toMillis() - 1);
    send(counterfeit("l-1")); // seen again: still remembered, and the TTL starts over
    assertEquals(List.of("l-1"), flaggedListings());
    harness.setStateTtlProcessingTime(2 * TTL.toMillis() - 2);
    assertEquals(1, listingsInState());
    harness.setStateTtlProcessingTime(2 * TTL.toMillis());
    register("tm-lumora"); // visits every listing's state, which finds l-1's expired and clears it
    assertEquals(0, listingsInState(), "expired listing state is cleared");
    send(counterfeit("l-1")); // forgotten: treated as new
    assertEquals(List.of("l-1", "l-1"), flaggedListings());
  }

  @Test
  void registryAndListingStateSurviveASnapshotAndRestore() throws Exception {
    register("tm-nordvik");
    send(counterfeit("l-1"));
    OperatorSubtaskState snapshot = harness.snapshot(1, 1);
    harness.close();

    harness =
        new KeyedBroadcastOperatorTestHarness<>(
            new CoBroadcastWithKeyedOperator<>(
                new ListingMatchFunction(MatchSettings.defaults(), TTL), List.of(ListingMatchFunction.REGISTRY_STATE)),
            new ListingKeySelector(), Types.STRING, 1, 1, 0);
    harness.setup();
    harness.initializeState(snapshot);
    harness.open();
    send(counterfeit("l-1")); // remembered: no second flag
    send(counterfeit("l-2")); // the registry came back from the snapshot
    assertEquals(List.of("l-2"), flaggedListings());
  }
}
