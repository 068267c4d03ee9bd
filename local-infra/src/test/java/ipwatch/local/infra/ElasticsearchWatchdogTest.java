package ipwatch.local.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shell watchdog that ties the Elasticsearch process to this JVM, tried on a plain command. */
class ElasticsearchWatchdogTest {

  @Test
  void closingStandardInputTerminatesTheWatchedCommand() throws Exception {
    Process p = watch("sleep", "600");
    try {
      ProcessHandle sleeper = awaitChild(p, "sleep");
      p.getOutputStream().close(); // what the kernel does when this JVM dies
      assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the watchdog exited");
      sleeper.onExit().get(10, TimeUnit.SECONDS);
      assertFalse(sleeper.isAlive());
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  @Test
  void commandThatDiesOnItsOwnEndsTheWatchdogWithItsExitCode() throws Exception {
    Process p = watch("sh", "-c", "exit 3");
    try {
      assertTrue(p.waitFor(10, TimeUnit.SECONDS), "exit seen while standard input is still open");
      assertEquals(3, p.exitValue());
    } finally {
      p.getOutputStream().close();
      p.descendants().forEach(ProcessHandle::destroyForcibly);
    }
  }

  private static Process watch(String... command) throws Exception {
    List<String> cmd = new ArrayList<>(ElasticsearchNode.WATCHDOG);
    cmd.addAll(List.of(command));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  private static ProcessHandle awaitChild(Process p, String name) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      var found = p.descendants().filter(h -> h.info().command().orElse("").endsWith("/" + name)).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError(name + " did not start under the watchdog");
  }
}
