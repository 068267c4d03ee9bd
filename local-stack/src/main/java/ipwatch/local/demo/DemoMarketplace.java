package ipwatch.local.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A small shop on loopback for `ipwatch up` and the end-to-end tests: robots.txt (with a Sitemap line and a Disallow
 * for /admin/), a sitemap index with a plain and a gzipped sitemap, category hubs, seller pages, the generated
 * listings of {@link DemoCatalogue} and the real benchmark pages under /real/ (served with X-Robots-Tag: nofollow,
 * because their links point at the shops they came from).
 */
public final class DemoMarketplace implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final DemoCatalogue catalogue;
  private final URI baseUrl;
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

  private DemoMarketplace(HttpServer server, ExecutorService executor, DemoCatalogue catalogue) {
    this.server = server;
    this.executor = executor;
    this.catalogue = catalogue;
    this.baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Starts on 127.0.0.1; port 0 picks a free port. The catalogue comes from the registry file with a fixed seed. */
  public static DemoMarketplace start(int port, Path registryJsonl) {
    DemoCatalogue catalogue = DemoCatalogueGenerator.generate(registryJsonl);
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
      ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "demo-marketplace");
        t.setDaemon(true);
        return t;
      });
      server.setExecutor(executor);
      DemoMarketplace m = new DemoMarketplace(server, executor, catalogue);
      server.createContext("/", m::handle);
      server.start();
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the demo marketplace on port " + port, e);
    }
  }

  public URI baseUrl() {
    return baseUrl;
  }

  public DemoCatalogue catalogue() {
    return catalogue;
  }

  /** How often a path was requested (for tests: /admin/ must stay at zero). */
  public int hits(String path) {
    AtomicInteger n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      String query = Optional.ofNullable(ex.getRequestURI().getQuery()).orElse("");
      route(ex, path, query);
    }
  }

  private void route(HttpExchange ex, String path, String query) throws IOException {
    String base = baseUrl.toString();
    if (path.equals("/robots.txt")) {
      send(ex, 200, "text/plain", ("User-agent: *\nDisallow: /admin/\nAllow: /\n\nSitemap: " + base
          + "/sitemap.xml\n").getBytes(StandardCharsets.UTF_8));
    } else if (path.equals("/sitemap.xml")) {
      send(ex, 200, "application/xml", Sitemaps.index(base).getBytes(StandardCharsets.UTF_8));
    } else if (path.equals("/sitemap-products.xml")) {
      send(ex, 200, "application/xml", Sitemaps.urls(base, catalogue.products().stream().map(DemoProduct::path)
          .toList()).getBytes(StandardCharsets.UTF_8));
    } else if (path.equals("/sitemap-real.xml.gz")) {
      send(ex, 200, "application/gzip", gzip(Sitemaps.urls(base, catalogue.realPages().stream()
          .map(RealProductPages.RealPage::path).toList())));
    } else if (path.equals("/")) {
      html(ex, 200, DemoPages.home(catalogue));
    } else if (path.startsWith("/c/") && catalogue.categories().contains(path.substring(3))) {
      int page = query.startsWith("page=") ? parseInt(query.substring(5)) : 0;
      html(ex, 200, DemoPages.category(catalogue, path.substring(3), page));
    } else if (path.equals("/real/")) {
      html(ex, 200, DemoPages.realIndex(catalogue));
    } else if (path.startsWith("/real/")) {
      realPage(ex, path);
    } else if (path.startsWith("/p/") && catalogue.product(path).isPresent()) {
      html(ex, 200, DemoPages.product(catalogue, catalogue.product(path).get(), base));
    } else if (path.startsWith("/seller/")) {
      sellerPage(ex, path.substring(8));
    } else if (path.startsWith("/img/")) {
      send(ex, 200, "image/svg+xml", DemoPages.image(path.substring(5)).getBytes(StandardCharsets.UTF_8));
    } else if (path.startsWith("/admin/")) {
      html(ex, 200, "<h1>Back office</h1><p>Crawlers are asked not to come here.</p>");
    } else {
      html(ex, 404, DemoPages.notFound(catalogue));
    }
  }

  private void realPage(HttpExchange ex, String path) throws IOException {
    var page = catalogue.realPages().stream().filter(r -> r.path().equals(path)).findFirst();
    if (page.isEmpty()) {
      html(ex, 404, DemoPages.notFound(catalogue));
      return;
    }
    ex.getResponseHeaders().set("X-Robots-Tag", "nofollow");
    send(ex, 200, "text/html", page.get().html());
  }

  private void sellerPage(HttpExchange ex, String handle) throws IOException {
    var seller = catalogue.products().stream().map(DemoProduct::seller).filter(s -> s.handle().equals(handle))
        .findFirst();
    if (seller.isEmpty()) {
      html(ex, 404, DemoPages.notFound(catalogue));
    } else {
      html(ex, 200, DemoPages.seller(catalogue, seller.get()));
    }
  }

  private static void html(HttpExchange ex, int status, String html) throws IOException {
    send(ex, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] gzip(String s) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(s.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static int parseInt(String s) {
    try {
      return Math.max(0, Integer.parseInt(s));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
