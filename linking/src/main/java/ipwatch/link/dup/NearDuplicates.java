package ipwatch.link.dup;

import ipwatch.link.seller.SellerIdentifiers;
import ipwatch.link.seller.SellerLinker;
import ipwatch.link.seller.SellerSettings;
import ipwatch.model.Listing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A whole batch of listings through the same code as the job: seller clusters first (so "same seller cluster" can
 * count), word frequencies over the batch, then every listing against the ones before it.
 */
public final class NearDuplicates {
  private final DuplicateSettings settings;
  private final SellerSettings sellers;
  private long candidates;

  public NearDuplicates(DuplicateSettings settings, SellerSettings sellers) {
    this.settings = settings;
    this.sellers = sellers;
  }

  public void run(List<Listing> listings, Consumer<DuplicatePair> sink) {
    Map<String, String> clusters = sellerClusters(listings);
    Profiler profiler = new Profiler(settings);
    DocumentFrequencies df = new DocumentFrequencies();
    List<ListingProfile> profiles = new ArrayList<>(listings.size());
    for (Listing l : listings) {
      ListingProfile p = profiler.profile(l, SellerIdentifiers.sellerKey(l).map(clusters::get).orElse(null));
      df.add(p.textWords());
      profiles.add(p);
    }
    NearDuplicateFinder finder = new NearDuplicateFinder(settings, df);
    for (ListingProfile p : profiles) {
      finder.add(p).forEach(sink);
    }
    candidates = finder.candidatesScored();
  }

  public long candidatesScored() {
    return candidates;
  }

  private Map<String, String> sellerClusters(List<Listing> listings) {
    SellerLinker linker = new SellerLinker(sellers);
    SellerIdentifiers ids = new SellerIdentifiers(sellers);
    for (Listing l : listings) {
      SellerIdentifiers.sellerKey(l).ifPresent(key -> linker.observe(key, ids.of(l)));
    }
    return new HashMap<>(linker.clusters());
  }
}
