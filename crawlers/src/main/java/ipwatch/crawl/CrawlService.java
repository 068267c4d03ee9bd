package ipwatch.crawl;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import ipwatch.crawl.fetch.FetchResult;
import ipwatch.crawl.fetch.Validators;
import ipwatch.crawl.extract.Links;
import ipwatch.crawl.sink.KafkaFrontier;
import ipwatch.crawl.state.PageState;
import ipwatch.crawl.url.UrlCanonicalizer;
import ipwatch.model.Json;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawler as a service: N instances in one consumer group split the {@code crawl-frontier} partitions, hence the
 * hosts (the topic is keyed by host). Each instance keeps the politeness state (delay, in-flight, Retry-After pause) of
 * the hosts of its partitions only and forgets it when a partition moves away. Listings and errors go to their topics
 * through the {@link Crawler}'s sinks; same-host links found on a page go back into the frontier. Offsets are
 * committed behind the oldest URL still in flight, so a crash replays, never drops; the page state store turns a
 * replayed URL that was already done into a skip.
 */
public final class CrawlService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CrawlService.class);
  private final Crawler c;
  private final CrawlerSettings s;
  private final KafkaFrontier frontier;
  private final KafkaConsumer<String, String> consumer;
  private final FrontierOffsets offsets = new FrontierOffsets();
  private final Map<String, TopicPartition> hostPartition = new ConcurrentHashMap<>();
  private final Set<String> inFlightUrls = ConcurrentHashMap.newKeySet();
  /** URLs this instance put into the frontier lately: a link on every page of a shop is queued once, not per page. */
  private final Cache<String, Boolean> recentlyQueued;
  private final CrawlProgress progress;
  private volatile boolean running = true;
  private volatile Set<TopicPartition> assigned = Set.of();

  public CrawlService(Crawler crawler, String instanceId) {
    this.c = crawler;
    this.s = crawler.settings;
    this.frontier = new KafkaFrontier(s.kafkaBootstrapServers(), s.frontierTopic());
    this.recentlyQueued = Caffeine.newBuilder().maximumSize(s.seenMaxEntries())
        .expireAfterWrite(s.recrawlAfter().isZero() ? Duration.ofMinutes(1) : s.recrawlAfter()).build();
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, s.kafkaBootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, s.consumerGroup());
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "ipwatch-crawler-" + instanceId);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    this.consumer = new KafkaConsumer<>(p);
    this.progress = new CrawlProgress(crawler.metrics, offsets::inFlight, s.progressInterval());
  }

  /** Creates the frontier topic with {@code frontier.partitions} partitions unless it exists. */
  public static void ensureTopic(CrawlerSettings s) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", s.kafkaBootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(s.frontierTopic(), s.frontierPartitions(), (short) -1))).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topic " + s.frontierTopic(), e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Puts seed URLs into the frontier (any instance may; the owner of each host's partition crawls it). */
  public void seed(List<URI> seeds) {
    seeds.stream().map(UrlCanonicalizer::canonicalize).flatMap(Optional::stream).forEach(u -> frontier.add(u, 0, true));
  }

  /** The frontier partitions this instance owns right now. */
  public Set<TopicPartition> assignment() {
    return assigned;
  }

  public CrawlMetrics metrics() {
    return c.metrics;
  }

  /** Consumes the frontier until {@link #stop}. */
  public void run() {
    consumer.subscribe(List.of(s.frontierTopic()), new Rebalance());
    long lastCommit = System.nanoTime();
    boolean paused = false;
    try {
      while (running) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          TopicPartition tp = new TopicPartition(r.topic(), r.partition());
          offsets.taken(tp, r.offset());
          take(tp, r);
        }
        int inFlight = offsets.inFlight();
        if (!paused && inFlight >= s.maxInFlightUrls()) {
          consumer.pause(consumer.assignment());
          paused = true;
        } else if (paused && inFlight < s.maxInFlightUrls() / 2) {
          consumer.resume(consumer.paused());
          paused = false;
        }
        if (System.nanoTime() - lastCommit > 1_000_000_000L) {
          commit(false);
          lastCommit = System.nanoTime();
        }
      }
    } catch (WakeupException e) {
      // stop() was called
    } finally {
      try {
        commit(true);
      } finally {
        consumer.close();
      }
    }
  }

  public void stop() {
    running = false;
    consumer.wakeup();
  }

  private void take(TopicPartition tp, ConsumerRecord<String, String> r) {
    FrontierEntry e;
    URI url;
    try {
      e = Json.read(r.value(), FrontierEntry.class);
      url = UrlCanonicalizer.canonicalize(e.url()).orElseThrow(() -> new IllegalArgumentException("not http(s)"));
    } catch (RuntimeException bad) {
      c.recordError(URI.create("about:blank"), 0, "unreadable frontier record at " + tp + "@" + r.offset() + ": "
          + bad.getMessage(), 0);
      offsets.done(tp, r.offset());
      return;
    }
    hostPartition.put(UrlCanonicalizer.hostKey(url), tp);
    Optional<PageState> known = c.state.get(url.toString());
    boolean due = e.seed() || known.isEmpty() || c.isDue(url, known.get(), Instant.now());
    if (!due || c.limits.refusal(url).isPresent() || !inFlightUrls.add(url.toString())) {
      (due ? c.metrics.skipped : c.metrics.fresh).increment();
      offsets.done(tp, r.offset());
      return;
    }
    Validators v = known.map(PageState::validators).orElse(Validators.NONE);
    c.fetch.submit(url, c.htmlTypes(), v, a -> {
      CompletableFuture<Void> work;
      try {
        work = handle(url, e, known, a);
      } catch (RuntimeException ex) {
        work = CompletableFuture.failedFuture(ex);
      }
      // the frontier offset moves on only once the listing reached the sink: a crash before that refetches the URL
      work.whenComplete((ok, ex) -> {
        if (ex != null) {
          Throwable cause = ex instanceof java.util.concurrent.CompletionException && ex.getCause() != null
              ? ex.getCause() : ex;
          LOG.warn("handling {} failed", url, cause);
          c.metrics.errors.increment();
          c.recordError(url, 0, "internal error: " + cause, a.attempts());
        }
        inFlightUrls.remove(url.toString());
        offsets.done(tp, r.offset());
      });
    });
  }

  private CompletableFuture<Void> handle(URI url, FrontierEntry e, Optional<PageState> known,
      PoliteFetch.Attempted a) {
    FetchResult r = a.result();
    PageState before = known.orElseGet(() -> new PageState(url.toString(), e.depth(), Validators.NONE, null, null));
    if (e.seed() && s.useSitemaps()) {
      URI site = url.resolve("/");
      c.sitemaps.discover(site, c.robots.sitemaps(site), f -> c.recordError(f.requestedUrl(), f, 1))
          .forEach(u -> queue(u, 0));
    }
    switch (r.outcome()) {
      case OK -> {
        c.metrics.pagesFetched.increment();
        c.metrics.bytesFetched.add(r.body().length);
        URI finalUrl = UrlCanonicalizer.canonicalize(r.finalUrl()).orElse(url);
        PageHandler.Result result = c.pageHandler.handle(finalUrl, r, before.contentSha256());
        if (s.followLinks() && e.depth() < s.maxDepth() && !r.noFollow()) {
          Links.followable(result.document()).forEach(l -> UrlCanonicalizer.canonicalize(l)
              .filter(u -> UrlCanonicalizer.hostKey(u).equals(UrlCanonicalizer.hostKey(url)))
              .ifPresent(u -> queue(u, e.depth() + 1)));
        }
        return result.emitted().thenRun(() -> {
          switch (result.outcome()) {
            case EMITTED -> c.metrics.listingsEmitted.increment();
            case UNCHANGED -> c.metrics.unchanged.increment();
            default -> { }
          }
          c.state.put(before.withFetch(r.validators(), result.contentSha256(), Instant.now()));
        });
      }
      case NOT_MODIFIED -> {
        c.metrics.notModified.increment();
        c.state.put(before.withFetch(null, null, Instant.now()));
      }
      case SKIPPED -> c.metrics.skipped.increment();
      default -> {
        c.metrics.errors.increment();
        c.recordError(url, r, a.attempts());
      }
    }
    return CompletableFuture.completedFuture(null);
  }

  /** Back into the frontier unless queued lately or fetched recently enough. */
  private void queue(URI url, int depth) {
    Optional<PageState> known = c.state.get(url.toString());
    if (known.isPresent() && !c.isDue(url, known.get(), Instant.now()) || c.limits.refusal(url).isPresent()) {
      return;
    }
    if (recentlyQueued.asMap().putIfAbsent(url.toString(), Boolean.TRUE) == null) {
      c.metrics.urlsDiscovered.increment();
      frontier.add(url, depth, false);
    }
  }

  private void commit(boolean sync) {
    Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> mine = offsets.committable();
    mine.keySet().retainAll(consumer.assignment());
    if (mine.isEmpty()) {
      return;
    }
    if (sync) {
      consumer.commitSync(mine);
    } else {
      consumer.commitAsync(mine, (o, ex) -> {
        if (ex != null) {
          LOG.warn("frontier offset commit failed (will retry): {}", ex.toString());
        }
      });
    }
    c.state.flush();
  }

  @Override
  public void close() {
    progress.close();
    frontier.close();
  }

  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      commit(true);
      release(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      release(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      Set<TopicPartition> now = new HashSet<>(assigned);
      now.addAll(partitions);
      assigned = Set.copyOf(now);
      LOG.info("crawling frontier partitions {}", assigned);
    }

    private void release(Collection<TopicPartition> partitions) {
      partitions.forEach(offsets::forget);
      hostPartition.entrySet().removeIf(h -> {
        boolean gone = partitions.contains(h.getValue());
        if (gone) {
          c.fetch.politeness().forget(h.getKey());
        }
        return gone;
      });
      Set<TopicPartition> now = new HashSet<>(assigned);
      now.removeAll(partitions);
      assigned = Set.copyOf(now);
    }
  }
}
