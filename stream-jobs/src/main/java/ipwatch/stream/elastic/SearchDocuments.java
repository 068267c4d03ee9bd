package ipwatch.stream.elastic;

import ipwatch.match.Records;
import ipwatch.model.BadRecordException;
import ipwatch.model.Flag;
import ipwatch.model.Json;
import ipwatch.model.Listing;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Listings and flags as Elasticsearch documents, with their natural ids as document ids. */
public final class SearchDocuments {
  private SearchDocuments() {}

  /**
   * Raw listing JSON → a document in the listings index, id = listingId. Unreadable listings are skipped here: the
   * match function already dead-letters them with the cause.
   */
  public static FlatMapFunction<String, SearchDocument> listings(String index) {
    return (String raw, Collector<SearchDocument> out) -> {
      Listing listing;
      try {
        listing = Records.listing(raw);
      } catch (BadRecordException e) {
        return;
      }
      out.collect(new SearchDocument(index, listing.listingId(), Json.write(listing)));
    };
  }

  /**
   * Raw flag JSON (a record of {@code infringements}) → a document in the flags index, id = flagId. Unreadable records
   * are skipped here: casework dead-letters them with the cause.
   */
  public static FlatMapFunction<String, SearchDocument> flags(String index) {
    return (String raw, Collector<SearchDocument> out) -> {
      Flag flag;
      try {
        flag = Json.read(raw, Flag.class);
      } catch (RuntimeException e) {
        return;
      }
      if (flag != null && flag.flagId() != null) {
        out.collect(new SearchDocument(index, flag.flagId(), Json.write(flag)));
      }
    };
  }
}
