package ipwatch.casework.network;

import ipwatch.model.Topics;
import ipwatch.model.config.Config;
import ipwatch.model.config.ConfigException;

/**
 * Keys {@code sellerLinks.enabled}, {@code sellerLinks.topic} and {@code sellerLinks.groupId} of
 * config/casework-api.yaml (documented there). A missing key takes its default, so a config file written before
 * issue 7 still starts; a blank topic or group is refused at start-up.
 */
public record SellerLinksSettings(boolean enabled, String topic, String groupId) {
  public static SellerLinksSettings from(Config c) {
    boolean enabled = c.find("sellerLinks.enabled").map(v -> c.bool("sellerLinks.enabled")).orElse(true);
    String topic = c.find("sellerLinks.topic").orElse(Topics.SELLER_LINKS.name());
    String group = c.find("sellerLinks.groupId").orElse("casework-api-seller-links");
    if (topic.isBlank() || group.isBlank()) {
      throw new ConfigException("sellerLinks.topic and sellerLinks.groupId must not be blank");
    }
    return new SellerLinksSettings(enabled, topic, group);
  }
}
