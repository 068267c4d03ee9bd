package ipwatch.casework.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import ipwatch.casework.CaseworkSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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

  /** Every query parameter a route class reads (by name, from the source) is in the document, and nothing else is. */
  @Test
  void everyQueryParameterTheRoutesReadIsDocumentedAndNoOtherIs() throws IOException {
    Pattern reads = Pattern.compile("(?:\\(ctx, *|getParam\\(|queryParams\\(\\)\\.get\\()\"([a-z][A-Za-z_]*)\"");
    Set<String> read = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/java/ipwatch/casework/http"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = reads.matcher(Files.readString(f));
        while (m.find()) {
          read.add(m.group(1));
        }
      }
    }
    assertTrue(read.containsAll(Set.of("page", "q", "from", "limit", "access_token")), read.toString());
    Set<String> documented = new TreeSet<>();
    JsonObject paths = OpenApiDocument.document().getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        JsonArray params = item.getJsonObject(method).getJsonArray("parameters", new JsonArray());
        for (int i = 0; i < params.size(); i++) {
          if (params.getJsonObject(i).getString("in").equals("query")) {
            documented.add(params.getJsonObject(i).getString("name"));
          }
        }
      }
    }
    assertEquals(read, documented);
    JsonArray events = paths.getJsonObject("/api/events").getJsonObject("get").getJsonArray("parameters");
    assertTrue(events.stream().map(p -> ((JsonObject) p).getString("name")).toList()
        .containsAll(List.of("access_token", "Last-Event-ID")), events.encode());
  }
}
