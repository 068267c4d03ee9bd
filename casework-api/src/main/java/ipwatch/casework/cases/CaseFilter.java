package ipwatch.casework.cases;

import java.util.Optional;

/** Optional narrowing a caller asks for; it can only ever narrow what {@link PartyScope} already allows. */
public record CaseFilter(Optional<CaseStatus> status, Optional<String> marketplace) {
  public static final CaseFilter NONE = new CaseFilter(Optional.empty(), Optional.empty());
}
