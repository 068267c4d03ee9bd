package ipwatch.casework.http;

import io.vertx.ext.web.RoutingContext;
import ipwatch.casework.cases.CaseFilter;
import ipwatch.casework.cases.CaseStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The filters of GET /api/cases and GET /api/search: status, jurisdiction, platform (alias marketplace), minPriority
 * (0..100), dueBefore (ISO-8601 instant) and q. A value out of bounds is a 400 naming the parameter.
 */
final class CaseFilterParams {
  static final int MAX_QUERY_LENGTH = 256;
  /** Longest platform (marketplace) or network id a filter takes. */
  static final int MAX_NAME_LENGTH = 200;
  static final String JURISDICTION = "[A-Za-z]{2,16}";
  static final int MAX_PRIORITY = 100;

  private CaseFilterParams() {}

  static CaseFilter from(RoutingContext ctx) {
    Optional<String> platform = QueryParams.text(ctx, "platform", MAX_NAME_LENGTH)
        .or(() -> QueryParams.text(ctx, "marketplace", MAX_NAME_LENGTH));
    Optional<String> jurisdiction = QueryParams.text(ctx, "jurisdiction", 16);
    if (jurisdiction.isPresent() && !jurisdiction.get().matches(JURISDICTION)) {
      throw ApiException.badRequest("jurisdiction must be a code such as CN, US or EU");
    }
    return new CaseFilter(QueryParams.enumValue(ctx, "status", CaseStatus.class), platform, jurisdiction,
        minPriority(ctx), dueBefore(ctx), QueryParams.text(ctx, "q", MAX_QUERY_LENGTH));
  }

  private static OptionalDouble minPriority(RoutingContext ctx) {
    Optional<String> v = QueryParams.text(ctx, "minPriority", 16);
    if (v.isEmpty()) {
      return OptionalDouble.empty();
    }
    try {
      double p = Double.parseDouble(v.get());
      if (p >= 0 && p <= MAX_PRIORITY) {
        return OptionalDouble.of(p);
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest("minPriority must be a number from 0 to " + MAX_PRIORITY);
  }

  private static Optional<Instant> dueBefore(RoutingContext ctx) {
    Optional<String> v = QueryParams.text(ctx, "dueBefore", 64);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(v.get()).toInstant());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("dueBefore must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
    }
  }
}
