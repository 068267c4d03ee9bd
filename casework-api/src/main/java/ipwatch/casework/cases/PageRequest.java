package ipwatch.casework.cases;

/** A 1-based page of {@code size} items. Callers validate bounds (see http.QueryParams). */
public record PageRequest(int page, int size) {
  public PageRequest {
    if (page < 1 || size < 1) {
      throw new IllegalArgumentException("page and size start at 1");
    }
  }

  public long offset() {
    return (long) (page - 1) * size;
  }
}
