package ipwatch.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The crawler's counters over HTTP in the Prometheus text format ({@code GET /metrics}), so a long-running crawl
 * (serve mode) can be watched and alerted on like the rest of the platform. Read-only and unauthenticated: bind it to
 * an address only the monitoring network reaches.
 */
public final class MetricsEndpoint implements AutoCloseable {
  private final HttpServer server;
  private final CrawlMetrics metrics;

  private MetricsEndpoint(HttpServer server, CrawlMetrics metrics) {
    this.server = server;
    this.metrics = metrics;
  }

  public static MetricsEndpoint start(String host, int port, CrawlMetrics metrics) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
      MetricsEndpoint endpoint = new MetricsEndpoint(server, metrics);
      server.createContext("/metrics", endpoint::serve);
      server.start();
      return endpoint;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve crawler metrics on " + host + ":" + port, e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Every counter as a Prometheus sample; the uptime is a gauge. */
  static String render(Map<String, Long> snapshot) {
    StringBuilder sb = new StringBuilder();
    snapshot.forEach((name, value) -> sb.append("# TYPE ").append(name)
        .append(name.endsWith("_total") ? " counter\n" : " gauge\n")
        .append(name).append(' ').append(value).append('\n'));
    return sb.toString();
  }

  private void serve(HttpExchange ex) throws IOException {
    try (ex) {
      if (!"GET".equals(ex.getRequestMethod())) {
        ex.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = render(metrics.snapshot()).getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
