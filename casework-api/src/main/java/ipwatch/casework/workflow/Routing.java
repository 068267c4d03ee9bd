package ipwatch.casework.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import ipwatch.model.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** config/routing.yaml: which regulator handles an escalation, which court a referral goes to. First match wins. */
public final class Routing {
  static final String BUILT_IN = "ipwatch-casework/routing.yaml";

  record Rule(String marketplace, String jurisdiction, String org) {
    boolean matches(String m, String j) {
      return (marketplace == null || marketplace.equals(m)) && (jurisdiction == null || jurisdiction.equals(j));
    }
  }

  private final List<Rule> regulators;
  private final List<Rule> courts;

  Routing(List<Rule> regulators, List<Rule> courts) {
    this.regulators = List.copyOf(regulators);
    this.courts = List.copyOf(courts);
  }

  public Optional<String> regulatorFor(String marketplace, String jurisdiction) {
    return regulators.stream().filter(r -> r.matches(marketplace, jurisdiction)).map(Rule::org).findFirst();
  }

  public Optional<String> courtFor(String marketplace, String jurisdiction) {
    return courts.stream().filter(r -> r.matches(marketplace, jurisdiction)).map(Rule::org).findFirst();
  }

  public static Routing load(Optional<Path> file) {
    String source = file.map(Path::toString).orElse("built-in " + BUILT_IN);
    try (InputStream in = file.isPresent() ? Files.newInputStream(file.get())
        : Routing.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new ConfigException("routing rules not found: " + source);
      }
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      return new Routing(rules(root, "regulators", "regulator", source), rules(root, "courts", "court", source));
    } catch (IOException e) {
      throw new ConfigException("cannot read routing rules " + source + ": " + e.getMessage());
    }
  }

  private static List<Rule> rules(JsonNode root, String list, String target, String source) {
    List<Rule> out = new ArrayList<>();
    JsonNode n = root == null ? null : root.get(list);
    if (n == null || !n.isArray()) {
      throw new ConfigException(source + ": '" + list + "' must be a list of rules");
    }
    for (JsonNode r : n) {
      if (!r.hasNonNull(target)) {
        throw new ConfigException(source + ": every rule under '" + list + "' names a '" + target + "'");
      }
      out.add(new Rule(r.hasNonNull("marketplace") ? r.get("marketplace").asText() : null,
          r.hasNonNull("jurisdiction") ? r.get("jurisdiction").asText() : null, r.get(target).asText()));
    }
    return out;
  }
}
