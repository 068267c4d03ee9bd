package ipwatch.crawl.politeness;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Per-host manners: at most {@code perHost} requests in flight and at least the host's delay between two request
 * starts. A host that asked us to back off (429/503 Retry-After) is paused for every worker, not just the one that got
 * the answer. Workers block in {@link #acquire}; with a Kafka frontier keyed by host this becomes per-partition.
 */
public final class HostPoliteness {
  private final int perHost;
  private final ConcurrentHashMap<String, HostState> hosts = new ConcurrentHashMap<>();

  public HostPoliteness(int perHost) {
    this.perHost = perHost;
  }

  /** Blocks until a request to {@code host} may start, then reserves the slot. Pair with {@link #release}. */
  public void acquire(String host, Duration minDelay) throws InterruptedException {
    HostState s = hosts.computeIfAbsent(host, h -> new HostState(perHost));
    s.inFlight.acquire();
    try {
      s.waitTurn(minDelay.toNanos());
    } catch (InterruptedException e) {
      s.inFlight.release();
      throw e;
    }
  }

  public void release(String host) {
    HostState s = hosts.get(host);
    if (s != null) {
      s.inFlight.release();
    }
  }

  /** No request to {@code host} starts before {@code pause} has passed (the server said Retry-After). */
  public void pause(String host, Duration pause) {
    hosts.computeIfAbsent(host, h -> new HostState(perHost)).pushBack(pause.toNanos());
  }

  private static final class HostState {
    final Semaphore inFlight;
    private long nextStart = System.nanoTime();

    HostState(int perHost) {
      this.inFlight = new Semaphore(perHost, true);
    }

    synchronized void waitTurn(long delayNanos) throws InterruptedException {
      long now;
      while ((now = System.nanoTime()) < nextStart) {
        long waitMs = Math.max(1, (nextStart - now) / 1_000_000);
        wait(waitMs);
      }
      nextStart = now + delayNanos;
    }

    synchronized void pushBack(long pauseNanos) {
      nextStart = Math.max(nextStart, System.nanoTime() + pauseNanos);
      notifyAll();
    }
  }
}
