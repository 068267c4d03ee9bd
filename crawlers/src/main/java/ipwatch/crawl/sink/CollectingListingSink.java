package ipwatch.crawl.sink;

import ipwatch.model.Listing;
import java.util.ArrayList;
import java.util.List;

/** Keeps listings in memory: for tests, the demo and callers that post-process a bounded crawl. */
public final class CollectingListingSink implements ListingSink {
  private final List<Listing> listings = new ArrayList<>();

  @Override
  public synchronized void accept(Listing listing) {
    listings.add(listing);
  }

  public synchronized List<Listing> listings() {
    return List.copyOf(listings);
  }
}
