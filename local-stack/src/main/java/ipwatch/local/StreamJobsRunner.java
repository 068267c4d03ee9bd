package ipwatch.local;

import ipwatch.model.config.Config;
import ipwatch.stream.StreamJobs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.changelog.fs.FsStateChangelogOptions;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the production streaming jobs (match, seller linking, relisting), unchanged, on a local MiniCluster (two when
 * matching runs apart, {@code local.flink.separateJobs}) with checkpoints and RocksDB's working files under the stack
 * directory.
 */
public final class StreamJobsRunner implements AutoCloseable {
  private final List<JobClient> clients;

  private StreamJobsRunner(List<JobClient> clients) {
    this.clients = clients;
  }

  /**
   * @param separate matching as one Flink job and seller linking with relisting as another (each on its own
   *     MiniCluster), so that the background pipelines' checkpoints never delay the flags; else all three as one job,
   *     as {@code StreamJobsMain} runs them in production
   * @param matchingCheckpointInterval the matching job's {@code checkpoint.interval} when it runs apart (its flags are
   *     committed with each checkpoint); null keeps the one of {@code streamJobs}
   */
  public static StreamJobsRunner start(Config streamJobs, int parallelism, Path checkpointDir, String bootstrap,
      boolean separate, Duration matchingCheckpointInterval) throws Exception {
    Config config = streamJobs.with(Map.of("kafka.bootstrapServers", bootstrap));
    Config matching = matchingCheckpointInterval == null ? config
        : config.with(Map.of("checkpoint.interval", matchingCheckpointInterval.toMillis() + "ms"));
    Configuration conf = StreamJobs.flinkConfiguration(config);
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir.toUri().toString());
    // RocksDB's working files next to the checkpoints, in the stack directory, rather than in /tmp
    conf.set(RocksDBOptions.LOCAL_DIRECTORIES, checkpointDir.resolveSibling("flink-rocksdb").toString());
    // the state changelog (state.changelog), when on, next to the checkpoints it belongs to
    conf.set(FsStateChangelogOptions.BASE_PATH, checkpointDir.resolveSibling("flink-changelog").toUri().toString());
    List<JobClient> clients = new ArrayList<>();
    StreamJobsRunner runner = new StreamJobsRunner(clients);
    try {
      if (separate) {
        clients.add(submit(conf, parallelism, env -> StreamJobs.buildMatching(matching, env),
            StreamJobs.MATCHING_NAME));
        clients.add(submit(conf, parallelism, env -> StreamJobs.buildBackground(config, env),
            StreamJobs.BACKGROUND_NAME));
      } else {
        clients.add(submit(conf, parallelism, env -> StreamJobs.buildAll(config, env), StreamJobs.NAME));
      }
      for (JobClient client : clients) {
        awaitRunning(client, Duration.ofSeconds(60));
      }
    } catch (Exception e) {
      runner.close();
      throw e;
    }
    return runner;
  }

  private static JobClient submit(Configuration conf, int parallelism,
      Consumer<StreamExecutionEnvironment> build, String name) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
    build.accept(env);
    return env.executeAsync(name);
  }

  private static void awaitRunning(JobClient client, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      JobStatus status = client.getJobStatus().get(10, TimeUnit.SECONDS);
      if (status == JobStatus.RUNNING) {
        return;
      }
      if (status.isGloballyTerminalState()) {
        throw new IllegalStateException("the streaming jobs ended at start-up with status " + status);
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the streaming jobs did not reach RUNNING within " + timeout.toSeconds() + " s");
  }

  /** RUNNING when every job runs, else the status of the first one that does not. */
  public JobStatus status() throws Exception {
    for (JobClient client : clients) {
      JobStatus status = client.getJobStatus().get(10, TimeUnit.SECONDS);
      if (status != JobStatus.RUNNING) {
        return status;
      }
    }
    return JobStatus.RUNNING;
  }

  @Override
  public void close() {
    for (JobClient client : clients) {
      try {
        client.cancel().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        // already finished or the MiniCluster is gone; nothing else to stop
      }
    }
  }
}
