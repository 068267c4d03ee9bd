package ipwatch.crawl.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import ipwatch.model.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** All configured marketplaces, looked up by host. A bad file fails start-up with the file and key in the message. */
public final class Marketplaces {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private final List<MarketplaceRules> all;

  public Marketplaces(List<MarketplaceRules> all) {
    this.all = List.copyOf(all);
  }

  public static Marketplaces none() {
    return new Marketplaces(List.of());
  }

  public static Marketplaces load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ConfigException("marketplaces.dir is not a directory: " + dir.toAbsolutePath());
    }
    List<MarketplaceRules> rules = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        rules.add(parse(p));
      }
    } catch (IOException e) {
      throw new ConfigException("cannot read marketplaces from " + dir + ": " + e.getMessage());
    }
    return new Marketplaces(rules);
  }

  public MarketplaceRules forHost(String host) {
    return all.stream().filter(m -> m.covers(host)).findFirst().orElseGet(() -> MarketplaceRules.unknown(host));
  }

  public List<MarketplaceRules> all() {
    return all;
  }

  static MarketplaceRules parse(Path file) {
    try {
      JsonNode n = YAML.readTree(file.toFile());
      String id = required(n, "id", file).asText();
      List<String> hosts = new ArrayList<>();
      required(n, "hosts", file).forEach(h -> hosts.add(h.asText().toLowerCase(java.util.Locale.ROOT)));
      Optional<Duration> minDelay = Optional.ofNullable(n.path("politeness").get("minDelay"))
          .map(d -> duration(d.asText(), file, "politeness.minDelay"));
      Optional<Duration> recrawl = Optional.ofNullable(n.path("recrawl").get("after"))
          .map(d -> duration(d.asText(), file, "recrawl.after"));
      String currency = n.hasNonNull("currency") ? n.get("currency").asText() : null;
      Map<String, CssRule> extract = new LinkedHashMap<>();
      n.path("extract").fields().forEachRemaining(e -> extract.put(e.getKey(), rule(e.getValue(), file, e.getKey())));
      List<String> productWhen = new ArrayList<>();
      n.path("productWhen").forEach(f -> productWhen.add(f.asText()));
      return new MarketplaceRules(id, hosts, minDelay, currency, extract, productWhen, recrawl);
    } catch (IOException e) {
      throw new ConfigException("cannot read marketplace file " + file + ": " + e.getMessage());
    }
  }

  private static CssRule rule(JsonNode v, Path file, String field) {
    if (v.isArray()) {
      if (v.isEmpty()) {
        throw new ConfigException(file + ": extract." + field + " is an empty list");
      }
      CssRule chain = null;
      for (JsonNode r : v) {
        CssRule one = rule(r, file, field);
        chain = chain == null ? one : chain.then(one);
      }
      return chain;
    }
    if (v.isTextual()) {
      return new CssRule(v.asText(), null, null);
    }
    if (!v.hasNonNull("css")) {
      throw new ConfigException(file + ": extract." + field + " needs a 'css' selector");
    }
    String pattern = v.hasNonNull("pattern") ? v.get("pattern").asText() : null;
    return new CssRule(v.get("css").asText(), v.hasNonNull("attr") ? v.get("attr").asText() : null,
        pattern == null ? null : Pattern.compile(pattern));
  }

  private static JsonNode required(JsonNode n, String key, Path file) {
    if (!n.hasNonNull(key)) {
      throw new ConfigException(file + ": missing key '" + key + "'");
    }
    return n.get(key);
  }

  private static Duration duration(String v, Path file, String key) {
    var m = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)").matcher(v.trim());
    if (!m.matches()) {
      throw new ConfigException(file + ": " + key + " '" + v + "' must look like 250ms, 2s, 1m, 6h or 1d");
    }
    long x = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(x);
      case "s" -> Duration.ofSeconds(x);
      case "h" -> Duration.ofHours(x);
      case "d" -> Duration.ofDays(x);
      default -> Duration.ofMinutes(x);
    };
  }
}
