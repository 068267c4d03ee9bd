package ipwatch.casework.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import ipwatch.casework.testing.CaseworkFixture;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every state × every role × every action, over HTTP: what the case detail offers must be exactly the legal set
 * written below from DESIGN §4 and the jurisdiction profiles, and every other action must answer 409 with that set
 * (or 403 when the role may never take it) without changing the case.
 */
class IllegalTransitionsIT {
  private static CaseworkFixture f;
  private static final List<String> ACTIONS = List.of("confirm", "dismiss", "send_notice", "take_up", "remove",
      "reject", "counter_notice", "complaint", "uphold", "reverse", "escalate", "refer", "restore", "decide",
      "close", "hold", "release_hold");

  @BeforeAll
  static void start() {
    f = new CaseworkFixture();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  /** The path that brings a new case of {@code jurisdiction} to a state: [role, action] steps. */
  private static final Map<String, List<String[]>> US_PATHS = new LinkedHashMap<>();
  private static final Map<String, Map<String, Set<String>>> US_LEGAL = new LinkedHashMap<>();

  static {
    path("DETECTED");
    path("CONFIRMED", "rights-holder:confirm");
    path("DISMISSED", "rights-holder:dismiss");
    path("NOTICE_SENT", "rights-holder:confirm", "rights-holder:send_notice");
    path("REMOVED", "rights-holder:confirm", "rights-holder:send_notice", "platform:remove");
    path("REJECTED", "rights-holder:confirm", "rights-holder:send_notice", "platform:reject");
    path("COUNTER_NOTICE", "rights-holder:confirm", "rights-holder:send_notice", "platform:remove",
        "platform:counter_notice");
    path("ESCALATED", "rights-holder:confirm", "rights-holder:send_notice", "platform:reject",
        "rights-holder:escalate");
    path("REFERRED", "rights-holder:confirm", "rights-holder:send_notice", "platform:reject",
        "rights-holder:refer");
    path("RESTORED", "rights-holder:confirm", "rights-holder:send_notice", "platform:remove",
        "platform:counter_notice", "regulator:hold", "regulator:release_hold");
    path("CLOSED", "rights-holder:confirm", "rights-holder:send_notice", "platform:reject", "rights-holder:refer",
        "court:decide");
    // legal actions per state and role (US profile); a role absent here cannot see the case in that state
    legal("DETECTED", "rights-holder", "confirm", "dismiss");
    legal("DETECTED", "regulator", "hold");
    legal("CONFIRMED", "rights-holder", "dismiss", "send_notice");
    legal("CONFIRMED", "regulator", "hold");
    legal("DISMISSED", "rights-holder", "close");
    legal("DISMISSED", "regulator", "close", "hold");
    legal("NOTICE_SENT", "rights-holder");
    legal("NOTICE_SENT", "platform", "remove", "reject");
    legal("NOTICE_SENT", "regulator", "hold");
    legal("REMOVED", "rights-holder", "close");
    legal("REMOVED", "platform", "counter_notice");
    legal("REMOVED", "regulator", "close", "hold");
    legal("REJECTED", "rights-holder", "escalate", "refer", "close");
    legal("REJECTED", "platform");
    legal("REJECTED", "regulator", "close", "hold");
    legal("COUNTER_NOTICE", "rights-holder", "escalate", "refer");
    legal("COUNTER_NOTICE", "platform", "restore");
    legal("COUNTER_NOTICE", "regulator", "hold");
    legal("ESCALATED", "rights-holder", "refer");
    legal("ESCALATED", "platform");
    legal("ESCALATED", "regulator", "refer", "decide", "hold");
    legal("REFERRED", "rights-holder");
    legal("REFERRED", "platform");
    legal("REFERRED", "regulator", "hold");
    legal("REFERRED", "court", "decide", "hold");
    legal("RESTORED", "rights-holder", "close");
    legal("RESTORED", "platform");
    legal("RESTORED", "regulator", "close", "hold");
    legal("CLOSED", "rights-holder");
    legal("CLOSED", "platform");
    legal("CLOSED", "regulator");
    legal("CLOSED", "court");
  }

  private static void path(String state, String... steps) {
    List<String[]> p = new ArrayList<>();
    for (String s : steps) {
      p.add(s.split(":"));
    }
    US_PATHS.put(state, p);
  }

  private static void legal(String state, String role, String... actions) {
    US_LEGAL.computeIfAbsent(state, k -> new LinkedHashMap<>()).put(role, new TreeSet<>(List.of(actions)));
  }

  private static JsonObject details(String action) {
    return switch (action) {
      case "send_notice" -> CaseworkFixture.usNotice();
      case "counter_notice" -> CaseworkFixture.usCounterNotice();
      case "decide" -> new JsonObject().put("outcome", "INFRINGING");
      default -> null;
    };
  }

  private static UUID caseIn(String state) throws InterruptedException {
    UUID id = f.open("US");
    for (String[] step : US_PATHS.get(state)) {
      f.ok(step[0], id, step[1], details(step[1]));
    }
    if (state.equals("RESTORED")) {
      f.clock.advance(java.time.Duration.ofDays(30));
      f.awaitStatus(id, "RESTORED");
    }
    assertEquals(state, f.status(id));
    return id;
  }

  @Test
  void everyIllegalTransitionAnswers409Or403AndChangesNothing() throws Exception {
    List<String> failures = new ArrayList<>();
    for (String state : US_PATHS.keySet()) {
      UUID id = caseIn(state);
      for (var e : US_LEGAL.get(state).entrySet()) {
        String role = e.getKey();
        Set<String> legal = e.getValue();
        Set<String> offered = new TreeSet<>(f.detail(role, id).getJsonArray("allowedActions").getList());
        if (!offered.equals(legal)) {
          failures.add(state + " " + role + ": offered " + offered + ", legal " + legal);
        }
        for (String action : ACTIONS) {
          if (legal.contains(action)) {
            continue;
          }
          HttpResponse<String> r = f.act(role, id, action, details(action));
          JsonObject body = new JsonObject(r.body());
          boolean roleMay = StateMachine.roleMay(role.equals("rights-holder") ? "RIGHTS_HOLDER"
              : role.toUpperCase(), Action.parse(action).orElseThrow());
          int want = roleMay ? 409 : 403;
          if (r.statusCode() != want) {
            failures.add(state + " " + role + " " + action + ": " + r.statusCode() + " " + r.body());
          } else if (want == 409 && !new TreeSet<>(body.getJsonArray("allowed").getList()).equals(legal)) {
            failures.add(state + " " + role + " " + action + ": allowed " + body.getJsonArray("allowed"));
          }
        }
      }
      assertEquals(state, f.status(id), "illegal attempts changed the case");
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }
}
