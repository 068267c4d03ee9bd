package ipwatch.stream.sellers;

import static ipwatch.stream.sellers.SellerTestData.sighting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.link.seller.IdentifierType;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.IncrementalKeyedStateHandle;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.state.rocksdb.RocksDBKeyedStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The identifier stage on the production state backend (RocksDB with incremental checkpoints, config/stream-jobs.yaml
 * {@code state.*}): its TTL (StateTtl) and a restore from an incremental snapshot behave as on the heap.
 */
class IdentifierHoldersOnRocksDbTest {
  private static final Duration TTL = Duration.ofHours(1);
  private static final int MAX = 3;

  private static KeyedOneInputStreamOperatorTestHarness<String, IdentifierSighting, IdentifierSighting> onRocksDb()
      throws Exception {
    var harness = new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new IdentifierHoldersFunction(MAX, TTL)), IdentifierSighting::partitionKey,
        Types.STRING);
    harness.setStateBackend(new EmbeddedRocksDBStateBackend(true));
    return harness;
  }

  private static List<String> forwarded(
      KeyedOneInputStreamOperatorTestHarness<String, IdentifierSighting, IdentifierSighting> harness) {
    return harness.extractOutputValues().stream().map(IdentifierSighting::sellerKey).toList();
  }

  @Test
  void anIdentifierNotSeenForTheTtlIsForgottenOnRocksDb() throws Exception {
    try (var harness = onRocksDb()) {
      harness.open();
      assertInstanceOf(RocksDBKeyedStateBackend.class,
          ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend());
      harness.setStateTtlProcessingTime(0);
      harness.processElement(sighting("a:1", IdentifierType.PHONE, "+4930123"), 0);
      harness.setStateTtlProcessingTime(TTL.toMillis() - 1);
      harness.processElement(sighting("a:1", IdentifierType.PHONE, "+4930123"), 0); // known; seen again
      harness.setStateTtlProcessingTime(2 * TTL.toMillis() - 2);
      harness.processElement(sighting("a:1", IdentifierType.PHONE, "+4930123"), 0); // within the TTL of the last sight
      harness.setStateTtlProcessingTime(3 * TTL.toMillis());
      harness.processElement(sighting("a:1", IdentifierType.PHONE, "+4930123"), 0); // expired: never returned
      assertEquals(List.of("a:1", "a:1"), forwarded(harness));
    }
  }

  @Test
  void holdersSurviveARestoreFromAnIncrementalRocksDbSnapshot() throws Exception {
    OperatorSubtaskState snapshot;
    try (var before = onRocksDb()) {
      before.open();
      before.processElement(sighting("a:1", IdentifierType.EMAIL, "shop@seller.example"), 0);
      before.processElement(sighting("b:2", IdentifierType.EMAIL, "shop@seller.example"), 0);
      snapshot = before.snapshot(1, 0);
      assertEquals(List.of("a:1", "b:2"), forwarded(before));
    }
    assertTrue(snapshot.getManagedKeyedState().stream().anyMatch(h -> h instanceof IncrementalKeyedStateHandle),
        "the keyed state was snapshotted incrementally: " + snapshot.getManagedKeyedState());

    try (var after = onRocksDb()) {
      after.initializeState(snapshot);
      after.open();
      after.processElement(sighting("a:1", IdentifierType.EMAIL, "shop@seller.example"), 0); // known before the restore
      after.processElement(sighting("c:3", IdentifierType.EMAIL, "shop@seller.example"), 0);
      assertEquals(List.of("c:3"), forwarded(after));
    }
  }
}
