package ipwatch.stream.common;

import ipwatch.model.config.Config;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateChangelogOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.state.rocksdb.RocksDBConfigurableOptions;
import org.apache.flink.state.rocksdb.RocksDBOptions;

/**
 * Where the jobs keep their keyed state ({@code state.backend}), whether a checkpoint uploads only what changed
 * since the last one ({@code state.incremental}), how much memory RocksDB may use ({@code state.managedMemory}), and
 * whether state changes also go to a changelog so that checkpoints stay short ({@code state.changelog}).
 *
 * <p>The per-listing state lives for days (state.listingTtl, relisting.listingTtl), so at a steady crawl rate it grows
 * far beyond what a heap can hold, and a full snapshot of it every second takes minutes. RocksDB keeps it on local
 * disk with a fixed memory budget (Flink's managed memory: block cache and write buffers, outside the Java heap), and
 * incremental checkpoints upload only the files written since the previous checkpoint.
 */
public record StateBackendSettings(Backend backend, boolean incremental, MemorySize managedMemory, boolean changelog)
    implements Serializable {

  /** The backends a job may choose; {@code flinkName} is the value of Flink's {@code state.backend.type}. */
  public enum Backend {
    ROCKSDB("rocksdb"),
    HASHMAP("hashmap");

    final String flinkName;

    Backend(String flinkName) {
      this.flinkName = flinkName;
    }
  }

  public StateBackendSettings {
    JobRuntime.require(backend != null, "state.backend", "must be set");
    JobRuntime.require(managedMemory != null && managedMemory.getBytes() > 0, "state.managedMemory",
        "must be a size above zero such as 256m");
  }

  public static StateBackendSettings from(Config c) {
    return new StateBackendSettings(backend(c.string("state.backend")), c.bool("state.incremental"),
        memory(c.string("state.managedMemory")), c.bool("state.changelog"));
  }

  /**
   * Sets the backend, incremental checkpoints and the managed memory. RocksDB takes its memory from the slot's share
   * of managed memory ({@code state.backend.rocksdb.memory.managed}, set explicitly so that no cluster default can turn
   * the bound off). The managed memory size applies where the job's configuration starts the cluster (the local
   * stack's MiniCluster); a standalone cluster's TaskManagers read theirs from their own configuration.
   */
  void applyTo(Configuration conf) {
    conf.set(StateBackendOptions.STATE_BACKEND, backend.flinkName);
    conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, incremental);
    conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, managedMemory);
    if (backend == Backend.ROCKSDB) {
      conf.set(RocksDBOptions.USE_MANAGED_MEMORY, true);
      // most state reads look up a key that is not there (a listing never seen, a bucket without takedowns):
      // a bloom filter answers those without reading the files' index blocks (10 bits per key, about 1 % false hits)
      conf.set(RocksDBConfigurableOptions.USE_BLOOM_FILTER, true);
    }
    if (changelog) {
      // Every state change also goes to a log that each checkpoint persists; RocksDB's own snapshot (materialisation)
      // runs in the background. A checkpoint then no longer waits for a task to flush and upload its RocksDB files,
      // which under load took 11-33 s for relisting's bucket state and held back every flag, since the exactly-once
      // sinks commit only when a checkpoint completes. The log's storage and location (state.changelog.storage,
      // state.changelog.dstl.dfs.base-path) are read from the TaskManagers' own configuration: on a standalone
      // cluster the storage set here is ignored (the multi-host drill saw them fall back to in-memory storage).
      conf.set(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG, true);
      conf.set(StateChangelogOptions.STATE_CHANGE_LOG_STORAGE, "filesystem");
    }
  }

  static Backend backend(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(Backend.values()).filter(b -> b.flinkName.equals(wanted)).findFirst()
        .orElseThrow(() -> JobRuntime.invalid("state.backend", "must be "
            + Arrays.stream(Backend.values()).map(b -> b.flinkName).collect(Collectors.joining(" or "))
            + ", not '" + name + "'"));
  }

  static MemorySize memory(String size) {
    try {
      return MemorySize.parse(size.trim());
    } catch (IllegalArgumentException e) {
      throw JobRuntime.invalid("state.managedMemory", "must be a size such as 256m, not '" + size + "'");
    }
  }
}
