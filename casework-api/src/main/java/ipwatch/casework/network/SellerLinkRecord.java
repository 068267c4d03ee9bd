package ipwatch.casework.network;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ipwatch.casework.ingest.Utf8Records;
import ipwatch.model.BadRecordException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One record of {@code seller-links} (linking's SellerLink JSON, read here without depending on module linking): the
 * account {@code sellerId} ({@code marketplace:sellerId}, also the record key), its operator network
 * {@code clusterId}, and the identifiers linking it to other accounts (masked value and hash only).
 */
public record SellerLinkRecord(String sellerId, String clusterId, List<Evidence> evidence) {
  static final int MAX_ID_LENGTH = 512;
  private static final int MAX_EVIDENCE = 100;
  private static final Pattern CLUSTER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final Pattern TYPE = Pattern.compile("[A-Z_]{1,40}");

  public record Evidence(String identifierType, String value, String valueHash, String otherSellerId) {}

  /** Reads and checks a record; {@link BadRecordException} names what is wrong. */
  public static SellerLinkRecord decode(String key, byte[] raw) {
    if (raw == null || raw.length == 0) {
      throw new BadRecordException("empty record where a SellerLink was expected");
    }
    JsonObject json;
    try {
      json = new JsonObject(Utf8Records.text(raw));
    } catch (DecodeException | ClassCastException e) {
      throw new BadRecordException("record is not a JSON object");
    }
    String sellerId = text(json, "sellerId", MAX_ID_LENGTH);
    String clusterId = text(json, "clusterId", 128);
    if (!CLUSTER_ID.matcher(clusterId).matches()) {
      throw new BadRecordException("SellerLink clusterId has characters outside [A-Za-z0-9._:-]");
    }
    if (key != null && !key.equals(sellerId)) {
      // compaction keeps the latest record per key: a key that is not the account would keep the wrong one
      throw new BadRecordException("SellerLink key '" + shorten(key) + "' is not its sellerId '" + shorten(sellerId)
          + "'");
    }
    return new SellerLinkRecord(sellerId, clusterId, evidence(json.getValue("evidence")));
  }

  private static List<Evidence> evidence(Object value) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw new BadRecordException("SellerLink evidence is not an array");
    }
    if (array.size() > MAX_EVIDENCE) {
      throw new BadRecordException("SellerLink has more than " + MAX_EVIDENCE + " evidence entries");
    }
    List<Evidence> out = new ArrayList<>();
    for (Object o : array) {
      if (!(o instanceof JsonObject e)) {
        throw new BadRecordException("SellerLink evidence entry is not an object");
      }
      String type = text(e, "identifierType", 40);
      if (!TYPE.matcher(type).matches()) {
        throw new BadRecordException("SellerLink identifierType '" + shorten(type) + "' is not an upper-case name");
      }
      out.add(new Evidence(type, optional(e, "value"), optional(e, "valueHash"),
          text(e, "otherSellerId", MAX_ID_LENGTH)));
    }
    return List.copyOf(out);
  }

  private static String text(JsonObject json, String field, int maxLength) {
    Object v = json.getValue(field);
    if (!(v instanceof String s) || s.isBlank()) {
      throw new BadRecordException("SellerLink has no " + field);
    }
    if (s.length() > maxLength) {
      throw new BadRecordException("SellerLink " + field + " is longer than " + maxLength + " characters");
    }
    return s;
  }

  private static String optional(JsonObject json, String field) {
    Object v = json.getValue(field);
    return v instanceof String s && s.length() <= MAX_ID_LENGTH ? s : null;
  }

  private static String shorten(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }

  JsonArray evidenceJson() {
    JsonArray out = new JsonArray();
    for (Evidence e : evidence) {
      out.add(new JsonObject().put("identifierType", e.identifierType()).put("value", e.value())
          .put("valueHash", e.valueHash()).put("otherSellerId", e.otherSellerId()));
    }
    return out;
  }
}
