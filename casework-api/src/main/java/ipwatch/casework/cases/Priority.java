package ipwatch.casework.cases;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A case's priority, 0..100, higher first. Weights: match score 50 %, asset value 20 % (the highest reference price,
 * on a log scale that saturates at 10,000), remaining life 15 % (trademarks renew indefinitely; a patent is worth
 * less to enforce as expiry nears and nothing once expired, saturating at five years), repeat seller 15 % (the
 * seller's earlier cases on the same marketplace, saturating at five). The weights are a starting point to tune
 * against outcomes, not a finding.
 */
public final class Priority {
  private Priority() {}

  public static double of(double score, JsonObject asset, long sellerCases, LocalDate today) {
    double value = 0.5;
    double life = 1.0;
    if (asset != null) {
      double maxPrice = 0;
      JsonArray prices = asset.getJsonArray("referencePrices", new JsonArray());
      for (Object p : prices) {
        try {
          maxPrice = Math.max(maxPrice, Double.parseDouble(((JsonObject) p).getString("amount", "0")));
        } catch (RuntimeException e) {
          // an unreadable price does not make a case less urgent
        }
      }
      value = prices.isEmpty() ? 0.5 : Math.min(1, Math.log10(1 + maxPrice) / 4);
      String expires = asset.getString("expires");
      if (expires != null) {
        long days = ChronoUnit.DAYS.between(today, LocalDate.parse(expires));
        life = days <= 0 ? 0 : Math.min(1, days / (5 * 365.0));
      }
    }
    double repeat = Math.min(1, sellerCases / 5.0);
    double p = 100 * (0.5 * clamp(score) + 0.2 * value + 0.15 * life + 0.15 * repeat);
    return Math.round(p * 10) / 10.0;
  }

  /**
   * The priority of a case whose match score changed from {@code oldScore} to {@code newScore}: only the score's
   * half moves; asset value, remaining life and seller history stay as they were weighed at opening.
   */
  public static double rescored(double priority, double oldScore, double newScore) {
    double p = priority + 100 * 0.5 * (clamp(newScore) - clamp(oldScore));
    return Math.round(Math.max(0, Math.min(100, p)) * 10) / 10.0;
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
