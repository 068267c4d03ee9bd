package ipwatch.casework.testing;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A text/event-stream reader for tests: collects every event (id, name, JSON data) and comment line. */
public final class SseClient implements AutoCloseable {
  /** One event; {@code receivedNanos} is System.nanoTime() when its frame was complete. */
  public record Event(long id, String event, JsonObject data, long receivedNanos) {}

  public final List<Event> events = new CopyOnWriteArrayList<>();
  public final List<String> comments = new CopyOnWriteArrayList<>();
  public final int status;
  private final CompletableFuture<HttpResponse<Stream<String>>> response;
  private final Thread reader;

  private SseClient(HttpRequest request) throws Exception {
    response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    HttpResponse<Stream<String>> r = response.get(10, java.util.concurrent.TimeUnit.SECONDS);
    status = r.statusCode();
    reader = new Thread(() -> read(r.body()), "sse-test-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Connects with a bearer header (or {@code ?access_token=} when {@code inQuery}), optionally resuming. */
  public static SseClient connect(int port, String token, boolean inQuery, Long lastEventId) throws Exception {
    String uri = "http://127.0.0.1:" + port + "/api/events" + (inQuery ? "?access_token=" + token : "");
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/event-stream");
    if (!inQuery) {
      b.header("Authorization", "Bearer " + token);
    }
    if (lastEventId != null) {
      b.header("Last-Event-ID", lastEventId.toString());
    }
    return new SseClient(b.build());
  }

  private void read(Stream<String> lines) {
    long[] id = {-1};
    String[] name = {null};
    StringBuilder data = new StringBuilder();
    try {
      lines.forEach(line -> {
        if (line.isEmpty()) {
          if (name[0] != null) {
            events.add(new Event(id[0], name[0], new JsonObject(data.toString()), System.nanoTime()));
          }
          id[0] = -1;
          name[0] = null;
          data.setLength(0);
        } else if (line.startsWith(":")) {
          comments.add(line);
        } else if (line.startsWith("id: ")) {
          id[0] = Long.parseLong(line.substring(4));
        } else if (line.startsWith("event: ")) {
          name[0] = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data.append(line.substring(6));
        }
      });
    } catch (RuntimeException closed) {
      // the stream was closed by the test
    }
  }

  /** Waits until an event matches; fails the test after {@code timeout}. */
  public Event await(Predicate<Event> p, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (Event e : events) {
        if (p.test(e)) {
          return e;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no matching event within " + timeout + "; got " + events);
  }

  public boolean any(Predicate<Event> p) {
    return events.stream().anyMatch(p);
  }

  @Override
  public void close() {
    response.thenAccept(r -> r.body().close());
    reader.interrupt();
  }
}
