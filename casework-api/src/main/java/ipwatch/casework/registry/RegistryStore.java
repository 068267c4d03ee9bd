package ipwatch.casework.registry;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import ipwatch.model.IpAsset;
import ipwatch.model.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry table. Issue 5 adds the registry API and a transactional outbox towards {@code ip-registry}; for now
 * assets come from the seed file and are republished in full at start-up.
 */
public final class RegistryStore {
  private final Pool pool;

  public RegistryStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * Inserts or updates each asset; an unchanged asset keeps its version, so seeding the same file twice is a no-op.
   * Answers how many rows were created or changed.
   */
  public Future<Integer> upsert(List<IpAsset> assets) {
    if (assets.isEmpty()) {
      return Future.succeededFuture(0);
    }
    List<Tuple> batch = new ArrayList<>();
    for (IpAsset a : assets) {
      batch.add(Tuple.of(a.assetId(), a.owner(), a.assetType().name(), new JsonObject(Json.write(a))));
    }
    return pool.withTransaction(conn -> conn.preparedQuery(
            "INSERT INTO ip_assets (asset_id, owner_org, type, body) VALUES ($1, $2, $3, $4)"
                + " ON CONFLICT (asset_id) DO UPDATE SET owner_org = EXCLUDED.owner_org, type = EXCLUDED.type,"
                + " body = EXCLUDED.body, version = ip_assets.version + 1, updated_at = now()"
                + " WHERE ip_assets.body IS DISTINCT FROM EXCLUDED.body OR ip_assets.owner_org <> EXCLUDED.owner_org")
        .executeBatch(batch)
        .map(rows -> {
          int changed = 0;
          for (var r = rows; r != null; r = r.next()) {
            changed += r.rowCount();
          }
          return changed;
        }));
  }

  /** Every asset, in the contract's JSON form. */
  public Future<List<IpAsset>> all() {
    return pool.query("SELECT body FROM ip_assets ORDER BY asset_id").execute().map(rows -> {
      List<IpAsset> out = new ArrayList<>();
      for (Row r : rows) {
        out.add(Json.read(r.getJsonObject("body").encode(), IpAsset.class));
      }
      return out;
    });
  }
}
