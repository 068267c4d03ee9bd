package ipwatch.stream.sellers;

import ipwatch.link.seller.Identifier;
import ipwatch.link.seller.SellerLink;
import ipwatch.link.seller.SellerLinker;
import ipwatch.link.seller.SellerSettings;
import ipwatch.stream.serde.JsonTypeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Connected components over the novel (account, identifier) pairs the identifier stage forwards, with linking's own
 * {@link SellerLinker}: the same clusters, the same stable ids ({@code op-} + hash of the smallest account), the same
 * image rule and hub rebuild as the batch, and only the changed {@link SellerLink}s are emitted.
 *
 * <p>Trade-off: every pair meets in ONE key ({@link #ALL}), so this stage runs on one subtask. The alternatives -
 * min-label propagation keyed by account - need a feedback loop (Flink 2 removed DataStream iterations, so a Kafka
 * round trip per hop) and cannot take a link back when an identifier turns out to be a hub without re-flooding the
 * component. This stage only sees each (account, identifier) pair once, after the partitioned identifier stage
 * absorbed the repetition and the hubs, and a union-find step is near O(1); its state is one entry per account,
 * small next to the identifier index. Revisit when accounts, not listings, reach hundreds of millions.
 *
 * <p>The linker is transient and rebuilt from the checkpointed {@link KnownIdentifiers} after a restore: cluster ids
 * depend only on membership, so replaying the accounts in any order yields the ids that were announced. No TTL: an
 * account forgotten while its cluster lives on would split the cluster and re-name it.
 */
public class SellerClusterFunction extends KeyedProcessFunction<String, IdentifierSighting, SellerLink> {
  private static final long serialVersionUID = 1L;
  public static final String ALL = "all";
  public static final TypeInformation<SellerLink> LINK_TYPE = JsonTypeInfo.of(SellerLink.class);
  static final MapStateDescriptor<String, KnownIdentifiers> STATE =
      new MapStateDescriptor<>("account-identifiers", Types.STRING, KnownIdentifiers.TYPE);

  private final SellerSettings settings;
  private transient MapState<String, KnownIdentifiers> known;
  private transient SellerLinker linker;

  public SellerClusterFunction(SellerSettings settings) {
    this.settings = settings;
  }

  /** Every sighting to the one key of this stage. */
  public static KeySelector<IdentifierSighting, String> oneKey() {
    return s -> ALL;
  }

  @Override
  public void open(OpenContext openContext) {
    known = getRuntimeContext().getMapState(STATE);
  }

  @Override
  public void processElement(IdentifierSighting s, Context ctx, Collector<SellerLink> out) throws Exception {
    ensureLinker();
    KnownIdentifiers before = known.get(s.sellerKey());
    List<Identifier> ids = new ArrayList<>(before == null ? List.of() : before.identifiers());
    if (s.identifier() != null && !ids.contains(s.identifier())) {
      ids.add(s.identifier());
    }
    if (before == null || ids.size() != before.identifiers().size()) {
      known.put(s.sellerKey(), new KnownIdentifiers(ids));
    }
    Set<Identifier> observed = s.identifier() == null ? Set.of() : Set.of(s.identifier());
    for (SellerLink link : linker.observe(s.sellerKey(), observed)) {
      out.collect(link);
    }
  }

  private void ensureLinker() throws Exception {
    if (linker != null) {
      return;
    }
    linker = new SellerLinker(settings);
    Map<String, KnownIdentifiers> sorted = new TreeMap<>();
    for (Map.Entry<String, KnownIdentifiers> e : known.entries()) {
      sorted.put(e.getKey(), e.getValue());
    }
    sorted.forEach((account, ids) -> linker.observe(account, new java.util.LinkedHashSet<>(ids.identifiers())));
  }
}
