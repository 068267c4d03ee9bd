package ipwatch.match.eval;

import ipwatch.model.Listing;

/**
 * One labelled listing: its group (a variant class or a negative class), and for positives the asset it infringes.
 * Negatives must raise no flag at all.
 */
public record EvalCase(String group, boolean positive, String expectedAssetId, Listing listing) {}
