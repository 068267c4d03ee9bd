package ipwatch.stream.common;

import java.time.Duration;
import org.apache.flink.api.common.state.StateTtlConfig;

/**
 * The TTL every job state uses. Expired entries are never returned, left out of full snapshots, and also removed in
 * the background, so an identifier or listing never seen again does not stay in the state for ever:
 *
 * <ul>
 *   <li>on the heap backend ({@code state.backend: hashmap}) each processed record checks a few entries;
 *   <li>on RocksDB (the default) Flink's compaction filter drops expired entries whenever RocksDB compacts a file.
 *       Flink 2.2 turns it on for every TTL state that keeps background cleanup (we never call
 *       {@code disableCleanupInBackground}); it reads the current time every 1000 entries and forces a compaction of
 *       files untouched for 30 days ({@code state.backend.rocksdb.compaction.filter.*}), which bounds the disk an
 *       expired entry can hold. The incremental setting below does nothing on RocksDB.
 * </ul>
 */
public final class StateTtl {
  private StateTtl() {}

  /** Entries checked per processed record on the heap backend. */
  static final int CLEANUP_PER_RECORD = 10;

  /** Expires {@code ttl} after the last write. */
  public static StateTtlConfig afterWrite(Duration ttl) {
    return builder(ttl).updateTtlOnCreateAndWrite().build();
  }

  /** Expires {@code ttl} after the last read or write. */
  public static StateTtlConfig afterAccess(Duration ttl) {
    return builder(ttl).updateTtlOnReadAndWrite().build();
  }

  private static StateTtlConfig.Builder builder(Duration ttl) {
    return StateTtlConfig.newBuilder(ttl)
        .neverReturnExpired()
        .cleanupFullSnapshot()
        .cleanupIncrementally(CLEANUP_PER_RECORD, true);
  }
}
