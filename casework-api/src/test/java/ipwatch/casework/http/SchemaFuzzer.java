package ipwatch.casework.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded request bodies for an endpoint's JSON schema: mostly valid instances (so the handler's own logic runs with
 * odd but allowed values), the rest broken the ways clients and attackers break them — wrong types, values out of range,
 * missing required and unknown properties, nulls, absurd numbers, deep nesting, control characters and raw non-JSON.
 */
final class SchemaFuzzer {
  /** Examples that satisfy the patterns our schemas use; an unknown pattern gets a random string. */
  private static final Map<String, List<String>> PATTERN_EXAMPLES = Map.of(
      "^https?://", List.of("https://shop.example/p/1", "http://127.0.0.1/x", "https://[::1]/", "http://169.254.169.254/"),
      "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", List.of("a@b.example", "\u202e@x.y"),
      "^[A-Z]{2}$", List.of("DE", "CN", "ZZ"),
      "^[A-Z]{2,3}$", List.of("US", "EU", "CN", "XXX"),
      "^[A-Z]{3}$", List.of("EUR", "USD", "QQQ"),
      "^[0-9]{1,12}(\\.[0-9]{1,4})?$", List.of("0", "999999999999.9999", "12.50"),
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", List.of("2030-01-01", "0000-00-00", "2026-02-31"));
  private static final String[] ODD_STRINGS = {"", " ", "\u0000", "\uFFFF", "\u202Eevil", "'; DROP TABLE cases;--",
      "${jndi:ldap://x}", "<script>alert(1)</script>", "../../etc/passwd", "%00", "null", "NaN", "\uD83D\uDE00",
      "org-court", "CLOSED"};

  private final SplittableRandom random;

  SchemaFuzzer(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** A body for the schema, as the text sent on the wire. */
  String body(JsonObject schema) {
    int roll = random.nextInt(100);
    if (roll < 55) {
      return valid(schema, 0).toString();
    }
    if (roll < 85) {
      return broken(schema).toString();
    }
    return raw();
  }

  Object valid(JsonObject schema, int depth) {
    if (schema.containsKey("enum")) {
      JsonArray values = schema.getJsonArray("enum");
      return values.getValue(random.nextInt(values.size()));
    }
    String type = schema.getString("type", "object");
    switch (type) {
      case "object" -> {
        JsonObject out = new JsonObject();
        JsonObject props = schema.getJsonObject("properties", new JsonObject());
        List<String> required = schema.getJsonArray("required", new JsonArray()).stream().map(String::valueOf).toList();
        for (String name : props.fieldNames()) {
          if (required.contains(name) || random.nextBoolean()) {
            out.put(name, valid(props.getJsonObject(name), depth + 1));
          }
        }
        return out;
      }
      case "array" -> {
        JsonArray out = new JsonArray();
        int max = Math.min(schema.getInteger("maxItems", 5), 5);
        int n = Math.max(schema.getInteger("minItems", 0), random.nextInt(max + 1));
        for (int i = 0; i < n; i++) {
          out.add(valid(schema.getJsonObject("items", new JsonObject().put("type", "string")), depth + 1));
        }
        return out;
      }
      case "integer" -> {
        long min = schema.getLong("minimum", -1000L);
        long max = schema.getLong("maximum", 1_000_000L);
        return min + random.nextLong(max - min + 1);
      }
      case "number" -> {
        return random.nextDouble() * 1000;
      }
      case "boolean" -> {
        return random.nextBoolean();
      }
      default -> {
        if (schema.containsKey("pattern")) {
          List<String> examples = PATTERN_EXAMPLES.get(schema.getString("pattern"));
          if (examples != null) {
            return examples.get(random.nextInt(examples.size()));
          }
        }
        String s = random.nextInt(3) == 0 ? ODD_STRINGS[random.nextInt(ODD_STRINGS.length)] : text(1 + random.nextInt(40));
        int min = schema.getInteger("minLength", 0);
        int max = schema.getInteger("maxLength", 10_000);
        while (s.length() < min) {
          s += "x";
        }
        return s.length() > max ? s.substring(0, max) : s;
      }
    }
  }

  private JsonObject broken(JsonObject schema) {
    Object v = valid(schema, 0);
    JsonObject body = v instanceof JsonObject o ? o : new JsonObject().put("value", v);
    List<String> names = List.copyOf(body.fieldNames());
    switch (random.nextInt(7)) {
      case 0 -> body.put("status", "CLOSED").put("ownerOrg", "org-court").put("id", "x"); // mass assignment
      case 1 -> {
        if (!names.isEmpty()) {
          body.remove(names.get(random.nextInt(names.size()))); // a required one, sometimes
        }
      }
      case 2 -> {
        if (!names.isEmpty()) {
          body.put(names.get(random.nextInt(names.size())), wrongType()); // wrong type
        }
      }
      case 3 -> {
        if (!names.isEmpty()) {
          body.putNull(names.get(random.nextInt(names.size())));
        }
      }
      case 4 -> body.put(names.isEmpty() ? "x" : names.get(0), "y".repeat(20_000 + random.nextInt(50_000)));
      case 5 -> body.put("nested", deep(50 + random.nextInt(200)));
      default -> {
        if (!names.isEmpty()) {
          body.put(names.get(random.nextInt(names.size())), random.nextBoolean() ? Long.MIN_VALUE : 1e308);
        }
      }
    }
    return body;
  }

  private Object wrongType() {
    return switch (random.nextInt(5)) {
      case 0 -> random.nextLong();
      case 1 -> new JsonArray().add("a").add(1);
      case 2 -> new JsonObject().put("$gt", "");
      case 3 -> random.nextBoolean();
      default -> -1.5e300;
    };
  }

  private static JsonArray deep(int depth) {
    JsonArray a = new JsonArray();
    JsonArray cur = a;
    for (int i = 0; i < depth; i++) {
      JsonArray next = new JsonArray();
      cur.add(next);
      cur = next;
    }
    return a;
  }

  private String raw() {
    return switch (random.nextInt(6)) {
      case 0 -> "";
      case 1 -> "{\"action\":";
      case 2 -> "[".repeat(10_000);
      case 3 -> "{\"a\":1e999999999}";
      case 4 -> "\u0000\u0001\u0002 not json";
      default -> "{\"action\":\"confirm\",\"action\":\"close\"}"; // duplicate keys
    };
  }

  private String text(int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append((char) (random.nextInt(3) == 0 ? random.nextInt(0x20, 0x3000) : random.nextInt('a', 'z' + 1)));
    }
    return b.toString();
  }
}
