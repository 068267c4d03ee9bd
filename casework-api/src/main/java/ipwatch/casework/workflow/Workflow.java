package ipwatch.casework.workflow;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.cases.CaseRows;
import ipwatch.casework.cases.CaseStatus;
import ipwatch.casework.cases.CaseSummary;
import ipwatch.casework.cases.PartyScope;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Takes actions on cases: loads the case under the actor's party scope with a row lock, checks role, state,
 * jurisdiction profile, legal hold and required fields, then writes the change, its audit event, its timers and its
 * outbox rows in the same transaction ({@link TransitionWriter}).
 */
public final class Workflow {
  private final Pool pool;
  private final JurisdictionProfiles profiles;
  private final TransitionWriter writer;
  private final Clock clock;
  private volatile ipwatch.model.EvidenceStore sellerEvidence = new ipwatch.casework.evidence.NoEvidenceStore();

  public Workflow(Pool pool, JurisdictionProfiles profiles, Routing routing, Clock clock) {
    this.pool = pool;
    this.profiles = profiles;
    this.writer = new TransitionWriter(routing);
    this.clock = clock;
  }

  /** The outcome of a transition: the case as it is now and what the actor may do next. */
  public record Result(CaseSummary kase, boolean legalHold, List<String> allowed) {}

  public Future<Result> transition(Actor actor, UUID caseId, TransitionRequest req) {
    Future<TransitionRequest> prepared = SellerEvidence.uploads(req)
        ? mayUpload(actor, caseId, req.action()).compose(v -> SellerEvidence.store(sellerEvidence, req))
        : Future.succeededFuture(req);
    return prepared.compose(stored -> pool.withTransaction(conn -> apply(conn, actor, caseId, stored)));
  }

  /**
   * Content is stored before the transaction, so who may upload is checked first: a case the actor does not see is
   * the usual 404 and a role that can never take the action the usual 403, with nothing written to the store.
   */
  private Future<Void> mayUpload(Actor actor, UUID caseId, Action a) {
    if (!StateMachine.roleMay(actor.role(), a)) {
      return Future.failedFuture(new TransitionRefused(TransitionRefused.Reason.FORBIDDEN,
          "A " + actor.role() + " cannot " + a.jsonName() + " a case.", List.of()));
    }
    List<Object> params = new ArrayList<>();
    params.add(caseId);
    String scope = actor.caller().map(c -> " AND " + CaseRows.where(PartyScope.of(c.organisation()), params))
        .orElse("");
    return pool.preparedQuery("SELECT 1 FROM cases WHERE id = $1" + scope).execute(Tuple.from(params))
        .map(rows -> {
          if (rows.size() == 0) {
            throw TransitionRefused.notFound();
          }
          return null;
        });
  }

  /** Where a counter-notice's or complaint's evidence is stored (the evidence store shared with the crawler). */
  public Workflow sellerEvidenceIn(ipwatch.model.EvidenceStore store) {
    this.sellerEvidence = store;
    return this;
  }

  /** What {@code actor} may do with a case it sees, for the case detail. */
  public List<String> allowed(String role, CaseStatus status, String jurisdiction, boolean legalHold) {
    List<String> out = new ArrayList<>(StateMachine.allowed(role, status, profiles.forCode(jurisdiction)));
    out.remove(legalHold ? Action.HOLD.jsonName() : Action.RELEASE_HOLD.jsonName());
    if (legalHold) {
      out.remove(Action.RESTORE.jsonName());
    }
    return out;
  }

  public JurisdictionProfiles profiles() {
    return profiles;
  }

  /** The clock "now" is read from (deadlines, audit times, the dashboard's window). */
  public Clock clock() {
    return clock;
  }

  /** One transition on an open transaction (the timer scanner uses it for due timers). */
  Future<Result> apply(SqlConnection conn, Actor actor, UUID caseId, TransitionRequest req) {
    List<Object> params = new ArrayList<>();
    params.add(caseId);
    String scope = actor.caller().map(c -> " AND " + CaseRows.where(PartyScope.of(c.organisation()), params))
        .orElse("");
    Instant now = clock.instant();
    return conn.preparedQuery("SELECT " + CaseRows.COLUMNS + ", legal_hold FROM cases WHERE id = $1" + scope
            + " FOR UPDATE")
        .execute(Tuple.from(params))
        .compose(rows -> {
          if (rows.size() == 0) {
            throw TransitionRefused.notFound();
          }
          Row row = rows.iterator().next();
          CaseSummary kase = CaseRows.read(row);
          boolean hold = row.getBoolean("legal_hold");
          JurisdictionProfile profile = profiles.forCode(kase.jurisdiction());
          StateMachine.Rule rule = check(actor, req, kase, hold, profile);
          return preconditions(conn, req, kase, profile, now)
              .compose(v -> writer.write(conn, actor, req, rule, kase, hold, profile, now))
              .map(updated -> {
                boolean holdNow = req.action() == Action.HOLD || (hold && req.action() != Action.RELEASE_HOLD);
                return new Result(updated, holdNow,
                    allowed(actor.role(), updated.status(), updated.jurisdiction(), holdNow));
              });
        });
  }

  private StateMachine.Rule check(Actor actor, TransitionRequest req, CaseSummary kase, boolean hold,
      JurisdictionProfile profile) {
    Action a = req.action();
    if (!StateMachine.roleMay(actor.role(), a)) {
      throw new TransitionRefused(TransitionRefused.Reason.FORBIDDEN,
          "A " + actor.role() + " cannot " + a.jsonName() + " a case.", List.of());
    }
    List<String> allowed = allowed(actor.role(), kase.status(), kase.jurisdiction(), hold);
    StateMachine.Rule rule = StateMachine.find(actor.role(), a, kase.status(), profile)
        .orElseThrow(() -> conflict(a.jsonName() + " is not possible from " + kase.status() + " under "
            + profile.law() + ".", allowed));
    if (a == Action.HOLD && hold) {
      throw conflict("The case is already on legal hold.", allowed);
    }
    if (a == Action.RELEASE_HOLD && !hold) {
      throw conflict("The case is not on legal hold.", allowed);
    }
    if (a == Action.RESTORE && hold) {
      throw conflict("The case is on legal hold: the listing cannot be restored until the hold is released.",
          allowed);
    }
    if (req.expectedVersion().isPresent() && req.expectedVersion().get() != kase.version()) {
      throw conflict("The case has changed (version " + kase.version() + "); reload it and try again.", allowed);
    }
    for (String field : profile.required(a)) {
      Object v = req.details().getValue(field);
      boolean missing = v == null || Boolean.FALSE.equals(v) || (v instanceof String s && s.isBlank())
          || (v instanceof JsonArray arr && arr.isEmpty()) || (v instanceof JsonObject o && o.isEmpty());
      if (missing) {
        throw TransitionRefused.invalid("details." + field + " is required to " + a.jsonName() + " in "
            + kase.jurisdiction() + " (" + profile.law() + ").");
      }
    }
    return rule;
  }

  private Future<Void> preconditions(SqlConnection conn, TransitionRequest req, CaseSummary kase,
      JurisdictionProfile profile, Instant now) {
    if (req.action() == Action.SEND_NOTICE && profile.noticeRequiresEvidence()) {
      return conn.preparedQuery("SELECT count(*) FROM evidence_items WHERE case_id = $1").execute(Tuple.of(kase.id()))
          .map(rows -> {
            if (rows.iterator().next().getLong(0) == 0) {
              throw TransitionRefused.invalid("A notice in " + kase.jurisdiction() + " must carry prima facie "
                  + "evidence (" + profile.law() + "): attach evidence to the case first.");
            }
            return null;
          });
    }
    if (req.action() == Action.RESTORE) {
      // the platform may restore by hand only once the window has run; the timer does it at the due time
      return conn.preparedQuery("SELECT min(due_at) FROM case_timers WHERE case_id = $1 AND kind = $2"
              + " AND fired_at IS NULL AND cancelled_at IS NULL")
          .execute(Tuple.of(kase.id(), TimerKind.RESTORE_WINDOW.name()))
          .map(rows -> {
            var due = rows.iterator().next().getOffsetDateTime(0);
            if (due != null && due.toInstant().isAfter(now)) {
              throw conflict("The counter-notice window runs until " + due.toInstant() + " (" + profile.law()
                  + "); the listing cannot be restored before then.", List.of());
            }
            return null;
          });
    }
    return Future.succeededFuture();
  }

  private static TransitionRefused conflict(String message, List<String> allowed) {
    return new TransitionRefused(TransitionRefused.Reason.CONFLICT, message, allowed);
  }
}
