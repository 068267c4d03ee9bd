package ipwatch.casework.network;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.auth.Caller;
import ipwatch.casework.cases.CaseRows;
import ipwatch.casework.cases.PartyScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Seller networks as a party may see them. The case a network is asked for is loaded with the caller's scope (a
 * foreign case is indistinguishable from a missing one), and every count is over the cases the caller may see: the
 * accounts of the network are shown (they are linked to the caller's own case) but never another party's cases.
 * Seller names are labelled by {@link SellerLabels} per role.
 */
public final class SellerNetworks {
  /** A network larger than this is shown in part (the accounts with the smallest keys). */
  static final int MAX_NODES = 500;
  private final Pool pool;

  public SellerNetworks(Pool pool) {
    this.pool = pool;
  }

  /** The network of a case's seller, or empty when the caller may not see the case (or it does not exist). */
  public Future<Optional<JsonObject>> forCase(Caller caller, UUID caseId) {
    List<Object> params = new ArrayList<>();
    params.add(caseId);
    String scope = CaseRows.where(PartyScope.of(caller.organisation()), params);
    return pool.preparedQuery("SELECT seller_account, ipw_network_of(seller_account) AS network_id FROM cases"
            + " WHERE id = $1 AND " + scope)
        .execute(Tuple.from(params))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(Optional.empty());
          }
          Row c = rows.iterator().next();
          return graph(caller, c.getString("network_id"), c.getString("seller_account")).map(Optional::of);
        });
  }

  private Future<JsonObject> graph(Caller caller, String networkId, String account) {
    Future<Map<String, JsonArray>> members = networkId == null
        ? Future.succeededFuture(account == null ? Map.of() : Map.of(account, new JsonArray()))
        : pool.preparedQuery("SELECT account_id, evidence FROM seller_accounts WHERE network_id = $1"
                + " ORDER BY account_id LIMIT " + MAX_NODES)
            .execute(Tuple.of(networkId))
            .map(rows -> {
              Map<String, JsonArray> out = new LinkedHashMap<>();
              rows.forEach(r -> out.put(r.getString("account_id"), evidence(r.getValue("evidence"))));
              return out;
            });
    return members.compose(m -> visibleCases(caller, List.copyOf(m.keySet()))
        .map(counts -> NetworkGraph.of(networkId, m, counts, SellerLabels.forCaller(caller))));
  }

  /** Per account: the cases the caller may see, and whether one of them was upheld. */
  private Future<Map<String, NetworkGraph.CaseCounts>> visibleCases(Caller caller, List<String> accounts) {
    if (accounts.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    List<Object> params = new ArrayList<>();
    params.add(accounts.toArray(String[]::new));
    String scope = CaseRows.where(PartyScope.of(caller.organisation()), params);
    return pool.preparedQuery("SELECT seller_account, count(*) AS n,"
            + " bool_or(ipw_case_upheld(id, status, outcome)) AS upheld FROM cases"
            + " WHERE seller_account = ANY($1) AND " + scope + " GROUP BY seller_account")
        .execute(Tuple.from(params))
        .map(rows -> {
          Map<String, NetworkGraph.CaseCounts> out = new LinkedHashMap<>();
          rows.forEach(r -> out.put(r.getString("seller_account"),
              new NetworkGraph.CaseCounts(r.getLong("n"), Boolean.TRUE.equals(r.getBoolean("upheld")))));
          return out;
        });
  }

  /** The networks with the most cases the caller may see: {networkId, sellers, cases, platforms}. */
  public Future<JsonArray> top(Caller caller, int limit) {
    List<Object> params = new ArrayList<>();
    String scope = CaseRows.where(PartyScope.of(caller.organisation()), params);
    params.add(limit);
    return pool.preparedQuery("SELECT s.network_id, count(DISTINCT s.account_id) AS sellers, count(*) AS cases,"
            + " array_agg(DISTINCT c.marketplace ORDER BY c.marketplace) AS platforms"
            + " FROM cases c JOIN seller_accounts s ON s.account_id = c.seller_account WHERE " + scope
            + " GROUP BY s.network_id ORDER BY cases DESC, s.network_id LIMIT $" + params.size())
        .execute(Tuple.from(params))
        .map(rows -> {
          JsonArray items = new JsonArray();
          for (Row r : rows) {
            items.add(new JsonObject().put("networkId", r.getString("network_id"))
                .put("sellers", r.getLong("sellers")).put("cases", r.getLong("cases"))
                .put("platforms", new JsonArray(List.of(r.getArrayOfStrings("platforms")))));
          }
          return items;
        });
  }

  private static JsonArray evidence(Object v) {
    return v instanceof JsonArray a ? a : new JsonArray();
  }
}
