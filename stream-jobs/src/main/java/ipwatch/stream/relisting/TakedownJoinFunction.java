package ipwatch.stream.relisting;

import ipwatch.model.BadRecordException;
import ipwatch.model.Json;
import ipwatch.model.Listing;
import ipwatch.model.ListingOutcome;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import ipwatch.stream.common.StateTtl;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by listingId: joins the outcome topic with the listing content (casework's outcome carries no content).
 * The latest listing is kept for {@code listingTtl} after it was last seen; a takedown for {@code takedownTtl}.
 * Emits a takedown event once both sides are known (whichever came first), and a probe for every new or changed
 * listing that was not itself taken down (a recrawl of the removed page is not a relisting). A REINSTATED outcome
 * (the removal was undone after a counter-notice or complaint) drops the takedown and sends the listing once more as
 * a reinstatement, so the buckets forget it; for that the content of a taken-down listing is kept as long as its
 * takedown ({@code takedownTtl}), not only {@code listingTtl}. Unreadable listings are skipped: the match job
 * dead-letters them.
 */
public class TakedownJoinFunction extends KeyedCoProcessFunction<String, String, ListingOutcome, RelistingEvent> {
  private static final long serialVersionUID = 1L;
  static final String LISTING_STATE = "relisting-listing";
  static final String TAKEDOWN_STATE = "relisting-takedown";
  static final String TAKEN_DOWN_LISTING_STATE = "relisting-taken-down-listing";
  private final ValueStateDescriptor<Listing> listingDescriptor;
  private final ValueStateDescriptor<ListingOutcome> takedownDescriptor;
  private final ValueStateDescriptor<Listing> takenDownListingDescriptor;
  private transient ValueState<Listing> listing;
  private transient ValueState<ListingOutcome> takedown;
  private transient ValueState<Listing> takenDownListing;

  public TakedownJoinFunction(Duration listingTtl, Duration takedownTtl) {
    listingDescriptor = withTtl(new ValueStateDescriptor<>(LISTING_STATE, RelistingTypes.LISTING), listingTtl);
    takedownDescriptor = withTtl(new ValueStateDescriptor<>(TAKEDOWN_STATE, RelistingTypes.OUTCOME), takedownTtl);
    takenDownListingDescriptor = withTtl(
        new ValueStateDescriptor<>(TAKEN_DOWN_LISTING_STATE, RelistingTypes.LISTING), takedownTtl);
  }

  static <T> ValueStateDescriptor<T> withTtl(ValueStateDescriptor<T> d, Duration ttl) {
    d.enableTimeToLive(StateTtl.afterWrite(ttl));
    return d;
  }

  @Override
  public void open(OpenContext openContext) {
    listing = getRuntimeContext().getState(listingDescriptor);
    takedown = getRuntimeContext().getState(takedownDescriptor);
    takenDownListing = getRuntimeContext().getState(takenDownListingDescriptor);
  }

  @Override
  public void processElement1(String raw, Context ctx, Collector<RelistingEvent> out) throws Exception {
    Listing l;
    try {
      l = Json.read(raw, Listing.class);
    } catch (BadRecordException e) {
      return;
    }
    if (l.listingId() == null) {
      return;
    }
    Listing before = listing.value();
    listing.update(l);
    ListingOutcome t = takedown.value();
    if (t != null) {
      if (before == null) {
        takenDownListing.update(l);
        out.collect(RelistingEvent.takenDown(l, t));
      }
    } else if (before == null || !sameText(before, l)) {
      out.collect(RelistingEvent.probe(l));
    }
  }

  @Override
  public void processElement2(ListingOutcome o, Context ctx, Collector<RelistingEvent> out) throws Exception {
    if (o.isReinstatement()) {
      Listing removed = takenDownListing.value();
      takedown.clear();
      takenDownListing.clear();
      if (removed != null) {
        out.collect(RelistingEvent.reinstated(removed, o));
      }
      return;
    }
    if (!o.isTakedown()) {
      return;
    }
    takedown.update(o);
    Listing l = listing.value();
    if (l != null) {
      takenDownListing.update(l);
      out.collect(RelistingEvent.takenDown(l, o));
    }
  }

  private static boolean sameText(Listing a, Listing b) {
    return Objects.equals(a.title(), b.title()) && Objects.equals(a.description(), b.description())
        && Objects.equals(a.brand(), b.brand()) && Objects.equals(a.mpn(), b.mpn())
        && Objects.equals(a.images(), b.images()) && Objects.equals(a.seller(), b.seller());
  }
}
