package ipwatch.crawl.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Heap and threads of this JVM while the bench runs: the heap left after every GC (from the collectors' notifications,
 * so the peak is the live set at its largest, not garbage waiting for collection) and the threads by name.
 */
final class JvmProbe {
  private final AtomicLong peakAfterGc = new AtomicLong();
  private Map<String, Integer> busiestThreads = Map.of();
  private int peakThreads;
  private long cpuStart;
  private long cpuUsed;

  JvmProbe() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener((n, handback) -> {
          if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(e -> isHeap(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
            peakAfterGc.accumulateAndGet(used, Math::max);
          }
        }, null, null);
      }
    }
  }

  static List<String> flags() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments();
  }

  /** Remembers the largest thread population seen, grouped by name with the numbers taken out. */
  void sample() {
    Map<String, Integer> groups = new TreeMap<>();
    Thread.getAllStackTraces().keySet().forEach(t -> groups.merge(t.getName().replaceAll("\\d+", "N"), 1,
        Integer::sum));
    int total = groups.values().stream().mapToInt(Integer::intValue).sum();
    if (total >= peakThreads) {
      peakThreads = total;
      busiestThreads = groups;
    }
  }

  /** Heap used right after a full collection. */
  long heapAfterFullGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .map(MemoryPoolMXBean::getUsage).mapToLong(MemoryUsage::getUsed).sum();
  }

  void cpuFromNow() {
    cpuStart = processCpuNanos();
  }

  void cpuUntilNow() {
    cpuUsed = processCpuNanos() - cpuStart;
  }

  long cpuNanos() {
    return cpuUsed;
  }

  /** CPU time this process has used, in nanoseconds. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The machine's load average over the last minute (other processes included). */
  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  long peakAfterGc() {
    return peakAfterGc.get();
  }

  /** Peak heap used including garbage not yet collected (bounded by -Xmx, so mostly a statement about GC pacing). */
  long peakUsed() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  String threads() {
    return "peak " + ManagementFactory.getThreadMXBean().getPeakThreadCount() + " (JVM), at the busiest sample "
        + peakThreads + ": " + busiestThreads;
  }

  private static boolean isHeap(String pool) {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .anyMatch(p -> p.getName().equals(pool) && p.getType() == MemoryType.HEAP);
  }
}
