package ipwatch.casework.ingest;

import ipwatch.casework.CaseworkSettings;
import java.util.List;

/** A case's jurisdiction: the asset's first registered jurisdiction, else the marketplace's, else the default. */
public final class JurisdictionResolver {
  private final CaseworkSettings.CaseDefaults defaults;

  public JurisdictionResolver(CaseworkSettings.CaseDefaults defaults) {
    this.defaults = defaults;
  }

  public String resolve(List<String> assetJurisdictions, String marketplace) {
    for (String j : assetJurisdictions) {
      if (j != null && !j.isBlank()) {
        return j;
      }
    }
    return defaults.marketplaceJurisdictions().getOrDefault(marketplace, defaults.defaultJurisdiction());
  }
}
