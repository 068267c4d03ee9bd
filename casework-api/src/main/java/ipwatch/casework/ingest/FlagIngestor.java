package ipwatch.casework.ingest;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.alerts.CaseAlerts;
import ipwatch.casework.cases.CaseEvent;
import ipwatch.casework.cases.CaseRows;
import ipwatch.casework.cases.CaseStatus;
import ipwatch.casework.cases.Priority;
import ipwatch.casework.evidence.EvidenceService;
import ipwatch.casework.network.RelistingLinks;
import ipwatch.casework.network.RepeatInfringers;
import ipwatch.model.BadRecordException;
import ipwatch.model.Flag;
import ipwatch.model.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The core of flag ingestion, free of Kafka: one raw record in, one case (opened once) or one dead letter out; or a
 * batch of records (a consumer poll) in one transaction ({@link #ingestBatch}).
 *
 * <p>Idempotent by construction: the case insert is {@code ON CONFLICT (listing_id, asset_id) DO NOTHING} and the
 * CASE_OPENED event is written only when that insert created the row, in the same transaction; a flag for an existing
 * case re-scores it only when score or signals changed ({@link FlagRescoring}). Bad data (unreadable,
 * incomplete, or refused by a database constraint) becomes a dead letter; anything else (the database is down) fails
 * the future so the caller retries the record later without committing its offset.
 */
public final class FlagIngestor {
  static final String ACTOR = "system:ingest";
  private static final int MAX_CAUSE_LENGTH = 2_000;
  private final Pool pool;
  private final JurisdictionResolver jurisdictions;

  public FlagIngestor(Pool pool, JurisdictionResolver jurisdictions) {
    this.pool = pool;
    this.jurisdictions = jurisdictions;
  }

  /** @param source where the record came from, unique per record (topic/partition/offset) */
  public Future<IngestOutcome> ingest(String source, byte[] raw) {
    Flag flag;
    try {
      flag = FlagDecoder.decode(raw);
    } catch (BadRecordException e) {
      return deadLetter(source, raw, e.getMessage());
    }
    return pool.withTransaction(conn -> ingestDecoded(conn, flag, source))
        .recover(e -> isBadData(e)
            ? deadLetter(source, raw, "refused by the database: " + ((PgException) e).getErrorMessage())
            : Future.failedFuture(e));
  }

  /**
   * Ingests the records of one poll in ONE transaction, so the batch pays one COMMIT (one WAL flush) instead of one
   * per flag: unreadable records become dead letters (one batched insert), every readable flag goes through the same
   * per-flag steps as {@link #ingest} (case, events, snapshot, relisting link, alerts); flags for different cases run
   * side by side ({@link #byCase}), flags for the same listing and asset one after the other, so they open one case.
   * Answers one outcome per record, in order.
   *
   * <p>When PostgreSQL refuses one flag's data (SQLSTATE class 22/23) the transaction is lost; the batch is then redone
   * record by record with {@link #ingest}, so exactly the refused flag is dead-lettered and the others open their
   * cases (those already opened are found again: idempotent). That costs one transaction per flag for that batch only;
   * a SAVEPOINT per flag would avoid it but would put hundreds of subtransactions in every transaction, which
   * overflows PostgreSQL's per-backend subtransaction cache and slows every other session's snapshots. Any other
   * failure (the database is down) fails the future and nothing is committed.
   */
  public Future<List<IngestOutcome>> ingestBatch(List<SourcedRecord> records) {
    IngestOutcome[] outcomes = new IngestOutcome[records.size()];
    Flag[] flags = new Flag[records.size()];
    List<Tuple> deadLetters = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      SourcedRecord r = records.get(i);
      try {
        flags[i] = FlagDecoder.decode(r.raw());
      } catch (BadRecordException e) {
        String cause = cause(e.getMessage());
        outcomes[i] = new IngestOutcome.DeadLettered(cause);
        deadLetters.add(deadLetterRow(r.source(), r.raw(), cause));
      }
    }
    if (records.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return pool.<Void>withTransaction(conn -> {
          List<Future<Void>> chains = new ArrayList<>();
          if (!deadLetters.isEmpty()) {
            chains.add(conn.preparedQuery(DEAD_LETTER_SQL).executeBatch(deadLetters).mapEmpty());
          }
          for (List<Integer> sameCase : byCase(flags)) {
            Future<Void> chain = Future.succeededFuture();
            for (int at : sameCase) {
              chain = chain.compose(v -> ingestDecoded(conn, flags[at], records.get(at).source())
                  .map(o -> {
                    outcomes[at] = o;
                    return null;
                  }));
            }
            chains.add(chain);
          }
          return Future.all(chains).mapEmpty();
        })
        .map(v -> List.of(outcomes))
        .recover(e -> isBadData(e) ? oneByOne(records) : Future.failedFuture(e));
  }

  /**
   * The readable flags' indexes grouped by the case they open (listing and asset), each group in record order. The
   * groups run side by side on the transaction's connection: the client pipelines their statements, so a batch costs
   * about as many round trips as its longest group instead of one per statement of every flag (about ten per flag;
   * on a busy machine each round trip waits for the database process to be scheduled). Within a group the flags
   * still run one after the other, so two flags for the same listing and asset open one case.
   */
  static List<List<Integer>> byCase(Flag[] flags) {
    Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < flags.length; i++) {
      if (flags[i] != null) {
        List<String> sameCase = Arrays.asList(flags[i].listingId(), flags[i].assetId());
        groups.computeIfAbsent(sameCase, k -> new ArrayList<>()).add(i);
      }
    }
    return List.copyOf(groups.values());
  }

  /** The batch again, one transaction per record: isolates the record PostgreSQL refused. */
  private Future<List<IngestOutcome>> oneByOne(List<SourcedRecord> records) {
    List<IngestOutcome> outcomes = new ArrayList<>(records.size());
    Future<Void> chain = Future.succeededFuture();
    for (SourcedRecord r : records) {
      chain = chain.compose(v -> ingest(r.source(), r.raw()).map(o -> {
        outcomes.add(o);
        return null;
      }));
    }
    return chain.map(v -> outcomes);
  }

  /** One decoded flag's effects on the caller's transaction: its case, events, links and alerts. */
  private Future<IngestOutcome> ingestDecoded(SqlConnection conn, Flag flag, String source) {
    return open(conn, flag, source)
        .compose(o -> CaseAlerts.afterIngest(conn, o))
        .compose(o -> queueForSearch(conn, o));
  }

  /**
   * A case opened or re-scored gets a 'search' outbox row in the same transaction; the search relay indexes it after
   * the commit ({@code CaseReindexer}). So ingestion never waits for Elasticsearch: a slow or unreachable index delays
   * search, not new cases, their events or their alerts.
   */
  private static Future<IngestOutcome> queueForSearch(SqlConnection conn, IngestOutcome o) {
    if (!(o instanceof IngestOutcome.Opened || o instanceof IngestOutcome.Rescored)) {
      return Future.succeededFuture(o);
    }
    String id = o.foundCase().orElseThrow().id().toString();
    return conn.preparedQuery("INSERT INTO outbox (channel, msg_key, payload) VALUES ('search', $1, $2)")
        .execute(Tuple.of(id, new JsonObject().put("caseId", id)))
        .map(o);
  }

  private Future<IngestOutcome> open(SqlConnection conn, Flag flag, String source) {
    return conn.preparedQuery("SELECT owner_org, body FROM ip_assets WHERE asset_id = $1")
        .execute(Tuple.of(flag.assetId()))
        .compose(assets -> {
          Row asset = assets.size() == 0 ? null : assets.iterator().next();
          // the registry is authoritative about ownership; the flag's copy is the fallback for unknown assets
          String owner = asset == null ? flag.owner() : asset.getString("owner_org");
          String jurisdiction = jurisdictions.resolve(assetJurisdictions(asset), flag.listing().marketplace());
          return RepeatInfringers.priorityInput(conn, flag.listing().marketplace(), flag.listing().sellerId())
              .compose(n -> insertCase(conn, flag, owner, jurisdiction,
              Priority.of(flag.score(), asset == null ? null : asset.getJsonObject("body"), n, LocalDate.now())));
        })
        .compose(inserted -> inserted.size() == 0
            // the case exists: a changed score or signals re-score it, the same flag changes nothing
            ? FlagRescoring.apply(conn, flag, source).map(changed -> changed ? Written.RESCORED : Written.NONE)
            : openedEvent(conn, inserted.iterator().next().getUUID("id"), flag, source)
                .compose(v -> attachSnapshot(conn, inserted.iterator().next().getUUID("id"), flag))
                .map(Written.OPENED))
        .compose(written -> RelistingLinks.link(conn, flag, ACTOR).map(written))
        .compose(written -> conn.preparedQuery(
                "SELECT " + CaseRows.COLUMNS + " FROM cases WHERE listing_id = $1 AND asset_id = $2")
            .execute(Tuple.of(flag.listingId(), flag.assetId()))
            .map(rows -> {
              var summary = CaseRows.read(rows.iterator().next());
              return switch (written) {
                case OPENED -> new IngestOutcome.Opened(summary);
                case RESCORED -> new IngestOutcome.Rescored(summary);
                case NONE -> new IngestOutcome.AlreadyOpen(summary);
              };
            }));
  }

  /** What one flag wrote. */
  private enum Written { OPENED, RESCORED, NONE }

  /** The crawler's page snapshot becomes the first link of the case's evidence chain. */
  private static Future<Void> attachSnapshot(SqlConnection conn, UUID caseId, Flag flag) {
    var snap = flag.listing().snapshot();
    if (snap == null || snap.sha256() == null || !snap.sha256().matches("[0-9a-f]{64}")) {
      return Future.succeededFuture();
    }
    return EvidenceService.append(conn, caseId, "SNAPSHOT", EvidenceService.snapshot(snap.sha256(), snap.bytes(),
        snap.contentType()), ACTOR, Instant.now()).mapEmpty();
  }

  private static Future<io.vertx.sqlclient.RowSet<Row>> insertCase(
      SqlConnection conn, Flag flag, String owner, String jurisdiction, double priority) {
    Flag.FlaggedListing l = flag.listing();
    Tuple args = Tuple.from(new Object[] {
        UUID.randomUUID(), flag.listingId(), flag.assetId(), owner, l.marketplace(), jurisdiction,
        CaseStatus.DETECTED.name(), flag.kind().name(), flag.score(), l.title(), l.url(), l.sellerId(),
        l.sellerName(), OffsetDateTime.ofInstant(flag.detectedAt(), ZoneOffset.UTC), new JsonObject(Json.write(flag)),
        priority
    });
    return conn.preparedQuery("INSERT INTO cases (id, listing_id, asset_id, owner_org, marketplace, jurisdiction,"
            + " status, kind, score, title, url, seller_id, seller_name, detected_at, flag, priority)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)"
            + " ON CONFLICT (listing_id, asset_id) DO NOTHING RETURNING id")
        .execute(args);
  }

  private static Future<Void> openedEvent(SqlConnection conn, UUID caseId, Flag flag, String source) {
    JsonObject after = new JsonObject()
        .put("status", CaseStatus.DETECTED.name())
        .put("flagId", flag.flagId())
        .put("matcherVersion", flag.matcherVersion());
    String reason = flag.kind() + " flag (score " + flag.score() + ") from " + source;
    return conn.preparedQuery("INSERT INTO case_events (case_id, actor, type, reason, before, after)"
            + " VALUES ($1, $2, $3, $4, NULL, $5)")
        .execute(Tuple.of(caseId, ACTOR, CaseEvent.CASE_OPENED, reason, after))
        .mapEmpty();
  }

  private static List<String> assetJurisdictions(Row asset) {
    List<String> out = new ArrayList<>();
    if (asset != null && asset.getJsonObject("body").getValue("jurisdictions") instanceof JsonArray a) {
      a.forEach(j -> out.add(String.valueOf(j)));
    }
    return out;
  }

  private static final String DEAD_LETTER_SQL =
      "INSERT INTO ingest_dead_letters (source, raw, cause) VALUES ($1, $2, $3) ON CONFLICT (source) DO NOTHING";

  private Future<IngestOutcome> deadLetter(String source, byte[] raw, String cause) {
    String stored = cause(cause);
    return pool.preparedQuery(DEAD_LETTER_SQL).execute(deadLetterRow(source, raw, stored))
        .map(new IngestOutcome.DeadLettered(stored));
  }

  private static Tuple deadLetterRow(String source, byte[] raw, String cause) {
    return Tuple.of(source, Buffer.buffer(raw == null ? new byte[0] : raw), cause);
  }

  /**
   * The cause as stored: capped, and without NUL characters (a parser's message may quote the record, and a text
   * column refuses NUL; the dead letter itself must never be refused).
   */
  private static String cause(String cause) {
    String text = cause == null ? "unreadable record" : cause.replace("\0", "\\u0000");
    return text.length() > MAX_CAUSE_LENGTH ? text.substring(0, MAX_CAUSE_LENGTH) : text;
  }

  /** SQLSTATE class 22 (data exception) and 23 (constraint violation): the record is wrong, not the database. */
  private static boolean isBadData(Throwable e) {
    return e instanceof PgException pg && pg.getSqlState() != null
        && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"));
  }
}
