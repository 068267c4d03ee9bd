package ipwatch.casework.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ipwatch.casework.cases.CaseStatus;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The OpenAPI 3.1 description of the API, served at GET /api/openapi.json. The operation list below is the inventory;
 * {@code OpenApiInventoryTest} fails when the router and this list disagree in either direction. Request bodies use
 * the very schemas the server validates with ({@link BodySchemas}).
 */
public final class OpenApiDocument {
  /** One operation: method, path (OpenAPI style), who may call it, request schema (or null), success status. */
  public record Op(String method, String path, String summary, String roles, String body, int success,
      boolean authenticated) {}

  private static final String ALL = "any party that can see the case";
  public static final List<Op> OPERATIONS = List.of(
      open("get", "/api/health", "Readiness of the service and its dependencies (no authentication)"),
      open("get", "/api/openapi.json", "This document (no authentication)"),
      open("get", "/api/demo/tokens", "Demo tokens per role; only in demo mode and only from loopback"),
      op("get", "/api/me", "The caller's user and organisation", "any", null, 200),
      op("get", "/api/cases", "Cases the caller can see, newest first (page, size, status, marketplace, networkId)", "any",
          null, 200),
      op("get", "/api/cases/{id}", "A case with its audit trail, deadlines and the actions the caller may take",
          ALL, null, 200),
      op("get", "/api/search", "Full-text search over the caller's cases (q, page, size)", "any", null, 200),
      op("post", "/api/cases/{id}/transitions", "Take a workflow action (409 lists the allowed ones)",
          "per action: see docs/casework.md", "Transition", 200),
      op("get", "/api/cases/{id}/comments", "Comments shared with all parties, plus the caller's internal ones",
          ALL, null, 200),
      op("post", "/api/cases/{id}/comments", "Add a comment (PARTIES or INTERNAL)", ALL, "Comment", 201),
      op("put", "/api/cases/{id}/assignee", "Assign the case to a user of the owning rights holder",
          "RIGHTS_HOLDER (owner)", "Assignment", 200),
      op("get", "/api/cases/{id}/seller", "Seller identifiers: masked for rights holders; full reads by "
          + "regulators and courts are audited", ALL, null, 200),
      op("put", "/api/cases/{id}/seller", "The platform supplies the seller's identifiers (DSA Art. 30)",
          "PLATFORM (marketplace of the case, after notice)", "SellerIdentifiers", 200),
      op("get", "/api/cases/{id}/evidence", "The case's evidence hash chain", ALL, null, 200),
      op("post", "/api/cases/{id}/evidence", "Add evidence: the listing snapshot by hash, or uploaded content",
          ALL, "EvidenceItem", 201),
      op("get", "/api/cases/{id}/notice", "The takedown notice (DSA Art. 16(2) fields, notifier, evidence links, "
          + "claim charts) a takedown_notice.created webhook links to; 404 before a notice; a platform's read is "
          + "audited", ALL, null, 200),
      op("get", "/api/cases/{id}/evidence/export", "Evidence bundle (zip: manifest, chain, files) for "
          + "`ipwatch verify-evidence`", ALL, null, 200),
      op("get", "/api/notifiers/{orgId}/accuracy", "A rights holder's notice accuracy over the cases the caller "
          + "sees", "RIGHTS_HOLDER (own only), PLATFORM, REGULATOR, COURT, ADMIN", null, 200),
      op("get", "/api/registry/assets", "The caller's registered assets", "RIGHTS_HOLDER, ADMIN", null, 200),
      op("get", "/api/registry/assets/{assetId}", "One asset with its version (ETag)", "RIGHTS_HOLDER (owner)",
          null, 200),
      op("put", "/api/registry/assets/{assetId}", "Create or replace an asset (If-Match: version); published to "
          + "ip-registry through the outbox", "RIGHTS_HOLDER (owner)", "Asset", 200),
      op("delete", "/api/registry/assets/{assetId}", "Remove an asset (tombstone on ip-registry)",
          "RIGHTS_HOLDER (owner)", null, 200),
      op("get", "/api/registry/assets/{assetId}/versions", "Every version of an asset, removals included",
          "RIGHTS_HOLDER (owner)", null, 200),
      op("get", "/api/webhooks/endpoints", "The caller's webhook endpoints (secrets shown by hint only)",
          "PLATFORM, RIGHTS_HOLDER",
          null, 200),
      op("post", "/api/webhooks/endpoints", "Register an endpoint; answers its first whsec_ secret (shown once). "
          + "Private, loopback and link-local targets are refused", "PLATFORM, RIGHTS_HOLDER", "WebhookEndpoint", 201),
      op("get", "/api/webhooks/endpoints/{endpointId}", "One endpoint with its secrets' metadata",
          "PLATFORM, RIGHTS_HOLDER (owner)",
          null, 200),
      op("patch", "/api/webhooks/endpoints/{endpointId}", "Change the URL or description, disable or re-enable",
          "PLATFORM, RIGHTS_HOLDER (owner)", "WebhookEndpointUpdate", 200),
      op("post", "/api/webhooks/endpoints/{endpointId}/secrets", "Rotate: a new secret (shown once); the previous "
          + "ones keep signing for the grace period", "PLATFORM, RIGHTS_HOLDER (owner)", "SecretRotation", 201),
      op("get", "/api/webhooks/endpoints/{endpointId}/deliveries", "Latest deliveries with every attempt "
          + "(status=PENDING|DELIVERED|DEAD)", "PLATFORM, RIGHTS_HOLDER (owner)", null, 200),
      op("post", "/api/webhooks/deliveries/{deliveryId}/replay", "Replay a dead-lettered delivery (same webhook-id)",
          "PLATFORM, RIGHTS_HOLDER (owner)", null, 202),
      op("get", "/api/subscriptions", "The caller's alert subscriptions", "RIGHTS_HOLDER", null, 200),
      op("post", "/api/subscriptions", "Subscribe to alerts on own assets (filters: assetIds, minScore, kinds, "
          + "marketplaces, jurisdictions; events CASE_OPENED, RELISTING, DEADLINE_APPROACHING; channel webhook with "
          + "an own endpointId, or sse). Idempotent: the same subscription answers the stored one", "RIGHTS_HOLDER",
          "Subscription", 201),
      op("get", "/api/subscriptions/{subscriptionId}", "One subscription", "RIGHTS_HOLDER (owner)", null, 200),
      op("delete", "/api/subscriptions/{subscriptionId}", "Delete a subscription", "RIGHTS_HOLDER (owner)", null,
          204),
      op("get", "/api/events", "text/event-stream: case.updated {caseId, status, version, listingId, assetId, marketplace, "
          + "jurisdiction, createdAt} for cases the caller sees, alert for its own "
          + "subscriptions, webhook.failing for its endpoints; Last-Event-ID resumes; comment heartbeat every 15 s; "
          + "the token may also come as ?access_token= on this route only", "any", null, 200),
      op("get", "/api/exports/dsa-statements", "Platform removals as DSA Transparency Database statements of "
          + "reasons (from, to: ISO date or instant)", "PLATFORM (own marketplace), REGULATOR, ADMIN (jurisdictions)",
          null, 200),
      op("get", "/api/exports/lumen", "Sent notices as Lumen-style records without personal data (from, to)",
          "PLATFORM (own marketplace), REGULATOR, ADMIN (jurisdictions)", null, 200),
      op("get", "/api/dashboard", "Flags per day and marketplace, detection-to-takedown hours (p50, p90), "
          + "counter-notice rate and cases per status over the caller's cases (days, default 30)", "any", null, 200),
      op("post", "/api/cases/bulk/transitions", "One action on up to 100 cases; per id the result of "
          + "POST /api/cases/{id}/transitions (foreign or missing ids are not_found items)",
          "per action: see docs/casework.md", "BulkTransition", 200),
      op("get", "/api/cases/{id}/evidence/{itemId}/content", "The stored bytes of an evidence item (itemId = seq) "
          + "with its content type, CSP sandbox and nosniff, for a sandboxed iframe", ALL, null, 200),
      op("get", "/api/admin/organisations", "Every organisation", "ADMIN", null, 200),
      op("post", "/api/admin/organisations", "Create an organisation (409 when id, name or platform marketplace "
          + "exists)", "ADMIN", "NewOrganisation", 201),
      op("get", "/api/admin/organisations/{orgId}/users", "The organisation's users", "ADMIN", null, 200),
      op("post", "/api/admin/organisations/{orgId}/users", "Create a user of the organisation (409 when id or "
          + "e-mail exists)", "ADMIN", "NewUser", 201),
      op("post", "/api/admin/organisations/{orgId}/users/{userId}/tokens", "A 12-hour token for the user, carrying "
          + "its organisation and role as stored", "ADMIN", null, 201),
      op("get", "/api/cases/{id}/network", "The operator network of the case's seller: accounts (masked per role, "
          + "with the cases the caller may see) and the shared identifiers linking them", ALL, null, 200),
      op("get", "/api/networks", "Seller networks with the most cases the caller may see (limit, 1-100, default "
          + "10)", "any", null, 200));

  private OpenApiDocument() {}

  private static Op op(String method, String path, String summary, String roles, String body, int success) {
    return new Op(method, path, summary, roles, body, success, true);
  }

  private static Op open(String method, String path, String summary) {
    return new Op(method, path, summary, "anyone", null, 200, false);
  }

  public static JsonObject document() {
    JsonObject paths = new JsonObject();
    for (Op op : OPERATIONS) {
      JsonObject item = paths.getJsonObject(op.path());
      if (item == null) {
        item = new JsonObject();
        paths.put(op.path(), item);
      }
      item.put(op.method(), operation(op));
    }
    JsonObject schemas = new JsonObject().put("Error", new JsonObject().put("type", "object")
        .put("required", new JsonArray(List.of("type", "message", "correlationId")))
        .put("properties", new JsonObject()
            .put("type", new JsonObject().put("type", "string"))
            .put("message", new JsonObject().put("type", "string"))
            .put("correlationId", new JsonObject().put("type", "string"))
            .put("allowed", new JsonObject().put("type", "array").put("description",
                "409 from a transition: the actions the caller may take now")
                .put("items", new JsonObject().put("type", "string")))));
    BodySchemas.all().forEach((name, schema) -> schemas.put(name, schema.copy()));
    return new JsonObject()
        .put("openapi", "3.1.0")
        .put("info", new JsonObject().put("title", "IPWatch casework API").put("version", "1")
            .put("description", "Multi-party IP enforcement cases. Authorisation is part of every query: a case "
                + "the caller may not see answers 404 exactly like a missing one. Errors are {type, message, "
                + "correlationId}."))
        .put("jsonSchemaDialect", "https://json-schema.org/draft/2020-12/schema")
        .put("components", new JsonObject().put("schemas", schemas).put("securitySchemes", new JsonObject()
            .put("bearer", new JsonObject().put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT"))))
        .put("security", new JsonArray().add(new JsonObject().put("bearer", new JsonArray())))
        .put("paths", paths);
  }

  /** A query parameter (or request header) an operation reads; {@code schema} is its JSON Schema. */
  public record Param(String name, String in, String description, JsonObject schema) {
    JsonObject json() {
      return new JsonObject().put("name", name).put("in", in).put("required", false).put("description", description)
          .put("schema", schema);
    }
  }

  private static Param query(String name, String description, JsonObject schema) {
    return new Param(name, "query", description, schema);
  }

  private static JsonObject string() {
    return new JsonObject().put("type", "string");
  }

  private static JsonObject integer(int min, int max) {
    return new JsonObject().put("type", "integer").put("minimum", min).put("maximum", max);
  }

  private static final List<Param> CASE_FILTER = List.of(
      query("page", "from 1; page x size at most " + QueryParams.MAX_WINDOW, integer(1, QueryParams.MAX_WINDOW)),
      query("size", "results per page (default " + QueryParams.DEFAULT_SIZE + ", at most http.maxPageSize)",
          new JsonObject().put("type", "integer").put("minimum", 1)),
      query("q", "words to find in the listing, seller, asset and comments",
          string().put("maxLength", CaseFilterParams.MAX_QUERY_LENGTH)),
      query("status", "one workflow status", string().put("enum",
          new JsonArray(Stream.of(CaseStatus.values()).map(Enum::name).toList()))),
      query("jurisdiction", "code of the case's jurisdiction (CN, US, EU)",
          string().put("pattern", "^" + CaseFilterParams.JURISDICTION + "$")),
      query("platform", "marketplace host (alias: marketplace)",
          string().put("maxLength", CaseFilterParams.MAX_NAME_LENGTH)),
      query("marketplace", "marketplace host", string().put("maxLength", CaseFilterParams.MAX_NAME_LENGTH)),
      query("minPriority", "cases at or above this priority score",
          new JsonObject().put("type", "number").put("minimum", 0).put("maximum", CaseFilterParams.MAX_PRIORITY)),
      query("dueBefore", "cases with a legal deadline before this ISO instant", string().put("format", "date-time")));

  private static final List<Param> DATE_RANGE = List.of(
      query("from", "ISO date (2026-11-20) or instant; default: the beginning", string()),
      query("to", "ISO date or instant; default: now", string()));

  /**
   * The query parameters (and headers) each operation reads, by "METHOD path". {@code OpenApiInventoryTest} checks that
   * every parameter name the route classes read is listed here.
   */
  public static final Map<String, List<Param>> PARAMETERS = Map.of(
      "GET /api/cases", Stream.concat(CASE_FILTER.stream(), Stream.of(query("networkId",
          "cases of one seller network (GET /api/networks)",
          string().put("maxLength", CaseFilterParams.MAX_NAME_LENGTH)))).toList(),
      "GET /api/search", CASE_FILTER,
      "GET /api/dashboard", List.of(query("days", "days back (default 30)", integer(1, PortalRoutes.MAX_DAYS))),
      "GET /api/networks", List.of(query("limit", "networks to answer (default " + NetworkRoutes.DEFAULT_LIMIT + ")",
          integer(1, NetworkRoutes.MAX_LIMIT))),
      "GET /api/webhooks/endpoints/{endpointId}/deliveries", List.of(query("status", "only deliveries in this state",
          string().put("enum", new JsonArray(WebhookRoutes.STATUSES)))),
      "GET /api/exports/dsa-statements", DATE_RANGE,
      "GET /api/exports/lumen", DATE_RANGE,
      "GET /api/events", List.of(
          query("access_token", "the bearer token, for clients that cannot set headers (EventSource); this route only",
              string()),
          new Param("Last-Event-ID", "header", "resume after this event id", string())),
      "PUT /api/registry/assets/{assetId}", List.of(new Param("If-Match", "header",
          "the version the change is based on; a newer stored version answers 409", string())));

  private static JsonObject operation(Op op) {
    JsonObject o = new JsonObject().put("summary", op.summary())
        .put("description", "Who: " + op.roles() + ".")
        .put("operationId", op.method() + op.path().replaceAll("[^A-Za-z0-9]+", "_"));
    if (!op.authenticated()) {
      o.put("security", new JsonArray());
    }
    JsonArray params = new JsonArray();
    Matcher m = Pattern.compile("\\{(\\w+)}").matcher(op.path());
    while (m.find()) {
      params.add(new JsonObject().put("name", m.group(1)).put("in", "path").put("required", true)
          .put("schema", new JsonObject().put("type", "string")));
    }
    PARAMETERS.getOrDefault(op.method().toUpperCase() + " " + op.path(), List.of()).forEach(p -> params.add(p.json()));
    if (!params.isEmpty()) {
      o.put("parameters", params);
    }
    if (op.body() != null) {
      o.put("requestBody", new JsonObject().put("required", true).put("content", new JsonObject()
          .put("application/json", new JsonObject().put("schema",
              new JsonObject().put("$ref", "#/components/schemas/" + op.body())))));
    }
    String contentType = op.path().endsWith("/export") ? "application/zip"
        : op.path().equals("/api/events") ? "text/event-stream"
        : op.path().endsWith("/content") ? "*/*" : "application/json";
    JsonObject responses = new JsonObject().put(String.valueOf(op.success()), new JsonObject()
        .put("description", "success").put("content", new JsonObject().put(contentType, new JsonObject())));
    Map<String, String> errors = op.authenticated()
        ? Map.of("400", "invalid request", "401", "no or invalid token", "403", "role may not call this",
            "404", "not found or not visible to the caller", "409", "conflicts with the current state",
            "413", "body too large", "415", "body is not JSON", "429", "rate limit (Retry-After)")
        : Map.of("404", "not available");
    errors.forEach((status, why) -> responses.put(status, new JsonObject().put("description", why)
        .put("content", new JsonObject().put("application/json", new JsonObject().put("schema",
            new JsonObject().put("$ref", "#/components/schemas/Error"))))));
    return o.put("responses", responses);
  }
}
