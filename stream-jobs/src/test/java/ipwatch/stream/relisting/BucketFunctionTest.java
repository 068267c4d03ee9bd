package ipwatch.stream.relisting;

import static ipwatch.stream.relisting.RelistingTestData.relisted;
import static ipwatch.stream.relisting.RelistingTestData.takedownOf;
import static ipwatch.stream.relisting.RelistingTestData.takenDown;
import static ipwatch.stream.relisting.RelistingTestData.unrelated;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ipwatch.model.ListingOutcome;
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

class BucketFunctionTest {
  private static final Duration TAKEDOWN_TTL = Duration.ofHours(10);
  private static final Duration WINDOW = Duration.ofHours(1);
  private KeyedOneInputStreamOperatorTestHarness<String, RelistingEvent, ProbeCandidate> harness;

  @BeforeEach
  void open() throws Exception {
    harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new BucketFunction(2, TAKEDOWN_TTL, WINDOW),
        RelistingEvent::bucket, Types.STRING);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private List<String> pairs() {
    return harness.extractOutputValues().stream().map(ProbeCandidate::pairKey).toList();
  }

  private long bucketsIn(String state) throws Exception {
    KeyedStateBackend<String> backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
    try (Stream<String> keys = backend.getKeys(state, VoidNamespace.INSTANCE)) {
      return keys.count();
    }
  }

  @Test
  void aLaterListingInTheBucketOfATakedownIsProposedAndSoIsAnEarlierOneWithinTheWindow() throws Exception {
    harness.processElement(RelistingEvent.probe(unrelated("l-0")).withoutContent().inBucket("model:nv4410"), 0);
    harness.processElement(RelistingEvent.takenDown(takenDown("l-1"), takedownOf("l-1", "c-1")).inBucket("model:nv4410"), 0);
    harness.processElement(RelistingEvent.probe(relisted("l-2")).withoutContent().inBucket("model:nv4410"), 0);
    harness.processElement(RelistingEvent.probe(relisted("l-3")).withoutContent().inBucket("lsh:1"), 0);
    assertEquals(List.of("l-1|l-0", "l-1|l-2"), pairs());
  }

  @Test
  void aBucketWithTooManyTakedownsProposesNothing() throws Exception {
    for (int i = 0; i < 3; i++) {
      harness.processElement(
          RelistingEvent.takenDown(takenDown("t-" + i), takedownOf("t-" + i, "c-" + i)).inBucket("lsh:common"), 0);
    }
    harness.processElement(RelistingEvent.probe(relisted("l-2")).withoutContent().inBucket("lsh:common"), 0);
    assertEquals(List.of(), pairs());
  }

  @Test
  void probesLeaveAfterTheWindowAndTakedownsAfterTheirTtl() throws Exception {
    harness.setStateTtlProcessingTime(0);
    harness.processElement(RelistingEvent.probe(relisted("l-2")).withoutContent().inBucket("b1"), 0);
    harness.processElement(RelistingEvent.takenDown(takenDown("l-1"), takedownOf("l-1", "c-1")).inBucket("b2"), 0);
    harness.setStateTtlProcessingTime(WINDOW.toMillis() + 1);
    harness.processElement(RelistingEvent.takenDown(takenDown("l-5"), takedownOf("l-5", "c-5")).inBucket("b1"), 0);
    assertEquals(List.of(), pairs(), "the probe left the window before the takedown came");
    assertEquals(0, bucketsIn(BucketFunction.RECENT_STATE), "the expired probe is removed");
    harness.setStateTtlProcessingTime(TAKEDOWN_TTL.toMillis() + WINDOW.toMillis() + 2);
    harness.processElement(RelistingEvent.probe(relisted("l-6")).withoutContent().inBucket("b2"), 0);
    harness.processElement(RelistingEvent.probe(relisted("l-7")).withoutContent().inBucket("b1"), 0);
    assertEquals(List.of(), pairs(), "both takedowns expired");
    assertEquals(0, bucketsIn(BucketFunction.LAST_TAKEDOWN_STATE), "so did the buckets' markers");
    assertEquals(2, bucketsIn(BucketFunction.RECENT_STATE), "the probes of l-6 and l-7 are within the window");
    for (int i = 0; i < 3; i++) { // the heap backend's incremental cleanup checks a few entries after every record
      harness.processElement(RelistingEvent.probe(relisted("l-8" + i)).withoutContent().inBucket("b3"), 0);
    }
    assertEquals(0, bucketsIn(BucketFunction.TAKEN_DOWN_STATE),
        "the expired takedowns are cleaned up in the background");
  }

  @Test
  void aListingReinstatedAfterACounterNoticeIsNotProposedAsTheOriginalOfARelisting() throws Exception {
    harness.processElement(RelistingEvent.takenDown(takenDown("l-1"), takedownOf("l-1", "c-1")).inBucket("model:nv4410"), 0);
    harness.processElement(RelistingEvent.takenDown(takenDown("l-4"), takedownOf("l-4", "c-4")).inBucket("model:nv4410"), 0);
    harness.processElement(RelistingEvent.reinstated(takenDown("l-1"),
        new ListingOutcome("l-1", "c-1", ListingOutcome.REINSTATED, null)).inBucket("model:nv4410"), 0);
    harness.processElement(RelistingEvent.probe(relisted("l-2")).withoutContent().inBucket("model:nv4410"), 0);
    assertEquals(List.of("l-4|l-2"), pairs(), "only the takedown that stands is proposed");
  }
}
