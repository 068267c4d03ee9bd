package ipwatch.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Locale;

/**
 * Loopback TCP ports for the local stack. Every part binds 127.0.0.1 only, so that is where ports are probed.
 *
 * <p>A port returned by {@link #free()} is free at the moment of the call; another process may take it before the
 * caller binds it. The window is milliseconds and a collision fails loudly at bind time, which is the usual trade-off
 * for servers that cannot be handed an already bound socket (Kafka, Elasticsearch, PostgreSQL).
 */
public final class Ports {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private Ports() {}

  /** A port the OS considers free on the loopback interface. */
  public static int free() {
    try (ServerSocket socket = new ServerSocket()) {
      // reuse so that the port, left in TIME_WAIT by our own probe, is not refused to the real server
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(LOOPBACK, 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free loopback port", e);
    }
  }

  /**
   * Fails fast, before a server starts and dies with a bind error deep in its own log. {@code what} names the part
   * ("Kafka", "Elasticsearch HTTP", "Postgres"); the message points at the matching override in
   * config/local-stack.yaml, {@code IPWATCH_LOCAL_<WHAT>_PORT}.
   */
  public static void requireFree(int port, String what) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " (" + what + ") is not a TCP port");
    }
    if (!isFree(port)) {
      throw new IllegalStateException("port " + port + " (" + what + ") is already in use; stop what uses it or set "
          + envVariable(what));
    }
  }

  /** True when nothing listens on the port on 127.0.0.1 (or on all interfaces, which includes it). */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(LOOPBACK, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** "Elasticsearch HTTP" becomes IPWATCH_LOCAL_ELASTICSEARCH_HTTP_PORT, as the Config loader names that key. */
  static String envVariable(String what) {
    String part = what.trim().replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
    return "IPWATCH_LOCAL_" + part + "_PORT";
  }
}
