package ipwatch.model;

import java.time.LocalDate;
import java.util.List;

public record Patent(
    String assetId,
    String owner,
    String title,
    List<Claim> claims,
    List<String> cpc,
    List<String> jurisdictions,
    LocalDate expires)
    implements IpAsset {

  public Patent {
    claims = claims == null ? List.of() : List.copyOf(claims);
    cpc = cpc == null ? List.of() : List.copyOf(cpc);
    jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
  }

  @Override
  public AssetType assetType() {
    return AssetType.PATENT;
  }

  public record Claim(int number, String text, boolean independent) {}
}
