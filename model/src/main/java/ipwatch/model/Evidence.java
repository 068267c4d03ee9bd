package ipwatch.model;

import java.util.List;

/**
 * Why a flag was raised, in terms a reviewer can check against the listing: matched spans for marks, and for patents
 * a claim chart (each claim element with the listing text that meets it, or null).
 */
public record Evidence(List<Span> spans, List<ClaimElement> claimChart) {

  public Evidence {
    spans = spans == null ? List.of() : List.copyOf(spans);
    claimChart = claimChart == null ? List.of() : List.copyOf(claimChart);
  }

  public static Evidence ofSpans(List<Span> spans) {
    return new Evidence(spans, List.of());
  }

  /** {@code start}/{@code end} are character offsets into the listing field named by {@code field}. */
  public record Span(String field, int start, int end, String text) {}

  public record ClaimElement(int claim, String element, String listingText) {}
}
