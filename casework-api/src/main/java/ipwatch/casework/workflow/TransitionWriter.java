package ipwatch.casework.workflow;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.cases.CaseRows;
import ipwatch.casework.cases.CaseStatus;
import ipwatch.casework.cases.CaseSummary;
import ipwatch.model.ListingOutcome;
import ipwatch.model.Topics;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The writes of one transition, all on the caller's transaction: the case row, the audit event (actor, time, reason,
 * before/after), the timers (every status change cancels the pending ones, then arms the new state's), and the outbox
 * rows (search re-index; a takedown_notice.created webhook for the platform when a notice goes out).
 */
final class TransitionWriter {
  private final Routing routing;

  TransitionWriter(Routing routing) {
    this.routing = routing;
  }

  Future<CaseSummary> write(SqlConnection conn, Actor actor, TransitionRequest req, StateMachine.Rule rule,
      CaseSummary before, boolean holdBefore, JurisdictionProfile profile, Instant now) {
    Action a = req.action();
    CaseStatus to = rule.to().orElse(before.status());
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    List<Object> p = new ArrayList<>(List.of(before.id(), to.name(), at));
    StringBuilder set = new StringBuilder("status = $2, updated_at = $3, version = version + 1");
    JsonObject after = new JsonObject().put("status", to.name());
    switch (a) {
      case SEND_NOTICE, TAKE_UP -> {
        set.append(", notice_sent_at = COALESCE(notice_sent_at, $3)");
        if (a == Action.TAKE_UP) {
          set.append(", own_initiative = true");
          after.put("ownInitiative", true);
        }
      }
      case ESCALATE -> {
        String regulator = routing.regulatorFor(before.marketplace(), before.jurisdiction()).orElse(null);
        set.append(", regulator_org = ").append(bind(p, regulator));
        after.put("regulatorOrg", regulator);
      }
      case REFER -> {
        String court = routing.courtFor(before.marketplace(), before.jurisdiction()).orElse(null);
        if (court == null) {
          throw TransitionRefused.invalid("No court is configured for " + before.jurisdiction()
              + " (config/routing.yaml).");
        }
        set.append(", referred_to_org = ").append(bind(p, court));
        after.put("referredToOrg", court);
      }
      case DECIDE -> {
        set.append(", outcome = ").append(bind(p, req.details().getString("outcome")));
        after.put("outcome", req.details().getString("outcome"));
      }
      case HOLD, RELEASE_HOLD -> set.append(", legal_hold = ").append(bind(p, a == Action.HOLD));
      default -> { }
    }
    boolean holdAfter = a == Action.HOLD || (holdBefore && a != Action.RELEASE_HOLD);
    after.put("legalHold", holdAfter);
    if (!req.details().isEmpty()) {
      after.put("details", req.details());
    }
    JsonObject beforeJson = new JsonObject().put("status", before.status().name()).put("legalHold", holdBefore);
    // one statement for the row, its audit event, the cancelled timers and the search outbox row (data-modifying
    // CTEs run exactly once); the new timer and the webhook row, when there are any, follow on the same transaction
    String ev = bind(p, actor.id()) + ", $3, " + bind(p, a.name()) + ", " + bind(p, reason(req, profile)) + ", "
        + bind(p, beforeJson) + ", " + bind(p, after);
    String cancel = a.changesStatus()
        ? ", cancelled AS (UPDATE case_timers SET cancelled_at = $3 WHERE case_id = $1 AND fired_at IS NULL"
            + " AND cancelled_at IS NULL)"
        : "";
    String sql = "WITH upd AS (UPDATE cases SET " + set + " WHERE id = $1 RETURNING " + CaseRows.COLUMNS + "),"
        + " ev AS (INSERT INTO case_events (case_id, actor, at, type, reason, before, after) SELECT id, " + ev
        + " FROM upd)" + cancel + ","
        + " ob AS (INSERT INTO outbox (channel, msg_key, payload) SELECT 'search', id::text,"
        + " json_build_object('caseId', id::text) FROM upd)"
        + " SELECT * FROM upd";
    return conn.preparedQuery(sql)
        .execute(Tuple.from(p))
        .map(rows -> CaseRows.read(rows.iterator().next()))
        .compose(updated -> (a.changesStatus() ? arm(conn, a, before, profile, now)
                : Future.succeededFuture(Optional.ofNullable(updated.nextDeadline())))
            .compose(next -> webhook(conn, a, updated)
                .compose(v -> outcome(conn, a, updated, now))
                .compose(v -> SellerEvidence.append(conn, a, updated.id(), actor.id(), req.details(), now))
                // the updated row predates the timer changes (V4's trigger keeps cases.next_deadline): a status
                // change cancelled every pending timer and armed at most this one, so that is the next deadline
                .map(v -> updated.withNextDeadline(next.orElse(null)))));
  }

  private static String reason(TransitionRequest req, JurisdictionProfile profile) {
    String r = req.reason() == null || req.reason().isBlank() ? req.action().jsonName() : req.reason();
    return r + " [" + profile.code() + ": " + profile.law() + "]";
  }

  /**
   * Arms the timer the new state starts, if its profile has that window (pending ones were cancelled above), and
   * answers its due time.
   */
  private static Future<Optional<Instant>> arm(SqlConnection conn, Action a, CaseSummary kase,
      JurisdictionProfile profile, Instant now) {
    var kind = TimerKind.armedBy(a);
    if (kind.isEmpty() || kind.get().window(profile).isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    Window w = kind.get().window(profile).get();
    Instant due = w.due(now, profile.calendar());
    Instant latest = w.latestEnd(now, profile.calendar());
    String basis = kind.get().name() + " of " + w.describe() + " under " + profile.law();
    return conn.preparedQuery("INSERT INTO case_timers (case_id, kind, action, due_at, latest_at, basis, created_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .execute(Tuple.from(new Object[] {kase.id(), kind.get().name(), kind.get().fires().jsonName(),
            OffsetDateTime.ofInstant(due, ZoneOffset.UTC), OffsetDateTime.ofInstant(latest, ZoneOffset.UTC), basis,
            at}))
        .map(Optional.of(due));
  }

  /** A notice to the platform: delivered by the webhook dispatcher of the alerts issue (thin payload, pull back). */
  private static Future<Void> webhook(SqlConnection conn, Action a, CaseSummary kase) {
    if (a != Action.SEND_NOTICE && a != Action.TAKE_UP) {
      return Future.succeededFuture();
    }
    JsonObject thin = new JsonObject().put("type", "takedown_notice.created")
        .put("data", new JsonObject().put("caseId", kase.id().toString()).put("marketplace", kase.marketplace()));
    return conn.preparedQuery("INSERT INTO outbox (channel, event_type, msg_key, payload)"
            + " VALUES ('webhook', 'takedown_notice.created', $1, $2)")
        .execute(Tuple.of(kase.marketplace(), thin)).mapEmpty();
  }

  /**
   * A removed listing is announced on {@code listing-outcomes} (through the same outbox, so only a committed removal
   * is announced): the relisting job remembers it and flags near-duplicates that reappear, for the same asset. A
   * restored one (restore after a counter-notice, reverse after a complaint) is announced as REINSTATED, so the job
   * forgets it.
   */
  private static Future<Void> outcome(SqlConnection conn, Action a, CaseSummary kase, Instant now) {
    if (a != Action.REMOVE && a != Action.RESTORE && a != Action.REVERSE) {
      return Future.succeededFuture();
    }
    String outcome = a == Action.REMOVE ? ListingOutcome.TAKEN_DOWN : ListingOutcome.REINSTATED;
    JsonObject record = new JsonObject().put("listingId", kase.listingId()).put("caseId", kase.id().toString())
        .put("outcome", outcome).put("at", now.toString())
        .put("assetId", kase.assetId()).put("owner", kase.ownerOrg());
    return conn.preparedQuery("INSERT INTO outbox (channel, topic, msg_key, payload) VALUES ('kafka', $1, $2, $3)")
        .execute(Tuple.of(Topics.LISTING_OUTCOMES.name(), kase.listingId(), record)).mapEmpty();
  }

  private static String bind(List<Object> params, Object v) {
    params.add(v);
    return "$" + params.size();
  }
}
