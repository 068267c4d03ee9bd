package ipwatch.stream.serde;

import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Flink type information for a contract record carried as JSON; see {@link JsonSerializer} for why. */
public final class JsonTypeInfo {
  private JsonTypeInfo() {}

  public static <T> TypeInformation<T> of(Class<T> type) {
    return SerializerTypeInfo.of(type, new JsonSerializer<>(type));
  }
}
