package ipwatch.casework.workflow;

import io.vertx.core.json.JsonObject;
import java.util.Optional;

/** A validated transition request (the body has passed its JSON schema). */
public record TransitionRequest(Action action, String reason, Optional<Long> expectedVersion, JsonObject details) {
  public TransitionRequest {
    details = details == null ? new JsonObject() : details;
  }

  public static TransitionRequest of(Action action, String reason) {
    return new TransitionRequest(action, reason, Optional.empty(), new JsonObject());
  }
}
