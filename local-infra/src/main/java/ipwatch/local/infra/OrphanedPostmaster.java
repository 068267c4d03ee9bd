package ipwatch.local.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pg_ctl runs PostgreSQL as a daemon, so a JVM that is killed (SIGKILL, OOM) leaves it running on the data directory,
 * and the next start fails on its lock file. That server has no clients left, so it is stopped here with a fast
 * shutdown (SIGINT), which is safe: PostgreSQL checkpoints and removes postmaster.pid on the way out.
 */
final class OrphanedPostmaster {
  private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostmaster.class);
  private static final long STOP_TIMEOUT_MILLIS = 30_000;

  private OrphanedPostmaster() {}

  /** Stops a PostgreSQL server still running on {@code dataDir}; does nothing if there is none. */
  static void stopIfRunning(Path dataDir) {
    Path pidFile = dataDir.resolve("postmaster.pid");
    Optional<ProcessHandle> postmaster = readPid(pidFile).flatMap(ProcessHandle::of)
        .filter(h -> h.info().command().orElse("").endsWith("/postgres"));
    if (postmaster.isEmpty()) {
      return; // no server, or a stale pid file that PostgreSQL itself will replace
    }
    long pid = postmaster.get().pid();
    LOG.warn("PostgreSQL (pid {}) from an earlier run still uses {}; stopping it", pid, dataDir);
    UnprivilegedUser.run(List.of("kill", "-INT", Long.toString(pid)));
    // The pid file is the signal, not the process: an orphan reparented to an init that does not reap stays a zombie.
    long deadline = System.currentTimeMillis() + STOP_TIMEOUT_MILLIS;
    while (Files.exists(pidFile)) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("PostgreSQL (pid " + pid + ") left over from an earlier run on " + dataDir
            + " did not stop within 30 s; stop it and start again");
      }
      sleep();
    }
  }

  private static Optional<Long> readPid(Path pidFile) {
    try {
      List<String> lines = Files.readAllLines(pidFile);
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping an earlier PostgreSQL", e);
    }
  }
}
