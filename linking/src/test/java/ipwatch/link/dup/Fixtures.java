package ipwatch.link.dup;

import ipwatch.model.Listing;
import ipwatch.model.Seller;
import java.util.List;
import java.util.Map;

public final class Fixtures {
  private Fixtures() {}

  public static Listing listing(String id, String title, String description) {
    return new Listing(id, "shop.example", "https://shop.example/" + id, title, description, null, null, null,
        new Seller("seller-" + id, null, null, Map.of()), List.of(), null, null, null, null, null);
  }
}
