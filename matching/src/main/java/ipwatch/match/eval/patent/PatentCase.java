package ipwatch.match.eval.patent;

import ipwatch.model.Listing;

/**
 * One labelled listing of the patent evaluation.
 *
 * @param group what the listing is ({@link PatentEvalSet#POSITIVE}, {@code PARTIAL}, ...)
 * @param sourceAssetId the patent whose claim the listing was written from, or null (real unrelated listings)
 * @param expired whether the listing is matched against the registry whose patents have expired
 */
public record PatentCase(String group, String sourceAssetId, Listing listing, boolean expired) {}
