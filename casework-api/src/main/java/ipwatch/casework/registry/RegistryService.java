package ipwatch.casework.registry;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.auth.Caller;
import ipwatch.casework.auth.Role;
import ipwatch.model.BadRecordException;
import ipwatch.model.IpAsset;
import ipwatch.model.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registry API's data access. A rights holder reads and writes its own assets only (a foreign asset id is
 * indistinguishable from a missing one); the owner is always the caller's organisation, never the body's. Every
 * change bumps the version, keeps the old one in ip_asset_versions and queues the new value (or a tombstone) for
 * {@code ip-registry} in the outbox, all in one transaction.
 */
public final class RegistryService {
  private final Pool pool;
  private final String topic;

  public RegistryService(Pool pool, String topic) {
    this.pool = pool;
    this.topic = topic;
  }

  /** A stored asset with its version. */
  public record Versioned(IpAsset asset, long version) {}

  /** Refused: a foreign or missing asset (404) or a stale If-Match (409); the message is for the client. */
  public static final class Refused extends ipwatch.casework.Refusal {
    Refused(int status, String message) {
      super(status, message);
    }
  }

  public Future<List<Versioned>> list(Caller caller) {
    String where = caller.role() == Role.ADMIN ? "TRUE" : "owner_org = $1";
    Tuple args = caller.role() == Role.ADMIN ? Tuple.tuple() : Tuple.of(caller.orgId());
    return pool.preparedQuery("SELECT body, version FROM ip_assets WHERE " + where + " ORDER BY asset_id LIMIT 1000")
        .execute(args)
        .map(rows -> {
          List<Versioned> out = new ArrayList<>();
          rows.forEach(r -> out.add(read(r)));
          return out;
        });
  }

  public Future<Optional<Versioned>> get(Caller caller, String assetId) {
    return pool.preparedQuery("SELECT body, version FROM ip_assets WHERE asset_id = $1 AND owner_org = $2")
        .execute(Tuple.of(assetId, caller.orgId()))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(read(rows.iterator().next())));
  }

  public Future<JsonArray> versions(Caller caller, String assetId) {
    return pool.preparedQuery("SELECT version, body, changed_by, changed_at FROM ip_asset_versions"
            + " WHERE asset_id = $1 AND owner_org = $2 ORDER BY version DESC LIMIT 200")
        .execute(Tuple.of(assetId, caller.orgId()))
        .map(rows -> {
          if (rows.size() == 0) {
            throw new Refused(404, "Not found.");
          }
          JsonArray out = new JsonArray();
          for (Row r : rows) {
            out.add(new JsonObject().put("version", r.getLong("version")).put("removed", r.getValue("body") == null)
                .put("asset", r.getValue("body")).put("changedBy", r.getString("changed_by"))
                .put("changedAt", r.getOffsetDateTime("changed_at").toInstant().toString()));
          }
          return out;
        });
  }

  /** Creates or replaces an asset; an identical body changes nothing (idempotent PUT). */
  public Future<Versioned> put(Caller caller, String assetId, JsonObject body, Optional<Long> ifMatch) {
    JsonObject full = body.copy().put("assetId", assetId).put("owner", caller.orgId());
    IpAsset asset;
    try {
      asset = Json.read(full.encode(), IpAsset.class);
    } catch (BadRecordException e) {
      throw new Refused(400, "The asset is not valid: " + e.getMessage());
    }
    JsonObject canonical = new JsonObject(Json.write(asset));
    return pool.withTransaction(conn -> lockId(conn, caller, assetId, ifMatch).compose(last -> conn.preparedQuery(
            "SELECT body, version FROM ip_assets WHERE asset_id = $1").execute(Tuple.of(assetId))
        .compose(rows -> {
          if (rows.size() > 0 && canonical.equals(rows.iterator().next().getJsonObject("body"))) {
            return Future.succeededFuture(read(rows.iterator().next()));
          }
          long version = last.orElse(0L) + 1;
          return conn.preparedQuery("INSERT INTO ip_assets (asset_id, owner_org, type, body, version) VALUES"
                  + " ($1, $2, $3, $4, $5) ON CONFLICT (asset_id) DO UPDATE SET type = EXCLUDED.type,"
                  + " body = EXCLUDED.body, version = EXCLUDED.version, updated_at = now()")
              .execute(Tuple.of(assetId, caller.orgId(), asset.assetType().name(), canonical, version))
              .compose(v -> record(conn, caller, assetId, version, canonical))
              .map(new Versioned(asset, version));
        })));
  }

  /** Removes an asset: a tombstone goes to ip-registry so the matcher forgets it. */
  public Future<Long> delete(Caller caller, String assetId, Optional<Long> ifMatch) {
    return pool.withTransaction(conn -> lockId(conn, caller, assetId, ifMatch).compose(last -> conn.preparedQuery(
            "DELETE FROM ip_assets WHERE asset_id = $1").execute(Tuple.of(assetId))
        .compose(rows -> {
          if (rows.rowCount() == 0) {
            throw new Refused(404, "Not found.");
          }
          long version = last.orElse(0L) + 1;
          return record(conn, caller, assetId, version, null).map(version);
        })));
  }

  /** Locks the id row; answers the last version, or refuses a foreign id (404) or a stale If-Match (409). */
  private Future<Optional<Long>> lockId(SqlConnection conn, Caller caller, String assetId, Optional<Long> ifMatch) {
    return conn.preparedQuery("SELECT owner_org, last_version FROM ip_asset_ids WHERE asset_id = $1 FOR UPDATE")
        .execute(Tuple.of(assetId))
        .map(rows -> {
          Optional<Long> last = Optional.empty();
          if (rows.size() > 0) {
            Row r = rows.iterator().next();
            if (!caller.orgId().equals(r.getString("owner_org"))) {
              throw new Refused(404, "Not found.");
            }
            last = Optional.of(r.getLong("last_version"));
          }
          if (ifMatch.isPresent() && !ifMatch.equals(last)) {
            throw new Refused(409, "The asset is at version " + last.map(String::valueOf).orElse("none")
                + "; reload it and try again.");
          }
          return last;
        });
  }

  private Future<Void> record(SqlConnection conn, Caller caller, String assetId, long version, JsonObject body) {
    String by = "user:" + caller.userId() + "@" + caller.orgId();
    return conn.preparedQuery("INSERT INTO ip_asset_ids (asset_id, owner_org, last_version) VALUES ($1, $2, $3)"
            + " ON CONFLICT (asset_id) DO UPDATE SET last_version = EXCLUDED.last_version")
        .execute(Tuple.of(assetId, caller.orgId(), version))
        .compose(v -> conn.preparedQuery("INSERT INTO ip_asset_versions (asset_id, version, owner_org, body,"
                + " changed_by) VALUES ($1, $2, $3, $4, $5)")
            .execute(Tuple.of(assetId, version, caller.orgId(), body, by)))
        .compose(v -> conn.preparedQuery("INSERT INTO outbox (channel, topic, msg_key, payload)"
                + " VALUES ('kafka', $1, $2, $3)")
            .execute(Tuple.of(topic, assetId, body)))
        .mapEmpty();
  }

  private static Versioned read(Row r) {
    return new Versioned(Json.read(r.getJsonObject("body").encode(), IpAsset.class), r.getLong("version"));
  }
}
