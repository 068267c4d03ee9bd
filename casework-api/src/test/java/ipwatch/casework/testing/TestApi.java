package ipwatch.casework.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls to a running casework-api as a party with a bearer token. */
public final class TestApi {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final int port;

  public TestApi(int port) {
    this.port = port;
  }

  public HttpResponse<String> call(String method, String path, String token, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(method + " " + path + " failed: " + e, e);
    }
  }

  public HttpResponse<String> get(String path, String token) {
    return call("GET", path, token, null);
  }

  public HttpResponse<String> post(String path, String token, JsonObject body) {
    return call("POST", path, token, body.encode());
  }

  public static JsonObject json(HttpResponse<String> r, int expectedStatus) {
    assertEquals(expectedStatus, r.statusCode(), r.request().method() + " " + r.request().uri() + " -> " + r.body());
    return new JsonObject(r.body());
  }
}
