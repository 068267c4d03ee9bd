package ipwatch.model;

public record Image(String url, String sha256) {}
