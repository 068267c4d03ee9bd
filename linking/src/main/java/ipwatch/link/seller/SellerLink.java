package ipwatch.link.seller;

import java.util.List;

/**
 * A seller account's cluster (topic {@code seller-links}, key {@code sellerId}): {@code sellerId} is
 * {@code marketplace:sellerId}, {@code clusterId} names the operator behind the accounts, {@code evidence} says
 * which identifiers connect this account to which others (values masked; {@code valueHash} lets a party with access
 * match the raw value).
 */
public record SellerLink(String sellerId, String clusterId, List<Evidence> evidence) {
  public SellerLink {
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  public record Evidence(String identifierType, String value, String valueHash, String otherSellerId) {}
}
