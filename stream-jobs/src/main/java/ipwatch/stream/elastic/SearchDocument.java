package ipwatch.stream.elastic;

import ipwatch.stream.serde.SerializerTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * One document for Elasticsearch: the index, a deterministic id (listingId for listings, flagId for flags) so a
 * replay after a failure overwrites instead of duplicating, and the JSON source.
 */
public record SearchDocument(String index, String id, String json) {
  public static final TypeInformation<SearchDocument> TYPE =
      SerializerTypeInfo.of(SearchDocument.class, SearchDocumentSerializer.INSTANCE);
}
