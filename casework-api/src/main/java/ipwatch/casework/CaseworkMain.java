package ipwatch.casework;

import ipwatch.model.config.Config;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java ipwatch.casework.CaseworkMain [config.yaml]}: loads config/casework-api.yaml (or the given file) with
 * environment overrides, starts, and stops cleanly on SIGTERM / Ctrl-C.
 */
public final class CaseworkMain {
  private CaseworkMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", "casework-log4j2.xml");
    }
    Path file = Path.of(args.length > 0 ? args[0] : "config/casework-api.yaml");
    CaseworkServer server;
    try {
      server = CaseworkServer.start(Config.load(file, System.getenv()));
    } catch (RuntimeException e) {
      System.err.println("casework-api did not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "casework-shutdown"));
    System.out.println("casework-api listening on port " + server.port());
    stopped.await();
  }
}
