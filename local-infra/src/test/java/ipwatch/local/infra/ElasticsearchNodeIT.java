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
import java.util.List;
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
  void aNodeStartedAtALowerPriorityRunsItsServerAtThatNiceness() throws Exception {
    try (ElasticsearchNode node = ElasticsearchNode.start(zip, DATA, 0, "512m", 10)) {
      List<String[]> jvms = new java.util.ArrayList<>();
      for (ProcessHandle p : node.process().descendants().toList()) {
        String[] stat = stat(p.pid());
        if (stat[0].equals("java")) {
          jvms.add(stat);
        }
      }
      assertFalse(jvms.isEmpty(), "the launcher and server JVMs run under the watchdog");
      for (String[] jvm : jvms) {
        assertEquals("10", jvm[17], "niceness of a JVM of the node");
      }
      assertTrue(answers(node.httpUrl()));
    }
    assertThrows(IllegalArgumentException.class, () -> ElasticsearchNode.start(zip, DATA, 0, "512m", -5));
  }

  /**
   * /proc/<pid>/stat from field 2 on: [0] the command name (read between its parentheses, as it may hold spaces), then
   * fields 3 onwards, so field 19, the niceness, is at [17].
   */
  private static String[] stat(long pid) throws java.io.IOException {
    String stat = java.nio.file.Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    String[] out = new String[rest.length + 1];
    out[0] = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
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
