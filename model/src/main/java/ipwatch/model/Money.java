package ipwatch.model;

/** A price as the marketplace showed it: a decimal string (never a double) and an ISO 4217 code. */
public record Money(String amount, String currency) {}
