package ipwatch.stream.match;

import ipwatch.stream.serde.JsonTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * A record the job could not use, kept as it arrived with the reason ({@code listings-dlq}; the cause travels in the
 * {@code ipwatch-error} header so the value stays byte-for-byte the original and can be replayed after a fix).
 */
public record DeadLetter(String key, String value, String cause) {
  public static final TypeInformation<DeadLetter> TYPE = JsonTypeInfo.of(DeadLetter.class);
}
