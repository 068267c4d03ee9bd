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
    filter.status().ifPresent(s -> where.append(" AND status = ").append(CaseRows.bind(params, s.name())));
    filter.marketplace().ifPresent(m -> where.append(" AND marketplace = ").append(CaseRows.bind(params, m)));
    Tuple countArgs = Tuple.from(params);
    String limit = CaseRows.bind(params, page.size());
    String offset = CaseRows.bind(params, page.offset());
    Future<Long> total = pool.preparedQuery("SELECT count(*) FROM cases WHERE " + where)
        .execute(countArgs)
        .map(rows -> rows.iterator().next().getLong(0));
    Future<List<CaseSummary>> items = pool.preparedQuery("SELECT " + CaseRows.COLUMNS + " FROM cases WHERE " + where
            + " ORDER BY created_at DESC, id LIMIT " + limit + " OFFSET " + offset)
        .execute(Tuple.from(params))
        .map(rows -> {
          List<CaseSummary> out = new ArrayList<>();
          rows.forEach(r -> out.add(CaseRows.read(r)));
          return out;
        });
    return Future.all(total, items).map(v -> new Page<>(items.result(), total.result(), page.page(), page.size()));
  }

  public Future<Optional<CaseDetail>> findForParty(Caller caller, UUID id) {
    List<Object> params = new ArrayList<>();
    params.add(id);
    String scope = CaseRows.where(PartyScope.of(caller.organisation()), params);
    return pool.preparedQuery("SELECT " + CaseRows.COLUMNS + ", flag FROM cases WHERE id = $1 AND " + scope)
        .execute(Tuple.from(params))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(Optional.empty());
          }
          Row row = rows.iterator().next();
          CaseSummary summary = CaseRows.read(row);
          JsonObject flag = row.getJsonObject("flag");
          return events(id).map(events -> Optional.of(new CaseDetail(summary, flag, events)));
        });
  }

  /** The audit trail of a case; callers have already established that the case is visible. */
  private Future<List<CaseEvent>> events(UUID caseId) {
    return pool.preparedQuery("SELECT id, actor, at, type, reason, before, after FROM case_events"
            + " WHERE case_id = $1 ORDER BY at, id")
        .execute(Tuple.of(caseId))
        .map(rows -> {
          List<CaseEvent> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(new CaseEvent(r.getLong("id"), r.getString("actor"), r.getOffsetDateTime("at").toInstant(),
                r.getString("type"), r.getString("reason"), (JsonObject) r.getValue("before"),
                (JsonObject) r.getValue("after")));
          }
          return out;
        });
  }
}
