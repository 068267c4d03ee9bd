package ipwatch.casework.http;

import io.vertx.pgclient.PgException;
import java.util.Set;

/**
 * A request value PostgreSQL cannot store: text with a NUL character (22021) or a JSON string with {@code \u0000}
 * (22P05). JSON allows both and the schemas do not forbid them everywhere, so they reach the database; the refusal is
 * the client's input, not our failure (400, not 500). Other data exceptions stay 500: they would be our bug.
 */
final class UnstorableValue {
  static final String MESSAGE = "A value in the request cannot be stored (it contains a NUL character).";
  private static final Set<String> STATES = Set.of("22021", "22P05");

  private UnstorableValue() {}

  static boolean is(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PgException pg && STATES.contains(pg.getSqlState())) {
        return true;
      }
    }
    return false;
  }
}
