package ipwatch.casework.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationsIT {

  @Test
  void migratingTwiceAppliesEachScriptOnce() {
    Vertx vertx = Vertx.vertx();
    Pool pool = TestPostgres.freshDatabase().pool(vertx);
    try {
      List<Integer> first = Await.result(Migrations.migrate(pool));
      List<Integer> second = Await.result(Migrations.migrate(pool));

      assertFalse(first.isEmpty());
      assertEquals(List.of(), second);
      long recorded = Await.result(pool.query("SELECT count(*) FROM schema_version").execute())
          .iterator().next().getLong(0);
      assertEquals(Migrations.load().size(), recorded);
    } finally {
      Await.result(pool.close());
      Await.result(vertx.close());
    }
  }

  @Test
  void theMigrationIndexListsConsecutiveVersions() {
    List<Migrations.Script> scripts = Migrations.load();
    for (int i = 0; i < scripts.size(); i++) {
      assertEquals(i + 1, scripts.get(i).version());
    }
  }
}
