package ipwatch.casework.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads an id-ordered log whose ids are handed out before their transactions commit: id 12 may become visible after
 * 13 has been read (or never, if its transaction rolls back). So the cursor keeps the ids it skipped over as gaps and
 * asks for them again until they appear or {@code gapTimeout} passes; every id is reported once.
 *
 * <p>The trade-off: a transaction that stays open longer than {@code gapTimeout} between taking an id and committing
 * loses its event on this stream (a client still gets it by reconnecting with Last-Event-ID).
 */
public final class EventCursor {
  private static final int MAX_GAP_SPAN = 10_000;
  private final Duration gapTimeout;
  private final Map<Long, Instant> gaps = new TreeMap<>();
  private long highest;

  public EventCursor(long start, Duration gapTimeout) {
    this.highest = start;
    this.gapTimeout = gapTimeout;
  }

  /** The next read asks for ids above this one ... */
  public synchronized long highest() {
    return highest;
  }

  /** ... and for these missing ones below it. */
  public synchronized Long[] gaps() {
    return gaps.keySet().toArray(Long[]::new);
  }

  /** Takes the ids a read returned (any order) and answers those not reported before, ascending. */
  public synchronized List<Long> advance(Collection<Long> ids, Instant now) {
    List<Long> fresh = new ArrayList<>();
    for (long id : ids.stream().sorted().toList()) {
      if (id > highest) {
        // a huge jump (a restored database, a sequence reset) is not worth remembering id by id
        if (id - highest <= MAX_GAP_SPAN) {
          for (long g = highest + 1; g < id; g++) {
            gaps.put(g, now);
          }
        }
        highest = id;
        fresh.add(id);
      } else if (gaps.remove(id) != null) {
        fresh.add(id);
      }
    }
    gaps.values().removeIf(seen -> seen.plus(gapTimeout).isBefore(now));
    return fresh;
  }
}
