package ipwatch.stream.elastic;

import ipwatch.stream.serde.StatelessSerializer;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * {@link SearchDocument}s between the operators that make them and the Elasticsearch sink: the three strings as they
 * are. As JSON, every listing's document (itself JSON, about 1.5 kB) was escaped into a string and parsed back.
 */
public final class SearchDocumentSerializer extends StatelessSerializer<SearchDocument> {
  private static final long serialVersionUID = 1L;
  public static final SearchDocumentSerializer INSTANCE = new SearchDocumentSerializer();

  private SearchDocumentSerializer() {}

  @Override
  public void serialize(SearchDocument d, DataOutputView out) throws IOException {
    StringValue.writeString(d.index(), out);
    StringValue.writeString(d.id(), out);
    StringValue.writeString(d.json(), out);
  }

  @Override
  public SearchDocument deserialize(DataInputView in) throws IOException {
    return new SearchDocument(StringValue.readString(in), StringValue.readString(in), StringValue.readString(in));
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    StringValue.copyString(in, out);
    StringValue.copyString(in, out);
    StringValue.copyString(in, out);
  }

  @Override
  public TypeSerializerSnapshot<SearchDocument> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Stateless: the snapshot only names the serializer. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<SearchDocument> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
