package ipwatch.stream.match;

import com.fasterxml.jackson.annotation.JsonIgnore;
import ipwatch.model.IpAsset;
import ipwatch.stream.serde.JsonTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** One record of the compacted {@code ip-registry} topic: a new version of an asset, or its removal (null asset). */
public record RegistryUpdate(String assetId, IpAsset asset) {
  public static final TypeInformation<RegistryUpdate> TYPE = JsonTypeInfo.of(RegistryUpdate.class);

  public static RegistryUpdate put(IpAsset asset) {
    return new RegistryUpdate(asset.assetId(), asset);
  }

  public static RegistryUpdate tombstone(String assetId) {
    return new RegistryUpdate(assetId, null);
  }

  @JsonIgnore
  public boolean isRemoval() {
    return asset == null;
  }
}
