package ipwatch.stream.sellers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import ipwatch.stream.common.StateTtl;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by identifier (this is the stage that scales out: the identifier index is the bulk of the state and of the
 * traffic). Keeps the accounts seen with the identifier and forwards each (account, identifier) pair only the first
 * time, so a seller's thousand listings showing one e-mail cost the cluster stage one record. The hub guard lives
 * here too: the pair that pushes an identifier past {@code maxSellersPerIdentifier} is still forwarded (the cluster
 * stage needs it to mark the hub and undo the links it made), every later one is dropped.
 *
 * <p>State expires {@code ttl} after the identifier was last seen. Forgetting is safe: the cluster stage ignores a
 * pair it already knows and a hub it already marked, so an expired identifier only costs re-forwarding.
 */
public class IdentifierHoldersFunction extends KeyedProcessFunction<String, IdentifierSighting, IdentifierSighting> {
  private static final long serialVersionUID = 1L;
  static final String STATE = "identifier-holders";
  private final int maxSellersPerIdentifier;
  private final ValueStateDescriptor<Holders> descriptor;
  private transient ValueState<Holders> holders;

  public IdentifierHoldersFunction(int maxSellersPerIdentifier, Duration ttl) {
    this.maxSellersPerIdentifier = maxSellersPerIdentifier;
    this.descriptor = new ValueStateDescriptor<>(STATE, Holders.TYPE);
    descriptor.enableTimeToLive(StateTtl.afterAccess(ttl));
  }

  @Override
  public void open(OpenContext openContext) {
    holders = getRuntimeContext().getState(descriptor);
  }

  @Override
  public void processElement(IdentifierSighting s, Context ctx, Collector<IdentifierSighting> out) throws Exception {
    Holders h = holders.value();
    if (h == null) {
      h = new Holders(List.of(), false);
    }
    // reading refreshed the TTL (it runs from the last access), so a live hub stays a hub and a known pair needs no
    // write: writing the same value back cost a serialisation and a put per sighting on RocksDB
    if (h.hub() || h.accounts().contains(s.sellerKey())) {
      return;
    }
    List<String> accounts = new ArrayList<>(h.accounts());
    accounts.add(s.sellerKey());
    boolean hub = s.identifier() != null && accounts.size() > maxSellersPerIdentifier;
    holders.update(hub ? new Holders(List.of(), true) : new Holders(accounts, false));
    out.collect(s);
  }
}
