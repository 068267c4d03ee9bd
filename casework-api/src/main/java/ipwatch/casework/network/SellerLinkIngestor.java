package ipwatch.casework.network;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import ipwatch.model.BadRecordException;

/**
 * The core of seller-link ingestion, free of Kafka: one record in, one upserted account (or a deleted one for a
 * tombstone, or a dead letter) out.
 *
 * <p>Idempotent: the account row is keyed by the record key and overwritten with the record's content, so applying a
 * record twice leaves the same row. A record may name an account that has no case (yet): it is stored all the same,
 * since cases join it by {@code cases.seller_account} whenever they arrive. Bad data becomes a row of
 * {@code ingest_dead_letters} (keyed by source, so a replay adds none); a database that is down fails the future so
 * the caller retries without committing the offset.
 */
public final class SellerLinkIngestor {
  private static final int MAX_CAUSE_LENGTH = 2_000;
  private final Pool pool;

  public sealed interface Outcome {
    record Stored(String accountId, String networkId) implements Outcome {}

    record Removed(String accountId) implements Outcome {}

    record DeadLettered(String cause) implements Outcome {}
  }

  public SellerLinkIngestor(Pool pool) {
    this.pool = pool;
  }

  /**
   * @param source unique per record (topic/partition/offset)
   * @param key the record key; with a null value a tombstone removing that account
   */
  public Future<Outcome> ingest(String source, String key, byte[] raw) {
    if (raw == null) {
      if (key == null || key.isBlank() || key.length() > SellerLinkRecord.MAX_ID_LENGTH) {
        return deadLetter(source, key, null, "tombstone without a usable key");
      }
      return pool.preparedQuery("DELETE FROM seller_accounts WHERE account_id = $1").execute(Tuple.of(key))
          .map(new Outcome.Removed(key));
    }
    SellerLinkRecord link;
    try {
      link = SellerLinkRecord.decode(key, raw);
    } catch (BadRecordException e) {
      return deadLetter(source, key, raw, e.getMessage());
    }
    return pool.preparedQuery("INSERT INTO seller_accounts (account_id, network_id, evidence, source)"
            + " VALUES ($1, $2, $3, $4) ON CONFLICT (account_id) DO UPDATE SET network_id = EXCLUDED.network_id,"
            + " evidence = EXCLUDED.evidence, source = EXCLUDED.source, updated_at = now()")
        .execute(Tuple.of(link.sellerId(), link.clusterId(), link.evidenceJson(), source))
        .<Outcome>map(new Outcome.Stored(link.sellerId(), link.clusterId()))
        .recover(e -> e instanceof PgException pg && pg.getSqlState() != null
            && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"))
            ? deadLetter(source, key, raw, "refused by the database: " + pg.getErrorMessage())
            : Future.failedFuture(e));
  }

  private Future<Outcome> deadLetter(String source, String key, byte[] raw, String cause) {
    String trimmed = cause.length() > MAX_CAUSE_LENGTH ? cause.substring(0, MAX_CAUSE_LENGTH) : cause;
    String withKey = "seller-links key " + (key == null ? "(none)" : key.length() > 200 ? key.substring(0, 200) : key)
        + ": " + trimmed;
    return pool.preparedQuery("INSERT INTO ingest_dead_letters (source, raw, cause) VALUES ($1, $2, $3)"
            + " ON CONFLICT (source) DO NOTHING")
        .execute(Tuple.of(source, Buffer.buffer(raw == null ? new byte[0] : raw), withKey))
        .map(new Outcome.DeadLettered(withKey));
  }
}
