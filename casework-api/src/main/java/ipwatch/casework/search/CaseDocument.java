package ipwatch.casework.search;

import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import ipwatch.casework.cases.CaseStatus;
import ipwatch.casework.cases.CaseSummary;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The search document of a case and its mapping. Field names are the PostgreSQL column names. Filter fields are
 * keywords; the two free-text fields use the standard analyzer (the bundled Elasticsearch has no analysis-common).
 * The mapping is strict, so a field added here without a mapping fails loudly instead of being guessed.
 */
final class CaseDocument {
  private CaseDocument() {}

  static TypeMapping mapping() {
    return TypeMapping.of(m -> m
        .dynamic(DynamicMapping.Strict)
        .properties("id", p -> p.keyword(k -> k))
        .properties("listing_id", p -> p.keyword(k -> k))
        .properties("asset_id", p -> p.keyword(k -> k))
        .properties("owner_org", p -> p.keyword(k -> k))
        .properties("marketplace", p -> p.keyword(k -> k))
        .properties("jurisdiction", p -> p.keyword(k -> k))
        .properties("status", p -> p.keyword(k -> k))
        .properties("kind", p -> p.keyword(k -> k))
        .properties("score", p -> p.double_(d -> d))
        .properties("title", p -> p.text(t -> t.analyzer("standard")))
        .properties("url", p -> p.keyword(k -> k.index(false)))
        .properties("seller_id", p -> p.keyword(k -> k))
        .properties("seller_name", p -> p.text(t -> t.analyzer("standard")))
        .properties("notice_sent", p -> p.boolean_(b -> b))
        .properties("referred_to_org", p -> p.keyword(k -> k))
        .properties("detected_at", p -> p.date(d -> d))
        .properties("created_at", p -> p.date(d -> d))
        .properties("updated_at", p -> p.date(d -> d))
        .properties("version", p -> p.long_(l -> l))
        .properties(ADDED_IN_V4));
  }

  static Map<String, Object> source(CaseSummary c) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", c.id().toString());
    d.put("listing_id", c.listingId());
    d.put("asset_id", c.assetId());
    d.put("owner_org", c.ownerOrg());
    d.put("marketplace", c.marketplace());
    d.put("jurisdiction", c.jurisdiction());
    d.put("status", c.status().name());
    d.put("kind", c.kind());
    d.put("score", c.score());
    d.put("title", c.title());
    d.put("url", c.url());
    d.put("seller_id", c.sellerId());
    d.put("seller_name", c.sellerName());
    d.put("notice_sent", c.noticeSent());
    d.put("referred_to_org", c.referredToOrg());
    d.put("detected_at", text(c.detectedAt()));
    d.put("created_at", text(c.createdAt()));
    d.put("updated_at", text(c.updatedAt()));
    d.put("version", c.version());
    d.put("priority", c.priority());
    d.put("legal_hold", c.legalHold());
    d.put("next_deadline", text(c.nextDeadline()));
    return d;
  }

  static CaseSummary fromSource(Map<String, Object> d) {
    return new CaseSummary(
        UUID.fromString((String) d.get("id")),
        (String) d.get("listing_id"),
        (String) d.get("asset_id"),
        (String) d.get("owner_org"),
        (String) d.get("marketplace"),
        (String) d.get("jurisdiction"),
        CaseStatus.valueOf((String) d.get("status")),
        (String) d.get("kind"),
        ((Number) d.get("score")).doubleValue(),
        (String) d.get("title"),
        (String) d.get("url"),
        (String) d.get("seller_id"),
        (String) d.get("seller_name"),
        Boolean.TRUE.equals(d.get("notice_sent")),
        (String) d.get("referred_to_org"),
        instant(d.get("detected_at")),
        instant(d.get("created_at")),
        instant(d.get("updated_at")),
        ((Number) d.get("version")).longValue(),
        d.get("priority") instanceof Number p ? p.doubleValue() : 0,
        Boolean.TRUE.equals(d.get("legal_hold")),
        instant(d.get("next_deadline")));
  }

  /**
   * Fields added after the first mapping (priority, legal hold, next deadline): put onto an existing index at start-up
   * (adding fields to a mapping is allowed and idempotent), so documents written before stay searchable.
   */
  static final Map<String, Property> ADDED_IN_V4 = Map.of(
      "priority", Property.of(p -> p.double_(d -> d)),
      "legal_hold", Property.of(p -> p.boolean_(b -> b)),
      "next_deadline", Property.of(p -> p.date(d -> d)));

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }

  private static Instant instant(Object v) {
    return v == null ? null : Instant.parse(v.toString());
  }
}
