package ipwatch.stream.relisting;

import static ipwatch.stream.relisting.RelistingTestData.relisted;
import static ipwatch.stream.relisting.RelistingTestData.takedownOf;
import static ipwatch.stream.relisting.RelistingTestData.takenDown;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ipwatch.model.Json;
import ipwatch.model.ListingOutcome;
import ipwatch.stream.match.ListingKeySelector;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TakedownJoinFunctionTest {
  private static final Duration LISTING_TTL = Duration.ofHours(1);
  private static final Duration TAKEDOWN_TTL = Duration.ofHours(10);
  private KeyedTwoInputStreamOperatorTestHarness<String, String, ListingOutcome, RelistingEvent> harness;

  @BeforeEach
  void open() throws Exception {
    harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
        new TakedownJoinFunction(LISTING_TTL, TAKEDOWN_TTL), new ListingKeySelector(), ListingOutcome::listingId,
        Types.STRING);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private List<String> events() {
    return harness.extractOutputValues().stream()
        .map(e -> (e.isTakedown() ? "takedown " : e.isReinstatement() ? "reinstated " : "probe ")
            + e.listing().listingId()).toList();
  }

  private long keysIn(String state) throws Exception {
    KeyedStateBackend<String> backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
    try (Stream<String> keys = backend.getKeys(state, VoidNamespace.INSTANCE)) {
      return keys.count();
    }
  }

  @Test
  void aTakedownIsJoinedWithItsListingWhicheverArrivesFirst() throws Exception {
    harness.processElement1(Json.write(takenDown("l-1")), 0);
    harness.processElement2(takedownOf("l-1", "case-1"), 0);
    harness.processElement2(takedownOf("l-2", "case-2"), 0);
    harness.processElement1(Json.write(takenDown("l-2")), 0);
    harness.processElement1(Json.write(takenDown("l-2")), 0); // the removed page recrawled: not a relisting
    assertEquals(List.of("probe l-1", "takedown l-1", "takedown l-2"), events());
  }

  @Test
  void anUnchangedRecrawlIsNotProbedTwiceAndUnreadableListingsAreSkipped() throws Exception {
    harness.processElement1(Json.write(relisted("l-3")), 0);
    harness.processElement1(Json.write(relisted("l-3")), 0);
    harness.processElement1("{\"listingId\": ", 0);
    harness.processElement2(new ListingOutcome("l-3", "case-3", "REINSTATED", null), 0);
    assertEquals(List.of("probe l-3"), events());
    assertEquals(0, keysIn(TakedownJoinFunction.TAKEDOWN_STATE), "outcomes other than takedowns are not kept");
  }

  @Test
  void listingAndTakedownStateExpireAfterTheirTtls() throws Exception {
    harness.setStateTtlProcessingTime(0);
    harness.processElement1(Json.write(takenDown("l-1")), 0);
    harness.processElement2(takedownOf("l-1", "case-1"), 0);
    harness.setStateTtlProcessingTime(LISTING_TTL.toMillis() + 1);
    harness.processElement1(Json.write(relisted("l-9")), 0); // an access that lets the heap backend clean up
    assertEquals(1, keysIn(TakedownJoinFunction.TAKEDOWN_STATE));
    harness.setStateTtlProcessingTime(TAKEDOWN_TTL.toMillis() + LISTING_TTL.toMillis() + 2);
    harness.processElement2(takedownOf("l-8", "case-8"), 0);
    for (int i = 0; i < 3; i++) { // each record lets the heap backend check a few entries for expiry
      harness.processElement1(Json.write(relisted("l-7")), 0);
    }
    assertEquals(1, keysIn(TakedownJoinFunction.TAKEDOWN_STATE), "only the takedown of l-8 is still held");
    assertEquals(1, keysIn(TakedownJoinFunction.LISTING_STATE), "only l-7 is still held");
  }

  @Test
  void aReinstatementDropsTheTakedownAndSendsTheRemovedListingOnceSoTheBucketsForgetIt() throws Exception {
    harness.setStateTtlProcessingTime(0);
    harness.processElement1(Json.write(takenDown("l-1")), 0);
    harness.processElement2(takedownOf("l-1", "case-1"), 0);
    // the listing's own content has expired; its takedown copy lives as long as the takedown does
    harness.setStateTtlProcessingTime(LISTING_TTL.toMillis() + 1);
    harness.processElement2(new ListingOutcome("l-1", "case-1", ListingOutcome.REINSTATED, null), 0);
    harness.processElement2(new ListingOutcome("l-1", "case-1", ListingOutcome.REINSTATED, null), 0);
    assertEquals(List.of("probe l-1", "takedown l-1", "reinstated l-1"), events());
    assertEquals(0, keysIn(TakedownJoinFunction.TAKEDOWN_STATE), "the takedown is gone");
    assertEquals(0, keysIn(TakedownJoinFunction.TAKEN_DOWN_LISTING_STATE), "and so is its copy of the listing");
  }
}
