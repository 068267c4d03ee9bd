package ipwatch.stream.relisting;

import ipwatch.model.Listing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import ipwatch.stream.common.StateTtl;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by LSH band / model-number bucket: the partitioned candidate index. Holds the taken-down listings of the
 * bucket ({@code takedownTtl}) and, for {@code reorderWindow}, the recent probes: the outcome topic and the crawler
 * are independent, so a relisting may be read before the takedown it repeats; keeping recent probes lets a takedown
 * that arrives late still meet it. The window is short because every probe is held once per bucket (about 22 copies).
 *
 * <p>As in linking's index, a bucket holding more than {@code maxBucketSize} taken-down listings is a common-word
 * bucket and proposes nothing. A reinstatement removes the listing from the bucket's taken-down ones.
 */
public class BucketFunction extends KeyedProcessFunction<String, RelistingEvent, CandidatePair> {
  private static final long serialVersionUID = 1L;
  static final String TAKEN_DOWN_STATE = "bucket-taken-down";
  static final String RECENT_STATE = "bucket-recent";
  private final int maxBucketSize;
  private final MapStateDescriptor<String, RelistingEvent> takenDownDescriptor;
  private final MapStateDescriptor<String, Listing> recentDescriptor;
  private transient MapState<String, RelistingEvent> takenDown;
  private transient MapState<String, Listing> recent;

  public BucketFunction(int maxBucketSize, Duration takedownTtl, Duration reorderWindow) {
    this.maxBucketSize = maxBucketSize;
    takenDownDescriptor = new MapStateDescriptor<>(TAKEN_DOWN_STATE, Types.STRING, RelistingEvent.TYPE);
    takenDownDescriptor.enableTimeToLive(ttl(takedownTtl));
    recentDescriptor = new MapStateDescriptor<>(RECENT_STATE, Types.STRING, RelistingTypes.LISTING);
    recentDescriptor.enableTimeToLive(ttl(reorderWindow));
  }

  private static StateTtlConfig ttl(Duration d) {
    return StateTtl.afterWrite(d);
  }

  @Override
  public void open(OpenContext openContext) {
    takenDown = getRuntimeContext().getMapState(takenDownDescriptor);
    recent = getRuntimeContext().getMapState(recentDescriptor);
  }

  @Override
  public void processElement(RelistingEvent e, Context ctx, Collector<CandidatePair> out) throws Exception {
    String id = e.listing().listingId();
    if (e.isReinstatement()) {
      // the removal was undone: the listing is lawful again as far as we know, so it proposes no relistings
      takenDown.remove(id);
      return;
    }
    if (e.isTakedown()) {
      takenDown.put(id, e.inBucket(null));
      boolean any = false;
      for (Map.Entry<String, Listing> r : recent.entries()) {
        any = true;
        if (!r.getKey().equals(id)) {
          out.collect(new CandidatePair(e.listing(), e.takedown(), r.getValue()));
        }
      }
      if (!any) {
        recent.clear(); // TTL expires the entries, not the bucket's emptied map: drop that too
      }
      return;
    }
    recent.put(id, e.listing());
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
      if (!t.listing().listingId().equals(id)) {
        out.collect(new CandidatePair(t.listing(), t.takedown(), e.listing()));
      }
    }
  }
}
