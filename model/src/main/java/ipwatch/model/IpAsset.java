package ipwatch.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * A registered right (topic {@code ip-registry}, compacted, key {@code assetId}; a tombstone removes it). The JSON
 * field {@code type} says which kind it is.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Trademark.class, name = "TRADEMARK"),
  @JsonSubTypes.Type(value = Patent.class, name = "PATENT")
})
public sealed interface IpAsset permits Trademark, Patent {
  String assetId();

  /** The rights holder's organisation id. */
  String owner();

  List<String> jurisdictions();

  @JsonIgnore
  AssetType assetType();
}
