package ipwatch.casework.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.Refusal;
import java.util.List;
import java.util.Optional;

/**
 * Organisations and their users, as administered by an ADMIN: every creation is written with an
 * {@code admin_events} row in the same transaction. A user belongs to exactly one organisation (its tokens carry that
 * organisation and its role). Duplicates (organisation id or name, a second platform for a marketplace, user id or
 * e-mail) are a 409; a body that breaks a role's rules is a 400.
 */
public final class Directory {
  private static final String UNIQUE_VIOLATION = "23505";
  private final Pool pool;

  public Directory(Pool pool) {
    this.pool = pool;
  }

  /** A user as stored. */
  public record User(String id, String orgId, String name, String email, String createdAt) {
    public JsonObject json() {
      return new JsonObject().put("id", id).put("orgId", orgId).put("name", name).put("email", email)
          .put("createdAt", createdAt);
    }
  }

  public Future<List<Organisation>> organisations() {
    return pool.query("SELECT id, name, role, marketplace, jurisdictions FROM organisations ORDER BY id").execute()
        .map(rows -> {
          List<Organisation> out = new java.util.ArrayList<>();
          rows.forEach(r -> out.add(Organisations.read(r)));
          return out;
        });
  }

  public Future<Organisation> create(Organisation o, String actor) {
    check(o);
    return pool.withTransaction(conn -> conn.preparedQuery("INSERT INTO organisations (id, name, role, marketplace,"
                + " jurisdictions) VALUES ($1, $2, $3, $4, $5)")
            .execute(Tuple.of(o.id(), o.name(), o.role().name(), o.marketplace(),
                o.jurisdictions().toArray(String[]::new)))
            .compose(v -> audit(conn, actor, "ORGANISATION_CREATED", "org:" + o.id(), json(o))))
        .recover(e -> duplicate(e, "An organisation with this id or name, or a platform for this marketplace, "
            + "exists already."))
        .map(o);
  }

  /** The organisation's users; empty when the organisation does not exist (a 404 for the caller). */
  public Future<Optional<List<User>>> users(String orgId) {
    return pool.preparedQuery("SELECT o.id AS org, u.id, u.name, u.email, u.created_at FROM organisations o"
            + " LEFT JOIN users u ON u.org_id = o.id WHERE o.id = $1 ORDER BY u.id")
        .execute(Tuple.of(orgId))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          List<User> out = new java.util.ArrayList<>();
          for (Row r : rows) {
            if (r.getString("id") != null) {
              out.add(read(orgId, r));
            }
          }
          return Optional.of(out);
        });
  }

  /** Creates a user of {@code orgId}; empty when the organisation does not exist. */
  public Future<Optional<User>> createUser(String orgId, String id, String name, String email, String actor) {
    return pool.withTransaction(conn -> conn.preparedQuery("INSERT INTO users (id, org_id, name, email, created_by)"
                + " SELECT $1, o.id, $3, $4, $5 FROM organisations o WHERE o.id = $2"
                + " RETURNING id, name, email, created_at")
            .execute(Tuple.of(id, orgId, name, email, actor))
            .compose(rows -> {
              if (rows.size() == 0) {
                return Future.succeededFuture(Optional.<User>empty());
              }
              User u = read(orgId, rows.iterator().next());
              return audit(conn, actor, "USER_CREATED", "user:" + id, u.json()).map(Optional.of(u));
            }))
        .recover(e -> duplicate(e, "A user with this id or e-mail address exists already."));
  }

  /** A user with its organisation, for issuing a token; empty when either is missing or they do not belong. */
  public Future<Optional<Organisation>> organisationOf(String orgId, String userId) {
    return pool.preparedQuery("SELECT o.id, o.name, o.role, o.marketplace, o.jurisdictions FROM users u"
            + " JOIN organisations o ON o.id = u.org_id WHERE u.id = $1 AND o.id = $2")
        .execute(Tuple.of(userId, orgId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Organisations.read(rows.iterator().next())));
  }

  /** Records an administrative action (e.g. a token issued) on its own. */
  public Future<Void> audit(String actor, String type, String subject, JsonObject after) {
    return pool.withConnection(conn -> audit(conn, actor, type, subject, after));
  }

  /** Demo users (one per demo organisation); existing ones are left as they are. */
  public Future<Void> ensureUser(String orgId, String id, String name, String email) {
    return pool.preparedQuery("INSERT INTO users (id, org_id, name, email, created_by) VALUES ($1, $2, $3, $4,"
            + " 'system:demo') ON CONFLICT DO NOTHING")
        .execute(Tuple.of(id, orgId, name, email)).mapEmpty();
  }

  private static Future<Void> audit(SqlConnection conn, String actor, String type, String subject, JsonObject after) {
    return conn.preparedQuery("INSERT INTO admin_events (actor, type, subject, after) VALUES ($1, $2, $3, $4)")
        .execute(Tuple.of(actor, type, subject, after)).mapEmpty();
  }

  /** The rules the schema cannot say: which roles name a marketplace, which must name jurisdictions. */
  static void check(Organisation o) {
    if (o.role() == Role.PLATFORM && o.marketplace() == null) {
      throw new Refusal(400, "body.marketplace is required for a PLATFORM organisation.");
    }
    if (o.role() != Role.PLATFORM && o.marketplace() != null) {
      throw new Refusal(400, "body.marketplace is only for PLATFORM organisations.");
    }
    if ((o.role() == Role.REGULATOR || o.role() == Role.ADMIN) && o.jurisdictions().isEmpty()) {
      throw new Refusal(400, "body.jurisdictions must name at least one jurisdiction for a " + o.role() + ".");
    }
  }

  public static JsonObject json(Organisation o) {
    return new JsonObject().put("id", o.id()).put("name", o.name()).put("role", o.role().name())
        .put("marketplace", o.marketplace()).put("jurisdictions", new JsonArray(o.jurisdictions()));
  }

  private static User read(String orgId, Row r) {
    return new User(r.getString("id"), orgId, r.getString("name"), r.getString("email"),
        r.getOffsetDateTime("created_at").toInstant().toString());
  }

  private static <T> Future<T> duplicate(Throwable e, String message) {
    if (e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
      return Future.failedFuture(new Refusal(409, message));
    }
    return Future.failedFuture(e);
  }
}
