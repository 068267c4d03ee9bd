package ipwatch.crawl.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One spelling per page, so the seen-set and the listing id agree: lower-case scheme and host, no default port, no
 * fragment, no tracking parameters, query parameters sorted, empty path as "/". Only http(s) URLs are kept.
 */
public final class UrlCanonicalizer {
  private static final Set<String> TRACKING =
      Set.of("gclid", "fbclid", "msclkid", "yclid", "mc_cid", "mc_eid", "_ga", "ref_", "spm");

  private UrlCanonicalizer() {}

  public static Optional<URI> canonicalize(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      return canonicalize(new URI(escapeIllegal(raw.trim())));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  public static Optional<URI> canonicalize(URI uri) {
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
      return Optional.empty();
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
      port = -1;
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = canonicalQuery(uri.getRawQuery());
    StringBuilder s = new StringBuilder(scheme).append("://").append(host);
    if (port != -1) {
      s.append(':').append(port);
    }
    s.append(path);
    if (query != null) {
      s.append('?').append(query);
    }
    try {
      return Optional.of(new URI(s.toString()).normalize());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return null;
    }
    List<String> kept = new ArrayList<>();
    for (String p : rawQuery.split("&")) {
      String name = p.contains("=") ? p.substring(0, p.indexOf('=')) : p;
      String lower = name.toLowerCase(Locale.ROOT);
      if (!p.isEmpty() && !lower.startsWith("utm_") && !TRACKING.contains(lower)) {
        kept.add(p);
      }
    }
    kept.sort(null);
    return kept.isEmpty() ? null : String.join("&", kept);
  }

  /** Percent-encodes what browsers accept in an href but java.net.URI does not (spaces, |, non-ASCII, ...). */
  static String escapeIllegal(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    for (byte b : raw.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    int hash = out.indexOf("#");
    return hash >= 0 ? out.substring(0, hash) : out.toString();
  }

  /** Host plus port when not default: the unit of politeness and of robots.txt. */
  public static String hostKey(URI uri) {
    return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }
}
