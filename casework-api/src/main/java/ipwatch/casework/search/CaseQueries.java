package ipwatch.casework.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import ipwatch.casework.cases.CaseFilter;
import ipwatch.casework.cases.PartyScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Elasticsearch queries for a party. The party filter is a {@code bool.filter} clause of the query itself, never a
 * post-filter or a check in Java, so hits, totals and any aggregation added later are all scoped.
 */
public final class CaseQueries {
  static final List<String> TEXT_FIELDS = List.of(
      "title^3", "seller_name^2", "seller_id", "asset_id", "listing_id", "marketplace", "kind", "status", "id");

  private CaseQueries() {}

  public static Query forParty(PartyScope scope, String text) {
    return forParty(scope, new CaseFilter(Optional.empty(), Optional.empty(), Optional.empty(),
        OptionalDouble.empty(), Optional.empty(), Optional.ofNullable(text)));
  }

  /** The party filter and every set filter of {@code f} as {@code bool.filter} clauses; its text as the query. */
  public static Query forParty(PartyScope scope, CaseFilter f) {
    String text = f.text().orElse(null);
    Query match = text == null || text.isBlank()
        ? Query.of(q -> q.matchAll(m -> m))
        : Query.of(q -> q.simpleQueryString(s -> s
            .query(text)
            .fields(TEXT_FIELDS)
            .defaultOperator(Operator.And)
            .lenient(true)));
    List<Query> filters = new ArrayList<>();
    filters.add(scopeFilter(scope));
    f.status().ifPresent(st -> filters.add(term("status", st.name())));
    f.marketplace().ifPresent(m -> filters.add(term("marketplace", m)));
    f.jurisdiction().ifPresent(j -> filters.add(term("jurisdiction", j)));
    f.minPriority().ifPresent(p -> filters.add(Query.of(q -> q.range(r -> r.number(n -> n.field("priority").gte(p))))));
    f.dueBefore().ifPresent(t -> filters.add(Query.of(q -> q.range(r -> r.date(d -> d.field("next_deadline")
        .lt(t.toString()))))));
    return Query.of(q -> q.bool(b -> b.must(match).filter(filters)));
  }

  static Query scopeFilter(PartyScope scope) {
    if (scope instanceof PartyScope.InJurisdictions j) {
      List<FieldValue> codes = j.jurisdictions().stream().map(FieldValue::of).toList();
      return Query.of(q -> q.terms(t -> t.field("jurisdiction").terms(v -> v.value(codes))));
    }
    if (scope instanceof PartyScope.OwnedBy o) {
      return term("owner_org", o.orgId());
    }
    if (scope instanceof PartyScope.NoticedOnMarketplace m) {
      return Query.of(q -> q.bool(b -> b
          .filter(term("marketplace", m.marketplace()))
          .filter(Query.of(t -> t.term(v -> v.field("notice_sent").value(true))))));
    }
    if (scope instanceof PartyScope.ReferredTo c) {
      return term("referred_to_org", c.orgId());
    }
    return Query.of(q -> q.matchNone(n -> n));
  }

  private static Query term(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(value)));
  }
}
