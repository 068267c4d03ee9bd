package ipwatch.casework.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import ipwatch.casework.testing.CaseworkFixture;
import ipwatch.casework.testing.TestApi;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Property-based fuzzing of every JSON request body the API accepts (issue 9, "fuzz the JSON API bodies"): for each
 * operation with a body in {@link OpenApiDocument}, seeded bodies from {@link SchemaFuzzer} are sent by every demo role
 * against real PostgreSQL. Whatever the body: no 5xx, every refusal is the JSON error shape without internals, and the
 * service keeps answering.
 */
class ApiBodyFuzzIT {
  private static final int BODIES_PER_OPERATION = 80;
  private static final List<String> ROLES = List.of("regulator", "court", "rights-holder", "rights-holder-2", "platform");
  private static CaseworkFixture f;

  @BeforeAll
  static void start() {
    f = new CaseworkFixture();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  @Test
  void noBodyOnAnyEndpointFromAnyRoleGetsA5xxOrAnUnshapedError() {
    Map<String, JsonObject> schemas = BodySchemas.all();
    SchemaFuzzer fuzzer = new SchemaFuzzer(20261121L);
    Map<String, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int sent = 0;
    for (OpenApiDocument.Op op : OpenApiDocument.OPERATIONS) {
      if (op.body() == null) {
        continue;
      }
      JsonObject schema = schemas.get(op.body());
      assertTrue(schema != null, "a schema for " + op.body());
      for (int i = 0; i < BODIES_PER_OPERATION; i++) {
        String role = i % 4 == 0 ? ROLES.get(i / 4 % ROLES.size()) : primaryRole(op);
        String path = concrete(op.path(), i);
        String body = fuzzer.body(schema);
        HttpResponse<String> r = f.api.call(op.method().toUpperCase(), path, f.token(role), body);
        sent++;
        statuses.merge(op.method() + " " + op.path() + " " + r.statusCode(), 1, Integer::sum);
        String problem = problem(r);
        if (problem != null) {
          failures.add(problem + ": " + role + " " + op.method() + " " + path + " body "
              + body.substring(0, Math.min(300, body.length())) + " -> " + r.statusCode() + " " + r.body());
        }
      }
    }
    System.out.println("[api-fuzz] " + sent + " requests; status per operation: " + statuses);
    assertTrue(failures.isEmpty(), failures.size() + " bad answers, first: " + failures.stream().limit(5).toList());
    assertTrue(sent >= 8 * BODIES_PER_OPERATION, "every operation with a body was fuzzed: " + sent);
    assertTrue(statuses.keySet().stream().anyMatch(k -> k.endsWith(" 200") || k.endsWith(" 201")),
        "some generated bodies were accepted, so handlers ran past validation: " + statuses);
    TestApi.json(f.api.get("/api/me", f.token("regulator")), 200);
  }

  /** Most bodies come from a role the operation is meant for, so they get past the role guard into the handler. */
  private static String primaryRole(OpenApiDocument.Op op) {
    if (op.roles().startsWith("PLATFORM")) {
      return "platform";
    }
    if (op.roles().startsWith("RIGHTS_HOLDER")) {
      return "rights-holder";
    }
    return "regulator";
  }

  /** Path parameters: a real case half the time (so handlers run), otherwise ids that are missing or malformed. */
  private static String concrete(String path, int i) {
    String caseId = i % 2 == 0 ? f.open(i % 4 == 0 ? "EU" : "CN").toString()
        : (i % 3 == 0 ? "not-a-uuid" : UUID.randomUUID().toString());
    return path.replace("{id}", caseId)
        .replace("{assetId}", i % 2 == 0 ? "tm-fuzz-" + i : "..%2F..%2Fetc")
        .replace("{endpointId}", UUID.randomUUID().toString())
        .replace("{deliveryId}", UUID.randomUUID().toString())
        .replace("{orgId}", i % 2 == 0 ? "org-nordvik" : "org-" + i);
  }

  private static String problem(HttpResponse<String> r) {
    if (r.statusCode() >= 500) {
      return "a server error";
    }
    if (r.statusCode() < 400) {
      return null;
    }
    String b = r.body();
    if (b.contains("Exception") || b.contains("at ipwatch.") || b.contains("io.vertx") || b.contains("at java.")) {
      return "internals in the error body";
    }
    try {
      JsonObject err = new JsonObject(b);
      if (!err.containsKey("type") || !err.containsKey("message") || !err.containsKey("correlationId")) {
        return "an error without type, message and correlationId";
      }
    } catch (RuntimeException e) {
      return "an error body that is not JSON";
    }
    return null;
  }
}
