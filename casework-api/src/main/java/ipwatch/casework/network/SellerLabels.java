package ipwatch.casework.network;

import io.vertx.core.json.JsonObject;
import ipwatch.casework.auth.Caller;
import ipwatch.casework.cases.Masking;
import java.util.function.UnaryOperator;

/**
 * How a seller account ({@code marketplace:sellerId}) is shown in a network. Regulators, courts and admins see it in
 * full; a platform sees its own marketplace's accounts in full and other marketplaces' masked; rights holders see
 * every account masked (the marketplace stays readable), as with seller identifiers ({@link Masking}).
 */
final class SellerLabels {
  private SellerLabels() {}

  static UnaryOperator<String> forCaller(Caller caller) {
    return switch (caller.role()) {
      case REGULATOR, COURT, ADMIN -> UnaryOperator.identity();
      case PLATFORM -> account -> platformOf(account).equals(caller.organisation().marketplace())
          ? account : masked(account);
      case RIGHTS_HOLDER -> SellerLabels::masked;
    };
  }

  static String platformOf(String account) {
    int colon = account.indexOf(':');
    return colon < 0 ? "" : account.substring(0, colon);
  }

  static String masked(String account) {
    int colon = account.indexOf(':');
    String seller = colon < 0 ? account : account.substring(colon + 1);
    String m = Masking.mask(new JsonObject().put("seller", seller)).getString("seller");
    return colon < 0 ? m : account.substring(0, colon + 1) + m;
  }
}
