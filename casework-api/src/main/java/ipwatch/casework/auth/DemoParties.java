package ipwatch.casework.auth;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The made-up organisations of the local demo (rights holders match config/demo/registry.jsonl, the platform the
 * demo marketplace), and a token for each. Used only when {@code demo.enabled}.
 */
public final class DemoParties {
  /** Key in {@link #tokens} → organisation. The keys are what the portal's demo chooser shows. */
  public static final Map<String, Organisation> ORGANISATIONS = organisations();

  private DemoParties() {}

  private static Map<String, Organisation> organisations() {
    Map<String, Organisation> m = new LinkedHashMap<>();
    m.put("regulator", new Organisation("org-regulator", "Demo Market Supervision Bureau", Role.REGULATOR, null,
        List.of("CN", "US", "EU")));
    m.put("court", new Organisation("org-court", "Demo Intellectual Property Court", Role.COURT, null,
        List.of("CN", "US", "EU")));
    m.put("rights-holder", new Organisation("org-nordvik", "Nordvik Outdoor", Role.RIGHTS_HOLDER, null, List.of()));
    m.put("rights-holder-2", new Organisation("org-lumora", "Lumora Audio", Role.RIGHTS_HOLDER, null, List.of()));
    m.put("platform", new Organisation("org-demomarket", "Demo Market", Role.PLATFORM, "demo-market", List.of()));
    return Collections.unmodifiableMap(m);
  }

  /** Creates the demo organisations (idempotent). */
  public static Future<Void> ensure(Organisations organisations) {
    Future<Void> chain = Future.succeededFuture();
    for (Organisation o : ORGANISATIONS.values()) {
      chain = chain.compose(v -> organisations.upsert(o));
    }
    return chain;
  }

  /** One user per demo organisation, the subject of its demo token ({@code demo-<key>}); idempotent. */
  public static Future<Void> ensureUsers(Directory directory) {
    Future<Void> chain = Future.succeededFuture();
    for (var e : ORGANISATIONS.entrySet()) {
      chain = chain.compose(v -> directory.ensureUser(e.getValue().id(), "demo-" + e.getKey(),
          e.getValue().name() + " (demo)", e.getKey() + "@demo.ipwatch.invalid"));
    }
    return chain;
  }

  /** One token per demo organisation, keyed like {@link #ORGANISATIONS}. */
  public static Map<String, String> tokens(TokenService tokens, Duration ttl) {
    Map<String, String> out = new LinkedHashMap<>();
    ORGANISATIONS.forEach((key, org) ->
        out.put(key, tokens.issue("demo-" + key, org.id(), org.role(), ttl)));
    return Collections.unmodifiableMap(out);
  }
}
