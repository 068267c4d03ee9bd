package ipwatch.link.dup;

import java.util.List;
import java.util.Set;

/**
 * What near-duplicate detection keeps of a listing: its words, model numbers, MinHash signature, image hashes and
 * seller cluster. Small enough to hold for every taken-down listing in the job's state.
 */
public record ListingProfile(
    String listingId,
    String sellerCluster,
    List<String> titleWords,
    List<String> textWords,
    ModelNumbers titleModels,
    ModelNumbers textModels,
    long[] signature,
    Set<String> imageHashes) {}
