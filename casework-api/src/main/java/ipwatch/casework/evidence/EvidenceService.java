package ipwatch.casework.evidence;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.auth.Caller;
import ipwatch.casework.cases.CaseRows;
import ipwatch.casework.cases.PartyScope;
import ipwatch.model.EvidenceStore;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A case's evidence: adding items to its hash chain (content in the shared content-addressed store), listing them,
 * and building the export bundle. Every call is scoped to the caller's party: a case it cannot see is a 404.
 */
public final class EvidenceService {
  private final Vertx vertx;
  private final Pool pool;
  private final EvidenceStore store;
  private final Clock clock;

  public EvidenceService(Vertx vertx, Pool pool, EvidenceStore store, Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.store = store;
    this.clock = clock;
  }

  /** Refused with a client message; {@code status} 400, 404 or 409. */
  public static final class Refused extends ipwatch.casework.Refusal {
    Refused(int status, String message) {
      super(status, message);
    }
  }

  /** What the client sent, already schema-valid. */
  public record NewItem(String kind, String name, Optional<String> sha256, Optional<String> contentType,
      Optional<String> contentBase64) {}

  public Future<ChainEntry> add(Caller caller, UUID caseId, NewItem item) {
    String actor = "user:" + caller.userId() + "@" + caller.orgId();
    // content first (outside the transaction: it may be large and the store is idempotent), then the chain link
    return lockVisible(caller, caseId).compose(flag -> store(item, flag)).compose(stored -> pool.withTransaction(conn -> lockCase(conn, caller, caseId)
        .compose(flag -> append(conn, caseId, item.kind(), stored, actor))));
  }

  public record Stored(String name, String sha256, long bytes, String contentType) {}

  private Future<Stored> store(NewItem item, JsonObject flag) {
    if (item.kind().equals("SNAPSHOT")) {
      JsonObject snap = flag.getJsonObject("listing", new JsonObject()).getJsonObject("snapshot");
      String sha = item.sha256().orElseThrow(() -> new Refused(400, "A SNAPSHOT is attached by sha256."));
      if (snap == null || !sha.equals(snap.getString("sha256"))) {
        // the store holds every crawled page: attaching by hash is limited to this case's own listing
        throw new Refused(400, "Only the snapshot of this case's listing can be attached by hash.");
      }
      return vertx.executeBlocking(() -> store.get(sha).map(b -> new Stored(item.name() == null ? "listing-snapshot"
          : item.name(), sha, b.length, snap.getString("contentType", "text/html")))
          .orElseThrow(() -> new Refused(409, "The snapshot is not in the evidence store.")), false);
    }
    String data = item.contentBase64().orElseThrow(() -> new Refused(400, "contentBase64 is required for "
        + item.kind() + "."));
    String type = item.contentType().orElseThrow(() -> new Refused(400, "contentType is required for "
        + item.kind() + "."));
    if (item.name() == null) {
      throw new Refused(400, "name is required for " + item.kind() + ".");
    }
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(data);
    } catch (IllegalArgumentException e) {
      throw new Refused(400, "contentBase64 is not valid base64.");
    }
    if (bytes.length == 0) {
      throw new Refused(400, "The content is empty.");
    }
    return vertx.executeBlocking(() -> {
      var snap = store.put(bytes, type);
      return new Stored(item.name(), snap.sha256(), bytes.length, type);
    }, false);
  }

  /** Appends to the chain on an open transaction whose case row is already locked. */
  public static Future<ChainEntry> append(SqlConnection conn, UUID caseId, String kind, Stored stored,
      String actor, Instant now) {
    return conn.preparedQuery("SELECT seq, entry_hash FROM evidence_items WHERE case_id = $1 ORDER BY seq DESC"
            + " LIMIT 1")
        .execute(Tuple.of(caseId))
        .compose(rows -> {
          int seq = rows.size() == 0 ? 1 : rows.iterator().next().getInteger("seq") + 1;
          String prev = rows.size() == 0 ? ChainEntry.GENESIS : rows.iterator().next().getString("entry_hash");
          ChainEntry e = new ChainEntry(caseId.toString(), seq, kind, stored.name(), stored.sha256(),
              stored.bytes(), stored.contentType(), actor, ChainEntry.normalise(now), prev);
          return conn.preparedQuery("INSERT INTO evidence_items (case_id, seq, kind, name, sha256, bytes,"
                  + " content_type, added_by, added_at, prev_hash, entry_hash)"
                  + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
              .execute(Tuple.from(new Object[] {caseId, seq, kind, e.name(), e.sha256(), e.bytes(),
                  e.contentType(), actor, OffsetDateTime.ofInstant(e.addedAt(), ZoneOffset.UTC), prev, e.hash()}))
              .compose(v -> conn.preparedQuery("INSERT INTO case_events (case_id, actor, at, type, reason, after)"
                      + " VALUES ($1, $2, $3, 'EVIDENCE_ADDED', $4, $5)")
                  .execute(Tuple.of(caseId, actor, OffsetDateTime.ofInstant(e.addedAt(), ZoneOffset.UTC),
                      kind + " " + e.name(), new JsonObject().put("seq", seq).put("sha256", e.sha256())
                          .put("entryHash", e.hash()))))
              .map(e);
        });
  }

  private Future<ChainEntry> append(SqlConnection conn, UUID caseId, String kind, Stored stored, String actor) {
    return append(conn, caseId, kind, stored, actor, clock.instant());
  }

  /** A snapshot known at case opening (ingestion), without reading the store. */
  public static Stored snapshot(String sha256, long bytes, String contentType) {
    return new Stored("listing-snapshot", sha256, bytes, contentType == null ? "text/html" : contentType);
  }

  public Future<List<ChainEntry>> list(Caller caller, UUID caseId) {
    return lockVisible(caller, caseId).compose(flag -> entries(caseId));
  }

  Future<List<ChainEntry>> entries(UUID caseId) {
    return pool.preparedQuery("SELECT seq, kind, name, sha256, bytes, content_type, added_by, added_at, prev_hash,"
            + " entry_hash FROM evidence_items WHERE case_id = $1 ORDER BY seq")
        .execute(Tuple.of(caseId))
        .map(rows -> {
          List<ChainEntry> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(new ChainEntry(caseId.toString(), r.getInteger("seq"), r.getString("kind"), r.getString("name"),
                r.getString("sha256"), r.getLong("bytes"), r.getString("content_type"), r.getString("added_by"),
                r.getOffsetDateTime("added_at").toInstant(), r.getString("prev_hash")));
          }
          return out;
        });
  }

  /** The bundle as zip bytes; the export itself is an audit event. */
  public Future<byte[]> export(Caller caller, UUID caseId) {
    String actor = "user:" + caller.userId() + "@" + caller.orgId();
    Instant now = clock.instant();
    return lockVisible(caller, caseId)
        .compose(flag -> entries(caseId))
        .compose(entries -> vertx.executeBlocking(() -> BundleWriter.write(caseId.toString(), entries, store, now),
            false))
        .compose(zip -> pool.preparedQuery("INSERT INTO case_events (case_id, actor, at, type, reason)"
                + " VALUES ($1, $2, $3, 'EVIDENCE_EXPORTED', 'evidence bundle exported')")
            .execute(Tuple.of(caseId, actor, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))).map(zip));
  }

  /** Reads items' stored bytes for callers who see their case (GET .../evidence/{itemId}/content). */
  public EvidenceContent content() {
    return new EvidenceContent(vertx, pool, store);
  }

  public static JsonObject json(ChainEntry e) {
    return new JsonObject().put("seq", e.seq()).put("kind", e.kind()).put("name", e.name())
        .put("sha256", e.sha256()).put("bytes", e.bytes()).put("contentType", e.contentType())
        .put("addedBy", e.addedBy()).put("addedAt", e.addedAt().toString()).put("prevHash", e.prevHash())
        .put("entryHash", e.hash());
  }

  public static JsonArray json(List<ChainEntry> entries) {
    JsonArray a = new JsonArray();
    entries.forEach(e -> a.add(json(e)));
    return a;
  }

  /** The case's flag if the caller sees the case, else a 404. */
  private Future<JsonObject> lockVisible(Caller caller, UUID caseId) {
    List<Object> params = new ArrayList<>();
    params.add(caseId);
    String scope = CaseRows.where(PartyScope.of(caller.organisation()), params);
    return pool.preparedQuery("SELECT flag FROM cases WHERE id = $1 AND " + scope).execute(Tuple.from(params))
        .map(rows -> {
          if (rows.size() == 0) {
            throw new Refused(404, "Not found.");
          }
          return rows.iterator().next().getJsonObject("flag");
        });
  }

  private Future<JsonObject> lockCase(SqlConnection conn, Caller caller, UUID caseId) {
    List<Object> params = new ArrayList<>();
    params.add(caseId);
    String scope = CaseRows.where(PartyScope.of(caller.organisation()), params);
    return conn.preparedQuery("SELECT flag FROM cases WHERE id = $1 AND " + scope + " FOR UPDATE")
        .execute(Tuple.from(params))
        .map(rows -> {
          if (rows.size() == 0) {
            throw new Refused(404, "Not found.");
          }
          return rows.iterator().next().getJsonObject("flag");
        });
  }
}
