package ipwatch.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.model.config.Config;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml must configure the services with keys the code reads: every IPWATCH_* variable a service sets
 * names a key of that service's commented defaults file (same derivation as {@link Config#envName}).
 */
class ComposeConsistencyTest {
  private static final Path ROOT = LocalStackSettings.findRepoRoot();
  private static final Map<String, String> CONFIG_OF_SERVICE = Map.of(
      "casework-api", "config/casework-api.yaml",
      "crawler", "config/crawler.yaml",
      "flink-jobmanager", "config/stream-jobs.yaml",
      "flink-taskmanager", "config/stream-jobs.yaml");

  @Test
  void everyIpwatchVariableInComposeNamesAKeyOfItsServicesConfigFile() throws Exception {
    Map<String, Object> services = section(load(ROOT.resolve("docker-compose.yml")), "services");
    List<String> unknown = new ArrayList<>();
    int checked = 0;
    for (var e : CONFIG_OF_SERVICE.entrySet()) {
      Map<String, Object> service = section(services, e.getKey());
      Set<String> known = envNamesOf(ROOT.resolve(e.getValue()));
      Map<String, Object> env = section(service, "environment");
      for (String name : env.keySet()) {
        if (name.startsWith("IPWATCH_")) {
          checked++;
          if (!known.contains(name)) {
            unknown.add(e.getKey() + ": " + name + " is not a key of " + e.getValue());
          }
        }
      }
    }
    assertTrue(checked >= 10, "compose sets the services' IPWATCH_* variables (" + checked + ")");
    assertEquals(List.of(), unknown);
  }

  @Test
  void composeRunsTheMainClassesTheModulesShip() throws Exception {
    Map<String, Object> services = section(load(ROOT.resolve("docker-compose.yml")), "services");
    assertTrue(String.valueOf(section(services, "casework-api").get("command")).contains("ipwatch.casework.CaseworkMain"));
    assertTrue(String.valueOf(section(services, "crawler").get("command")).contains("ipwatch.crawl.CrawlCommand"));
    assertTrue(String.valueOf(section(services, "flink-jobmanager").get("command"))
        .contains("ipwatch.stream.StreamJobsMain"));
    for (String main : List.of("casework-api/src/main/java/ipwatch/casework/CaseworkMain.java",
        "crawlers/src/main/java/ipwatch/crawl/CrawlCommand.java",
        "stream-jobs/src/main/java/ipwatch/stream/StreamJobsMain.java")) {
      assertTrue(Files.isRegularFile(ROOT.resolve(main)), main);
    }
  }

  @Test
  void bothFlinkServicesRunTheStateBackendOfTheStreamJobsConfig() throws Exception {
    Map<String, Object> services = section(load(ROOT.resolve("docker-compose.yml")), "services");
    Config streamJobs = Config.load(ROOT.resolve("config/stream-jobs.yaml"), Map.of());
    for (String name : List.of("flink-jobmanager", "flink-taskmanager")) {
      Object properties = section(section(services, name), "environment").get("FLINK_PROPERTIES");
      Map<String, Object> flink = new Yaml(new LoaderOptions()).load(String.valueOf(properties));
      assertEquals(streamJobs.string("state.backend"), String.valueOf(flink.get("state.backend.type")), name);
      assertEquals(streamJobs.bool("state.incremental"),
          Boolean.valueOf(String.valueOf(flink.get("execution.checkpointing.incremental"))), name);
    }
  }

  private static Set<String> envNamesOf(Path yamlFile) throws Exception {
    Set<String> names = new TreeSet<>();
    flatten("", load(yamlFile), names);
    return names;
  }

  @SuppressWarnings("unchecked")
  private static void flatten(String prefix, Map<String, Object> node, Set<String> out) {
    for (var e : node.entrySet()) {
      String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      out.add(Config.envName(key));
      if (e.getValue() instanceof Map<?, ?> child) {
        flatten(key, (Map<String, Object>) child, out);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> parent, String key) {
    Object v = parent.get(key);
    assertTrue(v instanceof Map, "missing section '" + key + "'");
    return (Map<String, Object>) v;
  }

  private static Map<String, Object> load(Path file) throws Exception {
    try (Reader r = Files.newBufferedReader(file)) {
      return new Yaml(new LoaderOptions()).load(r);
    }
  }
}
