package ipwatch.stream.match;

import ipwatch.model.Flag;
import ipwatch.stream.serde.JsonTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Flink type information for {@link Flag}, which lives in {@code model} and must not know Flink. */
public final class FlagType {
  private FlagType() {}

  public static final TypeInformation<Flag> TYPE = JsonTypeInfo.of(Flag.class);
}
