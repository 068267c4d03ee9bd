package ipwatch.stream.sellers;

import ipwatch.stream.serde.JsonTypeInfo;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** The accounts seen with one identifier, or {@code hub} once there were too many of them (accounts then empty). */
public record Holders(List<String> accounts, boolean hub) {
  public static final TypeInformation<Holders> TYPE = JsonTypeInfo.of(Holders.class);

  public Holders {
    accounts = accounts == null ? List.of() : List.copyOf(accounts);
  }
}
