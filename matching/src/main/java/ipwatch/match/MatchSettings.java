package ipwatch.match;

import ipwatch.match.context.DescriptiveUse;
import ipwatch.match.patent.PatentSettings;
import ipwatch.match.registry.CategoryClasses;
import ipwatch.match.trademark.LookalikeScorer;
import ipwatch.match.trademark.Placement;
import ipwatch.model.config.Config;
import ipwatch.model.config.ConfigException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How the matchers score and when a score becomes a flag (the {@code matching:} section of {@code
 * config/stream-jobs.yaml}, read by the Flink job and the batch command alike). Keys left out take the defaults
 * below, which are also the values written in that file. Serializable because the Flink job ships it to its
 * tasks.
 */
public record MatchSettings(
    double alertThreshold,
    Map<Placement, Double> placementWeights,
    double suspiciousPriceRatio,
    double priceWeight,
    List<String> descriptiveCues,
    LookalikeScorer.Similarity lookalike,
    CategoryClasses categories,
    PatentSettings patent)
    implements Serializable {

  public static final String PREFIX = "matching.";

  public MatchSettings {
    placementWeights = Collections.unmodifiableMap(new EnumMap<>(placementWeights));
    descriptiveCues = List.copyOf(descriptiveCues);
    for (Placement p : Placement.values()) {
      if (!placementWeights.containsKey(p)) {
        throw new IllegalArgumentException("no weight for placement " + p);
      }
    }
  }

  public static MatchSettings defaults() {
    Map<Placement, Double> w = new EnumMap<>(Placement.class);
    w.put(Placement.BRAND_FIELD, 0.9);
    w.put(Placement.BRAND_FIELD_CONTAINS, 0.8);
    w.put(Placement.TITLE_LEAD, 0.75);
    w.put(Placement.TITLE_MENTION, 0.65);
    w.put(Placement.DESCRIPTIVE_MENTION, 0.1);
    return new MatchSettings(
        0.7, w, 0.4, 0.25, DescriptiveUse.DEFAULT_CUES, new LookalikeScorer.Similarity(1.0, 0.95, 0.9, 0.9, 0.3),
        CategoryClasses.bundled(), PatentSettings.defaults());
  }

  public static MatchSettings from(Config config) {
    MatchSettings d = defaults();
    Map<Placement, Double> w = new EnumMap<>(Placement.class);
    for (Placement p : Placement.values()) {
      w.put(p, fraction(config, "weights." + weightKey(p), d.placementWeights().get(p), false));
    }
    return new MatchSettings(
        fraction(config, "alertThreshold", d.alertThreshold(), true),
        w,
        fraction(config, "price.suspiciousRatio", d.suspiciousPriceRatio(), false),
        fraction(config, "price.weight", d.priceWeight(), false),
        config.find(PREFIX + "descriptiveCues").isPresent() || config.tree(PREFIX + "descriptiveCues").isPresent()
            ? config.list(PREFIX + "descriptiveCues")
            : d.descriptiveCues(),
        new LookalikeScorer.Similarity(
            fraction(config, "lookalike.visual", d.lookalike().visual(), true),
            fraction(config, "lookalike.oneEdit", d.lookalike().oneEdit(), true),
            fraction(config, "lookalike.twoEdits", d.lookalike().twoEdits(), true),
            fraction(config, "lookalike.phonetic", d.lookalike().phonetic(), true),
            fraction(config, "lookalike.obfuscation", d.lookalike().obfuscation(), false)),
        config.find(PREFIX + "categoriesFile").filter(f -> !f.isBlank())
            .map(f -> CategoryClasses.from(Config.load(Path.of(f), Map.of()), f))
            .orElse(d.categories()),
        new PatentSettings(
            fraction(config, "patent.minCoverage", d.patent().minCoverage(), true),
            fraction(config, "patent.alertThreshold", d.patent().alertThreshold(), true),
            fraction(config, "patent.elementMinTerms", d.patent().elementMinTerms(), true),
            config.find(PREFIX + "patent.elementEnoughTerms").isPresent()
                ? positiveInt(config, "patent.elementEnoughTerms")
                : d.patent().elementEnoughTerms()));
  }

  private static int positiveInt(Config config, String key) {
    int v = config.integer(PREFIX + key);
    if (v < 1) {
      throw new ConfigException("config key '" + PREFIX + key + "' is " + v + " but must be at least 1 ("
          + Config.envName(PREFIX + key) + ")");
    }
    return v;
  }

  /** {@code TITLE_LEAD} → {@code titleLead}, the key under {@code matching.weights}. */
  public static String weightKey(Placement placement) {
    String[] parts = placement.name().toLowerCase(java.util.Locale.ROOT).split("_");
    StringBuilder key = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      key.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return key.toString();
  }

  private static double fraction(Config config, String key, double fallback, boolean oneAllowed) {
    String full = PREFIX + key;
    if (config.find(full).isEmpty()) {
      return fallback;
    }
    double v = config.decimal(full);
    boolean ok = v >= 0 && (oneAllowed ? v <= 1 : v < 1);
    if (!ok) {
      throw new ConfigException(
          "config key '" + full + "' is " + v + " but must be between 0 and " + (oneAllowed ? "1" : "just below 1")
              + " (" + Config.envName(full) + ")");
    }
    return v;
  }
}
