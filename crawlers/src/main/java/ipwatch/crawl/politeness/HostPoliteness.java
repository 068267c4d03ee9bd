package ipwatch.crawl.politeness;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Per-host manners: at least the host's delay between two request starts, at most {@code perHost} requests in flight,
 * and a pause for every worker when the host asked us to back off (429/503 Retry-After). Requests take a start slot
 * with {@link #reserve} and wait for it in a timer rather than on a thread, so a thousand slow hosts do not need a
 * thousand threads. With the Kafka frontier an instance keeps this state only for the hosts of its partitions and
 * {@link #forget}s a host when its partition moves away.
 */
public final class HostPoliteness {
  private final int perHost;
  private final ConcurrentHashMap<String, HostState> hosts = new ConcurrentHashMap<>();

  public HostPoliteness(int perHost) {
    this.perHost = perHost;
  }

  /** Takes the host's next start slot and returns it ({@link System#nanoTime} scale); the slot after is delay later. */
  public long reserve(String host, Duration minDelay) {
    return state(host).reserve(minDelay.toNanos());
  }

  /** The host is paused (Retry-After) until this nanoTime; a slot reserved before the pause must be re-reserved. */
  public long pausedUntil(String host) {
    return state(host).pausedUntil();
  }

  /** Takes an in-flight slot if one is free. Pair with {@link #release}. */
  public boolean tryEnter(String host) {
    return state(host).inFlight.tryAcquire();
  }

  /** Blocks until a request to {@code host} may start, then holds an in-flight slot. Pair with {@link #release}. */
  public void acquire(String host, Duration minDelay) throws InterruptedException {
    HostState s = state(host);
    s.inFlight.acquire();
    long at = s.reserve(minDelay.toNanos());
    long wait = at - System.nanoTime();
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        s.inFlight.release();
        throw e;
      }
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
    state(host).pushBack(pause.toNanos());
  }

  /** Drops what we know of the host (its partition went to another instance, which now owns its manners). */
  public void forget(String host) {
    hosts.remove(host);
  }

  public int hostCount() {
    return hosts.size();
  }

  private HostState state(String host) {
    return hosts.computeIfAbsent(host, h -> new HostState(perHost));
  }

  private static final class HostState {
    final Semaphore inFlight;
    private long nextStart = System.nanoTime();
    private long pausedUntil = nextStart;

    HostState(int perHost) {
      this.inFlight = new Semaphore(perHost, true);
    }

    synchronized long reserve(long delayNanos) {
      long now = System.nanoTime();
      long at = nextStart - now > 0 ? nextStart : now;
      nextStart = at + delayNanos;
      return at;
    }

    synchronized long pausedUntil() {
      return pausedUntil;
    }

    synchronized void pushBack(long pauseNanos) {
      long until = System.nanoTime() + pauseNanos;
      pausedUntil = until - pausedUntil > 0 ? until : pausedUntil;
      nextStart = pausedUntil - nextStart > 0 ? pausedUntil : nextStart;
    }
  }
}
