package ipwatch.casework.cases;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.auth.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reading cases on behalf of a party. Every query carries the caller's {@link PartyScope}: a case the caller may not
 * see is never loaded, and is indistinguishable from one that does not exist.
 */
public final class Cases {
  private final Pool pool;

  public Cases(Pool pool) {
    this.pool = pool;
  }

  public Future<Page<CaseSummary>> listForParty(Caller caller, CaseFilter filter, PageRequest page) {
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder(CaseRows.where(PartyScope.of(caller.organisation()), params));
    where.append(CaseFilterSql.conditions(filter, params));
    Tuple countArgs = Tuple.from(params);
    String limit = CaseRows.bind(params, page.size());
    String offset = CaseRows.bind(params, page.offset());
    Future<Long> total = pool.preparedQuery("SELECT count(*) FROM cases WHERE " + where)
        .execute(countArgs)
        .map(rows -> rows.iterator().next().getLong(0));
    // The page's ids first, then its rows: COLUMNS computes network and repeat-infringer per row (a query each), and
    // PostgreSQL computes a row's columns before LIMIT and OFFSET drop it, so selecting them in the sorted query
    // paid for every skipped row too (1.15 s for page 21 of 10,000 cases; docs/performance.md).
    Future<List<CaseSummary>> items = pool.preparedQuery("SELECT " + CaseRows.COLUMNS + " FROM cases WHERE id IN"
            + " (SELECT id FROM cases WHERE " + where + " ORDER BY created_at DESC, id LIMIT " + limit + " OFFSET "
            + offset + ") ORDER BY created_at DESC, id")
        .execute(Tuple.from(params))
        .map(rows -> {
          List<CaseSummary> out = new ArrayList<>();
          rows.forEach(r -> out.add(CaseRows.read(r)));
          return out;
        });
    return Future.all(total, items).map(v -> new Page<>(items.result(), total.result(), page.page(), page.size()));
  }

  /**
   * The cases with these ids as they stand now, in one query, without a party scope: for the search re-index only,
   * never for a request. Ids without a case are left out.
   */
  public Future<List<CaseSummary>> forIndexing(List<UUID> ids) {
    return pool.preparedQuery("SELECT " + CaseRows.COLUMNS + " FROM cases WHERE id = ANY($1)")
        .execute(Tuple.of(ids.toArray(UUID[]::new)))
        .map(rows -> {
          List<CaseSummary> out = new ArrayList<>(rows.size());
          rows.forEach(r -> out.add(CaseRows.read(r)));
          return out;
        });
  }

  /**
   * One case with its audit trail and pending deadlines, in a single round trip (the two lists are sub-selects of
   * the scoped row, so they are only read for a case the caller may see).
   */
  public Future<Optional<CaseDetail>> findForParty(Caller caller, UUID id) {
    List<Object> params = new ArrayList<>();
    params.add(id);
    String scope = CaseRows.where(PartyScope.of(caller.organisation()), params);
    return pool.preparedQuery("SELECT " + CaseRows.COLUMNS + ", flag, " + STATE_COLUMNS
            + ", (SELECT coalesce(json_agg(json_build_object('id', e.id, 'actor', e.actor, 'at', e.at, 'type', e.type,"
            + " 'reason', e.reason) ORDER BY e.at, e.id), '[]') FROM case_events e WHERE e.case_id = c.id) AS events,"
            + " (SELECT coalesce(json_agg(json_build_object('kind', t.kind, 'action', t.action, 'due', t.due_at,"
            + " 'latest', t.latest_at, 'basis', t.basis) ORDER BY t.due_at), '[]') FROM case_timers t"
            + " WHERE t.case_id = c.id AND t.fired_at IS NULL AND t.cancelled_at IS NULL) AS deadlines"
            + " FROM cases c WHERE id = $1 AND " + scope)
        .execute(Tuple.from(params))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row row = rows.iterator().next();
          List<CaseEvent> events = new ArrayList<>();
          for (Object o : (io.vertx.core.json.JsonArray) row.getValue("events")) {
            JsonObject e = (JsonObject) o;
            events.add(new CaseEvent(e.getLong("id"), e.getString("actor"), instant(e.getString("at")),
                e.getString("type"), e.getString("reason"), null, null));
          }
          List<CaseState.Deadline> deadlines = new ArrayList<>();
          for (Object o : (io.vertx.core.json.JsonArray) row.getValue("deadlines")) {
            JsonObject t = (JsonObject) o;
            deadlines.add(new CaseState.Deadline(t.getString("kind"), t.getString("action"),
                instant(t.getString("due")), instant(t.getString("latest")), t.getString("basis")));
          }
          return Optional.of(new CaseDetail(CaseRows.read(row), row.getJsonObject("flag"), events,
              state(row, deadlines)));
        });
  }

  /**
   * Search hits with the seller-network fields of issue 7 (network, repeat infringer, related case), which the search
   * index does not hold because they change without the case changing: read from PostgreSQL for the hits' ids, under
   * the caller's scope like every read (the hits are the caller's already; a hit not found keeps its fields empty).
   */
  public Future<Page<CaseSummary>> withNetworkFields(Caller caller, Page<CaseSummary> hits) {
    if (hits.items().isEmpty()) {
      return Future.succeededFuture(hits);
    }
    List<Object> params = new ArrayList<>();
    params.add(hits.items().stream().map(CaseSummary::id).toArray(UUID[]::new));
    String scope = CaseRows.where(PartyScope.of(caller.organisation()), params);
    return pool.preparedQuery("SELECT " + CaseRows.COLUMNS + " FROM cases WHERE id = ANY($1) AND " + scope)
        .execute(Tuple.from(params))
        .map(rows -> {
          java.util.Map<UUID, CaseSummary> fresh = new java.util.HashMap<>();
          rows.forEach(r -> fresh.put(r.getUUID("id"), CaseRows.read(r)));
          List<CaseSummary> items = new ArrayList<>();
          for (CaseSummary hit : hits.items()) {
            CaseSummary f = fresh.get(hit.id());
            items.add(f == null ? hit : hit.withNetworkFields(f));
          }
          return new Page<>(items, hits.total(), hits.page(), hits.size());
        });
  }

  /** PostgreSQL's JSON timestamps ("2026-11-20T15:00:00+00:00", microseconds optional). */
  private static java.time.Instant instant(String s) {
    return java.time.OffsetDateTime.parse(s).toInstant();
  }

  private static final String STATE_COLUMNS =
      "legal_hold, regulator_org, assigned_to, own_initiative, priority, outcome";

  private static CaseState state(Row r, List<CaseState.Deadline> deadlines) {
    return new CaseState(r.getBoolean("legal_hold"), r.getString("regulator_org"), r.getString("assigned_to"),
        r.getBoolean("own_initiative"), r.getDouble("priority"), r.getString("outcome"), deadlines);
  }

}
