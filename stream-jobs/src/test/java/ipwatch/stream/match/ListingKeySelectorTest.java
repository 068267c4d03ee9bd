package ipwatch.stream.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ListingKeySelectorTest {
  private final ListingKeySelector keys = new ListingKeySelector();

  @Test
  void theKeyIsTheListingIdWhereverItStands() {
    assertEquals("l-1", keys.getKey("{\"listingId\":\"l-1\",\"title\":\"x\"}"));
    assertEquals("l-2", keys.getKey("{\"seller\":{\"listingId\":\"nested\"},\"images\":[1,{}],\"listingId\":\"l-2\"}"));
  }

  @Test
  void anUnreadableRecordGetsTheEmptyKeyInsteadOfFailingTheJob() {
    assertEquals("", keys.getKey("{\"title\": "));
    assertEquals("", keys.getKey("[\"listingId\"]"));
    assertEquals("", keys.getKey("{\"listingId\": 42}"));
    assertEquals("", keys.getKey(""));
  }
}
