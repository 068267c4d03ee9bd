package ipwatch.stream.sellers;

import ipwatch.link.seller.Identifier;
import ipwatch.stream.serde.JsonTypeInfo;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Every identifier the cluster stage has seen for one account: the checkpointed truth its linker is rebuilt from. */
public record KnownIdentifiers(List<Identifier> identifiers) {
  public static final TypeInformation<KnownIdentifiers> TYPE = JsonTypeInfo.of(KnownIdentifiers.class);

  public KnownIdentifiers {
    identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
  }
}
