package ipwatch.casework.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Server-side request forgery guard for webhook targets (OWASP API7, Standard Webhooks "SSRF"): only http(s) URLs
 * without user info, and every address the host resolves to must be public. Loopback, private (RFC 1918, fc00::/7),
 * link-local (169.254/16 with the cloud metadata address, fe80::/10), carrier-grade NAT (100.64/10), unspecified,
 * multicast and IPv4-mapped forms of those are refused. Checked at registration and again at every send, and the
 * connection goes to the very address that was checked, so a DNS answer that changes in between (rebinding) cannot
 * steer a delivery inside. {@code allowPrivate} (config webhooks.allowPrivateTargets) lifts the address rule for
 * the local demo, whose receiver listens on 127.0.0.1.
 */
public final class TargetGuard {
  private final boolean allowPrivate;
  private final Resolver resolver;

  /** Name resolution, replaceable in tests. */
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  public TargetGuard(boolean allowPrivate) {
    this(allowPrivate, InetAddress::getAllByName);
  }

  public TargetGuard(boolean allowPrivate, Resolver resolver) {
    this.allowPrivate = allowPrivate;
    this.resolver = resolver;
  }

  /** A target that passed: the URL and the address to connect to. */
  public record Target(URI uri, InetAddress address, int port, boolean ssl) {
    public String hostHeader() {
      return uri.getHost();
    }

    public String pathAndQuery() {
      String p = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      return uri.getRawQuery() == null ? p : p + "?" + uri.getRawQuery();
    }
  }

  /** Refused target; the message is safe to show to the caller. */
  public static final class Refused extends Exception {
    public Refused(String message) {
      super(message);
    }
  }

  /** Syntax only (no DNS): scheme, host, no user info, no fragment. */
  public static URI parse(String url) throws Refused {
    URI u;
    try {
      u = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new Refused("url is not a valid URL");
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new Refused("url must be http or https");
    }
    if (u.getHost() == null || u.getHost().isEmpty()) {
      throw new Refused("url must name a host");
    }
    if (u.getRawUserInfo() != null || u.getRawFragment() != null) {
      throw new Refused("url must not carry user info or a fragment");
    }
    return u;
  }

  /** Parses, resolves and checks every address; answers the first (checked) address to connect to. */
  public Target check(String url) throws Refused {
    URI u = parse(url);
    String host = u.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    InetAddress[] all;
    try {
      all = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new Refused("url host does not resolve");
    }
    if (all.length == 0) {
      throw new Refused("url host does not resolve");
    }
    if (!allowPrivate) {
      for (InetAddress a : all) {
        if (!isPublic(a)) {
          throw new Refused("url resolves to a private, loopback, link-local or metadata address, which webhooks "
              + "may not target");
        }
      }
    }
    boolean ssl = u.getScheme().equalsIgnoreCase("https");
    int port = u.getPort() > 0 ? u.getPort() : ssl ? 443 : 80;
    return new Target(u, all[0], port, ssl);
  }

  /** True for globally routable unicast addresses. */
  public static boolean isPublic(InetAddress a) {
    if (a instanceof Inet6Address v6) {
      byte[] b = v6.getAddress();
      // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible: judge the embedded IPv4 address
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= b[i] == 0;
      }
      if (mapped && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
        try {
          return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return false;
        }
      }
      if ((b[0] & 0xfe) == 0xfc) { // fc00::/7 unique local
        return false;
      }
      if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) { // 2001:db8::/32 documentation
        return false;
      }
    }
    if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    if (a instanceof Inet4Address) {
      byte[] b = a.getAddress();
      int b0 = b[0] & 0xff;
      int b1 = b[1] & 0xff;
      if (b0 == 0 || b0 >= 240) { // "this network", reserved and broadcast
        return false;
      }
      if (b0 == 100 && b1 >= 64 && b1 <= 127) { // 100.64.0.0/10 carrier-grade NAT
        return false;
      }
      if (b0 == 192 && b1 == 0 && (b[2] & 0xff) == 0) { // 192.0.0.0/24 IETF protocol assignments
        return false;
      }
      if (b0 == 198 && (b1 == 18 || b1 == 19)) { // 198.18.0.0/15 benchmarking
        return false;
      }
    }
    return true;
  }
}
