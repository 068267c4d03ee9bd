package ipwatch.casework.evidence;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.auth.Caller;
import ipwatch.casework.cases.CaseRows;
import ipwatch.casework.cases.PartyScope;
import ipwatch.model.EvidenceStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The stored bytes of one evidence item (a page snapshot, an image, a document), for a caller who sees its case. The
 * item is looked up together with the scoped case in one query, so a foreign case's item is never found; the bytes
 * come from the content-addressed store and are checked against the chain's SHA-256 before they are served.
 */
public final class EvidenceContent {
  /** type/subtype with optional parameters: anything else (or nothing) is served as opaque bytes. */
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}"
          + "(\\s*;\\s*[A-Za-z0-9_-]{1,32}=[A-Za-z0-9_.\"-]{1,64})*");
  private final Vertx vertx;
  private final Pool pool;
  private final EvidenceStore store;

  public EvidenceContent(Vertx vertx, Pool pool, EvidenceStore store) {
    this.vertx = vertx;
    this.pool = pool;
    this.store = store;
  }

  /** One item's content; {@code name} is the item's name in the chain. */
  public record Content(String name, String contentType, String sha256, byte[] bytes) {}

  /** Empty when the case is not visible, the item does not exist or its bytes are not (or no longer) in the store. */
  public Future<Optional<Content>> read(Caller caller, UUID caseId, int seq) {
    List<Object> params = new ArrayList<>(List.of(caseId, seq));
    // the scope's columns exist only on cases, so they resolve to c
    String scope = CaseRows.where(PartyScope.of(caller.organisation()), params);
    return pool.preparedQuery("SELECT e.name, e.sha256, e.content_type FROM evidence_items e"
            + " JOIN cases c ON c.id = e.case_id WHERE e.case_id = $1 AND e.seq = $2 AND " + scope)
        .execute(Tuple.from(params))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(Optional.<Content>empty());
          }
          Row r = rows.iterator().next();
          String sha = r.getString("sha256");
          return vertx.executeBlocking(() -> store.get(sha)
              .filter(bytes -> sha.equals(ipwatch.model.Hashes.sha256Hex(bytes)))
              .map(bytes -> new Content(r.getString("name"), mediaType(r.getString("content_type")), sha, bytes)),
              false);
        });
  }

  static String mediaType(String stored) {
    return stored != null && MEDIA_TYPE.matcher(stored.trim()).matches() ? stored.trim() : "application/octet-stream";
  }
}
