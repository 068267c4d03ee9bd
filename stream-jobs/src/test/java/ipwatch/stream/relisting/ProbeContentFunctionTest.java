package ipwatch.stream.relisting;

import static ipwatch.stream.relisting.RelistingTestData.relisted;
import static ipwatch.stream.relisting.RelistingTestData.takedownOf;
import static ipwatch.stream.relisting.RelistingTestData.takenDown;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ipwatch.model.Listing;
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

class ProbeContentFunctionTest {
  private static final Duration WINDOW = Duration.ofHours(1);
  private KeyedTwoInputStreamOperatorTestHarness<String, Listing, ProbeCandidate, CandidatePair> harness;

  @BeforeEach
  void open() throws Exception {
    harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new ProbeContentFunction(WINDOW),
        Listing::listingId, ProbeCandidate::laterId, Types.STRING);
    harness.setStateTtlProcessingTime(0);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private static ProbeCandidate proposal(String earlier, String later) {
    return new ProbeCandidate(takenDown(earlier), takedownOf(earlier, "case-" + earlier), later);
  }

  private List<String> pairs() {
    return harness.extractOutputValues().stream()
        .map(p -> p.pairKey() + " " + p.later().title()).toList();
  }

  private long keysIn(String state) throws Exception {
    KeyedStateBackend<String> backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
    try (Stream<String> keys = backend.getKeys(state, VoidNamespace.INSTANCE)) {
      return keys.count();
    }
  }

  @Test
  void aProposalForAKnownProbeBecomesAPairWithTheProbesContent() throws Exception {
    Listing probe = relisted("l-2");
    harness.processElement1(probe, 0);
    harness.processElement2(proposal("l-1", "l-2"), 0);
    harness.processElement2(proposal("l-4", "l-2"), 0);
    assertEquals(List.of("l-1|l-2 " + probe.title(), "l-4|l-2 " + probe.title()), pairs());
  }

  @Test
  void aProposalThatOvertakesItsProbesContentWaitsForItAndIsCompletedOnce() throws Exception {
    harness.processElement2(proposal("l-1", "l-2"), 0);
    harness.processElement2(proposal("l-1", "l-2"), 0); // the same pair proposed by a second bucket
    assertEquals(List.of(), pairs(), "nothing to pair with yet");
    Listing probe = relisted("l-2");
    harness.processElement1(probe, 0);
    assertEquals(List.of("l-1|l-2 " + probe.title()), pairs());
    assertEquals(0, keysIn(ProbeContentFunction.WAITING_STATE), "nothing waits any more");
  }

  @Test
  void contentAndWaitingProposalsLeaveAfterTheReorderWindow() throws Exception {
    harness.processElement1(relisted("l-2"), 0);
    harness.processElement2(proposal("l-1", "l-9"), 0);
    harness.setStateTtlProcessingTime(WINDOW.toMillis() + 1);
    harness.processElement2(proposal("l-3", "l-2"), 0);
    harness.processElement1(relisted("l-9"), 0);
    assertEquals(List.of(), pairs(), "the probe's content and the waiting proposal both expired");
    Listing changed = relisted("l-2");
    harness.processElement1(changed, 0); // the probe's text changed: its content comes again
    assertEquals(List.of("l-3|l-2 " + changed.title()), pairs(), "the proposal made after the window waited for it");
  }
}
