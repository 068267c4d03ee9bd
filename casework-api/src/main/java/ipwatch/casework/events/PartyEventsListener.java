package ipwatch.casework.events;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a callback each time a transaction that wrote {@code party_events} commits: PostgreSQL {@code LISTEN} on the
 * channel the table's trigger notifies (migration V10), on a connection of its own. The callback also runs after
 * every (re)subscription, since notifications sent while the connection was down are lost. A lost connection is
 * re-opened every {@code retry} for as long as this listener is open.
 */
public final class PartyEventsListener implements AutoCloseable {
  /** The channel migration V10's trigger notifies. */
  static final String CHANNEL = "party_events";
  /** How the listening connection shows in {@code pg_stat_activity}. */
  public static final String APPLICATION_NAME = "ipwatch-casework-events";
  private static final Logger LOG = LoggerFactory.getLogger(PartyEventsListener.class);
  private final Vertx vertx;
  private final PgSubscriber subscriber;
  private final Duration retry;
  private final AtomicBoolean closed = new AtomicBoolean();

  private PartyEventsListener(Vertx vertx, PgConnectOptions options, Duration retry, Runnable onCommit) {
    this.vertx = vertx;
    this.retry = retry;
    PgConnectOptions own = new PgConnectOptions(options);
    own.addProperty("application_name", APPLICATION_NAME);
    this.subscriber = PgSubscriber.subscriber(vertx, own)
        // called when an established connection is lost: a non-negative answer is the delay before reconnecting
        .reconnectPolicy(attempt -> closed.get() ? -1L : retry.toMillis());
    subscriber.channel(CHANNEL)
        .subscribeHandler(v -> onCommit.run())
        .handler(payload -> onCommit.run());
  }

  /** Starts listening (retrying until PostgreSQL answers) and returns at once. */
  public static PartyEventsListener start(Vertx vertx, PgConnectOptions options, Duration retry, Runnable onCommit) {
    PartyEventsListener listener = new PartyEventsListener(vertx, options, retry, onCommit);
    listener.connect();
    return listener;
  }

  private void connect() {
    if (closed.get()) {
      return;
    }
    subscriber.connect().onFailure(e -> {
      LOG.warn("cannot listen for new events yet ({}); retrying in {} ms", e.getMessage(), retry.toMillis());
      // a first connection that failed leaves the subscriber half-open: close it so connect() tries again
      subscriber.close().onComplete(c -> vertx.setTimer(retry.toMillis(), id -> connect()));
    });
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      subscriber.close();
    }
  }
}
