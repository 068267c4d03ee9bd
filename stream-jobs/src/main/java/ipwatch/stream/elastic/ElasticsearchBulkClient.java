package ipwatch.stream.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import ipwatch.model.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * The elasticsearch-java client behind {@link BulkIndexer}: bulk index operations with the document's own id, and
 * the indices created with explicit mappings when missing (only the standard analyzer and keyword fields, which
 * every distribution has).
 */
public final class ElasticsearchBulkClient implements BulkIndexer.Bulk, AutoCloseable {
  private final RestClient rest;
  private final ElasticsearchClient client;

  public ElasticsearchBulkClient(String url) {
    this.rest = RestClient.builder(HttpHost.create(url)).build();
    this.client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(Json.mapper())));
  }

  @Override
  public List<BulkResponseItem> send(List<SearchDocument> documents) throws IOException {
    BulkRequest.Builder b = new BulkRequest.Builder();
    for (SearchDocument d : documents) {
      // the document is JSON already: sent as bytes, not parsed into a tree and written out again
      BinaryData source = BinaryData.of(d.json().getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON);
      b.operations(op -> op.index(i -> i.index(d.index()).id(d.id()).document(source)));
    }
    try {
      return client.bulk(b.build()).items();
    } catch (ElasticsearchException e) {
      // the whole request was refused (e.g. 429 before any item ran): retried like a transport error
      throw new IOException("bulk request refused: " + e.getMessage(), e);
    }
  }

  /** Creates the index with {@code mapping} unless it exists; another subtask creating it first is fine. */
  public void ensureIndex(String index, TypeMapping mapping) throws IOException {
    try {
      if (!client.indices().exists(e -> e.index(index)).value()) {
        client.indices().create(c -> c.index(index).mappings(mapping));
      }
    } catch (ElasticsearchException e) {
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw e;
      }
    }
  }

  @Override
  public void close() throws IOException {
    rest.close();
  }
}
