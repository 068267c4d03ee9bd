package ipwatch.casework.db;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.ConnectException;

/**
 * Whether a failure means PostgreSQL is unreachable or going away (refused or dropped connections, server shutdown,
 * connection-class SQL states) rather than a fault of the request. Such failures answer 503 with Retry-After, and the
 * pool reconnects on its own when the database is back; nothing was written, so the client may safely retry.
 */
public final class DatabaseOutage {
  private DatabaseOutage() {}

  public static boolean is(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConnectException || t instanceof ClosedConnectionException) {
        return true;
      }
      if (t instanceof DatabaseException db && db.getSqlState() != null) {
        String state = db.getSqlState();
        // 08: connection exception; 57P01-03: admin/crash shutdown, cannot connect now
        if (state.startsWith("08") || state.startsWith("57P")) {
          return true;
        }
      }
    }
    return false;
  }
}
