package ipwatch.crawl;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which frontier offsets are safe to commit while URLs finish out of order (a slow host's URL may finish long after a
 * fast host's in the same partition): per partition, everything below the oldest URL still in flight. A crash
 * replays the URLs after the committed offset, so nothing taken from the frontier is lost, only maybe fetched twice.
 */
final class FrontierOffsets {
  private final Map<TopicPartition, TreeSet<Long>> inFlight = new HashMap<>();
  private final Map<TopicPartition, Long> nextToRead = new HashMap<>();

  synchronized void taken(TopicPartition tp, long offset) {
    inFlight.computeIfAbsent(tp, k -> new TreeSet<>()).add(offset);
    nextToRead.merge(tp, offset + 1, Math::max);
  }

  synchronized void done(TopicPartition tp, long offset) {
    TreeSet<Long> s = inFlight.get(tp);
    if (s != null) {
      s.remove(offset);
    }
  }

  synchronized int inFlight() {
    return inFlight.values().stream().mapToInt(TreeSet::size).sum();
  }

  /** The offsets to commit now: the oldest in-flight offset, or the next to read when nothing is in flight. */
  synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
    Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
    nextToRead.forEach((tp, next) -> {
      TreeSet<Long> s = inFlight.get(tp);
      out.put(tp, new OffsetAndMetadata(s == null || s.isEmpty() ? next : s.first()));
    });
    return out;
  }

  /** The partition went to another instance: whatever is still running for it will not be committed by us. */
  synchronized void forget(TopicPartition tp) {
    inFlight.remove(tp);
    nextToRead.remove(tp);
  }
}
