package ipwatch.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {

  @Test
  void countersAreServedInThePrometheusTextFormat() throws Exception {
    CrawlMetrics metrics = new CrawlMetrics();
    metrics.pagesFetched.add(42);
    metrics.errors.increment();
    try (MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0, metrics)) {
      HttpResponse<String> res = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, res.statusCode());
      assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
      assertTrue(res.body().contains("# TYPE crawler_pages_fetched_total counter\ncrawler_pages_fetched_total 42\n"),
          res.body());
      assertTrue(res.body().contains("crawler_errors_total 1\n"), res.body());
      assertTrue(res.body().contains("# TYPE crawler_uptime_seconds gauge\n"), res.body());
    }
  }

  @Test
  void onlyGetIsAnswered() throws Exception {
    try (MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0, new CrawlMetrics())) {
      HttpResponse<String> res = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics"))
              .POST(HttpRequest.BodyPublishers.ofString("x")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(405, res.statusCode());
    }
  }
}
