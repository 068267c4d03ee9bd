package ipwatch.casework.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;

/** The organisations table. */
public final class Organisations {
  private final Pool pool;

  public Organisations(Pool pool) {
    this.pool = pool;
  }

  private static final long CACHE_NANOS = 10_000_000_000L;
  private final java.util.concurrent.ConcurrentHashMap<String, Cached> cache =
      new java.util.concurrent.ConcurrentHashMap<>();

  private record Cached(Optional<Organisation> org, long until) {}

  /**
   * As {@link #find}, from a 10-second cache: every request authenticates against its organisation, and a role or
   * jurisdiction change is picked up within the cache time.
   */
  public Future<Optional<Organisation>> findCached(String id) {
    long now = System.nanoTime();
    Cached c = cache.get(id);
    if (c != null && c.until() - now > 0) {
      return Future.succeededFuture(c.org());
    }
    return find(id).onSuccess(o -> {
      if (cache.size() > 10_000) {
        cache.clear();
      }
      cache.put(id, new Cached(o, now + CACHE_NANOS));
    });
  }

  public Future<Optional<Organisation>> find(String id) {
    return pool.preparedQuery("SELECT id, name, role, marketplace, jurisdictions FROM organisations WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(read(rows.iterator().next())));
  }

  /** Creates or corrects an organisation; running it twice changes nothing. */
  public Future<Void> upsert(Organisation o) {
    return pool.preparedQuery("INSERT INTO organisations (id, name, role, marketplace, jurisdictions)"
            + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name,"
            + " role = EXCLUDED.role, marketplace = EXCLUDED.marketplace, jurisdictions = EXCLUDED.jurisdictions")
        .execute(Tuple.of(o.id(), o.name(), o.role().name(), o.marketplace(),
            o.jurisdictions().toArray(String[]::new)))
        .mapEmpty();
  }

  static Organisation read(Row r) {
    String[] j = r.getArrayOfStrings("jurisdictions");
    return new Organisation(r.getString("id"), r.getString("name"), Role.valueOf(r.getString("role")),
        r.getString("marketplace"), j == null ? List.of() : List.of(j));
  }
}
