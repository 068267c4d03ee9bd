package ipwatch.casework;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.sqlclient.Pool;
import ipwatch.casework.auth.DemoParties;
import ipwatch.casework.auth.Organisations;
import ipwatch.casework.auth.TokenService;
import ipwatch.casework.cases.Cases;
import ipwatch.casework.db.Database;
import ipwatch.casework.db.Migrations;
import ipwatch.casework.db.Retention;
import ipwatch.casework.events.EventHub;
import ipwatch.casework.events.PartyEventsListener;
import ipwatch.casework.http.HttpApi;
import ipwatch.casework.http.RateLimit;
import ipwatch.casework.ingest.FlagIngestor;
import ipwatch.casework.ingest.InfringementsConsumer;
import ipwatch.casework.ingest.JurisdictionResolver;
import ipwatch.casework.registry.RegistryPublisher;
import ipwatch.casework.registry.RegistrySeedFile;
import ipwatch.casework.registry.RegistryStore;
import ipwatch.casework.registry.RegistrySync;
import ipwatch.casework.search.CaseIndex;
import ipwatch.casework.search.CaseReindexer;
import ipwatch.casework.search.ElasticsearchCaseIndex;
import ipwatch.casework.workflow.JurisdictionProfiles;
import ipwatch.casework.workflow.Routing;
import ipwatch.casework.workflow.TimerScanner;
import ipwatch.casework.workflow.Workflow;
import ipwatch.casework.cases.CaseCollaboration;
import ipwatch.casework.cases.NotifierAccuracy;
import ipwatch.casework.evidence.EvidenceService;
import ipwatch.casework.evidence.NoEvidenceStore;
import ipwatch.casework.outbox.OutboxRelay;
import ipwatch.casework.registry.RegistryService;
import ipwatch.casework.webhooks.TargetGuard;
import ipwatch.casework.webhooks.WebhookDispatcher;
import ipwatch.casework.webhooks.WebhookEndpoints;
import ipwatch.model.EvidenceStore;
import ipwatch.model.FileEvidenceStore;
import ipwatch.model.config.Config;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * casework-api as one closeable object: {@link #start} checks the settings, migrates PostgreSQL, seeds demo parties
 * and the registry, and returns once HTTP is listening.
 *
 * <p>PostgreSQL is required at start-up (no schema, no service). Kafka and Elasticsearch are not: flag ingestion
 * needs no search index (cases reach it afterwards through the 'search' outbox, which creates it), and the registry is
 * published when Kafka takes it, so the API comes up in any start order and {@code /api/health} (or
 * {@link #awaitReady}) tells when everything is up.
 */
public final class CaseworkServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CaseworkServer.class);
  /** How long a search relay round may take before another may deliver its rows again (idempotently). */
  private static final Duration SEARCH_CLAIM = Duration.ofMinutes(2);
  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(2);

  private final Vertx vertx;
  private final Deque<AutoCloseable> resources;
  private final int port;
  private final Map<String, String> demoTokens;
  private final InfringementsConsumer consumer;
  private final RegistrySync registrySync;

  private CaseworkServer(Vertx vertx, Deque<AutoCloseable> resources, int port, Map<String, String> demoTokens,
      InfringementsConsumer consumer, RegistrySync registrySync) {
    this.vertx = vertx;
    this.resources = resources;
    this.port = port;
    this.demoTokens = demoTokens;
    this.consumer = consumer;
    this.registrySync = registrySync;
  }

  /**
   * Starts the service and blocks until it listens. Throws {@link ipwatch.model.config.ConfigException} for a bad
   * setting and {@link IllegalStateException} naming the step that failed otherwise; nothing is left running then.
   */
  public static CaseworkServer start(Config config) {
    return start(config, Clock.systemUTC());
  }

  /**
   * As {@link #start(Config)}, with the clock the workflow reads "now" from (deadlines, audit times): tests use it to
   * let a legal window pass while the service is down.
   */
  public static CaseworkServer start(Config config, Clock clock) {
    CaseworkSettings s = CaseworkSettings.from(config);
    JurisdictionProfiles profiles = JurisdictionProfiles.load(s.workflow().jurisdictionsFile());
    Routing routing = Routing.load(s.workflow().routingFile());
    Vertx vertx = Vertx.vertx();
    Deque<AutoCloseable> resources = new ArrayDeque<>();
    try {
      Pool pool = Database.pool(vertx, s.postgres());
      resources.push(() -> await(pool.close(), "closing the database pool"));
      var pg = s.postgres();
      await(Database.awaitReachable(vertx, pool, pg.startupTimeout()),
          "connecting to PostgreSQL at " + pg.host() + ":" + pg.port() + "/" + pg.database() + " as " + pg.user());
      List<Integer> applied = await(Migrations.migrate(pool), "migrating the database schema");
      LOG.info("schema migrations applied: {}", applied.isEmpty() ? "none (up to date)" : applied);

      TokenService tokens = new TokenService(vertx, s.jwt());
      Organisations organisations = new Organisations(pool);
      Map<String, String> demoTokens = Map.of();
      if (s.demo().enabled()) {
        await(DemoParties.ensure(organisations), "creating the demo organisations");
        await(DemoParties.ensureUsers(new ipwatch.casework.auth.Directory(pool)), "creating the demo users");
        demoTokens = DemoParties.tokens(tokens, s.demo().tokenTtl());
        LOG.warn("demo mode: demo organisations and tokens are active; never enable demo.enabled on a shared host");
      }

      RegistryStore registry = new RegistryStore(pool);
      if (s.registrySeedFile().isPresent()) {
        var assets = RegistrySeedFile.read(s.registrySeedFile().get());
        int changed = await(registry.upsert(assets), "seeding the registry from " + s.registrySeedFile().get());
        LOG.info("registry seed: {} assets read, {} created or changed", assets.size(), changed);
      }

      EvidenceStore evidenceStore = s.evidenceDir().<EvidenceStore>map(FileEvidenceStore::new)
          .orElseGet(NoEvidenceStore::new);
      Cases cases = new Cases(pool);
      CaseIndex index = new ElasticsearchCaseIndex(s.elasticsearch().url(), s.elasticsearch().casesIndex());
      resources.push(index);
      FlagIngestor ingestor = new FlagIngestor(pool, new JurisdictionResolver(s.cases()));
      InfringementsConsumer consumer = new InfringementsConsumer(s.kafka().bootstrapServers(), s.kafka().groupId(),
          s.kafka().infringementsTopic(), s.kafka().maxPollRecords(), s.kafka().ingestLoops(), ingestor).start();
      resources.push(consumer);
      // seller networks (issue 7): the compacted seller-links topic into seller_accounts
      var sellerLinks = ipwatch.casework.network.SellerLinksSettings.from(config);
      if (sellerLinks.enabled()) {
        resources.push(new ipwatch.casework.network.SellerLinksConsumer(s.kafka().bootstrapServers(),
            sellerLinks.groupId(), sellerLinks.topic(), new ipwatch.casework.network.SellerLinkIngestor(pool)).start());
      }
      RegistryPublisher publisher = new RegistryPublisher(s.kafka().bootstrapServers(), s.kafka().registryTopic());
      RegistrySync registrySync = new RegistrySync(registry::all, publisher).start();
      resources.push(registrySync);
      // registry changes made through the API, in commit order; a null payload is a tombstone
      resources.push(new OutboxRelay(vertx, pool, "kafka", (topic, key, payload) -> publisher.publishRaw(topic,
          List.of(new java.util.AbstractMap.SimpleEntry<>(key, payload == null ? null : payload.encode()))),
          Integer.MAX_VALUE).start(Duration.ofMillis(250)));
      // cases opened or re-scored by ingestion and changed by the workflow, re-indexed for search in bulk (versioned:
      // a stale write is a no-op); a slow or unreachable index delays search only, never a new case. Leased: order
      // does not matter to a versioned index, so no transaction (and no pool connection) is held during the bulk.
      CaseReindexer reindexer = new CaseReindexer(cases, index);
      resources.push(OutboxRelay.leased(vertx, pool, "search", reindexer, 50, SEARCH_CLAIM)
          .start(Duration.ofMillis(250)));
      createIndexOnceReachable(vertx, reindexer);

      // takedown notices (and later alerts) to registered endpoints; SSRF-checked at registration and every send
      TargetGuard guard = new TargetGuard(s.webhooks().allowPrivateTargets());
      if (s.webhooks().allowPrivateTargets()) {
        LOG.warn("webhooks.allowPrivateTargets is on: webhook endpoints may target private and loopback addresses");
      }
      if (s.webhooks().dispatch()) {
        resources.push(new WebhookDispatcher(vertx, pool, s.webhooks(), guard, clock).start());
      }

      Workflow workflow = new Workflow(pool, profiles, routing, clock).sellerEvidenceIn(evidenceStore);
      TimerScanner timers = new TimerScanner(vertx, pool, workflow, clock);
      int fired = await(timers.scanOnce(), "firing deadlines that passed while the service was down");
      LOG.info("deadlines fired at start-up: {}", fired);
      timers.start(s.workflow().timerScanInterval());
      resources.push(timers);
      resources.push(new ipwatch.casework.alerts.DeadlineAlerts(vertx, pool, clock,
          config.duration("alerts.deadlineWarning")).start(s.workflow().timerScanInterval()));
      resources.push(Retention.partyEvents(vertx, pool, config.duration("alerts.eventRetention")).start());
      resources.push(Retention.deliveredOutbox(vertx, pool, config.duration("outbox.retention")).start());

      // GET /api/events: read party_events as each writing transaction commits (LISTEN on a connection of its own),
      // and on a slow timer in case a notification was missed while that connection was down
      EventHub events = new EventHub(vertx, pool, config.duration("alerts.eventPollFallback"));
      resources.push(events);
      resources.push(PartyEventsListener.start(vertx, Database.connectOptions(pg), Duration.ofSeconds(1),
          events::wake));

      var router = HttpApi.router(new HttpApi.Deps(vertx, s.http(), pool, tokens, organisations, cases,
          index, consumer::healthy, () -> consumer.state().name(), demoTokens, workflow,
          new RateLimit(s.rateLimits().perSecond(), s.rateLimits().burst()), new CaseCollaboration(pool, clock),
          new EvidenceService(vertx, pool, evidenceStore, clock), new NotifierAccuracy(pool),
          new RegistryService(pool, s.kafka().registryTopic()),
          new WebhookEndpoints(vertx, pool, guard, clock, s.webhooks().secretGracePeriod()),
          new ipwatch.casework.cases.Notices(pool, cases, clock), events));
      // one server per event loop, sharing the port (Vert.x balances connections across them); the router and its
      // handlers are shared and thread-safe
      HttpServer server = null;
      int instances = s.httpInstances() > 0 ? s.httpInstances() : Runtime.getRuntime().availableProcessors();
      for (int i = 0; i < instances; i++) {
        // port 0 would give each instance its own random port; a negative port is Vert.x's shared random port
        int port = s.http().port() == 0 ? -1 : s.http().port();
        HttpServer next = await(vertx.createHttpServer(new HttpServerOptions()
                .setHost(s.http().host())
                .setPort(port)
                .setMaxFormAttributeSize(8_192)
                .setMaxHeaderSize(16_384))
            .requestHandler(router)
            .listen(), "listening on " + s.http().host() + ":" + port);
        resources.push(() -> await(next.close(), "closing the HTTP server"));
        server = server == null ? next : server;
      }
      LOG.info("casework-api listening on {}:{}", s.http().host(), server.actualPort());
      return new CaseworkServer(vertx, resources, server.actualPort(), demoTokens, consumer, registrySync);
    } catch (RuntimeException e) {
      closeAll(resources);
      vertx.close();
      throw e;
    }
  }

  public int port() {
    return port;
  }

  /** Role key (regulator, court, rights-holder, rights-holder-2, platform) → bearer token; empty unless demo mode. */
  public Map<String, String> demoTokens() {
    return demoTokens;
  }

  /** Tries to create the search index now and every second until Elasticsearch answers (it need not be up yet). */
  private static void createIndexOnceReachable(Vertx vertx, CaseReindexer reindexer) {
    AtomicBoolean trying = new AtomicBoolean();
    vertx.setPeriodic(1, 1000, id -> {
      if (trying.compareAndSet(false, true)) {
        vertx.executeBlocking(() -> {
          reindexer.ensureIndex();
          return null;
        }, false).onComplete(r -> {
          trying.set(false);
          if (r.succeeded()) {
            vertx.cancelTimer(id);
          }
        });
      }
    });
  }

  /**
   * Waits until flags are being consumed (partitions assigned) and the registry has been
   * published to Kafka. Answers false on timeout.
   */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (consumer.healthy() && registrySync.done()) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  @Override
  public void close() {
    closeAll(resources);
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("closing Vert.x: {}", e.toString());
    }
  }

  private static void closeAll(Deque<AutoCloseable> resources) {
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        LOG.warn("while closing: {}", e.toString());
      }
    }
  }

  private static <T> T await(Future<T> future, String step) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + step, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("casework-api start-up failed while " + step + ": "
          + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("casework-api start-up timed out while " + step, e);
    }
  }
}
