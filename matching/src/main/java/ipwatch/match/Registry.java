package ipwatch.match;

import ipwatch.match.patent.PatentIndex;
import ipwatch.match.patent.PatentVocabulary;
import ipwatch.match.text.Normalizer;
import ipwatch.match.trademark.LookalikeIndex;
import ipwatch.match.trademark.MarkIndex;
import ipwatch.model.IpAsset;
import ipwatch.model.Patent;
import ipwatch.model.Trademark;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registered rights the matchers check listings against, kept current by {@code put} and {@code remove} as the
 * {@code ip-registry} topic delivers new versions and tombstones. Not thread-safe: each Flink subtask owns one.
 */
public final class Registry {
  private final Map<String, IpAsset> assets = new LinkedHashMap<>();
  private final MarkIndex marks = new MarkIndex();
  private final LookalikeIndex lookalikes = new LookalikeIndex();
  private final PatentIndex patents = new PatentIndex(PatentVocabulary.bundled());
  /**
   * One instance per distinct list of classes or jurisdictions: a million marks share a handful of such lists
   * ("9", "US, EU"), and a copy per record was 48 bytes a mark for nothing.
   */
  private final Map<List<?>, List<?>> sharedLists = new HashMap<>();

  public static Registry of(Collection<? extends IpAsset> assets) {
    Registry registry = new Registry();
    assets.forEach(registry::put);
    return registry;
  }

  /** Adds the asset or replaces the version with the same id. */
  public void put(IpAsset asset) {
    remove(asset.assetId());
    if (asset instanceof Trademark original) {
      Trademark tm = compact(original);
      assets.put(tm.assetId(), tm);
      String normalized = Normalizer.normalize(tm.mark());
      marks.put(tm, normalized);
      lookalikes.put(tm, normalized);
      return;
    }
    assets.put(asset.assetId(), asset);
    if (asset instanceof Patent p) {
      patents.put(p);
    }
  }

  /** The same record with its class and jurisdiction lists shared with the other marks that have the same ones. */
  private Trademark compact(Trademark tm) {
    return new Trademark(tm.assetId(), tm.owner(), tm.mark(), shared(tm.niceClasses()), shared(tm.jurisdictions()),
        tm.authorizedSellers(), tm.referencePrices());
  }

  @SuppressWarnings("unchecked")
  private <T> List<T> shared(List<T> list) {
    if (list.isEmpty()) {
      return List.of();
    }
    return (List<T>) sharedLists.computeIfAbsent(list, l -> l);
  }

  public void remove(String assetId) {
    if (assets.remove(assetId) != null) {
      marks.remove(assetId);
      lookalikes.remove(assetId);
      patents.remove(assetId);
    }
  }

  public Optional<IpAsset> get(String assetId) {
    return Optional.ofNullable(assets.get(assetId));
  }

  public Collection<IpAsset> assets() {
    return Collections.unmodifiableCollection(assets.values());
  }

  public int size() {
    return assets.size();
  }

  public boolean isEmpty() {
    return assets.isEmpty();
  }

  public MarkIndex marks() {
    return marks;
  }

  public boolean hasPatents() {
    return !patents.isEmpty();
  }

  public Collection<Patent> patents() {
    return patents.entries().stream().map(PatentIndex.Entry::patent).toList();
  }

  /** The patents with their claims parsed for charting, and the term index that picks candidates per listing. */
  public PatentIndex patentIndex() {
    return patents;
  }

  public LookalikeIndex lookalikes() {
    return lookalikes;
  }
}
