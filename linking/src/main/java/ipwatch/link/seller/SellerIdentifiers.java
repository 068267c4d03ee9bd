package ipwatch.link.seller;

import ipwatch.model.Image;
import ipwatch.model.Listing;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The identifiers a listing shows for its seller, normalised. Keys of {@code seller.identifiers} are matched by
 * prefix and case-insensitively ({@code email}, {@code email2}, {@code contactEmail} ...), because marketplaces and
 * extraction rules name them differently.
 */
public final class SellerIdentifiers {
  private static final Pattern NON_LETTERS = Pattern.compile("[^a-z]");
  private final SellerSettings settings;

  public SellerIdentifiers(SellerSettings settings) {
    this.settings = settings;
  }

  /** The key that names a seller account across marketplaces: {@code marketplace:sellerId}. */
  public static Optional<String> sellerKey(Listing listing) {
    if (listing.seller() == null || listing.seller().id() == null || listing.seller().id().isBlank()) {
      return Optional.empty();
    }
    return Optional.of((listing.marketplace() == null ? "" : listing.marketplace()) + ":" + listing.seller().id());
  }

  public Set<Identifier> of(Listing listing) {
    Set<Identifier> out = new LinkedHashSet<>();
    if (listing.seller() != null) {
      String region = settings.regionFor(listing.marketplace());
      for (Map.Entry<String, String> e : listing.seller().identifiers().entrySet()) {
        normalize(e.getKey(), e.getValue(), region).ifPresent(out::add);
      }
    }
    for (Image image : listing.images()) {
      IdentifierNormalizer.imageHash(image.sha256()).ifPresent(h -> out.add(new Identifier(IdentifierType.IMAGE, h)));
    }
    return out;
  }

  /** One identifier from its key and raw value; empty for keys that identify nobody (a display name, say). */
  public static Optional<Identifier> normalize(String key, String raw, String region) {
    if (raw == null) {
      return Optional.empty();
    }
    String k = NON_LETTERS.matcher(key.toLowerCase(Locale.ROOT)).replaceAll("");
    IdentifierType type = typeOf(k);
    if (type == null) {
      return Optional.empty();
    }
    Optional<String> value = switch (type) {
      case EMAIL -> IdentifierNormalizer.email(raw);
      case PHONE -> IdentifierNormalizer.phone(raw, region);
      case BUSINESS_LICENSE -> IdentifierNormalizer.businessLicense(raw);
      case ADDRESS -> IdentifierNormalizer.address(raw);
      case STOREFRONT, PAYMENT -> IdentifierNormalizer.link(raw);
      case IMAGE -> IdentifierNormalizer.imageHash(raw);
    };
    return value.map(v -> new Identifier(type, v));
  }

  private static IdentifierType typeOf(String k) {
    if (k.contains("email") || k.equals("mail")) {
      return IdentifierType.EMAIL;
    }
    if (k.contains("phone") || k.startsWith("tel") || k.contains("mobile") || k.contains("fax")) {
      return IdentifierType.PHONE;
    }
    if (k.contains("licen") || k.contains("registration") || k.contains("vat") || k.contains("uscc")
        || k.contains("taxid")) {
      return IdentifierType.BUSINESS_LICENSE;
    }
    if (k.contains("address")) {
      return IdentifierType.ADDRESS;
    }
    if (k.contains("payment") || k.contains("paypal") || k.contains("alipay")) {
      return IdentifierType.PAYMENT;
    }
    if (k.contains("storefront") || k.contains("website") || k.contains("shop") || k.contains("store")) {
      return IdentifierType.STOREFRONT;
    }
    if (k.contains("image")) {
      return IdentifierType.IMAGE;
    }
    return null;
  }
}
