package ipwatch.stream.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import com.fasterxml.jackson.databind.JsonNode;
import ipwatch.model.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkIndexerTest {
  private static final ElasticsearchSettings SETTINGS =
      new ElasticsearchSettings("http://es.invalid:9200", "listings", "flags", "dead", 100, 3, Duration.ofMillis(100));

  private static SearchDocument doc(String id) {
    return new SearchDocument("flags", id, "{\"flagId\":\"" + id + "\"}");
  }

  private static BulkResponseItem item(SearchDocument d, int status) {
    return BulkResponseItem.of(b -> {
      b.operationType(OperationType.Index).index(d.index()).id(d.id()).status(status);
      if (status >= 300) {
        b.error(e -> e.type(status == 429 ? "es_rejected_execution_exception" : "mapper_parsing_exception")
            .reason("status " + status));
      }
      return b;
    });
  }

  /** Answers each bulk with the next list of statuses, one per document, and records what it was sent. */
  private static final class FakeBulk implements BulkIndexer.Bulk {
    final Deque<int[]> answers = new ArrayDeque<>();
    final List<List<SearchDocument>> sent = new ArrayList<>();

    @Override
    public List<BulkResponseItem> send(List<SearchDocument> documents) throws IOException {
      sent.add(documents);
      int[] statuses = answers.isEmpty() ? null : answers.poll();
      if (statuses != null && statuses.length == 0) {
        throw new IOException("connection refused");
      }
      List<BulkResponseItem> items = new ArrayList<>();
      for (int i = 0; i < documents.size(); i++) {
        items.add(item(documents.get(i), statuses == null ? 201 : statuses[i]));
      }
      return items;
    }
  }

  @Test
  void only429And503AreRetriedAndOther4xxAreDeadLettered() {
    List<SearchDocument> docs = List.of(doc("a"), doc("b"), doc("c"), doc("d"), doc("e"), doc("f"));
    List<BulkResponseItem> items = List.of(
        item(docs.get(0), 200), item(docs.get(1), 429), item(docs.get(2), 400), item(docs.get(3), 409),
        item(docs.get(4), 503), item(docs.get(5), 500));
    BulkOutcome o = BulkOutcome.classify(docs, items);
    assertEquals(List.of(docs.get(1), docs.get(4)), o.retry());
    assertEquals(List.of("c", "d"), o.deadLetters().stream().map(d -> d.document().id()).toList());
    assertTrue(o.deadLetters().get(0).cause().startsWith("400 mapper_parsing_exception"), o.deadLetters().toString());
    assertEquals(1, o.failures().size());
  }

  @Test
  void rejectedItemsAreResentAloneAfterABackOffUntilIndexed() throws Exception {
    FakeBulk bulk = new FakeBulk();
    bulk.answers.add(new int[] {201, 429, 201});
    bulk.answers.add(new int[] {503});
    List<Duration> sleeps = new ArrayList<>();
    new BulkIndexer(bulk, SETTINGS, sleeps::add).index(List.of(doc("a"), doc("b"), doc("c")));
    assertEquals(List.of(List.of(doc("a"), doc("b"), doc("c")), List.of(doc("b")), List.of(doc("b"))), bulk.sent);
    assertEquals(2, sleeps.size());
    // exponential with full jitter in the upper half: [50, 100] ms, then [100, 200] ms
    assertTrue(sleeps.get(0).toMillis() >= 50 && sleeps.get(0).toMillis() <= 100, sleeps.toString());
    assertTrue(sleeps.get(1).toMillis() >= 100 && sleeps.get(1).toMillis() <= 200, sleeps.toString());
  }

  @Test
  void aRefusedDocumentGoesToTheDeadLetterIndexWithItsCauseAndTheRestIsIndexed() throws Exception {
    FakeBulk bulk = new FakeBulk();
    bulk.answers.add(new int[] {201, 400});
    BulkIndexer indexer = new BulkIndexer(bulk, SETTINGS, d -> {});
    indexer.index(List.of(doc("a"), doc("b")));
    assertEquals(2, bulk.sent.size());
    SearchDocument letter = bulk.sent.get(1).get(0);
    assertEquals("dead", letter.index());
    assertEquals("flags:b", letter.id());
    JsonNode json = Json.mapper().readTree(letter.json());
    assertEquals(400, json.get("status").asInt());
    assertEquals(doc("b").json(), json.get("source").asText());
    assertEquals(1, indexer.deadLettered());
  }

  @Test
  void transportErrorsAreRetriedAndPersistentRejectionFailsTheBatch() throws Exception {
    FakeBulk bulk = new FakeBulk();
    bulk.answers.add(new int[0]);
    new BulkIndexer(bulk, SETTINGS, d -> {}).index(List.of(doc("a")));
    assertEquals(2, bulk.sent.size());

    FakeBulk full = new FakeBulk();
    for (int i = 0; i < 10; i++) {
      full.answers.add(new int[] {429});
    }
    IOException e = assertThrows(IOException.class,
        () -> new BulkIndexer(full, SETTINGS, d -> {}).index(List.of(doc("a"))));
    assertEquals(1 + SETTINGS.maxRetries(), full.sent.size());
    assertTrue(e.getMessage().contains("429/503"), e.getMessage());
  }

  @Test
  void anyOther5xxFailsTheBatchSoTheJobReplaysFromItsCheckpoint() {
    FakeBulk bulk = new FakeBulk();
    bulk.answers.add(new int[] {500});
    assertThrows(IOException.class, () -> new BulkIndexer(bulk, SETTINGS, d -> {}).index(List.of(doc("a"))));
  }
}
