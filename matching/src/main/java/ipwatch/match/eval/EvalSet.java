package ipwatch.match.eval;

import ipwatch.match.eval.RealData.RealListing;
import ipwatch.match.text.Normalizer;
import ipwatch.model.Hashes;
import ipwatch.model.IpAsset;
import ipwatch.model.Listing;
import ipwatch.model.Money;
import ipwatch.model.Seller;
import ipwatch.model.Trademark;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Builds the labelled evaluation set from real listings and real brand names (see docs/matching.md):
 *
 * <ul>
 *   <li>registry: every simple-icons brand as a class-9 mark in US and EU with one authorised seller, a fifth of
 *       them (chosen by a hash of the name) registered only for class 33 instead, plus generated marks as noise;
 *   <li>positives: each real listing whose title opens with a registered brand (brand-use), and the same listing
 *       with that brand disguised in each {@link VariantGenerator.Kind} (edits only for brands of 5+ letters:
 *       one edit of a shorter mark is another word as often as a disguise);
 *   <li>negatives: an accessory "for"/"compatible with"/"für"/"pour"/"para"/"适用于" that brand's product
 *       (descriptive), the listing sold by the authorised seller, listings whose brand is registered only for
 *       another class (unrelated-class), and real listings of brands that are not registered (unrelated).
 * </ul>
 *
 * Half the listings carry their brand in the brand field, half only in the title.
 */
public final class EvalSet {
  public static final String BRAND_USE = "brand-use";
  public static final String DESCRIPTIVE = "descriptive";
  public static final String AUTHORISED = "authorised-seller";
  public static final String UNRELATED_CLASS = "unrelated-class";
  public static final String UNRELATED = "unrelated";
  static final Instant FETCHED = Instant.parse("2026-01-01T00:00:00Z");

  private static final String[] ACCESSORY_TEMPLATES = {
    "Protective case for %s", "Replacement remote control compatible with %s", "Screen protector fits %s",
    "Charger works with %s", "Replacement battery for %s", "Wall mount suitable for %s", "Cable designed for %s",
    "Stand made for %s", "Replacement lamp for use with %s", "Hülle für %s", "Ersatz-Akku passend für %s",
    "Étui pour %s", "Câble compatible avec %s", "Funda para %s", "Cargador compatible con %s", "适用于%s 保护壳"
  };

  public record Built(List<IpAsset> registry, List<EvalCase> cases) {}

  private final Random random;
  private final VariantGenerator variants;

  public EvalSet(long seed) {
    this.random = new Random(seed);
    this.variants = new VariantGenerator(new Random(seed + 1));
  }

  public Built build(List<String> brands, List<RealListing> listings, int generatedMarks) {
    Map<String, Trademark> byWord = new HashMap<>();
    List<IpAsset> registry = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (String brand : brands) {
      String norm = Normalizer.normalize(brand);
      if (norm.isEmpty() || !taken.add(norm)) {
        continue;
      }
      String slug = slug(norm);
      boolean otherClass = Math.floorMod(norm.hashCode(), 5) == 0;
      Trademark tm = new Trademark("si-" + slug, "org-" + slug, brand, List.of(otherClass ? 33 : 9),
          List.of("US", "EU"), List.of("eval:official-" + slug), List.of());
      registry.add(tm);
      byWord.put(norm.replace(" ", ""), tm);
    }
    Set<String> realFirstWords = new HashSet<>();
    listings.forEach(l -> realFirstWords.add(Normalizer.normalize(l.title()).split(" ")[0]));
    for (String name : MarkNames.generate(new Random(random.nextLong()), generatedMarks, taken, realFirstWords)) {
      registry.add(new Trademark("gen-" + name, "org-gen-" + name, name, List.of(9), List.of("US", "EU"), List.of(),
          List.of()));
    }
    List<EvalCase> cases = new ArrayList<>();
    for (RealListing real : listings) {
      Opening opening = opening(real.title(), byWord);
      Trademark tm = opening == null ? null : opening.mark();
      if (tm == null) {
        cases.add(new EvalCase(UNRELATED, false, null, listing(real, real.title(), brandField(real), "eval:shop")));
      } else if (tm.niceClasses().contains(33)) {
        cases.add(new EvalCase(UNRELATED_CLASS, false, null, listing(real, real.title(), brandField(real), "eval:shop")));
      } else {
        addBrandCases(cases, real, tm, opening.text());
      }
    }
    return new Built(registry, cases);
  }

  /** The registered brand a title opens with (its first one to three words, written together), and its text. */
  record Opening(Trademark mark, String text) {}

  private static Opening opening(String title, Map<String, Trademark> byCompactName) {
    ipwatch.match.text.TokenizedText t = Normalizer.tokenize(title);
    for (int n = Math.min(3, t.size()); n >= 1; n--) {
      StringBuilder compact = new StringBuilder();
      for (int k = 0; k < n; k++) {
        compact.append(t.token(k));
      }
      Trademark tm = byCompactName.get(compact.toString());
      if (tm != null) {
        return new Opening(tm, title.substring(0, t.end(0, n)));
      }
    }
    return null;
  }

  private void addBrandCases(List<EvalCase> cases, RealListing real, Trademark tm, String word) {
    String title = real.title();
    String rest = title.substring(word.length());
    String brandField = random.nextBoolean() ? word : "";
    String seller = "eval:reseller-" + random.nextInt(50);
    cases.add(new EvalCase(BRAND_USE, true, tm.assetId(), listing(real, title, brandField, seller)));
    for (VariantGenerator.Kind kind : VariantGenerator.Kind.values()) {
      if (kind == VariantGenerator.Kind.EDIT && word.length() < 5) {
        continue;
      }
      Optional<String> v = variants.variant(kind, word);
      if (v.isPresent() && !Normalizer.normalize(v.get()).equals(Normalizer.normalize(word))) {
        Listing l = listing(real, v.get() + rest, brandField.isEmpty() ? "" : v.get(), seller);
        cases.add(new EvalCase(kind.name().toLowerCase(Locale.ROOT), true, tm.assetId(), l));
      }
    }
    String template = ACCESSORY_TEMPLATES[random.nextInt(ACCESSORY_TEMPLATES.length)];
    String product = String.join(" ", List.of(title.split("\\s+")).subList(0, Math.min(3, title.split("\\s+").length)));
    cases.add(new EvalCase(DESCRIPTIVE, false, null,
        listing(real, String.format(Locale.ROOT, template, product), random.nextBoolean() ? "AccessoryWorks" : "",
            "eval:accessories")));
    cases.add(new EvalCase(AUTHORISED, false, null, listing(real, title, brandField, tm.authorizedSellers().get(0))));
  }

  private String brandField(RealListing real) {
    return random.nextBoolean() ? real.title().split("\\s+")[0] : "";
  }

  private static Listing listing(RealListing real, String title, String brand, String sellerId) {
    String url = "https://eval.example/" + Hashes.shortId(real.source() + "\n" + title + "\n" + brand + sellerId);
    String price = real.price().isBlank() ? null : real.price().replaceAll("[^0-9.]", "");
    return new Listing(Listing.idFor("eval", url), "eval", url, title, "", brand, "Electronics",
        price == null || price.isEmpty() ? null : new Money(price, "USD"), new Seller(sellerId, sellerId, null, null),
        List.of(), null, null, null, FETCHED, null);
  }

  private static String slug(String norm) {
    return norm.replaceAll("[^a-z0-9]+", "-");
  }
}
