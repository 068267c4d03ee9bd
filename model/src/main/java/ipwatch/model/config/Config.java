package ipwatch.model.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One deployable's settings: its commented YAML defaults file, then environment overrides. A key {@code
 * kafka.bootstrapServers} is overridden by {@code IPWATCH_KAFKA_BOOTSTRAP_SERVERS} (dots and camel humps become
 * underscores), so docker-compose and the code name the same keys. Getters fail fast with the key's name.
 */
public final class Config {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private final ObjectNode root;
  private final Map<String, String> env;
  private final String source;

  private Config(ObjectNode root, Map<String, String> env, String source) {
    this.root = root;
    this.env = env;
    this.source = source;
  }

  public static Config load(Path yamlFile, Map<String, String> env) {
    if (!Files.isRegularFile(yamlFile)) {
      throw new ConfigException("config file not found: " + yamlFile.toAbsolutePath());
    }
    try (InputStream in = Files.newInputStream(yamlFile)) {
      return parse(in, env, yamlFile.toString());
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + yamlFile + ": " + e.getMessage());
    }
  }

  /** Loads a defaults file from the class path (for tests and packaged services). */
  public static Config loadResource(String resource, Map<String, String> env) {
    try (InputStream in = Config.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new ConfigException("config resource not found on the class path: " + resource);
      }
      return parse(in, env, resource);
    } catch (IOException e) {
      throw new ConfigException("cannot read config resource " + resource + ": " + e.getMessage());
    }
  }

  private static Config parse(InputStream in, Map<String, String> env, String source) throws IOException {
    JsonNode node = YAML.readTree(in);
    ObjectNode root = node instanceof ObjectNode o ? o : YAML.createObjectNode();
    return new Config(root, Map.copyOf(env), source);
  }

  /** A copy with some keys set, as if from the environment (used by the local stack to point services at it). */
  public Config with(Map<String, String> overrides) {
    Map<String, String> merged = new java.util.HashMap<>(env);
    overrides.forEach((k, v) -> merged.put(envName(k), v));
    return new Config(root, merged, source);
  }

  public static String envName(String key) {
    return "IPWATCH_" + key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').replace('-', '_')
        .toUpperCase(Locale.ROOT);
  }

  public Optional<String> find(String key) {
    String fromEnv = env.get(envName(key));
    if (fromEnv != null) {
      return Optional.of(fromEnv);
    }
    JsonNode n = node(key);
    return n == null || n.isNull() || n.isContainerNode() ? Optional.empty() : Optional.of(n.asText());
  }

  public String string(String key) {
    return find(key).orElseThrow(() -> missing(key));
  }

  public int integer(String key) {
    String v = string(key);
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw invalid(key, v, "a whole number");
    }
  }

  public double decimal(String key) {
    String v = string(key);
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw invalid(key, v, "a number");
    }
  }

  public boolean bool(String key) {
    String v = string(key).trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw invalid(key, v, "true or false");
    };
  }

  /** ISO-8601 ({@code PT5S}) or a number with a unit: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 15d}. */
  public Duration duration(String key) {
    String v = string(key).trim();
    try {
      if (v.startsWith("P") || v.startsWith("p")) {
        return Duration.parse(v);
      }
      var m = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)").matcher(v);
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
      }
    } catch (RuntimeException e) {
      // fall through to the clear message below
    }
    throw invalid(key, v, "a duration such as 500ms, 5s, 2m or PT5S");
  }

  /** A list from YAML, or a comma-separated string from the environment. */
  public List<String> list(String key) {
    String fromEnv = env.get(envName(key));
    if (fromEnv != null) {
      return fromEnv.isBlank() ? List.of() : List.of(fromEnv.split("\\s*,\\s*"));
    }
    JsonNode n = node(key);
    if (n == null || n.isNull()) {
      throw missing(key);
    }
    List<String> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(e -> out.add(e.asText()));
    } else {
      out.addAll(List.of(n.asText().split("\\s*,\\s*")));
    }
    return List.copyOf(out);
  }

  /** The raw YAML subtree, for structured sections such as marketplace rules. */
  public Optional<JsonNode> tree(String key) {
    return Optional.ofNullable(node(key));
  }

  private JsonNode node(String key) {
    JsonNode n = root;
    for (String part : key.split("\\.")) {
      n = n == null ? null : n.get(part);
    }
    return n;
  }

  private ConfigException missing(String key) {
    return new ConfigException(
        "missing config key '" + key + "' (set it in " + source + " or the environment as " + envName(key) + ")");
  }

  private ConfigException invalid(String key, String value, String expected) {
    return new ConfigException(
        "config key '" + key + "' is '" + value + "' but must be " + expected + " (" + source + " / " + envName(key)
            + ")");
  }
}
