package ipwatch.casework.network;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ipwatch.model.Hashes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The JSON graph of one network: a node per account (opaque id, platform, label, visible case count, repeat
 * infringer among those cases) and an edge per pair of accounts and kind of shared identifier, from the evidence the
 * seller-linking job recorded. The edge score is how strongly that kind of identifier suggests one operator; it is
 * a prior (an e-mail address is rarely shared by strangers, an image often), not a measured probability.
 */
final class NetworkGraph {
  record CaseCounts(long cases, boolean upheld) {}

  private NetworkGraph() {}

  static double score(String identifierType) {
    return switch (identifierType) {
      case "EMAIL", "BUSINESS_LICENSE" -> 0.95;
      case "PHONE", "PAYMENT" -> 0.9;
      case "STOREFRONT" -> 0.8;
      case "ADDRESS" -> 0.7;
      default -> 0.5; // IMAGE (two shared images at least) and kinds added later
    };
  }

  /** Opaque and stable: the account's key would reveal the seller a masked label hides. */
  static String nodeId(String account) {
    return "s-" + Hashes.shortId("seller-account\n" + account).substring(0, 16);
  }

  static JsonObject of(String networkId, Map<String, JsonArray> evidenceOf, Map<String, CaseCounts> counts,
      UnaryOperator<String> label) {
    JsonArray nodes = new JsonArray();
    Map<String, JsonObject> edges = new LinkedHashMap<>();
    for (Map.Entry<String, JsonArray> m : evidenceOf.entrySet()) {
      String account = m.getKey();
      CaseCounts c = counts.getOrDefault(account, new CaseCounts(0, false));
      nodes.add(new JsonObject().put("id", nodeId(account)).put("platform", SellerLabels.platformOf(account))
          .put("seller", label.apply(account)).put("caseCount", c.cases()).put("repeatInfringer", c.upheld()));
      for (Object o : m.getValue()) {
        if (!(o instanceof JsonObject e) || !evidenceOf.containsKey(e.getString("otherSellerId", ""))) {
          continue; // the other account is no longer in this network (or beyond the shown part of it)
        }
        String other = e.getString("otherSellerId");
        String type = e.getString("identifierType", "UNKNOWN");
        String a = account.compareTo(other) < 0 ? account : other;
        String b = a.equals(account) ? other : account;
        edges.putIfAbsent(a + "\n" + b + "\n" + type, new JsonObject().put("from", nodeId(a)).put("to", nodeId(b))
            .put("reason", "SHARED_" + type).put("score", score(type)));
      }
    }
    return new JsonObject().put("networkId", networkId).put("nodes", nodes)
        .put("edges", new JsonArray(java.util.List.copyOf(edges.values())));
  }
}
