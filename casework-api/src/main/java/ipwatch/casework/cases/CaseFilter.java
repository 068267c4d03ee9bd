package ipwatch.casework.cases;

import java.util.Optional;

/** Optional narrowing a caller asks for; it can only ever narrow what {@link PartyScope} already allows. */
public record CaseFilter(Optional<CaseStatus> status, Optional<String> marketplace, Optional<String> networkId) {
  public static final CaseFilter NONE = new CaseFilter(Optional.empty(), Optional.empty());

  public CaseFilter(Optional<CaseStatus> status, Optional<String> marketplace) {
    this(status, marketplace, Optional.empty());
  }

  /** Only the cases of sellers in this operator network (issue 7). */
  public CaseFilter withNetwork(Optional<String> network) {
    return new CaseFilter(status, marketplace, network);
  }
}
