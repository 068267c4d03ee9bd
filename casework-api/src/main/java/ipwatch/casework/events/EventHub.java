package ipwatch.casework.events;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.auth.Caller;
import ipwatch.casework.cases.CaseRows;
import ipwatch.casework.cases.PartyScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans {@code party_events} out to the SSE clients connected to this instance. Each instance reads the table itself
 * (the rows are written in the transactions of the changes, on any instance), so any number of instances serve
 * {@code GET /api/events} without talking to each other. It reads when {@link #wake woken} (by
 * {@link PartyEventsListener} as each writing transaction commits) and every {@code fallbackInterval} in case a
 * wake-up was missed. Wake-ups that arrive during a read fold into one more read. What a client receives is scoped
 * like every read: alerts and endpoint notices of its own organisation, and {@code case.updated} for cases its party
 * scope covers now.
 */
public final class EventHub implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
  private static final int BATCH = 1_000;
  private static final String COLUMNS = "id, event, case_id, org_id, data";
  private final Vertx vertx;
  private final Pool pool;
  private final Duration fallbackInterval;
  private final Set<Client> clients = new CopyOnWriteArraySet<>();
  private final AtomicBoolean polling = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private volatile EventCursor cursor;
  private long timerId = -1;

  /** A connected stream; {@link #close} when the connection ends. */
  public final class Client implements AutoCloseable {
    private final Caller caller;
    private final Consumer<PartyEvent> sink;
    // recently sent ids: the backlog of a resumed stream and the live feed may overlap for a moment
    private final Map<Long, Boolean> sent = new LinkedHashMap<>(256, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, Boolean> e) {
        return size() > 10_000;
      }
    };

    private Client(Caller caller, Consumer<PartyEvent> sink) {
      this.caller = caller;
      this.sink = sink;
    }

    private synchronized void send(PartyEvent e) {
      if (sent.put(e.id(), Boolean.TRUE) == null) {
        sink.accept(e);
      }
    }

    @Override
    public void close() {
      clients.remove(this);
    }
  }

  public EventHub(Vertx vertx, Pool pool, Duration fallbackInterval) {
    this.vertx = vertx;
    this.pool = pool;
    this.fallbackInterval = fallbackInterval;
  }

  /** Starts reading from the newest event (history is what Last-Event-ID is for). */
  public synchronized Future<Void> start() {
    if (cursor != null) {
      return Future.succeededFuture();
    }
    return pool.query("SELECT coalesce(max(id), 0) FROM party_events").execute().map(rows -> {
      synchronized (this) {
        if (cursor == null) {
          cursor = new EventCursor(rows.iterator().next().getLong(0), Duration.ofSeconds(30));
          timerId = vertx.setPeriodic(fallbackInterval.toMillis(), id -> poll());
        }
      }
      return null;
    });
  }

  /**
   * Connects a client. With {@code lastEventId}, the events after it that the caller may see are sent first (at most
   * one batch; an older position starts from there).
   */
  public Future<Client> connect(Caller caller, Consumer<PartyEvent> sink, Optional<Long> lastEventId) {
    return start().compose(v -> {
      Client c = new Client(caller, sink);
      clients.add(c);
      if (lastEventId.isEmpty()) {
        return Future.succeededFuture(c);
      }
      List<Object> params = new ArrayList<>(List.of(lastEventId.get(), caller.orgId()));
      String scope = CaseRows.where(PartyScope.of(caller.organisation()), params);
      return pool.preparedQuery("SELECT " + COLUMNS + " FROM party_events WHERE id > $1 AND (org_id = $2"
              + " OR (event = 'case.updated' AND case_id IN (SELECT id FROM cases WHERE " + scope + ")))"
              + " ORDER BY id LIMIT " + BATCH)
          .execute(Tuple.from(params))
          .map(rows -> {
            rows.forEach(r -> c.send(read(r)));
            return c;
          });
    });
  }

  public int connected() {
    return clients.size();
  }

  /** New rows have been committed: reads them now, or right after the read under way. */
  public void wake() {
    again.set(true);
    poll();
  }

  private void poll() {
    EventCursor cur = cursor;
    if (cur == null || !polling.compareAndSet(false, true)) {
      return;
    }
    // this read sees every commit notified so far; a wake-up from now on asks for one more
    again.set(false);
    pool.preparedQuery("SELECT " + COLUMNS + " FROM party_events WHERE id > $1 OR id = ANY($2) ORDER BY id LIMIT "
            + BATCH)
        .execute(Tuple.tuple().addLong(cur.highest()).addArrayOfLong(cur.gaps()))
        .compose(rows -> {
          Map<Long, PartyEvent> byId = new LinkedHashMap<>();
          rows.forEach(r -> byId.put(r.getLong("id"), read(r)));
          if (rows.size() == BATCH) {
            again.set(true); // more are waiting
          }
          List<PartyEvent> fresh = new ArrayList<>();
          cur.advance(byId.keySet(), Instant.now()).forEach(id -> fresh.add(byId.get(id)));
          return fresh.isEmpty() || clients.isEmpty() ? Future.succeededFuture() : dispatch(fresh);
        })
        .onFailure(e -> LOG.warn("event poll failed, retrying: {}", e.getMessage()))
        .onComplete(r -> {
          polling.set(false);
          if (r.succeeded() && again.get()) {
            poll();
          }
        });
  }

  /** Alerts go by organisation; case updates by a scoped query per organisation connected. */
  private Future<Void> dispatch(List<PartyEvent> fresh) {
    Set<UUID> updated = new HashSet<>();
    fresh.stream().filter(e -> PartyEvent.CASE_UPDATED.equals(e.event())).forEach(e -> updated.add(e.caseId()));
    Map<String, Caller> orgs = new HashMap<>();
    clients.forEach(c -> orgs.putIfAbsent(c.caller.orgId(), c.caller));
    Map<String, Future<Set<UUID>>> visible = new HashMap<>();
    for (Caller caller : orgs.values()) {
      visible.put(caller.orgId(), updated.isEmpty() ? Future.succeededFuture(Set.of()) : visibleCases(caller, updated));
    }
    return Future.all(new ArrayList<>(visible.values())).map(v -> {
      for (Client c : clients) {
        Set<UUID> sees = visible.containsKey(c.caller.orgId()) ? visible.get(c.caller.orgId()).result() : Set.of();
        for (PartyEvent e : fresh) {
          boolean forCaller = PartyEvent.CASE_UPDATED.equals(e.event())
              ? sees.contains(e.caseId()) : c.caller.orgId().equals(e.orgId());
          if (forCaller) {
            c.send(e);
          }
        }
      }
      return null;
    });
  }

  private Future<Set<UUID>> visibleCases(Caller caller, Set<UUID> ids) {
    List<Object> params = new ArrayList<>();
    params.add(ids.toArray(UUID[]::new));
    String scope = CaseRows.where(PartyScope.of(caller.organisation()), params);
    return pool.preparedQuery("SELECT id FROM cases WHERE id = ANY($1) AND " + scope).execute(Tuple.from(params))
        .map(rows -> {
          Set<UUID> out = new HashSet<>();
          rows.forEach(r -> out.add(r.getUUID(0)));
          return out;
        });
  }

  private static PartyEvent read(Row r) {
    Object data = r.getValue("data");
    return new PartyEvent(r.getLong("id"), r.getString("event"), r.getUUID("case_id"), r.getString("org_id"),
        data instanceof JsonObject j ? j : new JsonObject(String.valueOf(data)));
  }

  @Override
  public void close() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    clients.clear();
  }
}
