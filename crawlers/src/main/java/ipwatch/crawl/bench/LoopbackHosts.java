package ipwatch.crawl.bench;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many small shops on loopback addresses only (127.42.x.y, one listening socket each, all on one port), served by one
 * selector thread so that the load generator costs next to nothing and its threads do not blur the crawler's. Each
 * shop has a robots.txt with a Crawl-delay, a root page linking to {@code pages} product pages (schema.org Product
 * JSON-LD with one image) and those images; everything else is a 404. HTTP/1.1 keep-alive, GET only. The arrival time
 * of every request is recorded per host, so the bench can check the gaps a host saw.
 */
final class LoopbackHosts implements AutoCloseable {
  private final List<ServerSocketChannel> listeners = new ArrayList<>();
  private final List<URI> roots = new ArrayList<>();
  private final Selector selector;
  private final Thread loop;
  private final int pages;
  private final String robots;
  private final RequestLog log;
  private final AtomicLong requests = new AtomicLong();
  private volatile boolean running = true;

  LoopbackHosts(int hosts, int pages, int crawlDelaySeconds) throws IOException {
    if (hosts < 1 || hosts > 60_000) {
      throw new IllegalArgumentException("hosts must be 1..60000");
    }
    this.pages = pages;
    this.robots = "User-agent: *\nCrawl-delay: " + crawlDelaySeconds + "\n";
    this.log = new RequestLog(hosts, 2 * pages + 8);
    this.selector = Selector.open();
    bindAll(hosts);
    this.loop = new Thread(this::serve, "bench-loopback-server");
    loop.setDaemon(true);
    loop.start();
  }

  /** The i-th host's address: inside 127.0.0.0/8, never anything routable. */
  static InetAddress address(int i) throws IOException {
    return InetAddress.getByAddress(new byte[] {127, 42, (byte) (i / 250), (byte) (1 + i % 250)});
  }

  List<URI> roots() {
    return roots;
  }

  long requests() {
    return requests.get();
  }

  RequestLog log() {
    return log;
  }

  private void bindAll(int hosts) throws IOException {
    for (int tries = 0; ; tries++) {
      try {
        int port = 0;
        for (int i = 0; i < hosts; i++) {
          ServerSocketChannel ch = ServerSocketChannel.open();
          listeners.add(ch);
          ch.bind(new InetSocketAddress(address(i), port), 1024);
          port = ((InetSocketAddress) ch.getLocalAddress()).getPort();
          ch.configureBlocking(false);
          ch.register(selector, SelectionKey.OP_ACCEPT, i);
          roots.add(URI.create("http://" + address(i).getHostAddress() + ":" + port + "/"));
        }
        return;
      } catch (BindException e) { // the ephemeral port of host 0 is taken on another 127.42 address: try another
        closeListeners();
        roots.clear();
        if (tries >= 5) {
          throw e;
        }
      }
    }
  }

  private void serve() {
    try {
      while (running) {
        selector.select(200);
        for (SelectionKey k : selector.selectedKeys()) {
          try {
            if (!k.isValid()) {
              continue;
            }
            if (k.isAcceptable()) {
              accept(k);
            } else if (k.isReadable()) {
              read(k);
            } else if (k.isWritable()) {
              write(k, (Conn) k.attachment());
            }
          } catch (IOException e) {
            k.cancel();
            k.channel().close();
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void accept(SelectionKey k) throws IOException {
    SocketChannel c = ((ServerSocketChannel) k.channel()).accept();
    if (c != null) {
      c.configureBlocking(false);
      c.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
      c.register(selector, SelectionKey.OP_READ, new Conn((Integer) k.attachment()));
    }
  }

  private void read(SelectionKey k) throws IOException {
    Conn c = (Conn) k.attachment();
    SocketChannel ch = (SocketChannel) k.channel();
    if (ch.read(c.in) < 0) {
      k.cancel();
      ch.close();
      return;
    }
    String head;
    while ((head = c.nextRequest()) != null) {
      long now = System.nanoTime();
      requests.incrementAndGet();
      String path = head.split(" ", 3)[1];
      log.record(c.host, now, kind(path));
      c.out.add(ByteBuffer.wrap(respond(c.host, path)));
    }
    write(k, c);
  }

  private void write(SelectionKey k, Conn c) throws IOException {
    SocketChannel ch = (SocketChannel) k.channel();
    while (!c.out.isEmpty()) {
      ByteBuffer b = c.out.get(0);
      ch.write(b);
      if (b.hasRemaining()) {
        k.interestOps(SelectionKey.OP_WRITE);
        return;
      }
      c.out.remove(0);
    }
    k.interestOps(SelectionKey.OP_READ);
  }

  private static char kind(String path) {
    return path.equals("/robots.txt") ? 'r' : path.equals("/sitemap.xml") ? 's' : path.equals("/") ? 'h'
        : path.startsWith("/p/") ? 'p' : path.startsWith("/img/") ? 'i' : 'o';
  }

  private byte[] respond(int host, String path) {
    if (path.equals("/robots.txt")) {
      return response(200, "text/plain", robots.getBytes(StandardCharsets.UTF_8));
    }
    if (path.equals("/")) {
      StringBuilder s = new StringBuilder("<!doctype html><html><head><title>Shop ").append(host)
          .append("</title></head><body><h1>Shop ").append(host).append("</h1><ul>");
      for (int p = 0; p < pages; p++) {
        s.append("<li><a href=\"/p/").append(p).append("\">Item ").append(p).append("</a></li>");
      }
      return response(200, "text/html; charset=utf-8", s.append("</ul></body></html>").toString()
          .getBytes(StandardCharsets.UTF_8));
    }
    Integer p = number(path, "/p/");
    if (p != null && p < pages) {
      return response(200, "text/html; charset=utf-8", product(host, p).getBytes(StandardCharsets.UTF_8));
    }
    Integer img = number(path, "/img/");
    if (img != null && img < pages) {
      return response(200, "image/png", image(host, img));
    }
    return response(404, "text/html", "<h1>not found</h1>".getBytes(StandardCharsets.UTF_8));
  }

  private static Integer number(String path, String prefix) {
    if (!path.startsWith(prefix)) {
      return null;
    }
    try {
      return Integer.parseInt(path.substring(prefix.length()).replace(".png", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String product(int host, int p) {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Acme widget " + host + "-" + p + "</title>"
        + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"Product\","
        + "\"name\":\"Acme widget " + host + "-" + p + "\",\"brand\":{\"@type\":\"Brand\",\"name\":\"Acme\"},"
        + "\"sku\":\"W-" + host + "-" + p + "\",\"image\":\"/img/" + p + ".png\",\"description\":\""
        + "A sturdy widget for everyday use. ".repeat(20) + "\",\"offers\":{\"@type\":\"Offer\",\"price\":\""
        + (10 + p % 90) + ".99\",\"priceCurrency\":\"EUR\",\"seller\":{\"@type\":\"Organization\",\"name\":\"Shop "
        + host + "\"}}}</script></head><body><h1>Acme widget " + host + "-" + p + "</h1><p>"
        + "Details about this widget. ".repeat(30) + "</p><a href=\"/\">back</a></body></html>";
  }

  private static byte[] image(int host, int p) {
    byte[] b = new byte[1024];
    long x = host * 1_000_003L + p;
    for (int i = 0; i < b.length; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      b[i] = (byte) (x >>> 56);
    }
    return b;
  }

  private static byte[] response(int status, String type, byte[] body) {
    String head = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Not Found") + "\r\nContent-Type: " + type
        + "\r\nContent-Length: " + body.length + "\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[h.length + body.length];
    System.arraycopy(h, 0, out, 0, h.length);
    System.arraycopy(body, 0, out, h.length, body.length);
    return out;
  }

  /** One keep-alive connection: request heads are cut out of {@code in}; responses queue in {@code out}. */
  private static final class Conn {
    final int host;
    final ByteBuffer in = ByteBuffer.allocate(16 * 1024);
    final List<ByteBuffer> out = new ArrayList<>();

    Conn(int host) {
      this.host = host;
    }

    String nextRequest() throws IOException {
      byte[] a = in.array();
      for (int i = 3; i < in.position(); i++) {
        if (a[i] == '\n' && a[i - 1] == '\r' && a[i - 2] == '\n' && a[i - 3] == '\r') {
          String head = new String(a, 0, i + 1, StandardCharsets.US_ASCII);
          int rest = in.position() - i - 1;
          System.arraycopy(a, i + 1, a, 0, rest);
          in.position(rest);
          return head;
        }
      }
      if (!in.hasRemaining()) {
        throw new IOException("request head larger than " + in.capacity() + " bytes");
      }
      return null;
    }
  }

  private void closeListeners() throws IOException {
    for (ServerSocketChannel ch : listeners) {
      ch.close();
    }
    listeners.clear();
  }

  @Override
  public void close() throws IOException {
    if (!selector.isOpen()) {
      return;
    }
    running = false;
    selector.wakeup();
    try {
      loop.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (SelectionKey k : selector.keys()) {
      k.channel().close();
    }
    selector.close();
    closeListeners();
  }
}
