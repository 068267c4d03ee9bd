package ipwatch.stream.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class SearchDocumentSerializerTest {
  @Test
  void documentsComeBackEqualAndCopyByteForByte() throws Exception {
    SearchDocumentSerializer s = SearchDocumentSerializer.INSTANCE;
    List<SearchDocument> docs = List.of(
        new SearchDocument("listings", "mkt:l-1", "{\"title\":\"Velmora \\\"trail\\\" shoe – 中文 \\u0000\"}"),
        new SearchDocument("flags", "f-" + "x".repeat(70_000), "{}"),
        new SearchDocument(null, null, null));
    DataOutputSerializer out = new DataOutputSerializer(64);
    for (SearchDocument d : docs) {
      s.serialize(d, out);
    }
    byte[] bytes = out.getCopyOfBuffer();
    DataInputDeserializer in = new DataInputDeserializer(bytes);
    for (SearchDocument d : docs) {
      assertEquals(d, s.deserialize(in));
    }
    assertEquals(0, in.available());

    DataOutputSerializer copied = new DataOutputSerializer(64);
    DataInputDeserializer again = new DataInputDeserializer(bytes);
    for (int i = 0; i < docs.size(); i++) {
      s.copy(again, copied);
    }
    assertEquals(java.util.Arrays.toString(bytes), java.util.Arrays.toString(copied.getCopyOfBuffer()));
  }
}
