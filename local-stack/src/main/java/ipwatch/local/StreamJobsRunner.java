package ipwatch.local;

import ipwatch.model.config.Config;
import ipwatch.stream.StreamJobs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.changelog.fs.FsStateChangelogOptions;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the production streaming jobs (match, seller linking, relisting), unchanged, on a local MiniCluster with
 * checkpoints and RocksDB's working files under the stack directory.
 */
public final class StreamJobsRunner implements AutoCloseable {
  private final JobClient client;

  private StreamJobsRunner(JobClient client) {
    this.client = client;
  }

  public static StreamJobsRunner start(Config streamJobs, int parallelism, Path checkpointDir, String bootstrap)
      throws Exception {
    Config config = streamJobs.with(Map.of("kafka.bootstrapServers", bootstrap));
    Configuration conf = StreamJobs.flinkConfiguration(config);
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir.toUri().toString());
    // RocksDB's working files next to the checkpoints, in the stack directory, rather than in /tmp
    conf.set(RocksDBOptions.LOCAL_DIRECTORIES, checkpointDir.resolveSibling("flink-rocksdb").toString());
    // the state changelog (state.changelog), when on, next to the checkpoints it belongs to
    conf.set(FsStateChangelogOptions.BASE_PATH, checkpointDir.resolveSibling("flink-changelog").toUri().toString());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
    StreamJobs.buildAll(config, env);
    JobClient client = env.executeAsync(StreamJobs.NAME);
    StreamJobsRunner runner = new StreamJobsRunner(client);
    runner.awaitRunning(Duration.ofSeconds(60));
    return runner;
  }

  private void awaitRunning(Duration timeout) throws Exception {
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

  public JobStatus status() throws Exception {
    return client.getJobStatus().get(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    try {
      client.cancel().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      // already finished or the MiniCluster is gone; nothing else to stop
    }
  }
}
