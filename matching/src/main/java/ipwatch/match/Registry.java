package ipwatch.match;

import ipwatch.match.trademark.MarkIndex;
import ipwatch.model.IpAsset;
import ipwatch.model.Trademark;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registered rights the matchers check listings against, kept current by {@code put} and {@code remove} as the
 * {@code ip-registry} topic delivers new versions and tombstones. Not thread-safe: each Flink subtask owns one.
 */
public final class Registry {
  private final Map<String, IpAsset> assets = new LinkedHashMap<>();
  private final MarkIndex marks = new MarkIndex();

  public static Registry of(Collection<? extends IpAsset> assets) {
    Registry registry = new Registry();
    assets.forEach(registry::put);
    return registry;
  }

  /** Adds the asset or replaces the version with the same id. */
  public void put(IpAsset asset) {
    remove(asset.assetId());
    assets.put(asset.assetId(), asset);
    if (asset instanceof Trademark tm) {
      marks.put(tm);
    }
  }

  public void remove(String assetId) {
    if (assets.remove(assetId) != null) {
      marks.remove(assetId);
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
}
