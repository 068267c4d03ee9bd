package ipwatch.crawl.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded damage to real pages, the kind a hostile or broken marketplace serves: cut, duplicated and shuffled ranges,
 * broken JSON-LD, absurd numbers, control and bidi characters, deep nesting. The same seed gives the same pages.
 */
final class HostileHtml {
  private static final String[] FRAGMENTS = {
    "<script type=\"application/ld+json\">{", "<script type=\"application/ld+json\">[[[[[[[[[[",
    "<script type=\"application/ld+json\">{\"@type\":\"Product\",\"offers\":{\"price\":1e999999,\"priceCurrency\":\"\"}}</script>",
    "<script type=\"application/ld+json\">{\"@type\":[\"Product\",null,7],\"name\":{\"@value\":[]},\"brand\":[[]],"
        + "\"image\":{\"url\":{\"url\":null}},\"offers\":[{\"price\":\"99999999999999999999999999999999.999\"}]}</script>",
    "<script type=\"application/ld+json\">{\"@graph\":{\"@graph\":{\"@graph\":{\"@type\":\"Product\"}}}}</script>",
    "<div itemscope itemtype=\"http://schema.org/Product\"><span itemprop=\"price\" content=\"-0,00.1\"></span>",
    "<meta property=\"og:price:amount\" content=\"NaN\"><meta property=\"product:price:currency\" content=\"€€€€\">",
    "<meta property=\"og:type\" content=\"product\"><meta property=\"og:title\" content=\"",
    "\u0000", "\uFFFF", "\uD800", "\u202E", "\u200B", "<!--", "]]>", "<![CDATA[", "</html></body><body>", "<<<>>>",
    "&#0;&#xD800;&#99999999999;", "<img src=\"javascript:alert(1)\">", "<a href=\"http://[::1\">", "<base href=\"::::\">",
    "<link rel=\"canonical\" href=\"%%%\">", "<table><tr><td><table><tr><td>", "price: 1.234.567,89.00 € $ ¥ £",
  };

  private final SplittableRandom random;

  HostileHtml(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** {@code count} damaged versions of {@code page}. */
  List<String> variants(String page, int count) {
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String p = page;
      int damage = 1 + random.nextInt(4);
      for (int d = 0; d < damage; d++) {
        p = damage(p);
      }
      out.add(p);
    }
    return out;
  }

  /** Pages no real site serves, but an attacker could. */
  static List<String> extremes() {
    return List.of(
        "",
        "<div>".repeat(20_000) + "<h1 itemprop=\"name\">deep</h1>",
        "<script type=\"application/ld+json\">" + "[".repeat(50_000) + "</script>",
        "<script type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":\"" + "x".repeat(2_000_000) + "\"}</script>",
        "<span itemscope itemtype=\"http://schema.org/Product\">".repeat(5_000),
        "<meta property=\"og:type\" content=\"product\">" + "<meta property=\"og:image\" content=\"/i.jpg\">".repeat(50_000),
        "<html>" + "&amp;".repeat(200_000) + "</html>",
        "\u0000".repeat(10_000));
  }

  private String damage(String p) {
    int n = p.length();
    int a = n == 0 ? 0 : random.nextInt(n);
    int b = Math.min(n, a + random.nextInt(1 + Math.min(n - a, 4096)));
    return switch (random.nextInt(6)) {
      case 0 -> p.substring(0, a); // truncated transfer
      case 1 -> p.substring(0, a) + p.substring(b); // a range lost
      case 2 -> p.substring(0, a) + p.substring(a, b) + p.substring(a); // a range repeated
      case 3 -> p.substring(0, a) + FRAGMENTS[random.nextInt(FRAGMENTS.length)] + p.substring(a);
      case 4 -> p.substring(0, a) + flipped(p.substring(a, b)) + p.substring(b);
      default -> p.substring(b) + p.substring(0, a); // ranges out of order
    };
  }

  private String flipped(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i += 1 + random.nextInt(8)) {
      c[i] = (char) random.nextInt(0x3000);
    }
    return new String(c);
  }
}
