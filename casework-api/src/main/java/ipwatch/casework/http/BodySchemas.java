package ipwatch.casework.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON schemas of request bodies (class-path {@code schemas/<Name>.json}, draft 2020-12), used both to validate
 * and as the OpenAPI document's components, so the documented and the enforced contract cannot drift. Every object
 * schema says {@code additionalProperties: false}: a field the client may not set (status, owner, version ...) is a
 * 400, never silently ignored or, worse, bound (mass assignment).
 */
public final class BodySchemas {
  public static final List<String> NAMES = List.of("Transition", "Comment", "Assignment", "SellerIdentifiers",
      "EvidenceItem", "Asset", "WebhookEndpoint", "WebhookEndpointUpdate", "SecretRotation", "Subscription",
      "BulkTransition", "NewOrganisation", "NewUser");
  private static final Map<String, JsonObject> SCHEMAS = new LinkedHashMap<>();
  private static final Map<String, Validator> VALIDATORS = new LinkedHashMap<>();

  static {
    for (String name : NAMES) {
      JsonObject schema = new JsonObject(resource("schemas/" + name + ".json"));
      SCHEMAS.put(name, schema);
      VALIDATORS.put(name, Validator.create(JsonSchema.of(schema.copy()), new JsonSchemaOptions()
          .setDraft(Draft.DRAFT202012).setBaseUri("https://ipwatch.invalid/schemas/" + name)));
    }
  }

  private BodySchemas() {}

  public static Map<String, JsonObject> all() {
    return SCHEMAS;
  }

  /** The request body as a JSON object valid against {@code name}, or a 400/415 naming the first problem. */
  static JsonObject valid(RoutingContext ctx, String name) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase().startsWith("application/json")) {
      throw new ApiException(ErrorType.UNSUPPORTED_MEDIA_TYPE);
    }
    JsonObject body;
    try {
      String text = ctx.body().buffer() == null ? "" : ctx.body().asString().strip();
      if (!text.startsWith("{")) {
        throw ApiException.badRequest("The body must be a JSON object.");
      }
      body = new JsonObject(text);
    } catch (DecodeException e) {
      throw ApiException.badRequest("The body is not valid JSON.");
    }
    OutputUnit out = VALIDATORS.get(name).validate(body);
    if (!Boolean.TRUE.equals(out.getValid())) {
      throw ApiException.badRequest(describe(out));
    }
    return body;
  }

  /** A body already parsed (e.g. one item of a bulk request) against {@code name}, or a 400 naming the problem. */
  static void validate(String name, JsonObject body) {
    OutputUnit out = VALIDATORS.get(name).validate(body);
    if (!Boolean.TRUE.equals(out.getValid())) {
      throw ApiException.badRequest(describe(out));
    }
  }

  /** The first error as "where: what", without echoing the submitted value. */
  private static String describe(OutputUnit out) {
    List<OutputUnit> errors = out.getErrors();
    OutputUnit first = errors == null || errors.isEmpty() ? out : errors.get(0);
    String where = first.getInstanceLocation() == null || first.getInstanceLocation().isEmpty()
        ? "body" : "body" + first.getInstanceLocation().replace('/', '.');
    String what = first.getError() == null ? "does not match the schema" : first.getError();
    if (what.length() > 300) {
      what = what.substring(0, 300);
    }
    return where + ": " + what;
  }

  private static String resource(String path) {
    try (InputStream in = BodySchemas.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("class-path resource " + path + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
