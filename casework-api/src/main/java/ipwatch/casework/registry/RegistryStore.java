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
 * The registry table as seen by start-up: seeding from a file and the full republish of {@link RegistrySync}. The
 * registry API (changes one asset at a time through the outbox) is {@link RegistryService}.
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
        })
        // keep the version history and the id registry of the API in step with seeded assets
        .compose(changed -> conn.query("INSERT INTO ip_asset_ids (asset_id, owner_org, last_version)"
                + " SELECT asset_id, owner_org, version FROM ip_assets ON CONFLICT (asset_id) DO UPDATE"
                + " SET last_version = GREATEST(ip_asset_ids.last_version, EXCLUDED.last_version)").execute()
            .compose(v -> conn.query("INSERT INTO ip_asset_versions (asset_id, version, owner_org, body, changed_by,"
                + " changed_at) SELECT asset_id, version, owner_org, body, 'system:seed', updated_at FROM ip_assets"
                + " ON CONFLICT DO NOTHING").execute())
            .map(changed)));
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
