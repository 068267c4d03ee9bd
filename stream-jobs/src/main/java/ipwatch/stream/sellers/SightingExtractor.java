package ipwatch.stream.sellers;

import ipwatch.link.seller.Identifier;
import ipwatch.link.seller.SellerIdentifiers;
import ipwatch.link.seller.SellerSettings;
import ipwatch.model.BadRecordException;
import ipwatch.model.Json;
import ipwatch.model.Listing;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * Stateless: a raw listing to its account's normalised identifiers (linking's {@link SellerIdentifiers}, the same
 * normalisation as the batch). Unreadable listings and listings without a seller id are counted and skipped; the
 * match job already dead-letters unreadable ones with their cause, so a second copy would only add noise.
 */
public final class SightingExtractor extends RichFlatMapFunction<String, IdentifierSighting> {
  private static final long serialVersionUID = 1L;
  private final SellerSettings settings;
  private transient SellerIdentifiers identifiers;
  private transient Counter skipped;

  public SightingExtractor(SellerSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext openContext) {
    identifiers = new SellerIdentifiers(settings);
    skipped = getRuntimeContext().getMetricGroup().counter("listingsSkipped");
  }

  @Override
  public void flatMap(String raw, Collector<IdentifierSighting> out) {
    Listing listing;
    try {
      listing = Json.read(raw, Listing.class);
    } catch (BadRecordException e) {
      skipped.inc();
      return;
    }
    Optional<String> key = SellerIdentifiers.sellerKey(listing);
    if (key.isEmpty()) {
      skipped.inc();
      return;
    }
    out.collect(new IdentifierSighting(key.get(), null));
    for (Identifier id : identifiers.of(listing)) {
      out.collect(new IdentifierSighting(key.get(), id));
    }
  }
}
