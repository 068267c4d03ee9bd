package ipwatch.local.bench;

import ipwatch.match.eval.MarkNames;
import ipwatch.model.Json;
import ipwatch.model.Listing;
import ipwatch.model.Money;
import ipwatch.model.Seller;
import ipwatch.model.Trademark;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A seeded generator of a registry and of marketplace listings against it, varied enough that the matcher does real
 * work: generated brand names in three Nice classes, counterfeits (the mark as brand and title lead, or in the title
 * only, at a fraction of the reference price, from thousands of sellers in small networks), genuine offers from the
 * authorised sellers, accessories naming a mark descriptively, and unrelated goods. Only counterfeits are expected to
 * become cases; each knows the one asset it infringes.
 */
public final class SyntheticMarketplace {
  static final int MARKETPLACES = 30;
  private static final int[] CLASSES = {9, 25, 14};
  private static final Map<Integer, String> CATEGORY = Map.of(9, "electronics", 25, "apparel", 14, "watches");
  private static final Map<Integer, String[]> GOODS = Map.of(
      9, new String[] {"wireless headphones", "earbuds", "bluetooth speaker", "smart lamp", "USB-C charger",
          "soundbar", "webcam 1080p", "power bank 20000mAh", "gaming mouse", "mechanical keyboard", "smartwatch",
          "tablet case"},
      25, new String[] {"parka", "rain jacket", "merino base layer", "wool beanie", "trail trousers", "fleece hoodie",
          "down vest", "hiking socks", "running shoes", "denim jacket", "polo shirt", "leather belt"},
      14, new String[] {"automatic watch", "chronograph", "bracelet", "ring", "diver watch", "pendant",
          "cufflinks", "pilot watch", "necklace", "earrings", "dress watch", "bangle"});
  private static final String[] SPAM = {"top quality", "factory price", "2026 new", "hot sale", "free shipping",
      "best replica", "wholesale lot", "original box", "AAA grade", "cheap"};
  private static final String[] COLOURS = {"Graphite", "Forest green", "Midnight blue", "Sand", "Crimson",
      "Arctic white", "Slate", "Rose gold", "Black"};
  private static final String[] ACCESSORY = {"Replacement strap compatible with %s %s", "Protective case for %s %s",
      "Cleaning kit suitable for %s %s", "Spare parts fits %s %s", "Screen protector designed for %s %s"};
  private static final String[] UNRELATED_GOODS = {"cast iron skillet", "bamboo cutting board", "stainless kettle",
      "garden hose 30 m", "pruning shears", "solar path lights", "wooden train set", "building blocks", "plush bear",
      "yoga mat", "adjustable dumbbells", "cotton bath towels", "LED desk lamp", "linen duvet cover", "ceramic vase",
      "dog leash", "bird feeder", "chess set", "picnic blanket", "espresso cups"};
  private static final String[] UNRELATED_CATEGORY = {"kitchen", "garden", "toys", "sports", "home", "pets"};

  /** What a generated listing is; only counterfeits should become cases. */
  public enum Kind { COUNTERFEIT, GENUINE, ACCESSORY, UNRELATED }

  /** One listing ready to publish: its key and JSON, and the asset it must become a case for (null: none). */
  public record Outgoing(String listingId, byte[] value, String expectedAssetId) {}

  private final Random random;
  private final double counterfeitShare;
  private final List<Trademark> marks = new ArrayList<>();
  private final List<String> innocentBrands;
  private final Instant fetchedAt = Instant.now();
  private long sequence;
  /** The kind of listing n (its URL ends in /item/n), for explaining cases nobody expected. */
  private byte[] kinds = new byte[1 << 16];

  /** @param owners organisations the marks are spread over (the registry API sets the real owner from the token) */
  public SyntheticMarketplace(long seed, int markCount, double counterfeitShare, List<String> owners) {
    this.random = new Random(seed);
    this.counterfeitShare = counterfeitShare;
    List<String> names = MarkNames.generate(random, markCount + 200, new HashSet<>(), java.util.Set.of());
    for (int i = 0; i < markCount; i++) {
      String name = proper(names.get(i));
      int nice = CLASSES[i % CLASSES.length];
      List<String> jurisdictions = switch (i % 3) {
        case 0 -> List.of("US", "EU", "CN");
        case 1 -> List.of("EU", "US");
        default -> List.of("CN", "US");
      };
      String id = String.format(Locale.ROOT, "bench-tm-%04d", i);
      String amount = BigDecimal.valueOf(40 + random.nextInt(460)).setScale(2, RoundingMode.UNNECESSARY)
          .toPlainString();
      marks.add(new Trademark(id, owners.get(i % owners.size()), name.toUpperCase(Locale.ROOT), List.of(nice),
          jurisdictions, List.of(officialSeller(i, 0), officialSeller(i, 1)),
          List.of(new Trademark.ReferencePrice(name + " " + GOODS.get(nice)[0], amount, "USD"))));
    }
    // the last 200 names are never registered: brands of innocent goods that look like real brands
    innocentBrands = names.subList(markCount, names.size()).stream().map(SyntheticMarketplace::proper).toList();
  }

  public List<Trademark> marks() {
    return marks;
  }

  /** The next listing; counterfeits come at the configured share, in a seeded order. */
  public Outgoing next() {
    long n = ++sequence;
    double roll = random.nextDouble();
    if (roll < counterfeitShare) {
      return counterfeit(n);
    }
    double rest = random.nextDouble();
    if (rest < 0.3) {
      return genuine(n);
    }
    return rest < 0.5 ? accessory(n) : unrelated(n);
  }

  /** A counterfeit of a given mark (for the warm-up probe). */
  public Outgoing counterfeitOf(int markIndex) {
    return counterfeit(++sequence, marks.get(markIndex));
  }

  private Outgoing counterfeit(long n) {
    return counterfeit(n, marks.get(random.nextInt(marks.size())));
  }

  private Outgoing counterfeit(long n, Trademark tm) {
    remember(n, Kind.COUNTERFEIT);
    int nice = tm.niceClasses().get(0);
    String good = pick(GOODS.get(nice));
    String mark = random.nextBoolean() ? tm.mark() : proper(tm.mark());
    boolean brandField = random.nextDouble() < 0.7;
    String title = mark + " " + good + " " + pick(SPAM) + (random.nextBoolean() ? " " + pick(COLOURS) : "");
    String description = mark + " " + good + ". 100% quality, cheapest price online, ships from our factory.";
    int network = random.nextInt(400);
    Seller seller = new Seller(null, "Outlet " + network + "-" + random.nextInt(12), null,
        Map.of("email", "sales" + network + "@outlet-" + network + ".example",
            "phone", String.format(Locale.ROOT, "+86 755 %04d %04d", network, random.nextInt(10_000))));
    String price = fraction(tm, 0.1, 0.3);
    return build(n, title, description, brandField ? mark : "Generic", CATEGORY.get(nice), price, seller, null,
        tm.assetId());
  }

  private Outgoing genuine(long n) {
    remember(n, Kind.GENUINE);
    int i = random.nextInt(marks.size());
    Trademark tm = marks.get(i);
    int nice = tm.niceClasses().get(0);
    int shop = random.nextInt(2);
    String brand = proper(tm.mark());
    String title = brand + " " + pick(GOODS.get(nice)) + " - " + pick(COLOURS);
    Seller seller = new Seller(null, brand + " Official Store", null, Map.of("email", "shop@" + brand + ".example"));
    return build(n, title, "Genuine " + title + ", sold by the official store with full warranty.", brand,
        CATEGORY.get(nice), fraction(tm, 0.9, 1.1), seller, officialSeller(i, shop), null);
  }

  private Outgoing accessory(long n) {
    remember(n, Kind.ACCESSORY);
    Trademark tm = marks.get(random.nextInt(marks.size()));
    int nice = tm.niceClasses().get(0);
    String title = String.format(Locale.ROOT, pick(ACCESSORY), proper(tm.mark()), pick(GOODS.get(nice)));
    String maker = pick(innocentBrands);
    Seller seller = new Seller(null, maker + " Parts", null, Map.of("email", "hello@" + maker + ".example"));
    return build(n, title, title + ". Third-party accessory; not made or endorsed by the brand owner.", maker,
        CATEGORY.get(nice), money(5 + random.nextInt(40)), seller, null, null);
  }

  private Outgoing unrelated(long n) {
    remember(n, Kind.UNRELATED);
    String maker = pick(innocentBrands);
    String title = maker + " " + pick(UNRELATED_GOODS) + " - " + pick(COLOURS);
    Seller seller = new Seller(null, maker + " Home", null, Map.of("email", "shop@" + maker + ".example"));
    return build(n, title, title + ", from " + maker + ".", maker, pick(UNRELATED_CATEGORY),
        money(5 + random.nextInt(150)), seller, null, null);
  }

  private Outgoing build(long n, String title, String description, String brand, String category, String price,
      Seller seller, String sellerHandle, String expectedAssetId) {
    String marketplace = marketplace(sellerHandle == null ? (int) (n % MARKETPLACES) : shopMarketplace(sellerHandle));
    String url = "https://" + marketplace + ".example/item/" + n;
    String sellerId = sellerHandle != null ? sellerHandle
        : marketplace + ":" + seller.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    Listing listing = new Listing(Listing.idFor(marketplace, url), marketplace, url, title, description, brand,
        category, new Money(price, "USD"), new Seller(sellerId, seller.name(), null, seller.identifiers()), List.of(),
        null, "BM-" + n, null, fetchedAt, null);
    return new Outgoing(listing.listingId(), Json.write(listing).getBytes(StandardCharsets.UTF_8), expectedAssetId);
  }

  private synchronized void remember(long n, Kind kind) {
    if (n >= kinds.length) {
      kinds = java.util.Arrays.copyOf(kinds, (int) Math.max(n + 1, 2L * kinds.length));
    }
    kinds[(int) n] = (byte) (kind.ordinal() + 1);
  }

  /** The kind of the listing this generator published at {@code url}; empty for a URL it did not make. */
  public synchronized java.util.Optional<Kind> kindOf(String url) {
    int at = url.lastIndexOf("/item/");
    if (at < 0) {
      return java.util.Optional.empty();
    }
    try {
      long n = Long.parseLong(url.substring(at + "/item/".length()));
      return n > 0 && n < kinds.length && kinds[(int) n] != 0
          ? java.util.Optional.of(Kind.values()[kinds[(int) n] - 1]) : java.util.Optional.empty();
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }

  /** Authorised sellers are ids "marketplace:handle", as the crawler writes them. */
  private static String officialSeller(int markIndex, int shop) {
    return marketplace((markIndex + shop * 7) % MARKETPLACES) + ":official-" + markIndex;
  }

  private static int shopMarketplace(String sellerId) {
    return Integer.parseInt(sellerId.substring("bench-m".length(), sellerId.indexOf(':')));
  }

  static String marketplace(int i) {
    return String.format(Locale.ROOT, "bench-m%02d", i);
  }

  private String fraction(Trademark tm, double low, double high) {
    BigDecimal ref = new BigDecimal(tm.referencePrices().get(0).amount());
    double f = low + random.nextDouble() * (high - low);
    return ref.multiply(BigDecimal.valueOf(f)).setScale(0, RoundingMode.HALF_UP).subtract(new BigDecimal("0.01"))
        .toPlainString();
  }

  private static String money(int whole) {
    return whole + ".99";
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }

  private String pick(List<String> options) {
    return options.get(random.nextInt(options.size()));
  }

  private static String proper(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1).toLowerCase(Locale.ROOT);
  }
}
