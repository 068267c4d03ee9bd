package ipwatch.match.trademark;

import ipwatch.model.Flag;
import ipwatch.model.Listing;
import ipwatch.model.Money;
import ipwatch.model.Trademark;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A price far below what the rights holder charges is typical of counterfeits, but so is a clearance sale, so this is
 * only ever a supporting signal: the caller adds it to a mark mention and never flags on it alone. The listing is
 * compared with the cheapest reference price in the same currency (no exchange rates: a wrong rate would be worse
 * than no signal).
 */
public final class ReferencePriceCheck {
  public static final String SIGNAL = "PRICE_BELOW_REFERENCE";
  private final double suspiciousRatio;
  private final double weight;

  public ReferencePriceCheck(double suspiciousRatio, double weight) {
    this.suspiciousRatio = suspiciousRatio;
    this.weight = weight;
  }

  public Optional<Flag.Signal> check(Listing listing, Trademark trademark) {
    Optional<BigDecimal> price = amount(listing.price());
    if (price.isEmpty() || price.get().signum() <= 0) {
      return Optional.empty();
    }
    String currency = listing.price().currency();
    Optional<Trademark.ReferencePrice> reference =
        trademark.referencePrices().stream()
            .filter(r -> r.currency() != null && r.currency().equalsIgnoreCase(currency))
            .filter(r -> amount(new Money(r.amount(), r.currency())).isPresent())
            .min((a, b) -> new BigDecimal(a.amount()).compareTo(new BigDecimal(b.amount())));
    if (reference.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal ref = new BigDecimal(reference.get().amount());
    BigDecimal ratio = price.get().divide(ref, 4, RoundingMode.HALF_UP);
    if (ratio.doubleValue() >= suspiciousRatio) {
      return Optional.empty();
    }
    String detail =
        "price " + price.get().toPlainString() + " " + currency + " is "
            + ratio.movePointRight(2).setScale(0, RoundingMode.HALF_UP) + "% of the reference price "
            + reference.get().amount() + " " + reference.get().currency() + " ("
            + reference.get().product() + ")";
    return Optional.of(new Flag.Signal(SIGNAL, weight, detail));
  }

  private static Optional<BigDecimal> amount(Money money) {
    if (money == null || money.amount() == null || money.currency() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BigDecimal(money.amount().trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
