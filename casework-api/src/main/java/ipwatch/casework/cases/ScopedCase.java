package ipwatch.casework.cases;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.auth.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Loads chosen columns of a case only if the caller's party scope covers it (the building block of sub-resources). */
public final class ScopedCase {
  private ScopedCase() {}

  public static Future<Optional<Row>> load(SqlClient client, Caller caller, UUID id, String columns, boolean lock) {
    List<Object> params = new ArrayList<>();
    params.add(id);
    String scope = CaseRows.where(PartyScope.of(caller.organisation()), params);
    return client.preparedQuery("SELECT " + columns + " FROM cases WHERE id = $1 AND " + scope
            + (lock ? " FOR UPDATE" : ""))
        .execute(Tuple.from(params))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next()));
  }
}
