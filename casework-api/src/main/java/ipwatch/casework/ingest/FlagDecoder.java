package ipwatch.casework.ingest;

import ipwatch.model.BadRecordException;
import ipwatch.model.Flag;
import ipwatch.model.Json;

/**
 * A raw {@code infringements} record to a {@link Flag} with everything ingestion relies on present and in range;
 * anything else is a {@link BadRecordException} whose message becomes the dead letter's cause.
 */
final class FlagDecoder {
  private static final int MAX_ID_LENGTH = 512;

  private FlagDecoder() {}

  static Flag decode(byte[] raw) {
    if (raw == null || raw.length == 0) {
      throw new BadRecordException("empty record where a Flag was expected");
    }
    String text = Utf8Records.text(raw);
    Flag f = Json.read(text, Flag.class);
    required(f.listingId(), "listingId");
    required(f.assetId(), "assetId");
    required(f.owner(), "owner");
    if (f.kind() == null) {
      throw new BadRecordException("Flag " + f.flagId() + " has no kind");
    }
    if (f.detectedAt() == null) {
      throw new BadRecordException("Flag " + f.flagId() + " has no detectedAt");
    }
    if (!(f.score() >= 0 && f.score() <= 1)) {
      throw new BadRecordException("Flag " + f.flagId() + " has score " + f.score() + " outside 0..1");
    }
    if (f.listing() == null) {
      throw new BadRecordException("Flag " + f.flagId() + " has no listing (marketplace, url, title)");
    }
    required(f.listing().marketplace(), "listing.marketplace");
    return f;
  }

  private static void required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new BadRecordException("Flag has no " + field);
    }
    if (value.length() > MAX_ID_LENGTH) {
      throw new BadRecordException("Flag " + field + " is longer than " + MAX_ID_LENGTH + " characters");
    }
  }
}
