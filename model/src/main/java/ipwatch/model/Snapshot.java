package ipwatch.model;

/** Points at the exact bytes the crawler saw, stored content-addressed in the evidence store. */
public record Snapshot(String sha256, long bytes, String contentType) {}
