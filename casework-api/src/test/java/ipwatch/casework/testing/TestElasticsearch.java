package ipwatch.casework.testing;

import ipwatch.local.infra.ElasticsearchNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/**
 * One real Elasticsearch per test JVM, started from the server zip that local-infra's build copies out of Maven
 * Central (~10-20 s), and stopped when the JVM exits. Test classes use their own index names. A running node can be
 * used instead with {@code -Dipwatch.test.elasticsearchUrl=http://127.0.0.1:9200}.
 */
public final class TestElasticsearch {
  private static String url;

  private TestElasticsearch() {}

  public static synchronized String url() {
    if (url == null) {
      String given = System.getProperty("ipwatch.test.elasticsearchUrl", "");
      url = given.isBlank() ? start() : given;
    }
    return url;
  }

  /** Deletes a test class's index (a missing index is fine). */
  public static void deleteIndex(String index) throws Exception {
    send(HttpRequest.newBuilder(URI.create(url() + "/" + index)).DELETE().build());
  }

  /** Makes everything written to {@code index} so far searchable. */
  public static void refresh(String index) throws Exception {
    send(HttpRequest.newBuilder(URI.create(url() + "/" + index + "/_refresh"))
        .POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  private static void send(HttpRequest request) throws Exception {
    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
  }

  private static String start() {
    Path zip = Path.of(System.getProperty("ipwatch.esZip",
        "../local-infra/target/dist/elasticsearch-8.19.21.zip")).toAbsolutePath().normalize();
    // under target/ (not a JUnit temp dir): the unprivileged Elasticsearch user must be able to enter it
    Path data = Path.of("target/it-data/elasticsearch").toAbsolutePath();
    ElasticsearchNode node = ElasticsearchNode.start(zip, data, 0, "512m");
    Runtime.getRuntime().addShutdownHook(new Thread(node::close, "stop-test-elasticsearch"));
    return node.httpUrl();
  }
}
