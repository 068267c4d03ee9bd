package ipwatch.stream.relisting;

import ipwatch.stream.common.StateTtl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by LSH band / model-number bucket: the partitioned candidate index. Holds the taken-down listings of the
 * bucket ({@code takedownTtl}) and, for {@code reorderWindow}, the ids of the recent probes: the outcome topic and the
 * crawler are independent, so a relisting may be read before the takedown it repeats; keeping recent probes lets a
 * takedown that arrives late still meet it. Probes are held by id only (every probe is in about 22 buckets); their
 * content is attached downstream by {@link ProbeContentFunction}.
 *
 * <p>As in linking's index, a bucket holding more than {@code maxBucketSize} taken-down listings is a common-word
 * bucket and proposes nothing. A reinstatement removes the listing from the bucket's taken-down ones.
 *
 * <p>Each bucket also remembers when it last took a taken-down listing in, expiring with it, so a probe in a bucket
 * without takedowns (almost all of them) costs one point read. A checkpoint written before that marker existed
 * restores its taken-down listings unseen by probes until their bucket's next takedown.
 */
public class BucketFunction extends KeyedProcessFunction<String, RelistingEvent, ProbeCandidate> {
  private static final long serialVersionUID = 1L;
  static final String TAKEN_DOWN_STATE = "bucket-taken-down";
  /** Probe id to the processing time it was seen. (Named apart from the earlier "bucket-recent", which held whole
   * listings: restoring a checkpoint of that layout leaves its entries unread until their TTL drops them.) */
  static final String RECENT_STATE = "bucket-recent-probes";
  /** When the bucket last took a taken-down listing in (it expires with the last of them). */
  static final String LAST_TAKEDOWN_STATE = "bucket-last-takedown";
  private final int maxBucketSize;
  private final MapStateDescriptor<String, RelistingEvent> takenDownDescriptor;
  private final MapStateDescriptor<String, Long> recentDescriptor;
  private final ValueStateDescriptor<Long> lastTakedownDescriptor;
  private transient MapState<String, RelistingEvent> takenDown;
  private transient MapState<String, Long> recent;
  private transient ValueState<Long> lastTakedown;

  public BucketFunction(int maxBucketSize, Duration takedownTtl, Duration reorderWindow) {
    this.maxBucketSize = maxBucketSize;
    takenDownDescriptor = new MapStateDescriptor<>(TAKEN_DOWN_STATE, Types.STRING, RelistingEvent.STATE_TYPE);
    takenDownDescriptor.enableTimeToLive(ttl(takedownTtl));
    recentDescriptor = new MapStateDescriptor<>(RECENT_STATE, Types.STRING, Types.LONG);
    recentDescriptor.enableTimeToLive(ttl(reorderWindow));
    lastTakedownDescriptor = new ValueStateDescriptor<>(LAST_TAKEDOWN_STATE, Types.LONG);
    lastTakedownDescriptor.enableTimeToLive(ttl(takedownTtl));
  }

  private static StateTtlConfig ttl(Duration d) {
    return StateTtl.afterWrite(d);
  }

  @Override
  public void open(OpenContext openContext) {
    takenDown = getRuntimeContext().getMapState(takenDownDescriptor);
    recent = getRuntimeContext().getMapState(recentDescriptor);
    lastTakedown = getRuntimeContext().getState(lastTakedownDescriptor);
  }

  @Override
  public void processElement(RelistingEvent e, Context ctx, Collector<ProbeCandidate> out) throws Exception {
    String id = e.listingId();
    if (e.isReinstatement()) {
      // the removal was undone: the listing is lawful again as far as we know, so it proposes no relistings
      takenDown.remove(id);
      return;
    }
    if (e.isTakedown()) {
      takenDown.put(id, e.inBucket(null));
      lastTakedown.update(ctx.timerService().currentProcessingTime());
      boolean any = false;
      for (String probeId : recent.keys()) {
        any = true;
        if (!probeId.equals(id)) {
          out.collect(new ProbeCandidate(e.listing(), e.takedown(), probeId));
        }
      }
      if (!any) {
        recent.clear(); // TTL expires the entries, not the bucket's emptied map: drop that too
      }
      return;
    }
    recent.put(id, ctx.timerService().currentProcessingTime());
    if (lastTakedown.value() == null) {
      // nearly every bucket of nearly every probe: no takedown within takedownTtl. One point read instead of
      // iterating (and clearing) an empty map, which cost two RocksDB iterators per bucket, 44 per listing
      return;
    }
    List<RelistingEvent> earlier = new ArrayList<>();
    for (RelistingEvent t : takenDown.values()) {
      earlier.add(t);
      if (earlier.size() > maxBucketSize) {
        return;
      }
    }
    if (earlier.isEmpty()) {
      takenDown.clear();
    }
    for (RelistingEvent t : earlier) {
      if (!t.listingId().equals(id)) {
        out.collect(new ProbeCandidate(t.listing(), t.takedown(), id));
      }
    }
  }
}
