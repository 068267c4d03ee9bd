package ipwatch.stream.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.match.ListingMatcher;
import ipwatch.match.MatchSettings;
import ipwatch.match.Registry;
import ipwatch.model.Flag;
import ipwatch.stream.match.FlagType;
import ipwatch.stream.match.RegistryUpdate;
import ipwatch.stream.match.TestData;
import java.time.Instant;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class JsonSerializerTest {

  private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(value, out);
    return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }

  @Test
  void aFlagSurvivesTheNetworkAndState() throws Exception {
    Registry registry = Registry.of(TestData.demoRegistry());
    Flag flag =
        new ListingMatcher(registry, MatchSettings.defaults())
            .match(TestData.counterfeit("l-1"), Instant.parse("2026-11-21T10:00:00Z"))
            .get(0);
    assertEquals(flag, roundTrip(FlagType.TYPE.createSerializer(new SerializerConfigImpl()), flag));
  }

  @Test
  void registryUpdatesKeepTheirAssetTypeAndTombstones() throws Exception {
    TypeSerializer<RegistryUpdate> s = RegistryUpdate.TYPE.createSerializer(new SerializerConfigImpl());
    RegistryUpdate put = RegistryUpdate.put(TestData.asset("tm-lumora"));
    assertEquals(put, roundTrip(s, put));
    assertTrue(roundTrip(s, RegistryUpdate.tombstone("tm-x")).isRemoval());
  }

  @Test
  void theSerializerSnapshotRestoresACompatibleSerializer() throws Exception {
    TypeSerializer<RegistryUpdate> s = new JsonSerializer<>(RegistryUpdate.class);
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, s.snapshotConfiguration());
    TypeSerializerSnapshot<RegistryUpdate> restored =
        TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
    assertEquals(s, restored.restoreSerializer());
    assertTrue(s.snapshotConfiguration().resolveSchemaCompatibility(restored).isCompatibleAsIs());
  }
}
