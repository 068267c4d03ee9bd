package ipwatch.casework.cases;

import ipwatch.casework.auth.Organisation;
import java.util.List;

/**
 * Which cases an organisation may see, derived from its stored role and attributes only. Both PostgreSQL
 * ({@link CaseRows#where}) and Elasticsearch (search.CaseQueries) translate this one value, so the list, the detail
 * and the search can never disagree about visibility. Anything not covered sees nothing.
 */
public sealed interface PartyScope {

  /** Regulators and admins: every case in the jurisdictions they act in. */
  record InJurisdictions(List<String> jurisdictions) implements PartyScope {
    public InJurisdictions {
      jurisdictions = List.copyOf(jurisdictions);
    }
  }

  /** Rights holders: the cases about their own assets. */
  record OwnedBy(String orgId) implements PartyScope {}

  /** Platforms: cases on their marketplace, once a notice has been sent to them. */
  record NoticedOnMarketplace(String marketplace) implements PartyScope {}

  /** Courts: the cases referred to them. */
  record ReferredTo(String orgId) implements PartyScope {}

  /** Deny by default. */
  record Nothing() implements PartyScope {}

  static PartyScope of(Organisation org) {
    return switch (org.role()) {
      case REGULATOR, ADMIN -> org.jurisdictions().isEmpty()
          ? new Nothing()
          : new InJurisdictions(org.jurisdictions());
      case RIGHTS_HOLDER -> new OwnedBy(org.id());
      case PLATFORM -> org.marketplace() == null ? new Nothing() : new NoticedOnMarketplace(org.marketplace());
      case COURT -> new ReferredTo(org.id());
    };
  }
}
