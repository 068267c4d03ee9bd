package ipwatch.stream.serde;

import org.apache.flink.api.common.typeutils.TypeSerializer;

/** An {@link ImmutableSerializer} without configuration: one instance serves every thread, equal to any other. */
public abstract class StatelessSerializer<T> extends ImmutableSerializer<T> {
  private static final long serialVersionUID = 1L;

  @Override
  public final TypeSerializer<T> duplicate() {
    return this;
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass();
  }

  @Override
  public final int hashCode() {
    return getClass().hashCode();
  }
}
