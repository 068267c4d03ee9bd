package ipwatch.stream.elastic;

import java.io.IOException;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Indexes {@link SearchDocument}s into Elasticsearch (Sink V2). At-least-once: the writer flushes its buffer before
 * every checkpoint barrier, so a completed checkpoint means every document before it is indexed; after a failure the
 * job replays from that checkpoint and the replayed documents overwrite themselves, since ids are deterministic —
 * effectively once.
 */
public final class ElasticsearchSink implements Sink<SearchDocument> {
  private static final long serialVersionUID = 1L;
  private final ElasticsearchSettings settings;

  public ElasticsearchSink(ElasticsearchSettings settings) {
    this.settings = settings;
  }

  @Override
  public SinkWriter<SearchDocument> createWriter(WriterInitContext context) throws IOException {
    ElasticsearchBulkClient client = new ElasticsearchBulkClient(settings.url());
    try {
      client.ensureIndex(settings.listingsIndex(), IndexMappings.listings());
      client.ensureIndex(settings.flagsIndex(), IndexMappings.flags());
      client.ensureIndex(settings.deadLetterIndex(), IndexMappings.deadLetters());
    } catch (IOException | RuntimeException e) {
      client.close();
      throw new IOException("cannot prepare the Elasticsearch indices at " + settings.url() + ": " + e.getMessage(), e);
    }
    BulkIndexer indexer = new BulkIndexer(client, settings, d -> Thread.sleep(d.toMillis()));
    return new Writer(indexer, client, settings.bulkActions());
  }

  /** Buffers documents and sends them as one bulk request when the buffer is full, before a checkpoint, and at the end. */
  static final class Writer implements SinkWriter<SearchDocument> {
    private final BulkIndexer indexer;
    private final AutoCloseable client;
    private final int bulkActions;
    private java.util.List<SearchDocument> buffer = new java.util.ArrayList<>();

    Writer(BulkIndexer indexer, AutoCloseable client, int bulkActions) {
      this.indexer = indexer;
      this.client = client;
      this.bulkActions = bulkActions;
    }

    @Override
    public void write(SearchDocument document, Context context) throws IOException {
      buffer.add(document);
      if (buffer.size() >= bulkActions) {
        send();
      }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      send();
    }

    private void send() throws IOException {
      if (buffer.isEmpty()) {
        return;
      }
      java.util.List<SearchDocument> batch = buffer;
      buffer = new java.util.ArrayList<>();
      indexer.index(batch);
    }

    @Override
    public void close() throws Exception {
      client.close();
    }
  }
}
