package ipwatch.casework.cases;

import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** SQL pieces shared by everything that reads cases: the column list, the row mapping, the party filter. */
public final class CaseRows {
  public static final String COLUMNS = "id, listing_id, asset_id, owner_org, marketplace, jurisdiction, status, kind,"
      + " score, title, url, seller_id, seller_name, notice_sent_at, referred_to_org, detected_at, created_at,"
      + " updated_at, version, priority, legal_hold, next_deadline"
      // issue 7, computed in SQL (db V5) so every reader of a case gets them: network, repeat infringer, relisting
      + ", ipw_network_of(seller_account) AS network_id,"
      + " ipw_repeat_infringer(id, seller_account) AS repeat_infringer, related_case_id";

  private CaseRows() {}

  public static CaseSummary read(Row r) {
    return new CaseSummary(
        r.getUUID("id"),
        r.getString("listing_id"),
        r.getString("asset_id"),
        r.getString("owner_org"),
        r.getString("marketplace"),
        r.getString("jurisdiction"),
        CaseStatus.valueOf(r.getString("status")),
        r.getString("kind"),
        r.getDouble("score"),
        r.getString("title"),
        r.getString("url"),
        r.getString("seller_id"),
        r.getString("seller_name"),
        r.getOffsetDateTime("notice_sent_at") != null,
        r.getString("referred_to_org"),
        instant(r.getOffsetDateTime("detected_at")),
        instant(r.getOffsetDateTime("created_at")),
        instant(r.getOffsetDateTime("updated_at")),
        r.getLong("version"),
        r.getDouble("priority"),
        r.getBoolean("legal_hold"),
        instant(r.getOffsetDateTime("next_deadline")),
        r.getString("network_id"),
        Boolean.TRUE.equals(r.getBoolean("repeat_infringer")),
        r.getUUID("related_case_id"));
  }

  /**
   * The SQL condition for a party scope, appending its parameters to {@code params} (placeholders continue from the
   * list's current size).
   */
  public static String where(PartyScope scope, List<Object> params) {
    // Java 17: no pattern matching in switch yet, so an if-chain over the sealed hierarchy.
    if (scope instanceof PartyScope.InJurisdictions j) {
      return "jurisdiction = ANY(" + bind(params, j.jurisdictions().toArray(String[]::new)) + ")";
    }
    if (scope instanceof PartyScope.OwnedBy o) {
      return "owner_org = " + bind(params, o.orgId());
    }
    if (scope instanceof PartyScope.NoticedOnMarketplace m) {
      return "(marketplace = " + bind(params, m.marketplace()) + " AND notice_sent_at IS NOT NULL)";
    }
    if (scope instanceof PartyScope.ReferredTo c) {
      return "referred_to_org = " + bind(params, c.orgId());
    }
    return "FALSE";
  }

  static String bind(List<Object> params, Object value) {
    params.add(value);
    return "$" + params.size();
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
