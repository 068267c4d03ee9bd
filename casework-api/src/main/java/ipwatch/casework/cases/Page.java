package ipwatch.casework.cases;

import java.util.List;

/** One page of results and the total the caller may see (scoped the same way as the items). */
public record Page<T>(List<T> items, long total, int page, int size) {
  public Page {
    items = List.copyOf(items);
  }
}
