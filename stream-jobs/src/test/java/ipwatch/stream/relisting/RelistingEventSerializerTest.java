package ipwatch.stream.relisting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ipwatch.model.Json;
import ipwatch.model.Listing;
import ipwatch.model.ListingOutcome;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class RelistingEventSerializerTest {
  private static final Listing LISTING = Json.read("""
      {"listingId":"mkt:l-1","marketplace":"mkt","url":"https://mkt.example/l-1","title":"Velmora trail shoe NV4410",
       "description":"ünïcode – 中文","price":{"amount":"19.99","currency":"EUR"},
       "seller":{"sellerId":"mkt:s-1","displayName":"Shop"}}""", Listing.class);
  private static final ListingOutcome TAKEDOWN = new ListingOutcome("mkt:l-1", "c-1", "TAKEN_DOWN", null);

  private static RelistingEvent roundTrip(TypeSerializer<RelistingEvent> s, RelistingEvent e) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    s.serialize(e, out);
    s.serialize(e, out); // two in a row: each must read exactly its own bytes
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    RelistingEvent first = s.deserialize(in);
    assertEquals(first, s.deserialize(in));
    assertEquals(0, in.available());
    return first;
  }

  @Test
  void everyShapeOfEventComesBackEqual() throws Exception {
    RelistingEventSerializer s = RelistingEventSerializer.INSTANCE;
    for (RelistingEvent e : List.of(
        RelistingEvent.probe(LISTING),
        RelistingEvent.probe(LISTING).withoutContent().inBucket("lsh:7:1f2e"),
        RelistingEvent.takenDown(LISTING, TAKEDOWN).inBucket("model:nv4410"),
        RelistingEvent.reinstated(LISTING, new ListingOutcome("mkt:l-1", "c-1", ListingOutcome.REINSTATED, null))
            .withoutContent().inBucket("b"),
        new RelistingEvent(null, null, null, null))) {
      assertEquals(e, roundTrip(s, e));
    }
  }

  @Test
  void aProbesBucketCopyIsAFractionOfItsJson() throws Exception {
    RelistingEvent copy = RelistingEvent.probe(LISTING).withoutContent().inBucket("lsh:7:1f2e");
    DataOutputSerializer compact = new DataOutputSerializer(64);
    RelistingEventSerializer.INSTANCE.serialize(copy, compact);
    DataOutputSerializer json = new DataOutputSerializer(64);
    RelistingEvent.STATE_TYPE.createSerializer(null).serialize(copy, json);
    assertEquals(1 + 1 + "mkt:l-1".length() + 1 + "lsh:7:1f2e".length(), compact.length());
    assertEquals(true, compact.length() * 2 < json.length(), compact.length() + " vs " + json.length());
  }

  @Test
  void theSnapshotRestoresTheSameSerializer() throws Exception {
    TypeSerializerSnapshot<RelistingEvent> snapshot = RelistingEventSerializer.INSTANCE.snapshotConfiguration();
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
    TypeSerializerSnapshot<RelistingEvent> read = TypeSerializerSnapshot.readVersionedSnapshot(
        new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
    assertEquals(RelistingEventSerializer.INSTANCE, read.restoreSerializer());
    assertEquals(true, RelistingEventSerializer.INSTANCE.snapshotConfiguration()
        .resolveSchemaCompatibility(read).isCompatibleAsIs());
  }
}
