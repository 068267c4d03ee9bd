package ipwatch.link.dup;

import ipwatch.model.config.Config;
import ipwatch.model.config.ConfigException;
import java.util.Map;

/** The {@code duplicates.*} keys of config/linking.yaml, validated. */
public record DuplicateSettings(
    double threshold, int bands, int rows, int modelNumberWeight, int maxBucketSize, Weights weights)
    implements java.io.Serializable {

  /** Score weights; see config/linking.yaml for what each signal is. */
  public record Weights(double modelNumber, double titleCosine, double textCosine, double jaccard, double image,
      double sameSeller, double modelConflict) implements java.io.Serializable {}

  public DuplicateSettings {
    if (threshold <= 0 || threshold > 1) {
      throw new ConfigException("duplicates.threshold must be in (0, 1], is " + threshold);
    }
    if (bands < 1 || rows < 1 || bands * rows > 512) {
      throw new ConfigException("duplicates.bands x duplicates.rows must be between 1 and 512");
    }
    if (modelNumberWeight < 1 || maxBucketSize < 2) {
      throw new ConfigException("duplicates.modelNumberWeight must be >= 1 and duplicates.maxBucketSize >= 2");
    }
  }

  public static DuplicateSettings defaults() {
    return from(Config.loadResource("ipwatch/link/linking.yaml", Map.of()));
  }

  public static DuplicateSettings from(Config c) {
    String w = "duplicates.weights.";
    Weights weights = new Weights(c.decimal(w + "modelNumber"), c.decimal(w + "titleCosine"),
        c.decimal(w + "textCosine"), c.decimal(w + "jaccard"), c.decimal(w + "image"), c.decimal(w + "sameSeller"),
        c.decimal(w + "modelConflict"));
    return new DuplicateSettings(c.decimal("duplicates.threshold"), c.integer("duplicates.bands"),
        c.integer("duplicates.rows"), c.integer("duplicates.modelNumberWeight"),
        c.integer("duplicates.maxBucketSize"), weights);
  }

  public DuplicateSettings withThreshold(double t) {
    return new DuplicateSettings(t, bands, rows, modelNumberWeight, maxBucketSize, weights);
  }

  public DuplicateSettings withWeights(Weights w) {
    return new DuplicateSettings(threshold, bands, rows, modelNumberWeight, maxBucketSize, w);
  }
}
