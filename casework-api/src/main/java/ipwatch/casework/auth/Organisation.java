package ipwatch.casework.auth;

import java.util.List;

/**
 * A party. {@code marketplace} is set for platforms only; {@code jurisdictions} matter to regulators, courts and
 * admins.
 */
public record Organisation(String id, String name, Role role, String marketplace, List<String> jurisdictions) {
  public Organisation {
    jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
  }
}
