package ipwatch.local.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Memory of the stack, sampled once a minute: the heap of this JVM (Kafka, Flink, casework-api all run in it) after a
 * full GC, this JVM's resident set (heap plus native memory such as RocksDB's), and the resident set of the Elasticsearch process tree (a child of this JVM) from /proc. Bounded memory
 * means the samples show no upward trend.
 */
final class MemorySampler {
  record Sample(double minute, long heapAfterGcMb, long jvmRssMb, long esRssMb) {}

  private final List<Sample> samples = new ArrayList<>();
  private final long startNanos;

  MemorySampler(long startNanos) {
    this.startNanos = startNanos;
  }

  /** Before and after the measurement: a forced full GC, then the heap that is left. */
  Sample sample() {
    System.gc();
    return record(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024));
  }

  /**
   * During the measurement: the heap in use after the collector's most recent collection, without forcing one. A
   * forced full GC every minute paused Kafka, Flink and casework-api (all in this JVM) and put its pause into the very
   * latencies the bench measures. After a young collection the figure still holds old garbage, so it reads high.
   */
  Sample sampleWithoutPause() {
    long latestEnd = -1;
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof com.sun.management.GarbageCollectorMXBean bean && bean.getLastGcInfo() != null
          && bean.getLastGcInfo().getEndTime() > latestEnd) {
        latestEnd = bean.getLastGcInfo().getEndTime();
        used = bean.getLastGcInfo().getMemoryUsageAfterGc().entrySet().stream()
            .filter(e -> isHeapPool(e.getKey()))
            .mapToLong(e -> e.getValue().getUsed()).sum();
      }
    }
    return record(used / (1024 * 1024));
  }

  private static boolean isHeapPool(String name) {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .anyMatch(p -> p.getName().equals(name) && p.getType() == java.lang.management.MemoryType.HEAP);
  }

  private Sample record(long heap) {
    Sample s = new Sample((System.nanoTime() - startNanos) / 60e9, heap, rssMb(ProcessHandle.current().pid()),
        elasticsearchRssMb());
    synchronized (samples) {
      samples.add(s);
    }
    return s;
  }

  List<Sample> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  static String describe(Sample s) {
    return String.format(Locale.ROOT,
        "  minute %5.1f   heap after GC %6d MB   JVM RSS %6d MB   Elasticsearch RSS %6d MB", s.minute(),
        s.heapAfterGcMb(), s.jvmRssMb(), s.esRssMb());
  }

  /** Sum of VmRSS over this JVM's descendants whose command line names Elasticsearch; -1 when /proc is unreadable. */
  static long elasticsearchRssMb() {
    long mb = 0;
    boolean any = false;
    for (ProcessHandle p : ProcessHandle.current().descendants().toList()) {
      try {
        String cmd = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "cmdline"), StandardCharsets.UTF_8);
        long rss = cmd.contains("elasticsearch") ? rssMb(p.pid()) : -1;
        if (rss >= 0) {
          mb += rss;
          any = true;
        }
      } catch (IOException | RuntimeException e) {
        // the process ended between listing and reading: it holds no memory any more
      }
    }
    return any ? mb : -1;
  }

  /**
   * VmRSS of a process in MB, -1 when unreadable. For this JVM it adds what the heap figure leaves out: RocksDB's
   * block cache and write buffers (Flink managed memory), network buffers, metaspace and thread stacks.
   */
  static long rssMb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone, or no /proc
    }
    return -1;
  }
}
