package ipwatch.stream.relisting;

import ipwatch.model.Listing;
import ipwatch.model.ListingOutcome;
import ipwatch.stream.serde.JsonSerializer;
import ipwatch.stream.serde.StatelessSerializer;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The wire form of {@link RelistingEvent} between the join, the bucket router and the buckets: a presence byte, the
 * id and bucket as plain strings, and JSON only for the parts a probe's bucket copies leave out (the listing, the
 * outcome). Each listing becomes about 22 bucket copies; as JSON each copy cost a parser and a generator, more than
 * the bucket's own work. State keeps {@link RelistingEvent#STATE_TYPE} (JSON), so checkpoints read as before.
 */
public final class RelistingEventSerializer extends StatelessSerializer<RelistingEvent> {
  private static final long serialVersionUID = 1L;
  public static final RelistingEventSerializer INSTANCE = new RelistingEventSerializer();
  private static final int ID = 1;
  private static final int BUCKET = 2;
  private static final int LISTING = 4;
  private static final int OUTCOME = 8;
  private static final JsonSerializer<Listing> LISTINGS = new JsonSerializer<>(Listing.class);
  private static final JsonSerializer<ListingOutcome> OUTCOMES = new JsonSerializer<>(ListingOutcome.class);

  private RelistingEventSerializer() {}

  @Override
  public void serialize(RelistingEvent e, DataOutputView out) throws IOException {
    int present = (e.listingId() != null ? ID : 0) | (e.bucket() != null ? BUCKET : 0)
        | (e.listing() != null ? LISTING : 0) | (e.takedown() != null ? OUTCOME : 0);
    out.writeByte(present);
    if (e.listingId() != null) {
      StringValue.writeString(e.listingId(), out);
    }
    if (e.bucket() != null) {
      StringValue.writeString(e.bucket(), out);
    }
    if (e.listing() != null) {
      LISTINGS.serialize(e.listing(), out);
    }
    if (e.takedown() != null) {
      OUTCOMES.serialize(e.takedown(), out);
    }
  }

  @Override
  public RelistingEvent deserialize(DataInputView in) throws IOException {
    int present = in.readByte();
    String id = (present & ID) != 0 ? StringValue.readString(in) : null;
    String bucket = (present & BUCKET) != 0 ? StringValue.readString(in) : null;
    Listing listing = (present & LISTING) != 0 ? LISTINGS.deserialize(in) : null;
    ListingOutcome outcome = (present & OUTCOME) != 0 ? OUTCOMES.deserialize(in) : null;
    return new RelistingEvent(id, listing, outcome, bucket);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
  }

  @Override
  public TypeSerializerSnapshot<RelistingEvent> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Stateless: the snapshot only names the serializer. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<RelistingEvent> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
