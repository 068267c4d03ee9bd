package ipwatch.casework.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import ipwatch.casework.db.Database;
import ipwatch.casework.search.CaseIndex;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * GET /api/health, unauthenticated: up/down per dependency and nothing else (no versions, hosts or errors). 200 when
 * everything is up, 503 otherwise, so a load balancer or {@code ipwatch up} can poll it.
 */
final class HealthRoute {
  private final Vertx vertx;
  private final Pool pool;
  private final CaseIndex index;
  private final BooleanSupplier kafkaUp;
  private final Supplier<String> ingestState;

  HealthRoute(Vertx vertx, Pool pool, CaseIndex index, BooleanSupplier kafkaUp, Supplier<String> ingestState) {
    this.vertx = vertx;
    this.pool = pool;
    this.index = index;
    this.kafkaUp = kafkaUp;
    this.ingestState = ingestState;
  }

  void handle(RoutingContext ctx) {
    Future<Boolean> db = Database.ping(pool).map(true).timeout(3, TimeUnit.SECONDS).otherwise(false);
    Future<Boolean> es = vertx.executeBlocking(index::healthy, false).timeout(5, TimeUnit.SECONDS).otherwise(false);
    Future.join(db, es).onComplete(ignored -> {
      boolean kafka = kafkaUp.getAsBoolean();
      boolean all = db.result() && es.result() && kafka;
      JsonObject body = new JsonObject()
          .put("status", all ? "up" : "degraded")
          .put("checks", new JsonObject()
              .put("database", status(db.result()))
              .put("kafka", status(kafka))
              .put("elasticsearch", status(es.result()))
              .put("ingestion", ingestState.get().toLowerCase(java.util.Locale.ROOT)));
      Responses.json(ctx, all ? 200 : 503, body);
    });
  }

  private static String status(boolean up) {
    return up ? "up" : "down";
  }
}
