package ipwatch.link.eval;

import ipwatch.model.Image;
import ipwatch.model.Listing;
import ipwatch.model.Seller;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated cross-platform seller networks with ground truth. Each operator runs 1-5 accounts on different
 * marketplaces; each account shows every identifier of its operator with probability 0.6, written with the noise
 * real pages have (case, Gmail dots and plus tags, national vs international phone formats, licence labels and
 * dashes, street abbreviations, tracking parameters). Decoys that must NOT link: a marketplace support address and
 * a placeholder image on many accounts, one manufacturer photo shared by unrelated resellers, non-Gmail addresses
 * that differ only by a dot, the same national phone digits in another country, a neighbour's house number.
 */
final class SellerNetworkGenerator {
  record Account(Listing listing, int operator) {}

  private static final String[][] MARKETS = {{"amazon.de", "DE", "+49 30 "}, {"ebay.co.uk", "GB", "+44 20 "},
      {"amazon.com", "US", "+1 212 "}, {"aliexpress", "CN", "+86 138 "}, {"ebay.de", "DE", "+49 30 "},
      {"taobao", "CN", "+86 138 "}, {"ebay.com", "US", "+1 212 "}};
  private static final String[] STREETS = {"Main", "Harbour", "Linden", "Station", "Market", "Garden", "Mill"};
  private final Random random;
  private final List<Account> accounts = new ArrayList<>();

  SellerNetworkGenerator(long seed) {
    this.random = new Random(seed);
  }

  List<Account> generate(int operators) {
    for (int op = 0; op < operators; op++) {
      int n = 1 + (random.nextDouble() < 0.5 ? 0 : random.nextInt(5));
      Map<String, String> identity = identity(op);
      int home = (op / 2 + op % 2) % 4; // partners 2k, 2k+1 (the phone decoy) live in different countries
      for (int a = 0; a < n; a++) {
        String[] market = MARKETS[(home + a) % MARKETS.length];
        accounts.add(new Account(listing(op, a, market, identity, MARKETS[home]), op));
      }
    }
    return accounts;
  }

  private Map<String, String> identity(int op) {
    Map<String, String> id = new LinkedHashMap<>();
    boolean gmail = random.nextBoolean();
    // decoy: operators 2k and 2k+1 outside Gmail differ only by a dot in the local part
    id.put("email", gmail ? "trade.house" + op + "@gmail.com"
        : (op % 2 == 0 ? "sales.team" : "salesteam") + (op / 2) + "@outlook.com");
    // decoy: operators k and k + 1 share the national digits but not the country (market differs)
    id.put("phone", String.format("%07d", 1_000_000 + (op / 2) * 7919 % 8_999_999));
    id.put("license", "9133" + String.format("%010d", op * 104_729L) + "MA" + (char) ('A' + op % 26));
    id.put("address", (10 + op % 80) + " " + STREETS[op % STREETS.length] + " Street, City" + (op / 80) + " "
        + (10_000 + op));
    id.put("storefront", "https://www.op" + op + "-shop.com/store/");
    id.put("payment", "https://paypal.me/op" + op + "pay");
    id.put("image1", sha(op, 1));
    id.put("image2", sha(op, 2));
    id.put("image3", sha(op, 3));
    return id;
  }

  private Listing listing(int op, int a, String[] market, Map<String, String> id, String[] home) {
    Map<String, String> shown = new HashMap<>();
    List<Image> images = new ArrayList<>();
    for (Map.Entry<String, String> e : id.entrySet()) {
      if (random.nextDouble() >= 0.6) {
        continue;
      }
      String v = e.getValue();
      switch (e.getKey()) {
        case "email" -> shown.put("email", noisyEmail(v));
        case "phone" -> shown.put("phone", market[1].equals(home[1]) && (home[1].equals("DE") || home[1].equals("GB")) && random.nextBoolean()
            ? "0" + home[2].replaceAll("\\D", "").substring(2) + " " + v
            : home[2].replace(" ", random.nextBoolean() ? " " : "-") + v.substring(0, 3) + " " + v.substring(3));
        case "license" -> shown.put("businessLicense", random.nextBoolean() ? "Reg. No.: " + v
            : v.substring(0, 6) + "-" + v.substring(6, 12) + " " + v.substring(12));
        case "address" -> shown.put("address", random.nextBoolean() ? v.replace("Street", "St.").toUpperCase() : v);
        case "storefront" -> shown.put("storefront", random.nextBoolean()
            ? v.replace("https://www.", "http://") + "?utm_source=" + market[0] : v);
        case "payment" -> shown.put("payment", v.replace("https://", ""));
        default -> images.add(new Image("https://img/" + v, v));
      }
    }
    if (random.nextDouble() < 0.3) {
      shown.put("contactEmail", "Seller-Support@" + market[0] + ".example"); // hub decoy
    }
    if (random.nextDouble() < 0.2) {
      images.add(new Image("https://img/placeholder", sha(-1, 0))); // hub decoy
    }
    if (random.nextDouble() < 0.1) {
      images.add(new Image("https://img/stock", sha(-2 - op % 50, 0))); // stock photo two resellers share
    }
    String sellerId = "s" + op + "-" + a;
    return new Listing("l-" + sellerId, market[0], "https://" + market[0] + "/item/" + sellerId, "item", null, null,
        null, null, new Seller(sellerId, "Shop " + sellerId, null, shown), images, null, null, null, null, null);
  }

  private String noisyEmail(String v) {
    return switch (random.nextInt(4)) {
      case 0 -> v.toUpperCase();
      case 1 -> v.endsWith("@gmail.com") ? v.replace(".", "").replace("gmailcom", "googlemail.com") : v;
      case 2 -> v.replace("@", "+shop" + random.nextInt(9) + "@");
      default -> " " + v + " ";
    };
  }

  private static String sha(int op, int i) {
    return ipwatch.model.Hashes.sha256Hex(("image " + op + "/" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
