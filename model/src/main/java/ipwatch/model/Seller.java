package ipwatch.model;

import java.util.Map;

/**
 * The account that offers a listing. {@code identifiers} holds what links accounts across platforms (email, phone,
 * businessLicense, address, ...); it is personal data and is masked for parties that do not need it.
 */
public record Seller(String id, String name, String url, Map<String, String> identifiers) {
  public Seller {
    identifiers = identifiers == null ? Map.of() : Map.copyOf(identifiers);
  }
}
