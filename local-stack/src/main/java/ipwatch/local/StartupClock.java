package ipwatch.local;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** Times each part of the stack as it starts, so `ipwatch up` can report where start-up time goes. */
final class StartupClock {
  private final long t0 = System.nanoTime();
  private final Map<String, Duration> parts = new LinkedHashMap<>();
  private volatile Duration ready;

  <T> T time(String part, Callable<T> start) throws Exception {
    long t = System.nanoTime();
    T result = start.call();
    synchronized (parts) {
      parts.put(part, Duration.ofNanos(System.nanoTime() - t));
    }
    return result;
  }

  /** The stack is up: every part started. */
  void markReady() {
    ready = sinceStart();
  }

  Duration sinceStart() {
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  Map<String, Duration> parts() {
    synchronized (parts) {
      return Map.copyOf(new LinkedHashMap<>(parts));
    }
  }

  String report() {
    StringBuilder sb = new StringBuilder();
    synchronized (parts) {
      parts.forEach((k, v) -> sb.append(String.format("  %-22s %6.1f s%n", k, v.toMillis() / 1000.0)));
    }
    Duration total = ready == null ? sinceStart() : ready;
    sb.append(String.format("  %-22s %6.1f s%n", "stack ready", total.toMillis() / 1000.0));
    return sb.toString();
  }
}
