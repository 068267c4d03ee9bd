package ipwatch.local.demo;

import ipwatch.local.demo.DemoItem.Group;
import ipwatch.model.FlagKind;
import ipwatch.model.IpAsset;
import ipwatch.model.Json;
import ipwatch.model.Trademark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Builds the demo catalogue from the registry with a fixed seed: per mark, genuine goods from its authorised seller,
 * counterfeits (the exact mark as brand and title start, other sellers, a fraction of the reference price), lookalike
 * spellings, and accessories that name the mark only descriptively; plus unrelated goods.
 */
final class DemoCatalogueGenerator {
  static final long SEED = 20240611L;
  private static final Map<Integer, List<String>> GOODS = Map.of(
      25, List.of("Fjell parka", "Storm rain jacket", "Merino base layer", "Wool beanie", "Trail trousers",
          "Fleece hoodie", "Down vest", "Hiking socks"),
      9, List.of("Aria headphones", "Aria Pro earbuds", "Pulse speaker", "Halo smart lamp", "Volt charger",
          "Echo soundbar", "Nova webcam", "Flux power bank"),
      14, List.of("Meridian watch", "Meridian chronograph", "Solstice bracelet", "Orbit ring", "Tide diver watch",
          "Aurora pendant", "Compass cufflinks", "Horizon watch"));
  private static final Map<Integer, String> CATEGORY = Map.of(25, "apparel", 9, "electronics", 14, "watches");
  private static final Map<String, List<String>> LOOKALIKES = Map.of(
      "NORDVIK", List.of("N0RDVIK", "Nordvick", "NORDV1K", "Nord-Vik"),
      "LUMORA", List.of("Lumorra", "LUM0RA", "Lumoura", "L-umora"),
      "VELTA", List.of("V E L T A", "Veltta", "VELTAA", "Ve1ta"));
  private static final Map<Integer, List<String[]>> ACCESSORIES = Map.of(
      25, List.of(new String[] {"Waterproofing spray for %s parkas", "ProofCare"},
          new String[] {"Replacement zip pullers fits %s jackets", "ZipFix"}),
      9, List.of(new String[] {"Replacement ear pads for %s Aria headphones", "PadPro"},
          new String[] {"Hard travel case for %s Aria Pro earbuds", "CaseCraft"}),
      14, List.of(new String[] {"Silicone strap compatible with %s Meridian watch", "StrapMasters"},
          new String[] {"Screen protector for %s Tide diver watch", "ClearShield"}));
  private static final String[][] UNRELATED = {
    {"Cast iron skillet 28 cm", "Ironhearth", "kitchen"}, {"Bamboo cutting board set", "Greenleaf", "kitchen"},
    {"Stainless steel kettle", "Brewmaster", "kitchen"}, {"Ceramic mixing bowls", "Potter & Co", "kitchen"},
    {"Garden hose 30 m", "Verdant", "garden"}, {"Pruning shears", "Clipwell", "garden"},
    {"Solar path lights 6-pack", "Sunpath", "garden"}, {"Wooden train set", "Tinytrack", "toys"},
    {"Building blocks 500 pieces", "Blockhaus", "toys"}, {"Plush bear 40 cm", "Cuddleco", "toys"},
    {"Yoga mat 6 mm", "Zenflex", "sports"}, {"Adjustable dumbbells", "Ironform", "sports"},
    {"Cotton bath towels", "Softloom", "home"}, {"LED desk lamp", "Brightway", "home"},
    {"Linen duvet cover", "Dreamweave", "home"}};
  private static final List<DemoSeller> FAKE_SELLERS = List.of(
      new DemoSeller("best-deals-outlet", "Best Deals Outlet", "sales@bestdeals-outlet.example", "+86 755 0100 2233"),
      new DemoSeller("factory-direct-88", "Factory Direct 88", "fd88@mail.example", "+86 755 0100 2233"),
      new DemoSeller("brand-outlet-global", "Brand Outlet Global", "service@brandoutlet.example", "+86 755 0100 2233"),
      new DemoSeller("luxe-time-direct", "Luxe Time Direct", "luxetime@mail.example", "+852 5550 1987"),
      new DemoSeller("megabargain-store", "MegaBargain Store", "hello@megabargain.example", "+852 5550 1987"),
      new DemoSeller("trendy-wholesale", "Trendy Wholesale", "trendy@wholesale.example", "+1 415 555 0142"),
      new DemoSeller("quickship-goods", "QuickShip Goods", "orders@quickship.example", "+44 20 7946 0321"));
  private static final List<DemoSeller> HONEST_SELLERS = List.of(
      new DemoSeller("homeware-haven", "Homeware Haven", "shop@homewarehaven.example", "+49 30 5550 1001"),
      new DemoSeller("outdoor-care", "Outdoor Care", "info@outdoorcare.example", "+46 8 5550 2002"),
      new DemoSeller("audio-parts-co", "Audio Parts Co", "parts@audioparts.example", "+1 212 555 0177"),
      new DemoSeller("strap-masters", "Strap Masters", "hello@strapmasters.example", "+41 44 555 0303"));

  private final Random random = new Random(SEED);
  private final List<DemoProduct> products = new ArrayList<>();

  static DemoCatalogue generate(Path registryJsonl) {
    DemoCatalogueGenerator g = new DemoCatalogueGenerator();
    for (Trademark tm : readMarks(registryJsonl)) {
      g.genuine(tm, 12);
      g.counterfeits(tm, 20);
      g.lookalikes(tm);
      g.accessories(tm, 8);
    }
    g.unrelated(60);
    return new DemoCatalogue(g.products, RealProductPages.load());
  }

  static List<Trademark> readMarks(Path registryJsonl) {
    try {
      return Files.readAllLines(registryJsonl).stream().filter(l -> !l.isBlank())
          .map(l -> Json.read(l, IpAsset.class)).filter(a -> a instanceof Trademark).map(a -> (Trademark) a).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo registry " + registryJsonl, e);
    }
  }

  private void genuine(Trademark tm, int n) {
    if (tm.authorizedSellers().isEmpty()) {
      return; // nobody may sell it here, so every offer of it is suspect
    }
    String handle = tm.authorizedSellers().get(0).replaceFirst("^[^:]*:", "");
    String brand = proper(tm.mark());
    DemoSeller seller = new DemoSeller(handle, brand + " Official Store", "shop@" + handle + ".example",
        "+47 22 55 50 " + (10 + random.nextInt(89)));
    for (int i = 0; i < n; i++) {
      String good = goods(tm).get(i % goods(tm).size());
      String title = brand + " " + good + " - " + colour();
      add(title, "Genuine " + brand + " " + good + ". Sold by the official " + brand + " store with full warranty.",
          brand, tm, price(tm, 0.9, 1.1), seller, null, null, Group.GENUINE);
    }
  }

  private void counterfeits(Trademark tm, int n) {
    for (int i = 0; i < n; i++) {
      String good = goods(tm).get(random.nextInt(goods(tm).size()));
      String title = tm.mark() + " " + good + " " + pick("top quality", "factory price", "2024 new", "hot sale",
          "free shipping", "best replica", "wholesale lot");
      DemoSeller seller = FAKE_SELLERS.get(random.nextInt(FAKE_SELLERS.size()));
      add(title, tm.mark() + " " + good + ". 100% quality, cheapest price online, ships from our factory.",
          tm.mark(), tm, price(tm, 0.1, 0.3), seller, tm.assetId(), FlagKind.BRAND_USE, Group.COUNTERFEIT);
    }
  }

  private void lookalikes(Trademark tm) {
    for (String spelling : LOOKALIKES.getOrDefault(tm.mark(), List.of())) {
      String good = goods(tm).get(random.nextInt(goods(tm).size()));
      DemoSeller seller = FAKE_SELLERS.get(random.nextInt(FAKE_SELLERS.size()));
      add(spelling + " " + good, spelling + " " + good + " in the famous style, fraction of the price.", spelling,
          tm, price(tm, 0.15, 0.4), seller, tm.assetId(), FlagKind.LOOKALIKE, Group.LOOKALIKE);
    }
  }

  private void accessories(Trademark tm, int n) {
    List<String[]> templates = ACCESSORIES.get(tm.niceClasses().get(0));
    for (int i = 0; i < n; i++) {
      String[] t = templates.get(i % templates.size());
      String title = String.format(Locale.ROOT, t[0], proper(tm.mark())) + (i >= templates.size() ? " - " + colour() : "");
      DemoSeller seller = HONEST_SELLERS.get(1 + random.nextInt(HONEST_SELLERS.size() - 1));
      add(title, title + ". Third-party accessory; not made or endorsed by " + proper(tm.mark()) + ".", t[1], tm,
          money(8 + random.nextInt(30), 0.99), seller, null, null, Group.ACCESSORY);
    }
  }

  private void unrelated(int n) {
    for (int i = 0; i < n; i++) {
      String[] u = UNRELATED[i % UNRELATED.length];
      String title = u[0] + (i >= UNRELATED.length ? " - " + colour() : "");
      add(title, title + " from " + u[1] + ".", u[1], null, money(5 + random.nextInt(120), 0.95),
          HONEST_SELLERS.get(0), null, null, Group.UNRELATED, u[2]);
    }
  }

  private void add(String title, String description, String brand, Trademark tm, String price, DemoSeller seller,
      String assetId, FlagKind kind, Group group) {
    add(title, description, brand, tm, price, seller, assetId, kind, group, CATEGORY.get(tm.niceClasses().get(0)));
  }

  private void add(String title, String description, String brand, Trademark tm, String price, DemoSeller seller,
      String assetId, FlagKind kind, Group group, String category) {
    int n = products.size() + 1;
    String slug = String.format(Locale.ROOT, "%04d-", n) + title.toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    products.add(new DemoProduct(slug, title, description, brand, category, String.format(Locale.ROOT, "DM-%05d", n),
        gtin13(), price, "USD", seller, assetId, kind, group));
  }

  private static List<String> goods(Trademark tm) {
    return GOODS.get(tm.niceClasses().get(0));
  }

  private String price(Trademark tm, double lowFactor, double highFactor) {
    BigDecimal ref = new BigDecimal(tm.referencePrices().get(0).amount());
    double f = lowFactor + random.nextDouble() * (highFactor - lowFactor);
    return ref.multiply(BigDecimal.valueOf(f)).setScale(0, RoundingMode.HALF_UP).subtract(new BigDecimal("0.01"))
        .toPlainString();
  }

  private static String money(int whole, double cents) {
    return BigDecimal.valueOf(whole + cents).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  private String gtin13() {
    StringBuilder d = new StringBuilder("200");
    while (d.length() < 12) {
      d.append(random.nextInt(10));
    }
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (d.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
    }
    return d.append((10 - sum % 10) % 10).toString();
  }

  private String colour() {
    return pick("Graphite", "Forest green", "Midnight blue", "Sand", "Crimson", "Arctic white", "Slate");
  }

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }

  static String proper(String mark) {
    return mark.charAt(0) + mark.substring(1).toLowerCase(Locale.ROOT);
  }
}
