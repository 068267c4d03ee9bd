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

  private static Organisation read(Row r) {
    String[] j = r.getArrayOfStrings("jurisdictions");
    return new Organisation(r.getString("id"), r.getString("name"), Role.valueOf(r.getString("role")),
        r.getString("marketplace"), j == null ? List.of() : List.of(j));
  }
}
