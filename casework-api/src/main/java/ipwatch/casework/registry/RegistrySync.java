package ipwatch.casework.registry;

import io.vertx.core.Future;
import ipwatch.model.IpAsset;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings {@code ip-registry} in line with the registry table after start-up, on its own thread, retrying with
 * capped backoff until Kafka takes it: the API must not wait for a broker that starts a little later.
 */
public final class RegistrySync implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RegistrySync.class);
  private final Supplier<Future<List<IpAsset>>> assets;
  private final RegistryPublisher publisher;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean done;

  public RegistrySync(Supplier<Future<List<IpAsset>>> assets, RegistryPublisher publisher) {
    this.assets = assets;
    this.publisher = publisher;
    this.thread = new Thread(this::run, "casework-registry-sync");
    this.thread.setDaemon(true);
  }

  public RegistrySync start() {
    thread.start();
    return this;
  }

  /** True once every asset has been acknowledged by Kafka. */
  public boolean done() {
    return done;
  }

  private void run() {
    Duration backoff = Duration.ofMillis(500);
    while (running && !done) {
      try {
        List<IpAsset> all = assets.get().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        publisher.publish(all);
        done = true;
        LOG.info("published {} registry assets", all.size());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        if (!running) {
          return;
        }
        LOG.warn("registry publish failed, retrying in {} ms: {}", backoff.toMillis(), e.getMessage());
        sleep(backoff);
        backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
            ? Duration.ofSeconds(30) : backoff.multipliedBy(2);
      }
    }
  }

  private void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    publisher.close();
  }
}
