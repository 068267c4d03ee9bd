package ipwatch.casework.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import ipwatch.casework.cases.CaseFilter;
import ipwatch.casework.cases.CaseSummary;
import ipwatch.casework.cases.Page;
import ipwatch.casework.cases.PageRequest;
import ipwatch.casework.cases.PartyScope;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.http.HttpHost;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/** {@link CaseIndex} on Elasticsearch 8 through the official Java client. */
public final class ElasticsearchCaseIndex implements CaseIndex {
  private final RestClient rest;
  private final ElasticsearchClient client;
  private final String index;

  public ElasticsearchCaseIndex(String url, String index) {
    this.index = index;
    this.rest = RestClient.builder(HttpHost.create(url))
        .setRequestConfigCallback(rc -> rc.setConnectTimeout(2_000).setSocketTimeout(10_000))
        .build();
    this.client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
  }

  @Override
  public void ensureIndex() {
    try {
      if (client.indices().exists(e -> e.index(index)).value()) {
        client.indices().putMapping(m -> m.index(index).properties(CaseDocument.ADDED_IN_V4));
        return;
      }
      client.indices().create(c -> c.index(index).mappings(CaseDocument.mapping()));
    } catch (IOException | RuntimeException e) {
      // 400 resource_already_exists_exception: another instance created it between our check and our create
      if (!(e instanceof ElasticsearchException ee && "resource_already_exists_exception".equals(ee.error().type()))) {
        throw unavailable("creating index " + index, e);
      }
    }
  }

  @Override
  public void index(CaseSummary kase) {
    try {
      client.index(i -> i
          .index(index)
          .id(kase.id().toString())
          .version(kase.version())
          .versionType(VersionType.External)
          .document(CaseDocument.source(kase)));
    } catch (IOException | RuntimeException e) {
      if (status(e) != 409) { // 409: this version or a newer one is already indexed
        throw unavailable("indexing case " + kase.id(), e);
      }
    }
  }

  /**
   * One {@code _bulk} request for all cases, with the same external versions as {@link #index}. Elasticsearch answers
   * per item: a 409 means this version or a newer one is already indexed (fine); any other item failure, or the
   * request failing as a whole, throws, so the caller retries (re-sending the items that did succeed is a no-op).
   */
  @Override
  public void indexAll(List<CaseSummary> cases) {
    if (cases.isEmpty()) {
      return;
    }
    List<BulkOperation> ops = new ArrayList<>(cases.size());
    for (CaseSummary k : cases) {
      ops.add(BulkOperation.of(o -> o.index(i -> i
          .index(index)
          .id(k.id().toString())
          .version(k.version())
          .versionType(VersionType.External)
          .document(CaseDocument.source(k)))));
    }
    BulkResponse response;
    try {
      response = client.bulk(b -> b.operations(ops));
    } catch (IOException | RuntimeException e) {
      throw unavailable("indexing " + cases.size() + " cases", e);
    }
    if (!response.errors()) {
      return;
    }
    for (BulkResponseItem item : response.items()) {
      if (item.error() != null && item.status() != 409) {
        throw new CaseIndexUnavailableException("indexing case " + item.id() + " failed: " + item.status() + " "
            + item.error().type() + ": " + item.error().reason(), null);
      }
    }
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Page<CaseSummary> search(PartyScope scope, CaseFilter filter, PageRequest page) {
    try {
      SearchResponse<Map> r = client.search(s -> s
          .index(index)
          .query(CaseQueries.forParty(scope, filter))
          .from(Math.toIntExact(page.offset()))
          .size(page.size())
          .trackTotalHits(t -> t.enabled(true))
          .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
          .sort(o -> o.field(f -> f.field("created_at").order(SortOrder.Desc))), Map.class);
      List<CaseSummary> items = new ArrayList<>();
      for (Hit<Map> hit : r.hits().hits()) {
        items.add(CaseDocument.fromSource((Map<String, Object>) hit.source()));
      }
      long total = r.hits().total() == null ? items.size() : r.hits().total().value();
      return new Page<>(items, total, page.page(), page.size());
    } catch (IOException | RuntimeException e) {
      throw unavailable("searching " + index, e);
    }
  }

  @Override
  public boolean healthy() {
    try {
      return client.cluster().health(h -> h.timeout(t -> t.time("2s"))).status() != HealthStatus.Red;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    try {
      rest.close();
    } catch (IOException e) {
      // closing sockets; nothing to recover
    }
  }

  /**
   * The HTTP status behind a client exception: the typed client reports some refusals as ElasticsearchException and
   * others (a 409 on a versioned write, for one) as a TransportException wrapping the REST client's exception.
   */
  static int status(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ElasticsearchException ee) {
        return ee.status();
      }
      if (t instanceof TransportException te && te.statusCode() > 0) {
        return te.statusCode();
      }
      if (t instanceof ResponseException re) {
        return re.getResponse().getStatusLine().getStatusCode();
      }
    }
    return -1;
  }

  private static CaseIndexUnavailableException unavailable(String what, Exception e) {
    return new CaseIndexUnavailableException(what + " failed: " + e.getMessage(), e);
  }
}
