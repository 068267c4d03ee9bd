package ipwatch.stream.sellers;

import ipwatch.link.seller.Identifier;
import ipwatch.stream.serde.JsonTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * One normalised identifier shown by one seller account, or (null identifier) the account itself, so an account
 * without identifiers still gets its own cluster announced.
 */
public record IdentifierSighting(String sellerKey, Identifier identifier) {
  public static final TypeInformation<IdentifierSighting> TYPE = JsonTypeInfo.of(IdentifierSighting.class);

  /** The partitioning key: the identifier, or the account for a bare sighting. */
  public String partitionKey() {
    return identifier == null ? "account:" + sellerKey : identifier.type() + ":" + identifier.value();
  }
}
