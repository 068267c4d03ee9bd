package ipwatch.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import ipwatch.model.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The casework API as one demo party calls it: its bearer token, JSON in and out, the expected status checked. */
final class DemoApi {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI casework;
  private final String token;

  DemoApi(URI casework, String token) {
    this.casework = casework;
    this.token = token;
  }

  JsonNode call(String method, String path, JsonNode body, int expected) throws IOException, InterruptedException {
    HttpRequest.Builder req = HttpRequest.newBuilder(casework.resolve(path)).timeout(Duration.ofSeconds(15))
        .header("Authorization", "Bearer " + token);
    if (body == null) {
      req.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      req.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
    }
    HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != expected) {
      throw new IOException(method + " " + path + " answered " + res.statusCode() + ": " + res.body());
    }
    return res.body().isBlank() ? Json.mapper().nullNode() : Json.mapper().readTree(res.body());
  }
}
