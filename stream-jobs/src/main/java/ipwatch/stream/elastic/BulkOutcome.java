package ipwatch.stream.elastic;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.util.ArrayList;
import java.util.List;

/**
 * What to do with each item of a bulk response (a 200 response can still fail item by item). Only 429 (write queue
 * full, {@code es_rejected_execution_exception}) and 503 (shard not available yet) are worth retrying; any other 4xx
 * (400 mapping or parse error, 404, 409) will fail again the same way, so the document is dead-lettered with the cause
 * and the job goes on; any other status (5xx) fails the bulk, so the job restarts from its last checkpoint and
 * replays — safe, because every id is deterministic.
 */
public record BulkOutcome(List<SearchDocument> retry, List<DeadLetter> deadLetters, List<String> failures) {

  /** A document Elasticsearch refused for good, with the status and reason it gave. */
  public record DeadLetter(SearchDocument document, int status, String cause) {}

  /** {@code items} answers {@code sent} in order, as the bulk API guarantees. */
  public static BulkOutcome classify(List<SearchDocument> sent, List<BulkResponseItem> items) {
    List<SearchDocument> retry = new ArrayList<>();
    List<DeadLetter> dead = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      BulkResponseItem item = items.get(i);
      int status = item.status();
      if (status >= 200 && status < 300) {
        continue;
      }
      String cause = status + " " + (item.error() == null ? "" : item.error().type() + ": " + item.error().reason());
      if (status == 429 || status == 503) {
        retry.add(sent.get(i));
      } else if (status >= 400 && status < 500) {
        dead.add(new DeadLetter(sent.get(i), status, cause));
      } else {
        failures.add(sent.get(i).index() + "/" + sent.get(i).id() + ": " + cause);
      }
    }
    return new BulkOutcome(retry, dead, failures);
  }
}
