package ipwatch.casework.cases;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Optional narrowing a caller asks for; it can only ever narrow what {@link PartyScope} already allows. The same
 * filter drives the SQL list ({@link CaseFilterSql}) and the search (search.CaseQueries).
 *
 * @param marketplace the platform the listing is on (query parameter {@code platform}, or {@code marketplace})
 * @param minPriority cases at or above this priority (0..100)
 * @param dueBefore cases with a pending legal deadline before this instant
 * @param text free text: in the list a substring of title, seller or ids; in search the full-text query
 * @param networkId only the cases of sellers in this operator network (issue 7; the list only)
 */
public record CaseFilter(Optional<CaseStatus> status, Optional<String> marketplace, Optional<String> jurisdiction,
    OptionalDouble minPriority, Optional<Instant> dueBefore, Optional<String> text, Optional<String> networkId) {
  public static final CaseFilter NONE = new CaseFilter(Optional.empty(), Optional.empty());

  /** The original two filters (status, marketplace). */
  public CaseFilter(Optional<CaseStatus> status, Optional<String> marketplace) {
    this(status, marketplace, Optional.empty(), OptionalDouble.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  /** The filters of issue 5, without a network. */
  public CaseFilter(Optional<CaseStatus> status, Optional<String> marketplace, Optional<String> jurisdiction,
      OptionalDouble minPriority, Optional<Instant> dueBefore, Optional<String> text) {
    this(status, marketplace, jurisdiction, minPriority, dueBefore, text, Optional.empty());
  }

  /** Only the cases of sellers in this operator network (issue 7). */
  public CaseFilter withNetwork(Optional<String> network) {
    return new CaseFilter(status, marketplace, jurisdiction, minPriority, dueBefore, text, network);
  }
}
