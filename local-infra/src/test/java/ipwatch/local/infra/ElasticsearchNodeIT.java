package ipwatch.local.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchNodeIT {
  // Not @TempDir: JUnit creates it with mode 700, which the unprivileged ES user (when run as root) cannot enter.
  private static final Path DATA = Path.of("target/it-data/elasticsearch").toAbsolutePath();
  private static Path zip;

  @BeforeAll
  static void freshDirectory() throws Exception {
    zip = Path.of(System.getProperty("ipwatch.esZip", "target/dist/elasticsearch-8.19.21.zip"));
    ZipUnpacker.deleteTree(DATA);
  }

  @Test
  void documentIndexedTwiceWithTheSameIdIsStoredOnceAndFound() throws Exception {
    long t = System.nanoTime();
    try (ElasticsearchNode node = ElasticsearchNode.start(zip, DATA, 0, "512m")) {
      System.out.printf("Elasticsearch start incl. unpack: %d ms%n", (System.nanoTime() - t) / 1_000_000);
      try (RestClient rest = RestClient.builder(HttpHost.create(node.httpUrl())).build()) {
        ElasticsearchClient es = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
        Map<String, Object> doc = Map.of("title", "Genuine Acme anvil", "brand", "Acme");
        es.index(i -> i.index("listings").id("listing-1").document(doc));
        es.index(i -> i.index("listings").id("listing-1").document(doc).refresh(Refresh.True));
        assertEquals(1, es.count(c -> c.index("listings")).count());
        SearchResponse<Map> hits = es.search(s -> s.index("listings")
            .query(q -> q.match(m -> m.field("title").query("anvil"))), Map.class);
        assertEquals(1, hits.hits().hits().size());
        assertEquals("listing-1", hits.hits().hits().get(0).id());
      }
      long stop = System.nanoTime();
      node.close();
      System.out.printf("Elasticsearch stop: %d ms%n", (System.nanoTime() - stop) / 1_000_000);
      assertFalse(answers(node.httpUrl()), "the node stopped listening");
    }
    long t2 = System.nanoTime();
    try (ElasticsearchNode node = ElasticsearchNode.start(zip, DATA, 0, "512m")) {
      System.out.printf("Elasticsearch restart (already unpacked): %d ms%n", (System.nanoTime() - t2) / 1_000_000);
      assertTrue(answers(node.httpUrl()));
    }
  }

  @Test
  void missingZipTellsHowToBuildIt() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ElasticsearchNode.start(DATA.resolve("nope.zip"), DATA, 0, "512m"));
    assertTrue(e.getMessage().contains("mvn -B -pl local-infra -am package -DskipTests"), e.getMessage());
  }

  @Test
  void portInUseIsRefusedBeforeLaunching() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> ElasticsearchNode.start(zip, DATA, taken.getLocalPort(), "512m"));
      assertTrue(e.getMessage().contains("IPWATCH_LOCAL_ELASTICSEARCH_HTTP_PORT"), e.getMessage());
    }
  }

  @Test
  void dataDirectoryTheServerUserCannotReachIsNamedBeforeAnythingStarts(@TempDir Path privateDir) {
    assumeTrue(UnprivilegedUser.runningAsRoot(), "only root hands Elasticsearch to another user");
    // JUnit creates @TempDir with mode 700, like /root
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ElasticsearchNode.start(zip, privateDir.resolve("elasticsearch"), 0, "512m"));
    assertTrue(e.getMessage().contains("cannot enter " + privateDir), e.getMessage());
  }

  private static boolean answers(String url) {
    try {
      HttpResponse<Void> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(url + "/_cluster/health")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }
}
