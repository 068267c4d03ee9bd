package ipwatch.match.eval.patent;

import ipwatch.match.eval.RealData;
import ipwatch.match.patent.ChartedClaim;
import ipwatch.match.patent.PatentVocabulary;
import ipwatch.model.Listing;
import ipwatch.model.Money;
import ipwatch.model.Seller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Builds the labelled listings of the patent evaluation from real grants, at run time:
 *
 * <ul>
 *   <li>{@link #POSITIVE}: a listing that describes every row of a patent's first chartable independent claim (the
 *       preamble as title, each element a sentence of the description), in a seller's words ({@link
 *       ClaimParaphraser}); sentences in random order;
 *   <li>{@link #PARTIAL}: the same claim with fewer than half of its elements described (the claim is not met);
 *   <li>{@link #SAME_DOMAIN}: another paraphrase of a claim of a patent that shares its IPC subclass with another
 *       registered patent: any flag for a patent other than the described one is a false positive (patents are
 *       charted independently, so this is the same as the described patent not being registered);
 *   <li>{@link #UNRELATED}: real product listings (Abt-Buy title and description);
 *   <li>{@link #EXPIRED}, {@link #WRONG_JURISDICTION}: positive listings matched against the patents after their
 *       expiry, and offered on a German shop in euros while the patents are granted in the US only.
 * </ul>
 */
final class PatentEvalSet {
  static final String POSITIVE = "positive";
  static final String PARTIAL = "partial";
  static final String SAME_DOMAIN = "same-domain";
  static final String UNRELATED = "unrelated";
  static final String EXPIRED = "expired";
  static final String WRONG_JURISDICTION = "wrong-jurisdiction";
  private static final Instant FETCHED = Instant.parse("2026-01-01T00:00:00Z");

  private final Random random;
  private final ClaimParaphraser paraphraser;
  private final PatentVocabulary vocabulary;
  private int counter;

  PatentEvalSet(long seed, PatentVocabulary vocabulary) {
    this.random = new Random(seed);
    this.paraphraser = new ClaimParaphraser(random, 0.5, 0.3);
    this.vocabulary = vocabulary;
  }

  /** The patents that can be charted (design patents and claims without a transition cannot). */
  List<PatentGrants.Grant> chartable(List<PatentGrants.Grant> grants) {
    return grants.stream().filter(g -> !ChartedClaim.of(g.patent(), vocabulary).isEmpty()).toList();
  }

  List<PatentCase> build(List<PatentGrants.Grant> chartable, List<RealData.DescribedListing> unrelated) {
    List<PatentCase> out = new ArrayList<>();
    for (PatentGrants.Grant g : chartable) {
      ChartedClaim claim = ChartedClaim.of(g.patent(), vocabulary).get(0);
      String id = g.patent().assetId();
      Listing positive = describe(claim, claim.rows().size() - 1, "example.com", "USD");
      out.add(new PatentCase(POSITIVE, id, positive, false));
      out.add(new PatentCase(PARTIAL, id, describe(claim, (claim.rows().size() - 2) / 2, "example.com", "USD"), false));
      if (hasNeighbour(g, chartable)) {
        out.add(new PatentCase(SAME_DOMAIN, id, describe(claim, claim.rows().size() - 1, "example.com", "USD"), false));
      }
      out.add(new PatentCase(EXPIRED, id, positive, true));
      out.add(new PatentCase(WRONG_JURISDICTION, id,
          describe(claim, claim.rows().size() - 1, "example.de", "EUR"), false));
    }
    for (RealData.DescribedListing r : unrelated) {
      out.add(new PatentCase(UNRELATED, null, listing(r.title(), r.description(), "example.com", "USD"), false));
    }
    return out;
  }

  private static boolean hasNeighbour(PatentGrants.Grant g, List<PatentGrants.Grant> all) {
    String subclass = subclass(g.ipc());
    return !subclass.isEmpty()
        && all.stream().anyMatch(o -> o != g && subclass(o.ipc()).equals(subclass));
  }

  /** "A45F" of "A45F 504": the technical field at the level a patent examiner searches. */
  static String subclass(String ipc) {
    return ipc.length() >= 4 ? ipc.substring(0, 4) : "";
  }

  /** A listing with the claim's preamble as title and {@code elements} of its elements as sentences. */
  private Listing describe(ChartedClaim claim, int elements, String domain, String currency) {
    List<String> rows = new ArrayList<>(claim.rows().subList(1, claim.rows().size()).stream()
        .map(ChartedClaim.Row::text).toList());
    Collections.shuffle(rows, random);
    StringBuilder description = new StringBuilder();
    for (String row : rows.subList(0, Math.max(0, elements))) {
      String s = paraphraser.rewrite(row);
      description.append(Character.toUpperCase(s.charAt(0))).append(s.substring(1)).append(".\n");
    }
    String title = paraphraser.rewrite(claim.rows().get(0).text()).replaceFirst("^(?i)(an?|the)\\s+", "");
    return listing(title.length() > 150 ? title.substring(0, 150) : title, description.toString(), domain, currency);
  }

  private Listing listing(String title, String description, String domain, String currency) {
    String url = "https://shop." + domain + "/p/" + (++counter);
    return new Listing(Listing.idFor("eval", url), "eval", url, title, description, "", "", new Money("19.99", currency),
        new Seller("eval:seller-" + (counter % 50), "Seller " + (counter % 50), null, null), List.of(), null, null,
        null, FETCHED, null);
  }
}
