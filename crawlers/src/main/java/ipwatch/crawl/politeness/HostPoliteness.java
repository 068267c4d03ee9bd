package ipwatch.crawl.politeness;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-host manners: at least the host's delay between the end of one response and the start of the next request (as
 * StormCrawler and Nutch count it), hence one request at a time (up to {@code perHost} in flight only for a host
 * with no delay), and a pause for every worker when the
 * host asked us to back off (429/503 Retry-After). Counting from the end, not from when the previous request was
 * started or planned, means the site sees at least the delay between two of our requests whatever our threads, the
 * HTTP client or the network did in between; it costs the response time per request (on loopback about 1 %; a site
 * answering in 300 ms with a 1 s delay gets 0.77 requests/s). With the Kafka frontier an instance keeps this state
 * only for the hosts of its partitions and {@link #forget}s a host when its partition moves away.
 */
public final class HostPoliteness {
  private static final long IN_FLIGHT_RECHECK_NANOS = 50_000_000L;
  private final int perHost;
  private final ConcurrentHashMap<String, HostState> hosts = new ConcurrentHashMap<>();

  public HostPoliteness(int perHost) {
    this.perHost = perHost;
  }

  /**
   * Starts a request to {@code host} if its manners allow one now: then it holds an in-flight slot (pair with {@link
   * #finished}), no other request starts within {@code delay}, and the answer is 0. Otherwise nothing changes and the answer is
   * how many nanoseconds to wait before asking again.
   */
  public long tryStart(String host, Duration delay) {
    return state(host).tryStart(delay.toNanos());
  }

  /** Nanoseconds until a request to {@code host} may start (its delay since the last start, or a pause), 0 if now. */
  public long waitNanos(String host) {
    return Math.max(0, state(host).notBefore() - System.nanoTime());
  }

  /**
   * A request went to {@code host} outside {@link #tryStart} (robots.txt, which has to be read before the host's delay
   * is known): the next start waits {@code delay} from now.
   */
  public void started(String host, Duration delay) {
    state(host).started(delay.toNanos());
  }

  /** Blocks until a request to {@code host} may start, then holds an in-flight slot. Pair with {@link #finished}. */
  public void acquire(String host, Duration delay) throws InterruptedException {
    for (long wait = tryStart(host, delay); wait > 0; wait = tryStart(host, delay)) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }

  /** The request's response is complete (or failed): frees its in-flight slot; the next start is {@code delay} away. */
  public void finished(String host, Duration delay) {
    state(host).finished(delay.toNanos());
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
    final int perHost;
    private int inFlight;
    private long nextStart = System.nanoTime();

    HostState(int perHost) {
      this.perHost = perHost;
    }

    synchronized long notBefore() {
      return nextStart;
    }

    /** With a delay, one request at a time (the delay runs from its end); without, up to perHost in parallel. */
    synchronized long tryStart(long delayNanos) {
      long now = System.nanoTime();
      if (nextStart - now > 0) {
        return nextStart - now;
      }
      if (inFlight >= perHost || inFlight > 0 && delayNanos > 0) {
        return IN_FLIGHT_RECHECK_NANOS; // a slow response is still coming in: look again shortly
      }
      inFlight++;
      nextStart = now + delayNanos;
      return 0;
    }

    synchronized void finished(long delayNanos) {
      inFlight = Math.max(0, inFlight - 1);
      started(delayNanos);
    }

    synchronized void started(long delayNanos) {
      long next = System.nanoTime() + delayNanos;
      nextStart = next - nextStart > 0 ? next : nextStart;
    }

    synchronized void pushBack(long pauseNanos) {
      started(pauseNanos);
    }
  }
}
