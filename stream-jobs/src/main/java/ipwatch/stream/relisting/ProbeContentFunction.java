package ipwatch.stream.relisting;

import ipwatch.model.Listing;
import ipwatch.stream.common.StateTtl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by the probe's listing id: holds each probe's content once, for {@code reorderWindow}, and attaches it to the
 * buckets' proposals ({@link ProbeCandidate}) to make the pairs the scorer reads. The buckets hold probes by id only,
 * so a listing costs one copy of its content here instead of one per bucket.
 *
 * <p>The content and the proposals reach this operator by different paths (the content straight from the takedown
 * join, the proposals through the buckets), so a proposal may come first, for instance after a restore. It then
 * waits, also at most {@code reorderWindow}, for its content.
 */
public class ProbeContentFunction extends KeyedCoProcessFunction<String, Listing, ProbeCandidate, CandidatePair> {
  private static final long serialVersionUID = 1L;
  static final String CONTENT_STATE = "probe-content";
  static final String WAITING_STATE = "probe-proposals-waiting";
  private final ValueStateDescriptor<Listing> contentDescriptor;
  private final MapStateDescriptor<String, ProbeCandidate> waitingDescriptor;
  private transient ValueState<Listing> content;
  private transient MapState<String, ProbeCandidate> waiting;

  public ProbeContentFunction(Duration reorderWindow) {
    contentDescriptor = new ValueStateDescriptor<>(CONTENT_STATE, RelistingTypes.LISTING);
    contentDescriptor.enableTimeToLive(StateTtl.afterWrite(reorderWindow));
    waitingDescriptor = new MapStateDescriptor<>(WAITING_STATE, Types.STRING, ProbeCandidate.TYPE);
    waitingDescriptor.enableTimeToLive(StateTtl.afterWrite(reorderWindow));
  }

  @Override
  public void open(OpenContext openContext) {
    content = getRuntimeContext().getState(contentDescriptor);
    waiting = getRuntimeContext().getMapState(waitingDescriptor);
  }

  /** A probe's content (new, or its text changed): kept, and given to the proposals that waited for it. */
  @Override
  public void processElement1(Listing probe, Context ctx, Collector<CandidatePair> out) throws Exception {
    content.update(probe);
    List<ProbeCandidate> ready = new ArrayList<>();
    for (ProbeCandidate c : waiting.values()) {
      ready.add(c);
    }
    if (!ready.isEmpty()) {
      waiting.clear();
      ready.forEach(c -> out.collect(c.with(probe)));
    }
  }

  @Override
  public void processElement2(ProbeCandidate proposal, Context ctx, Collector<CandidatePair> out) throws Exception {
    Listing probe = content.value();
    if (probe != null) {
      out.collect(proposal.with(probe));
    } else {
      waiting.put(proposal.earlier().listingId(), proposal);
    }
  }
}
