package ipwatch.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A scripted web site on 127.0.0.1 that records when each path was requested. */
final class LoopbackSite implements AutoCloseable {
  interface Route {
    void handle(HttpExchange ex, int hit) throws IOException;
  }

  private final HttpServer server;
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final Map<String, List<Long>> hits = new ConcurrentHashMap<>();
  private final List<String> agents = new CopyOnWriteArrayList<>();

  LoopbackSite() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", ex -> {
      try (ex) {
        String path = ex.getRequestURI().getPath();
        List<Long> times = hits.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>());
        times.add(System.nanoTime());
        agents.add(String.valueOf(ex.getRequestHeaders().getFirst("User-Agent")));
        Route r = routes.get(path);
        if (r == null) {
          send(ex, 404, "text/html", "<h1>not found</h1>");
        } else {
          r.handle(ex, times.size());
        }
      }
    });
    server.start();
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  LoopbackSite route(String path, Route r) {
    routes.put(path, r);
    return this;
  }

  LoopbackSite html(String path, String html) {
    return route(path, (ex, n) -> send(ex, 200, "text/html; charset=utf-8", html));
  }

  /** The User-Agent of every request, in arrival order. */
  List<String> agents() {
    return List.copyOf(agents);
  }

  List<Long> hits(String path) {
    return hits.getOrDefault(path, List.of());
  }

  static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, status == 304 ? -1 : b.length);
    if (status != 304) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(b);
      }
    }
  }

  static String product(String name, String price) {
    return "<html><head><title>" + name + "</title><script type=\"application/ld+json\">{\"@context\":"
        + "\"https://schema.org\",\"@type\":\"Product\",\"name\":\"" + name + "\",\"brand\":{\"@type\":\"Brand\","
        + "\"name\":\"Acme\"},\"offers\":{\"@type\":\"Offer\",\"price\":\"" + price + "\",\"priceCurrency\":\"EUR\"}}"
        + "</script></head><body><h1>" + name + "</h1></body></html>";
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
