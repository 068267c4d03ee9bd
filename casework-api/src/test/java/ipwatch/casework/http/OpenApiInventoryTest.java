package ipwatch.casework.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import ipwatch.casework.CaseworkSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OWASP API9 (inventory): the router and the OpenAPI document list exactly the same operations. */
class OpenApiInventoryTest {
  private static Vertx vertx;
  private static HttpApi.Deps deps;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    deps = new HttpApi.Deps(vertx, new CaseworkSettings.Http("127.0.0.1", 0, "test-webroot", 1024, List.of(), 100),
        null, null, null, null, null, () -> false, () -> "x", Map.of("regulator", "t"), null, new RateLimit(1, 1),
        null, null, null, null, null, null, null);
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  private static void collect(Router router, String prefix, Set<String> out) {
    for (Route r : router.getRoutes()) {
      if (r.getPath() == null || r.methods() == null || r.methods().isEmpty() || r.getPath().equals("/")) {
        continue;
      }
      for (HttpMethod m : r.methods()) {
        if (m == HttpMethod.HEAD) {
          continue;
        }
        String path = (prefix + r.getPath()).replaceAll(":(\\w+)", "{$1}");
        if (path.startsWith("/api/")) {
          out.add(m.name() + " " + path);
        }
      }
    }
  }

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() {
    Set<String> routed = new TreeSet<>();
    collect(HttpApi.router(deps), "", routed);
    collect(HttpApi.apiRouter(deps), "/api", routed);
    Set<String> documented = new TreeSet<>();
    OpenApiDocument.OPERATIONS.forEach(op -> documented.add(op.method().toUpperCase() + " " + op.path()));
    assertEquals(documented, routed);
  }

  @Test
  void theDocumentIsOpenApi31WithTheValidationSchemasAsComponents() {
    JsonObject doc = OpenApiDocument.document();
    assertEquals("3.1.0", doc.getString("openapi"));
    JsonObject schemas = doc.getJsonObject("components").getJsonObject("schemas");
    for (String name : BodySchemas.NAMES) {
      assertEquals(BodySchemas.all().get(name), schemas.getJsonObject(name), name);
      assertEquals(false, schemas.getJsonObject(name).getValue("additionalProperties"), name);
    }
    JsonObject transition = doc.getJsonObject("paths").getJsonObject("/api/cases/{id}/transitions")
        .getJsonObject("post");
    assertTrue(transition.getJsonObject("responses").containsKey("409"));
  }
}
