package ipwatch.stream.common;

import ipwatch.model.config.Config;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The parallelism of one of the pipelines in the shared Flink job ({@code <section>.parallelism}); 0 keeps the
 * environment's. The three pipelines share the job's slots and, on one machine, its cores: the operating system
 * shares CPU between busy threads, so a background pipeline (seller linking, relisting) with fewer subtasks leaves
 * more of it to the match pipeline, whose latency users see.
 */
public record PipelineParallelism(int value) implements java.io.Serializable {
  public PipelineParallelism {
    if (value < 0) {
      throw new IllegalArgumentException("parallelism must not be negative: " + value);
    }
  }

  public static PipelineParallelism from(Config c, String section) {
    String key = section + ".parallelism";
    int value = c.integer(key);
    if (value < 0) {
      throw JobRuntime.invalid(key, "must be 0 (the environment's parallelism) or more, not " + value);
    }
    return new PipelineParallelism(value);
  }

  public <T> SingleOutputStreamOperator<T> on(SingleOutputStreamOperator<T> operator) {
    return value > 0 ? operator.setParallelism(value) : operator;
  }

  public <T> DataStreamSink<T> on(DataStreamSink<T> sink) {
    return value > 0 ? sink.setParallelism(value) : sink;
  }
}
