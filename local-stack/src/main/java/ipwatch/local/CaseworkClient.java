package ipwatch.local;

import com.fasterxml.jackson.databind.JsonNode;
import ipwatch.model.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A small HTTP client for the casework API, as a party with a bearer token would use it. */
public final class CaseworkClient {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  public CaseworkClient(URI base) {
    this.base = base;
  }

  public record Reply(int status, JsonNode body) {}

  public Reply get(String pathAndQuery, String token) throws IOException, InterruptedException {
    HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(15));
    if (token != null) {
      req.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> res = http.send(req.GET().build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = res.body().isBlank() ? null : Json.mapper().readTree(res.body());
    return new Reply(res.statusCode(), body);
  }

  /** POSTs a JSON body as the caller. */
  public Reply post(String path, JsonNode body, String token) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(15))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build();
    HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
    return new Reply(res.statusCode(), res.body().isBlank() ? null : Json.mapper().readTree(res.body()));
  }

  /**
   * Opens the caller's {@code GET /api/events} stream (resuming after {@code lastEventId} when not empty) and answers
   * its lines as they arrive; read them with {@link ServerSentEvents}, close the stream to disconnect.
   */
  public Stream<String> eventLines(String token, String lastEventId) throws IOException, InterruptedException {
    HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve("/api/events")).header("Accept", "text/event-stream")
        .header("Authorization", "Bearer " + token);
    if (!lastEventId.isEmpty()) {
      req.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<Stream<String>> res = http.send(req.GET().build(), HttpResponse.BodyHandlers.ofLines());
    if (res.statusCode() != 200) {
      try (Stream<String> body = res.body()) {
        throw new IOException("GET /api/events answered " + res.statusCode() + ": "
            + body.collect(Collectors.joining("\n")));
      }
    }
    return res.body();
  }

  /** One page (1-based) of the cases the caller may see: {@code {items, total, page, size}}. */
  public JsonNode cases(String token, int page, int size) throws IOException, InterruptedException {
    Reply r = get("/api/cases?page=" + page + "&size=" + size, token);
    if (r.status() != 200) {
      throw new IOException("GET /api/cases answered " + r.status() + ": " + r.body());
    }
    return r.body();
  }

  /** Every case the caller may see, page by page. */
  public java.util.List<JsonNode> allCases(String token) throws IOException, InterruptedException {
    java.util.List<JsonNode> all = new java.util.ArrayList<>();
    for (int page = 1; ; page++) {
      JsonNode p = cases(token, page, 100);
      p.path("items").forEach(all::add);
      if (p.path("items").size() < 100 || all.size() >= p.path("total").asLong()) {
        return all;
      }
    }
  }

  public JsonNode search(String token, String query) throws IOException, InterruptedException {
    Reply r = get("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), token);
    if (r.status() != 200) {
      throw new IOException("GET /api/search answered " + r.status() + ": " + r.body());
    }
    return r.body();
  }
}
