package ipwatch.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An Elasticsearch node run from the integ-test-zip that Maven downloads, as a child process on 127.0.0.1.
 *
 * <p>Layout under the data directory: {@code elasticsearch-<version>/} (the unpacked zip, kept between runs),
 * {@code data/}, {@code logs/} (console.log is the process output, ipwatch-local.log the node's own log) and
 * {@code tmp/}. The server runs on the JVM that runs this class, because the integ-test-zip bundles no JDK.
 *
 * <p>The node is tied to this JVM through its standard input: a small shell watchdog sends SIGTERM to the
 * Elasticsearch launcher when that pipe closes. {@link #close()} closes the pipe, and so does the kernel when this JVM
 * dies in any way, SIGKILL and OOM-kill included, which a shutdown hook alone cannot cover. SIGTERM goes to the
 * launcher (the CLI JVM), never to the server JVM, because only the launcher stops the server cleanly.
 */
public final class ElasticsearchNode implements AutoCloseable {
  static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final String CLUSTER_NAME = "ipwatch-local";
  /**
   * Runs its arguments in the background and waits for them; a second background job reads our stdin (kept on fd 3,
   * since background jobs of a non-interactive shell get /dev/null) and on end of file sends SIGTERM. The shell exits
   * with Elasticsearch's exit code, so a crash while starting is seen at once.
   */
  static final List<String> WATCHDOG = List.of("/bin/sh", "-c",
      "exec 3<&0; \"$@\" </dev/null 3<&- & pid=$!; (cat <&3 >/dev/null; kill -TERM \"$pid\" 2>/dev/null) & "
          + "exec 3<&-; wait \"$pid\"",
      "elasticsearch-watchdog");

  private final Process process;
  private final String httpUrl;
  private final Path consoleLog;
  private final Thread shutdownHook;
  private boolean closed;

  private ElasticsearchNode(Process process, String httpUrl, Path consoleLog) {
    this.process = process;
    this.httpUrl = httpUrl;
    this.consoleLog = consoleLog;
    this.shutdownHook = new Thread(this::stop, "elasticsearch-shutdown");
  }

  /**
   * Unpacks {@code zip} into {@code dataDir} (once per version), starts the node and returns when the cluster is at
   * least yellow.
   *
   * @param httpPort the HTTP port; 0 picks a free one
   * @param heap the JVM heap, such as "512m" (used for both -Xms and -Xmx)
   */
  public static ElasticsearchNode start(Path zip, Path dataDir, int httpPort, String heap) {
    return start(zip, dataDir, httpPort, heap, 0);
  }

  /**
   * As {@link #start(Path, Path, int, String)}, with the node's processes at {@code niceness} (0-19, through nice(1)):
   * above 0 the node yields the CPU to the processes of normal priority while the machine is busy, and takes what
   * they leave. The local stack uses it to keep search indexing from slowing matching on a small machine.
   */
  public static ElasticsearchNode start(Path zip, Path dataDir, int httpPort, String heap, int niceness) {
    if (niceness < 0 || niceness > 19) {
      throw new IllegalArgumentException("niceness must be 0-19 (a lower priority only), not " + niceness);
    }
    if (!Files.isRegularFile(zip)) {
      throw new IllegalStateException("the Elasticsearch server zip " + zip + " is missing; build it with "
          + "`mvn -B -pl local-infra -am package -DskipTests`");
    }
    if (!heap.matches("\\d+[kmgKMG]?")) {
      throw new IllegalArgumentException("heap must look like 512m or 1g, not " + heap);
    }
    if (httpPort != 0) {
      Ports.requireFree(httpPort, "Elasticsearch HTTP");
    }
    int port = httpPort == 0 ? Ports.free() : httpPort;
    Path dir = createDirectories(dataDir.toAbsolutePath().normalize());
    boolean asRoot = UnprivilegedUser.runningAsRoot();
    if (asRoot) {
      UnprivilegedUser.requireReachable(dir);
    }
    Path home = ZipUnpacker.unpackOnce(zip, dir);
    for (String sub : List.of("data", "logs", "tmp")) {
      createDirectories(dir.resolve(sub));
    }
    List<String> command = new ArrayList<>();
    if (asRoot) {
      command.addAll(UnprivilegedUser.prepare(dir));
    }
    command.addAll(WATCHDOG);
    if (niceness > 0) {
      command.addAll(List.of("nice", "-n", Integer.toString(niceness)));
    }
    command.addAll(serverCommand(home, dir, port));
    Path consoleLog = dir.resolve("logs/console.log");
    ProcessBuilder pb = processBuilder(command, home, dir, heap, consoleLog);
    ElasticsearchNode node;
    try {
      node = new ElasticsearchNode(pb.start(), "http://127.0.0.1:" + port, consoleLog);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot launch " + String.join(" ", command), e);
    }
    Runtime.getRuntime().addShutdownHook(node.shutdownHook);
    try {
      node.awaitReady();
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
    return node;
  }

  private static ProcessBuilder processBuilder(List<String> command, Path home, Path dir, String heap,
      Path consoleLog) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile())
        .redirectErrorStream(true).redirectOutput(consoleLog.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
    Map<String, String> env = pb.environment();
    env.put("ES_JAVA_HOME", System.getProperty("java.home"));
    env.put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
    env.put("ES_TMPDIR", dir.resolve("tmp").toString());
    env.remove("ES_PATH_CONF"); // a developer's own Elasticsearch setting must not leak into ours
    return pb;
  }

  private static List<String> serverCommand(Path home, Path dir, int httpPort) {
    return List.of(home.resolve("bin/elasticsearch").toString(),
        "-Ecluster.name=" + CLUSTER_NAME,
        "-Enode.name=" + CLUSTER_NAME,
        "-Ediscovery.type=single-node",
        "-Expack.security.enabled=false",
        "-Enetwork.host=127.0.0.1",
        "-Ehttp.port=" + httpPort,
        "-Etransport.port=" + Ports.free(),
        "-Epath.data=" + dir.resolve("data"),
        "-Epath.logs=" + dir.resolve("logs"),
        // A developer disk above 90/95 % full would otherwise make indices read-only mid-demo; this is a local node.
        "-Ecluster.routing.allocation.disk.threshold_enabled=false");
  }

  /** The watchdog shell; the launcher and the server JVM are its descendants. */
  ProcessHandle process() {
    return process.toHandle();
  }

  private void awaitReady() {
    // GET / answers 405 on the integ-test-zip (no rest-root module), so readiness is the cluster health API.
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(
            URI.create(httpUrl + "/_cluster/health?wait_for_status=yellow&timeout=5s"))
        .timeout(Duration.ofSeconds(10)).GET().build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Elasticsearch exited with code " + process.exitValue() + " while starting; "
            + "last lines of " + consoleLog + ":\n" + LogTail.of(consoleLog, 30));
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
      }
      sleep(250);
    }
    throw new IllegalStateException("Elasticsearch was not ready at " + httpUrl + " within "
        + READY_TIMEOUT.toSeconds() + " s; last lines of " + consoleLog + ":\n" + LogTail.of(consoleLog, 30));
  }

  /** Such as http://127.0.0.1:19200. */
  public String httpUrl() {
    return httpUrl;
  }

  /** Stops the node (SIGTERM, then SIGKILL after 20 s) and waits for it. */
  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down; the hook is running or has run
    }
  }

  private synchronized void stop() {
    if (closed) {
      return;
    }
    closed = true;
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    try {
      process.getOutputStream().close(); // the watchdog's cue to send SIGTERM
    } catch (IOException e) {
      process.destroy();
    }
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        all.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      all.forEach(ProcessHandle::destroyForcibly);
      Thread.currentThread().interrupt();
    }
  }

  private static Path createDirectories(Path p) {
    try {
      return Files.createDirectories(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + p, e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
    }
  }
}
