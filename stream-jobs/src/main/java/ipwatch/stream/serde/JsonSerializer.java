package ipwatch.stream.serde;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import ipwatch.model.Json;
import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Serialises our contract records with the project's JSON codec, in network buffers and in state. Kryo, Flink's
 * fallback for such types, cannot rebuild the immutable lists our records hold; JSON also keeps state readable and
 * lets the records evolve the way the topics do (unknown fields ignored, missing ones null). The records are
 * immutable, so copies are the records themselves.
 */
public final class JsonSerializer<T> extends ImmutableSerializer<T> {
  private static final long serialVersionUID = 1L;
  private final Class<T> type;
  private transient ObjectReader reader;
  private transient ObjectWriter writer;

  public JsonSerializer(Class<T> type) {
    this.type = Objects.requireNonNull(type);
  }

  Class<T> type() {
    return type;
  }

  @Override
  public TypeSerializer<T> duplicate() {
    return this;
  }

  @Override
  public void serialize(T record, DataOutputView target) throws IOException {
    byte[] bytes = writer().writeValueAsBytes(record);
    target.writeInt(bytes.length);
    target.write(bytes);
  }

  @Override
  public T deserialize(DataInputView source) throws IOException {
    byte[] bytes = new byte[source.readInt()];
    source.readFully(bytes);
    return reader().readValue(bytes);
  }

  // bound to the type once: every record of every shuffle and state access passes here, and a bare readValue looks
  // the type's deserializer up again each time. Immutable and thread-safe, so a race that builds two is harmless.
  private ObjectReader reader() {
    ObjectReader r = reader;
    if (r == null) {
      r = Json.mapper().readerFor(type);
      reader = r;
    }
    return r;
  }

  private ObjectWriter writer() {
    ObjectWriter w = writer;
    if (w == null) {
      w = Json.mapper().writerFor(type);
      writer = w;
    }
    return w;
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    int length = source.readInt();
    target.writeInt(length);
    target.write(source, length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonSerializer<?> other && other.type.equals(type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new Snapshot<>(type);
  }

  /** Records the class name; any later version of the class reads old state, since JSON tolerates changes. */
  public static final class Snapshot<T> implements TypeSerializerSnapshot<T> {
    private Class<T> type;

    /** For Flink, which instantiates snapshots reflectively before {@link #readSnapshot}. */
    public Snapshot() {}

    Snapshot(Class<T> type) {
      this.type = type;
    }

    @Override
    public int getCurrentVersion() {
      return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      out.writeUTF(type.getName());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readSnapshot(int version, DataInputView in, ClassLoader classLoader) throws IOException {
      String name = in.readUTF();
      try {
        type = (Class<T>) Class.forName(name, false, classLoader);
      } catch (ClassNotFoundException e) {
        throw new IOException("state holds JSON records of class " + name + ", which is not on the class path", e);
      }
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
      return new JsonSerializer<>(type);
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> old) {
      return old instanceof Snapshot<T> s && s.type.getName().equals(type.getName())
          ? TypeSerializerSchemaCompatibility.compatibleAsIs()
          : TypeSerializerSchemaCompatibility.incompatible();
    }
  }
}
