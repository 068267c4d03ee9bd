package ipwatch.local.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A Flink standalone session cluster as separate JVM processes on loopback, started from the Flink jars of the Maven
 * build (flink-runtime, flink-runtime-web, flink-clients, flink-streaming-java and their dependencies): one JobManager
 * ({@code StandaloneSessionClusterEntrypoint}) and any number of TaskManagers ({@code TaskManagerRunner}), the
 * processes the Flink distribution's start scripts run. The configuration directory (config.yaml, log4j) and each
 * process's log live under the work directory.
 *
 * <p>A TaskManager can be killed with SIGKILL ({@link #killTaskManager}) and another one started
 * ({@link #startTaskManager}), as an operator replaces a lost host.
 */
public final class FlinkStandaloneCluster implements AutoCloseable {
  private static final String JOB_MANAGER = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
  private static final String TASK_MANAGER = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  /**
   * A TaskManager started without Flink's scripts must be given every memory component and its CPU cores, which
   * the scripts compute from taskmanager.memory.process.size (BashJavaUtils) and pass as dynamic properties. These
   * add up to a 1088 MB process: heap = framework + task heap, direct = framework off-heap + network.
   */
  private static final Map<String, String> TASK_MANAGER_RESOURCES = Map.ofEntries(
      Map.entry("taskmanager.memory.framework.heap.size", "128m"),
      Map.entry("taskmanager.memory.task.heap.size", "256m"),
      Map.entry("taskmanager.memory.framework.off-heap.size", "128m"),
      Map.entry("taskmanager.memory.task.off-heap.size", "0m"),
      Map.entry("taskmanager.memory.network.min", "64m"),
      Map.entry("taskmanager.memory.network.max", "64m"),
      Map.entry("taskmanager.memory.managed.size", "64m"),
      Map.entry("taskmanager.memory.jvm-metaspace.size", "256m"),
      Map.entry("taskmanager.memory.jvm-overhead.min", "192m"),
      Map.entry("taskmanager.memory.jvm-overhead.max", "192m"));
  private static final String TASK_MANAGER_HEAP = "384m";

  private final Path workDir;
  private final Path confDir;
  private final String classpath;
  private final Map<String, String> environment;
  private final FlinkRestClient rest;
  private final Process jobManager;
  private final int slots;
  private final Map<String, Process> taskManagers = new LinkedHashMap<>();
  private int taskManagersStarted;

  private FlinkStandaloneCluster(Path workDir, Path confDir, String classpath, Map<String, String> environment,
      FlinkRestClient rest, Process jobManager, int slots) {
    this.workDir = workDir;
    this.confDir = confDir;
    this.classpath = classpath;
    this.environment = environment;
    this.rest = rest;
    this.jobManager = jobManager;
    this.slots = slots;
  }

  /**
   * Writes the configuration to {@code workDir/conf}, starts the JobManager and {@code taskManagers} TaskManagers
   * with {@code slots} slots each, and returns once the REST API lists them all.
   *
   * @param classpath the Flink framework jars (never the job's own classes: those come in the submitted jar)
   * @param settings extra config.yaml entries (checkpoint directory, heartbeats...), over the defaults written here
   * @param environment variables every process gets (the job's {@code IPWATCH_*} overrides: its main runs in the
   *     JobManager, its operators in the TaskManagers)
   */
  public static FlinkStandaloneCluster start(Path workDir, List<Path> classpath, int taskManagers, int slots,
      Map<String, String> settings, Map<String, String> environment) {
    Path dir = workDir.toAbsolutePath().normalize();
    Path conf = dir.resolve("conf");
    int restPort = Ports.free();
    Map<String, String> config = new TreeMap<>();
    config.put("jobmanager.rpc.address", "127.0.0.1");
    config.put("jobmanager.rpc.port", String.valueOf(Ports.free()));
    config.put("jobmanager.bind-host", "127.0.0.1");
    config.put("rest.address", "127.0.0.1");
    config.put("rest.bind-address", "127.0.0.1");
    config.put("rest.port", String.valueOf(restPort));
    config.put("taskmanager.host", "127.0.0.1");
    config.put("taskmanager.bind-host", "127.0.0.1");
    config.put("taskmanager.numberOfTaskSlots", String.valueOf(slots));
    // small processes: three JVMs share a laptop with the brokers
    config.put("jobmanager.memory.process.size", "768m");
    // The RPC system's 10 s defaults fail the start-up of a JVM on a busy two-core machine (the actor system is not
    // up in time); a real host is rarely that slow, a CI runner often is.
    config.put("pekko.startup-timeout", "60s");
    config.put("pekko.ask.timeout", "60s");
    config.put("io.tmp.dirs", dir.resolve("tmp").toString());
    config.put("web.upload.dir", dir.resolve("uploads").toString());
    config.put("blob.storage.directory", dir.resolve("blobs").toString());
    config.putAll(settings);
    String cp = String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList());
    try {
      Files.createDirectories(dir.resolve("log"));
      Files.createDirectories(dir.resolve("tmp"));
      Files.createDirectories(dir.resolve("uploads"));
      Files.createDirectories(conf);
      Files.write(conf.resolve("config.yaml"),
          config.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
      Files.write(conf.resolve("log4j.properties"), List.of(
          "rootLogger.level = INFO",
          "rootLogger.appenderRef.file.ref = file",
          "appender.file.type = File",
          "appender.file.name = file",
          "appender.file.fileName = ${sys:log.file}",
          "appender.file.layout.type = PatternLayout",
          "appender.file.layout.pattern = %d{HH:mm:ss,SSS} %-5p %c{1} [%t] - %m%n"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Flink configuration to " + conf, e);
    }
    FlinkRestClient rest = new FlinkRestClient("http://127.0.0.1:" + restPort);
    Process jm = launch(dir, conf, cp, environment, "jobmanager", "512m", JOB_MANAGER, List.of());
    FlinkStandaloneCluster cluster = new FlinkStandaloneCluster(dir, conf, cp, Map.copyOf(environment), rest, jm,
        slots);
    try {
      for (int i = 0; i < taskManagers; i++) {
        cluster.startTaskManager();
      }
      cluster.awaitTaskManagers(taskManagers);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  private static Process launch(Path dir, Path conf, String cp, Map<String, String> environment, String name,
      String heap, String mainClass, List<String> args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xms" + heap, "-Xmx" + heap, "-XX:MaxDirectMemorySize=256m", "-XX:MaxMetaspaceSize=256m",
        "-XX:+UseSerialGC",
        "-Dlog.file=" + dir.resolve("log").resolve(name + ".log"),
        "-Dlog4j.configurationFile=" + conf.resolve("log4j.properties"),
        // Flink's start scripts open these for Kryo and the serializers on Java 17
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.time=ALL-UNNAMED",
        "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
        "--add-opens=java.base/java.text=ALL-UNNAMED", "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
        "-cp", cp, mainClass, "--configDir", conf.toString()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().putAll(environment);
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("log").resolve(name + ".out").toFile());
    try {
      return pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Flink " + name, e);
    }
  }

  /** Starts one more TaskManager; returns its resource id (tm-1, tm-2...), which the REST API reports as its id. */
  public synchronized String startTaskManager() {
    String id = "tm-" + (++taskManagersStarted);
    List<String> args =
        new ArrayList<>(List.of("-Dtaskmanager.resource-id=" + id, "-Dtaskmanager.cpu.cores=" + slots));
    TASK_MANAGER_RESOURCES.forEach((key, value) -> args.add("-D" + key + "=" + value));
    Process p = launch(workDir, confDir, classpath, environment, id, TASK_MANAGER_HEAP, TASK_MANAGER, args);
    taskManagers.put(id, p);
    return id;
  }

  /** SIGKILL, as when the host dies: no deregistration, the JobManager finds out by itself. */
  public synchronized void killTaskManager(String id) {
    Process p = taskManagers.remove(id);
    if (p == null) {
      throw new IllegalArgumentException("no running TaskManager " + id + "; running: " + taskManagers.keySet());
    }
    p.destroyForcibly();
    waitFor(p);
  }

  /** The ids of the TaskManagers this launcher started and has not killed. */
  public synchronized List<String> taskManagerIds() {
    return List.copyOf(taskManagers.keySet());
  }

  /** Waits until the JobManager's REST API lists {@code count} registered TaskManagers. */
  public void awaitTaskManagers(int count) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (true) {
      if (!jobManager.isAlive()) {
        throw new IllegalStateException("the Flink JobManager exited; see " + workDir.resolve("log"));
      }
      if (rest.taskManagerCount().orElse(-1) >= count) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(count + " TaskManagers did not register within " + START_TIMEOUT + "; see "
            + workDir.resolve("log"));
      }
      sleep(250);
    }
  }

  public FlinkRestClient rest() {
    return rest;
  }

  /** Where each process writes its log ({@code <name>.log}) and its standard output ({@code <name>.out}). */
  public Path logDirectory() {
    return workDir.resolve("log");
  }

  /** Stops every process: TaskManagers first, then the JobManager (SIGTERM, SIGKILL after 10 s). */
  @Override
  public synchronized void close() {
    for (Process p : taskManagers.values()) {
      p.destroy();
    }
    for (Process p : taskManagers.values()) {
      stop(p);
    }
    taskManagers.clear();
    jobManager.destroy();
    stop(jobManager);
  }

  private static void stop(Process p) {
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        waitFor(p);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void waitFor(Process p) {
    try {
      p.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Flink cluster", e);
    }
  }
}
