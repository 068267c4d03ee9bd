package ipwatch.stream.match;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import ipwatch.model.Json;
import java.io.IOException;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * Keys a raw listing by its {@code listingId} without binding the whole record. Never throws: a record whose id
 * cannot be read gets the empty key and is dead-lettered by the match function, which parses it properly.
 */
public final class ListingKeySelector implements KeySelector<String, String> {
  private static final long serialVersionUID = 1L;
  public static final String UNREADABLE = "";

  @Override
  public String getKey(String raw) {
    try (JsonParser p = Json.mapper().getFactory().createParser(raw)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return UNREADABLE;
      }
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if ("listingId".equals(field)) {
          return value == JsonToken.VALUE_STRING ? p.getText() : UNREADABLE;
        }
        p.skipChildren();
      }
      return UNREADABLE;
    } catch (IOException | RuntimeException e) {
      return UNREADABLE;
    }
  }
}
