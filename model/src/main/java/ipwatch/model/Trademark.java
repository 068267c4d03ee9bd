package ipwatch.model;

import java.util.List;

public record Trademark(
    String assetId,
    String owner,
    String mark,
    List<Integer> niceClasses,
    List<String> jurisdictions,
    List<String> authorizedSellers,
    List<ReferencePrice> referencePrices)
    implements IpAsset {

  public Trademark {
    niceClasses = niceClasses == null ? List.of() : List.copyOf(niceClasses);
    jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
    authorizedSellers = authorizedSellers == null ? List.of() : List.copyOf(authorizedSellers);
    referencePrices = referencePrices == null ? List.of() : List.copyOf(referencePrices);
  }

  @Override
  public AssetType assetType() {
    return AssetType.TRADEMARK;
  }

  public record ReferencePrice(String product, String amount, String currency) {}
}
