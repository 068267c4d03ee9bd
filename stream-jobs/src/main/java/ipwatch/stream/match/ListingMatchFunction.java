package ipwatch.stream.match;

import ipwatch.match.ListingMatcher;
import ipwatch.match.MatchSettings;
import ipwatch.match.Records;
import ipwatch.match.Registry;
import ipwatch.model.BadRecordException;
import ipwatch.model.Flag;
import ipwatch.model.Hashes;
import ipwatch.model.Json;
import ipwatch.model.Listing;
import ipwatch.stream.common.StateTtl;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Matches listings (keyed by listingId) against the registry (broadcast to every subtask).
 *
 * <ul>
 *   <li>A listing that cannot be read goes to the {@link #DEAD_LETTERS} side output with the cause; the job goes on.
 *   <li>A listing seen again with the same matchable content sends no flag twice: the flags sent for that content
 *       are kept per listing. Changed content is matched afresh and its flags are sent again with new evidence.
 *   <li>A registry change is checked against the listings already remembered, so a mark registered after a listing
 *       was crawled still flags it, and a listing that arrives while the registry is still loading is not missed.
 *       The cost is one pass over this subtask's keyed state per registry change: cheap while marks change a few
 *       times a day, to be revisited if the registry ever changes every second.
 *   <li>Per-listing state expires {@code state.listingTtl} after the listing was last seen (processing time), so
 *       listings that vanish from the marketplaces do not keep state forever.
 * </ul>
 *
 * <p>The registry lives in broadcast state as asset JSON (the checkpointed truth) and in a transient {@link Registry}
 * index per subtask, rebuilt from the broadcast state after a restore.
 */
public class ListingMatchFunction extends KeyedBroadcastProcessFunction<String, String, RegistryUpdate, Flag> {
  private static final long serialVersionUID = 1L;

  public static final MapStateDescriptor<String, String> REGISTRY_STATE =
      new MapStateDescriptor<>("ip-registry", Types.STRING, Types.STRING);
  public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("listings-dlq", DeadLetter.TYPE);

  private final MatchSettings settings;
  private final ValueStateDescriptor<SeenListing> seenDescriptor;
  private transient ValueState<SeenListing> seen;
  private transient Registry registry;
  private transient ListingMatcher matcher;

  public ListingMatchFunction(MatchSettings settings, Duration listingTtl) {
    this.settings = settings;
    this.seenDescriptor = seenDescriptor(listingTtl);
  }

  /** The per-listing state, with its time-to-live: refreshed whenever the listing is seen again. */
  static ValueStateDescriptor<SeenListing> seenDescriptor(Duration ttl) {
    ValueStateDescriptor<SeenListing> d = new ValueStateDescriptor<>("seen-listing", SeenListing.TYPE);
    d.enableTimeToLive(StateTtl.afterAccess(ttl));
    return d;
  }

  @Override
  public void open(OpenContext openContext) {
    seen = getRuntimeContext().getState(seenDescriptor);
  }

  @Override
  public void processElement(String raw, ReadOnlyContext ctx, Collector<Flag> out) throws Exception {
    Listing listing;
    try {
      listing = Records.listing(raw);
    } catch (BadRecordException e) {
      String key = ctx.getCurrentKey();
      ctx.output(DEAD_LETTERS, new DeadLetter(key == null || key.isEmpty() ? null : key, raw, e.getMessage()));
      return;
    }
    ensureRegistry(ctx.getBroadcastState(REGISTRY_STATE));
    String hash = contentHash(listing);
    SeenListing before = seen.value();
    SeenListing now =
        before != null && before.contentHash().equals(hash)
            ? new SeenListing(hash, listing, before.flagIds())
            : new SeenListing(hash, listing, List.of());
    seen.update(emitNew(now, matcher.match(listing, timeOf(ctx)), out));
  }

  @Override
  public void processBroadcastElement(RegistryUpdate update, Context ctx, Collector<Flag> out) throws Exception {
    var state = ctx.getBroadcastState(REGISTRY_STATE);
    ensureRegistry(state);
    if (update.isRemoval()) {
      state.remove(update.assetId());
      registry.remove(update.assetId());
      return;
    }
    state.put(update.assetId(), Json.write(update.asset()));
    registry.put(update.asset());
    ListingMatcher onlyThisAsset = new ListingMatcher(Registry.of(List.of(update.asset())), settings);
    Instant at = timeOf(ctx);
    ctx.applyToKeyedState(
        seenDescriptor,
        (key, listingState) -> {
          SeenListing s = listingState.value();
          if (s != null) {
            SeenListing after = emitNew(s, onlyThisAsset.match(s.listing(), at), out);
            if (after != s) {
              listingState.update(after);
            }
          }
        });
  }

  private static SeenListing emitNew(SeenListing seen, List<Flag> flags, Collector<Flag> out) {
    List<String> sent = new ArrayList<>();
    for (Flag flag : flags) {
      if (!seen.flagIds().contains(flag.flagId())) {
        out.collect(flag);
        sent.add(flag.flagId());
      }
    }
    return sent.isEmpty() ? seen : seen.withFlags(sent);
  }

  private void ensureRegistry(ReadOnlyBroadcastState<String, String> state) throws Exception {
    if (registry != null) {
      return;
    }
    registry = new Registry();
    for (Map.Entry<String, String> e : state.immutableEntries()) {
      registry.put(Records.asset(e.getValue()));
    }
    matcher = new ListingMatcher(registry, settings);
  }

  /**
   * The hash of what matching reads. Crawl time and the page snapshot are left out: a recrawl that only changed
   * those must not send the same flags again.
   */
  static String contentHash(Listing l) {
    Listing matchable =
        new Listing(
            l.listingId(), l.marketplace(), l.url(), l.title(), l.description(), l.brand(), l.category(), l.price(),
            l.seller(), l.images(), l.gtin(), l.sku(), l.mpn(), null, null);
    return Hashes.sha256Hex(Json.write(matchable).getBytes(StandardCharsets.UTF_8));
  }

  private static Instant timeOf(ReadOnlyContext ctx) {
    return Instant.ofEpochMilli(ctx.currentProcessingTime());
  }

  private static Instant timeOf(Context ctx) {
    return Instant.ofEpochMilli(ctx.currentProcessingTime());
  }
}
