package ipwatch.casework.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import ipwatch.casework.cases.CaseStatus;
import ipwatch.casework.testing.CaseworkFixture;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every illegal transition in every jurisdiction profile (CN, US, EU), generated from the state machine's table
 * instead of listed by hand: the states a profile can reach (breadth-first from DETECTED over the parties' actions),
 * a real case brought to each over HTTP, and for each party that sees it every action the table does not allow it
 * there. Each must answer 409 with exactly the table's allowed actions in the body (403 when the role may never take
 * the action), the case detail must offer the same set, and the case must be unchanged afterwards.
 */
class IllegalTransitionsPerProfileIT {
  /** The demo parties' token keys and the role each acts in. */
  private static final Map<String, String> PARTIES = Map.of("rights-holder", "RIGHTS_HOLDER", "platform",
      "PLATFORM", "regulator", "REGULATOR", "court", "COURT");
  private static CaseworkFixture f;
  private static JurisdictionProfiles profiles;

  @BeforeAll
  static void start() {
    f = new CaseworkFixture();
    profiles = JurisdictionProfiles.load(Optional.empty());
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  /** One step of a path: the party (token key) and the action. */
  private record Step(String party, Action action) {}

  /** The shortest path of party actions from DETECTED to every state the profile can reach. */
  static Map<CaseStatus, List<Step>> reachable(JurisdictionProfile profile) {
    Map<CaseStatus, List<Step>> paths = new EnumMap<>(CaseStatus.class);
    paths.put(CaseStatus.DETECTED, List.of());
    Deque<CaseStatus> queue = new ArrayDeque<>(List.of(CaseStatus.DETECTED));
    while (!queue.isEmpty()) {
      CaseStatus from = queue.poll();
      for (StateMachine.Rule r : StateMachine.rules()) {
        String party = partyOf(r.role());
        if (party == null || r.to().isEmpty() || !r.from().contains(from)
            || StateMachine.find(r.role(), r.action(), from, profile).isEmpty() || paths.containsKey(r.to().get())) {
          continue;
        }
        List<Step> path = new ArrayList<>(paths.get(from));
        path.add(new Step(party, r.action()));
        paths.put(r.to().get(), path);
        queue.add(r.to().get());
      }
    }
    return paths;
  }

  private static String partyOf(String role) {
    return PARTIES.entrySet().stream().filter(e -> e.getValue().equals(role)).map(Map.Entry::getKey).findFirst()
        .orElse(null);
  }

  /** What each profile demands of an action's details (a legal step must pass its required fields). */
  private static JsonObject details(String jurisdiction, Action a) {
    return switch (a) {
      case SEND_NOTICE -> switch (jurisdiction) {
        case "CN" -> CaseworkFixture.cnNotice();
        case "US" -> CaseworkFixture.usNotice();
        default -> CaseworkFixture.euNotice();
      };
      case REMOVE -> jurisdiction.equals("EU") ? CaseworkFixture.statementOfReasons()
          : new JsonObject().put("measure", "DELETE");
      case COUNTER_NOTICE -> jurisdiction.equals("CN") ? CaseworkFixture.cnDeclaration()
          : CaseworkFixture.usCounterNotice();
      case DECIDE -> new JsonObject().put("outcome", "INFRINGING");
      default -> null;
    };
  }

  private static UUID caseIn(String jurisdiction, CaseStatus state, List<Step> path) throws InterruptedException {
    UUID id = f.open(jurisdiction);
    f.addEvidence(id); // a CN notice must carry prima facie evidence
    for (Step s : path) {
      if (s.action() == Action.RESTORE) {
        // the platform may restore only once the window has run; by then the deadline timer restores it
        f.clock.advance(Duration.ofDays(30));
        f.awaitStatus(id, CaseStatus.RESTORED.name());
      } else {
        f.ok(s.party(), id, s.action().jsonName(), details(jurisdiction, s.action()));
      }
    }
    assertEquals(state.name(), f.status(id));
    return id;
  }

  @ParameterizedTest
  @ValueSource(strings = {"CN", "US", "EU"})
  void everyIllegalActionAnswers409WithTheAllowedActionsAndChangesNothing(String jurisdiction) throws Exception {
    JurisdictionProfile profile = profiles.forCode(jurisdiction);
    Map<CaseStatus, List<Step>> paths = reachable(profile);
    assertTrue(paths.keySet().containsAll(Set.of(CaseStatus.NOTICE_SENT, CaseStatus.REMOVED, CaseStatus.REFERRED,
        CaseStatus.CLOSED)), jurisdiction + " reaches " + paths.keySet());
    List<String> failures = new ArrayList<>();
    int refusals = 0;
    for (var e : paths.entrySet()) {
      CaseStatus state = e.getKey();
      UUID id = caseIn(jurisdiction, state, e.getValue());
      long version = f.detail("regulator", id).getLong("version");
      for (var party : new LinkedHashMap<>(PARTIES).entrySet()) {
        HttpResponse<String> seen = f.api.get("/api/cases/" + id, f.token(party.getKey()));
        if (seen.statusCode() == 404) {
          continue; // this party does not see the case in this state (the authorisation matrix covers 404s)
        }
        String role = party.getValue();
        Set<String> legal = new TreeSet<>(StateMachine.allowed(role, state, profile));
        legal.remove(Action.RELEASE_HOLD.jsonName()); // no case here is on hold
        Set<String> offered = new TreeSet<>(new JsonObject(seen.body()).getJsonArray("allowedActions").getList());
        if (!offered.equals(legal)) {
          failures.add(jurisdiction + " " + state + " " + role + ": offered " + offered + ", table " + legal);
        }
        for (Action a : Action.values()) {
          if (legal.contains(a.jsonName())) {
            continue;
          }
          refusals++;
          HttpResponse<String> r = f.act(party.getKey(), id, a.jsonName(), details(jurisdiction, a));
          int want = StateMachine.roleMay(role, a) ? 409 : 403;
          JsonObject body = new JsonObject(r.body());
          if (r.statusCode() != want) {
            failures.add(jurisdiction + " " + state + " " + role + " " + a.jsonName() + ": " + r.statusCode() + " "
                + r.body());
          } else if (want == 409 && !new TreeSet<>(body.getJsonArray("allowed").getList()).equals(legal)) {
            failures.add(jurisdiction + " " + state + " " + role + " " + a.jsonName() + ": allowed "
                + body.getJsonArray("allowed") + ", table " + legal);
          } else if (!body.containsKey("correlationId") || !body.containsKey("message")) {
            failures.add(jurisdiction + " " + state + " " + role + " " + a.jsonName() + ": error body " + r.body());
          }
        }
      }
      JsonObject after = f.detail("regulator", id);
      assertEquals(state.name(), after.getString("status"), "illegal attempts changed the case");
      assertEquals(version, after.getLong("version"), "illegal attempts changed the case");
    }
    assertTrue(refusals > 100, jurisdiction + ": only " + refusals + " illegal attempts generated");
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }
}
