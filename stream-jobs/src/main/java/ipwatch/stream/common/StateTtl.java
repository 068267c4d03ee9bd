package ipwatch.stream.common;

import java.time.Duration;
import org.apache.flink.api.common.state.StateTtlConfig;

/**
 * The TTL every job state uses. Expired entries are never returned, left out of full snapshots, and on the
 * heap backend also removed in the background: each processed record checks a few entries. Without that last part
 * an identifier or listing never seen again would be dropped from checkpoints but stay in memory until a restore.
 * (RocksDB drops expired entries in its compaction filter, on by default.)
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
