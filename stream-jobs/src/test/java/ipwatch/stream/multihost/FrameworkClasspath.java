package ipwatch.stream.multihost;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The class path of the standalone Flink processes: the jars of this build's test class path that come from the
 * Maven repository, minus everything the job jar brings itself (our modules, the Kafka connector and client,
 * Elasticsearch, Jackson, YAML, ICU...) and minus the test libraries. What remains is Flink (runtime, runtime-web,
 * clients, streaming, connector-base, the RocksDB state backend with its native library) and its own dependencies,
 * about what a Flink distribution's lib/ holds, so a class missing from the job jar fails the drill instead of being
 * found on the cluster by accident.
 */
final class FrameworkClasspath {
  private static final List<String> JOB_OR_TEST_LIBRARIES = List.of(
      "/ipwatch/", "/org/apache/kafka/", "/org/apache/flink/flink-connector-kafka/", "/co/elastic/",
      "/org/elasticsearch/", "/org/apache/httpcomponents/", "/com/fasterxml/", "/tools/jackson/", "/org/yaml/",
      "/com/ibm/icu/", "/com/googlecode/libphonenumber/", "/jakarta/json/", "/org/eclipse/parsson/",
      "/io/opentelemetry/", "/org/scala-lang/", "/io/zonky/", "/org/apache/lucene/", "/org/junit/", "/junit/",
      "/org/opentest4j/", "/org/apiguardian/", "/org/testcontainers/", "/org/apache/flink/flink-test-utils",
      "/org/assertj/", "/org/mockito/");

  private FrameworkClasspath() {}

  static List<Path> fromTestClasspath() {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(classpath.split(File.pathSeparator))
        .filter(e -> e.endsWith(".jar") && e.contains("/.m2/repository/") && !e.endsWith("-tests.jar"))
        .filter(e -> JOB_OR_TEST_LIBRARIES.stream().noneMatch(e::contains))
        .map(Path::of)
        .filter(Files::isRegularFile)
        .toList();
  }
}
