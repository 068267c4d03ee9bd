package ipwatch.casework.http;

import io.vertx.ext.web.RoutingContext;
import ipwatch.casework.cases.PageRequest;
import java.util.Arrays;
import java.util.Optional;

/** Reading and bounding query parameters; anything out of bounds is a 400 saying what is allowed. */
public final class QueryParams {
  /** Deepest result reachable by paging, the same as Elasticsearch's default max_result_window. */
  static final int MAX_WINDOW = 10_000;
  static final int DEFAULT_SIZE = 20;
  private final int maxPageSize;

  public QueryParams(int maxPageSize) {
    this.maxPageSize = maxPageSize;
  }

  PageRequest page(RoutingContext ctx) {
    int page = integer(ctx, "page", 1);
    int size = integer(ctx, "size", Math.min(DEFAULT_SIZE, maxPageSize));
    if (page < 1) {
      throw ApiException.badRequest("page starts at 1");
    }
    if (size < 1 || size > maxPageSize) {
      throw ApiException.badRequest("size must be between 1 and " + maxPageSize);
    }
    if ((long) page * size > MAX_WINDOW) {
      throw ApiException.badRequest("only the first " + MAX_WINDOW + " results can be paged through; narrow the query");
    }
    return new PageRequest(page, size);
  }

  static Optional<String> text(RoutingContext ctx, String name, int maxLength) {
    String v = ctx.request().getParam(name);
    if (v == null || v.isBlank()) {
      return Optional.empty();
    }
    if (v.length() > maxLength) {
      throw ApiException.badRequest(name + " must be at most " + maxLength + " characters");
    }
    return Optional.of(v.trim());
  }

  static <E extends Enum<E>> Optional<E> enumValue(RoutingContext ctx, String name, Class<E> type) {
    Optional<String> v = text(ctx, name, 64);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, v.get()));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(name + " must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  private static int integer(RoutingContext ctx, String name, int defaultValue) {
    String v = ctx.request().getParam(name);
    if (v == null || v.isBlank()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a whole number");
    }
  }
}
