package ipwatch.local.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The few calls of Flink's REST API an operator makes to run a job on a session cluster: upload the job jar
 * ({@code POST /jars/upload}), run it ({@code POST /jars/:jarid/run}), watch it ({@code GET /jobs/:jobid},
 * {@code GET /taskmanagers}, {@code GET /overview}) and cancel it ({@code PATCH /jobs/:jobid?mode=cancel}).
 */
public final class FlinkRestClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final String baseUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public FlinkRestClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** Uploads the jar as multipart form field {@code jarfile}; returns the jar id the cluster gave it. */
  public String uploadJar(Path jar) {
    String boundary = "ipwatch-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
          + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      body.write(Files.readAllBytes(jar));
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the job jar " + jar, e);
    }
    JsonNode answer = send(HttpRequest.newBuilder(URI.create(baseUrl + "/jars/upload"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    String filename = answer.path("filename").asText();
    if (filename.isEmpty()) {
      throw new IllegalStateException("the cluster did not accept the jar " + jar + ": " + answer);
    }
    return Path.of(filename).getFileName().toString();
  }

  /**
   * Runs the uploaded jar's {@code entryClass} with {@code args} at {@code parallelism}; returns the job id. The main
   * method runs in the JobManager, with the JobManager's environment.
   */
  public String runJar(String jarId, String entryClass, List<String> args, int parallelism) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("entryClass", entryClass);
    request.put("programArgsList", args);
    request.put("parallelism", parallelism);
    JsonNode answer = send(HttpRequest.newBuilder(URI.create(baseUrl + "/jars/" + jarId + "/run"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(write(request))));
    String jobId = answer.path("jobid").asText();
    if (jobId.isEmpty()) {
      throw new IllegalStateException("the cluster did not run " + entryClass + ": " + answer);
    }
    return jobId;
  }

  /**
   * The job's state (RUNNING, RESTARTING...), the state of each of its vertices and when it last began restarting.
   * Read from the job's own record: the restart count metric would ask every TaskManager, a dead one included, and
   * wait for the RPC timeout.
   */
  public JobStatus job(String jobId) {
    JsonNode job = send(HttpRequest.newBuilder(URI.create(baseUrl + "/jobs/" + jobId)).GET());
    List<String> vertices = new ArrayList<>();
    job.path("vertices").forEach(v -> vertices.add(v.path("status").asText()));
    return new JobStatus(job.path("state").asText(), vertices, job.path("timestamps").path("RESTARTING").asLong());
  }

  /** The registered TaskManagers: id and how many of its slots are in use. */
  public List<TaskManagerSlots> taskManagers() {
    JsonNode answer = send(HttpRequest.newBuilder(URI.create(baseUrl + "/taskmanagers")).GET());
    List<TaskManagerSlots> result = new ArrayList<>();
    answer.path("taskmanagers").forEach(tm -> result.add(new TaskManagerSlots(tm.path("id").asText(),
        tm.path("slotsNumber").asInt() - tm.path("freeSlots").asInt())));
    return result;
  }

  /** How many TaskManagers are registered, or empty while the REST API does not answer yet. */
  public Optional<Integer> taskManagerCount() {
    try {
      return Optional.of(send(HttpRequest.newBuilder(URI.create(baseUrl + "/overview")).GET())
          .path("taskmanagers").asInt());
    } catch (IllegalStateException e) {
      return Optional.empty();
    }
  }

  public void cancel(String jobId) {
    send(HttpRequest.newBuilder(URI.create(baseUrl + "/jobs/" + jobId + "?mode=cancel"))
        .method("PATCH", HttpRequest.BodyPublishers.noBody()));
  }

  /** {@code lastRestartMillis} is 0 while the job has never restarted. */
  public record JobStatus(String state, List<String> vertexStates, long lastRestartMillis) {
    /** The job and every one of its vertices run. */
    public boolean fullyRunning() {
      return "RUNNING".equals(state) && !vertexStates.isEmpty() && vertexStates.stream().allMatch("RUNNING"::equals);
    }
  }

  public record TaskManagerSlots(String id, int slotsInUse) {}

  private JsonNode send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
            + response.statusCode() + ": " + response.body());
      }
      return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("Flink REST API at " + baseUrl + " unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling the Flink REST API", e);
    }
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
