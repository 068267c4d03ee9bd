package ipwatch.casework.cases;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** A {@link CaseFilter} as SQL conditions on the cases table, each value a bind parameter. */
public final class CaseFilterSql {
  private CaseFilterSql() {}

  /** " AND ..." for every filter set (empty when none), appending its parameters to {@code params}. */
  public static String conditions(CaseFilter f, List<Object> params) {
    StringBuilder sql = new StringBuilder();
    f.status().ifPresent(s -> sql.append(" AND status = ").append(CaseRows.bind(params, s.name())));
    f.marketplace().ifPresent(m -> sql.append(" AND marketplace = ").append(CaseRows.bind(params, m)));
    f.jurisdiction().ifPresent(j -> sql.append(" AND jurisdiction = ").append(CaseRows.bind(params, j)));
    f.minPriority().ifPresent(p -> sql.append(" AND priority >= ").append(CaseRows.bind(params, p)));
    f.dueBefore().ifPresent(t -> sql.append(" AND next_deadline < ")
        .append(CaseRows.bind(params, OffsetDateTime.ofInstant(t, ZoneOffset.UTC))));
    f.networkId().ifPresent(n -> sql.append(" AND seller_account IN (SELECT account_id FROM seller_accounts"
        + " WHERE network_id = ").append(CaseRows.bind(params, n)).append(")"));
    f.text().ifPresent(q -> {
      String like = CaseRows.bind(params, "%" + escapeLike(q) + "%");
      String exact = CaseRows.bind(params, q);
      sql.append(" AND (title ILIKE ").append(like).append(" OR seller_name ILIKE ").append(like)
          .append(" OR seller_id = ").append(exact).append(" OR listing_id = ").append(exact)
          .append(" OR asset_id = ").append(exact).append(")");
    });
    return sql.toString();
  }

  /** The text matches itself only: LIKE's wildcards and its escape character are escaped. */
  static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
