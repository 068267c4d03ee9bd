package ipwatch.stream.elastic;

import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;

/**
 * Explicit mappings of the {@code listings} and {@code flags} indices, so a first odd document cannot fix a field's
 * type for good (dynamic mapping would). Free text is {@code text} with the standard analyzer plus a keyword copy
 * where it is filtered or sorted on; ids, codes and enums are {@code keyword}. Evidence and signals are kept in the
 * source but not indexed (a claim chart's shape varies). Unknown fields are kept in the source, not mapped.
 */
public final class IndexMappings {
  private IndexMappings() {}

  public static TypeMapping listings() {
    return TypeMapping.of(m -> m
        .dynamic(co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.False)
        .properties("listingId", p -> p.keyword(k -> k))
        .properties("marketplace", p -> p.keyword(k -> k))
        .properties("url", p -> p.keyword(k -> k.index(false)))
        .properties("title", p -> p.text(t -> t))
        .properties("description", p -> p.text(t -> t))
        .properties("brand", p -> p.text(t -> t.fields("raw", f -> f.keyword(k -> k.ignoreAbove(256)))))
        .properties("category", p -> p.keyword(k -> k.ignoreAbove(512)))
        .properties("gtin", p -> p.keyword(k -> k))
        .properties("sku", p -> p.keyword(k -> k))
        .properties("mpn", p -> p.keyword(k -> k))
        .properties("fetchedAt", p -> p.date(d -> d))
        .properties("price", p -> p.object(o -> o
            .properties("amount", a -> a.keyword(k -> k)) // the decimal string of the contract; scaled_float is a plugin
            .properties("currency", a -> a.keyword(k -> k))))
        .properties("seller", p -> p.object(o -> o
            .properties("id", a -> a.keyword(k -> k))
            .properties("name", a -> a.text(t -> t.fields("raw", f -> f.keyword(k -> k.ignoreAbove(256))))))));
  }

  public static TypeMapping flags() {
    return TypeMapping.of(m -> m
        .dynamic(co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.False)
        .properties("flagId", p -> p.keyword(k -> k))
        .properties("listingId", p -> p.keyword(k -> k))
        .properties("assetId", p -> p.keyword(k -> k))
        .properties("assetType", p -> p.keyword(k -> k))
        .properties("owner", p -> p.keyword(k -> k))
        .properties("kind", p -> p.keyword(k -> k))
        .properties("score", p -> p.float_(f -> f))
        .properties("detectedAt", p -> p.date(d -> d))
        .properties("matcherVersion", p -> p.keyword(k -> k))
        .properties("listing", p -> p.object(o -> o
            .properties("marketplace", a -> a.keyword(k -> k))
            .properties("url", a -> a.keyword(k -> k.index(false)))
            .properties("title", a -> a.text(t -> t))
            .properties("sellerId", a -> a.keyword(k -> k)))));
  }

  public static TypeMapping deadLetters() {
    return TypeMapping.of(m -> m
        .dynamic(co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.False)
        .properties("index", p -> p.keyword(k -> k))
        .properties("documentId", p -> p.keyword(k -> k))
        .properties("status", p -> p.integer(i -> i))
        .properties("cause", p -> p.text(t -> t))
        .properties("at", p -> p.date(d -> d)));
  }
}
