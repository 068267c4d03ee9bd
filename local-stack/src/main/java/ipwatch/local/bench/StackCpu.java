package ipwatch.local.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used by the stack: this JVM (Kafka, Flink, casework-api, the bench) and its child processes
 * (Elasticsearch, PostgreSQL), from /proc. On a shared machine the wall-clock figures measure the neighbours too; CPU
 * seconds say how much of the machine the stack actually got.
 */
final class StackCpu {
  private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

  private StackCpu() {}

  /** CPU seconds (user + system) of this process and its live descendants; -1 when /proc is unreadable. */
  static double seconds() {
    try {
      return Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants())
          .mapToDouble(p -> ticks(p.pid())).sum() / TICKS_PER_SECOND;
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private static double ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      // fields after the command name (which may contain spaces) start at state: utime and stime are 12th and 13th
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (Exception e) {
      return 0; // ended meanwhile
    }
  }
}
