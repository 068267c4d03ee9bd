package ipwatch.casework.cases;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.auth.Caller;
import ipwatch.casework.auth.Role;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Comments, assignment and the seller's identifiers of a case, each scoped to the caller's party. Answers empty for a
 * case the caller cannot see; the HTTP layer turns that into 404.
 */
public final class CaseCollaboration {
  private final Pool pool;
  private final Clock clock;

  public CaseCollaboration(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  private static String actor(Caller c) {
    return "user:" + c.userId() + "@" + c.orgId();
  }

  /** PARTIES comments and the caller's own organisation's INTERNAL ones. */
  public Future<Optional<JsonArray>> comments(Caller caller, UUID id) {
    return ScopedCase.load(pool, caller, id, "id", false).compose(found -> found.isEmpty()
        ? Future.succeededFuture(Optional.empty())
        : pool.preparedQuery("SELECT id, author_org, author_user, visibility, body, at FROM case_comments"
                + " WHERE case_id = $1 AND (visibility = 'PARTIES' OR author_org = $2) ORDER BY id LIMIT 500")
            .execute(Tuple.of(id, caller.orgId()))
            .map(rows -> {
              JsonArray out = new JsonArray();
              for (Row r : rows) {
                out.add(new JsonObject().put("id", r.getLong("id")).put("authorOrg", r.getString("author_org"))
                    .put("author", r.getString("author_user")).put("visibility", r.getString("visibility"))
                    .put("body", r.getString("body")).put("at", r.getOffsetDateTime("at").toInstant().toString()));
              }
              return Optional.of(out);
            }));
  }

  public Future<Optional<Long>> comment(Caller caller, UUID id, String body, String visibility) {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    return pool.withTransaction(conn -> ScopedCase.load(conn, caller, id, "id", true).compose(found -> found.isEmpty()
        ? Future.succeededFuture(Optional.<Long>empty())
        : conn.preparedQuery("INSERT INTO case_comments (case_id, author_org, author_user, visibility, body, at)"
                + " VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
            .execute(Tuple.of(id, caller.orgId(), caller.userId(), visibility, body, now))
            .map(rows -> Optional.of(rows.iterator().next().getLong(0)))));
  }

  /** Assigns the case to a user of the owning rights holder (or clears it); audited. */
  public Future<Boolean> assign(Caller caller, UUID id, String assignee) {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    return pool.withTransaction(conn -> ScopedCase.load(conn, caller, id, "assigned_to", true).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(false);
      }
      String before = found.get().getString("assigned_to");
      return conn.preparedQuery("UPDATE cases SET assigned_to = $2, updated_at = $3, version = version + 1"
              + " WHERE id = $1").execute(Tuple.of(id, assignee, now))
          .compose(v -> conn.preparedQuery("INSERT INTO case_events (case_id, actor, at, type, reason, before, after)"
                  + " VALUES ($1, $2, $3, 'ASSIGNED', 'assignment changed', $4, $5)")
              .execute(Tuple.of(id, actor(caller), now, new JsonObject().put("assignedTo", before),
                  new JsonObject().put("assignedTo", assignee))))
          .map(true);
    }));
  }

  /** The platform records the seller's identifiers (its trader-traceability data, DSA Art. 30); audited. */
  public Future<Boolean> setSeller(Caller caller, UUID id, JsonObject identifiers) {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    return pool.withTransaction(conn -> ScopedCase.load(conn, caller, id, "id", true).compose(found -> found.isEmpty()
        ? Future.succeededFuture(false)
        : conn.preparedQuery("UPDATE cases SET seller_identifiers = $2, updated_at = $3 WHERE id = $1")
            .execute(Tuple.of(id, identifiers, now))
            .compose(v -> conn.preparedQuery("INSERT INTO case_events (case_id, actor, at, type, reason, after)"
                    + " VALUES ($1, $2, $3, 'SELLER_IDENTIFIERS_SET', 'seller identifiers supplied', $4)")
                .execute(Tuple.of(id, actor(caller), now, new JsonObject().put("fields",
                    new JsonArray(identifiers.fieldNames().stream().sorted().toList())))))
            .map(true)));
  }

  /**
   * The seller's identifiers as this party may see them: masked for rights holders (no need for the personal data
   * itself), in full for the platform that supplied them, and in full for regulators and courts, each such read
   * written to the audit trail in the same transaction as the read.
   */
  public Future<Optional<JsonObject>> seller(Caller caller, UUID id) {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    boolean audited = caller.role() == Role.REGULATOR || caller.role() == Role.COURT || caller.role() == Role.ADMIN;
    return pool.withTransaction(conn -> ScopedCase.load(conn, caller, id, "seller_id, seller_name,"
        + " seller_identifiers", false).compose(found -> {
          if (found.isEmpty()) {
            return Future.succeededFuture(Optional.<JsonObject>empty());
          }
          Row r = found.get();
          JsonObject ids = r.getJsonObject("seller_identifiers");
          boolean full = caller.role() != Role.RIGHTS_HOLDER;
          JsonObject shown = ids == null ? new JsonObject() : full ? ids : Masking.mask(ids);
          JsonObject body = new JsonObject().put("sellerId", r.getString("seller_id"))
              .put("sellerName", r.getString("seller_name")).put("identifiers", shown).put("masked", !full);
          if (!audited || ids == null) {
            return Future.succeededFuture(Optional.of(body));
          }
          return conn.preparedQuery("INSERT INTO case_events (case_id, actor, at, type, reason)"
                  + " VALUES ($1, $2, $3, 'SELLER_IDENTIFIERS_READ', 'full seller identifiers read')")
              .execute(Tuple.of(id, actor(caller), now)).map(Optional.of(body));
        }));
  }
}
