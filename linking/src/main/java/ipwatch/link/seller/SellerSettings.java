package ipwatch.link.seller;

import ipwatch.model.config.Config;
import ipwatch.model.config.ConfigException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The {@code sellers.*} keys of config/linking.yaml, validated. */
public record SellerSettings(
    String defaultRegion, int maxSellersPerIdentifier, int minSharedImages, Map<String, String> marketplaceRegions)
    implements java.io.Serializable {

  public SellerSettings {
    if (maxSellersPerIdentifier < 2) {
      throw new ConfigException("sellers.maxSellersPerIdentifier must be at least 2, is " + maxSellersPerIdentifier);
    }
    if (minSharedImages < 1) {
      throw new ConfigException("sellers.minSharedImages must be at least 1, is " + minSharedImages);
    }
    marketplaceRegions = Map.copyOf(marketplaceRegions);
  }

  public static SellerSettings defaults() {
    return from(Config.loadResource("ipwatch/link/linking.yaml", Map.of()));
  }

  public static SellerSettings from(Config c) {
    Map<String, String> regions = new HashMap<>();
    c.tree("sellers.marketplaceRegions")
        .ifPresent(t -> t.fields().forEachRemaining(e -> regions.put(e.getKey(), e.getValue().asText())));
    return new SellerSettings(c.string("sellers.defaultRegion"), c.integer("sellers.maxSellersPerIdentifier"),
        c.integer("sellers.minSharedImages"), regions);
  }

  public SellerSettings withMaxSellersPerIdentifier(int max) {
    return new SellerSettings(defaultRegion, max, minSharedImages, marketplaceRegions);
  }

  /** The region for phone numbers written without country code on this marketplace. */
  public String regionFor(String marketplace) {
    if (marketplace == null) {
      return defaultRegion;
    }
    String m = marketplace.toLowerCase(Locale.ROOT);
    String exact = marketplaceRegions.get(m);
    if (exact != null) {
      return exact;
    }
    int dot = m.lastIndexOf('.');
    String tld = dot < 0 ? "" : m.substring(dot + 1).toUpperCase(Locale.ROOT);
    return tld.length() == 2 && !tld.equals("IO") ? (tld.equals("UK") ? "GB" : tld) : defaultRegion;
  }
}
