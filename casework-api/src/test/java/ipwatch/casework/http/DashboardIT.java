package ipwatch.casework.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ipwatch.casework.cases.CaseStatus;
import ipwatch.casework.registry.RegistryStore;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.CaseworkFixture;
import ipwatch.casework.testing.TestApi;
import ipwatch.casework.testing.TestFlags;
import ipwatch.model.Flag;
import ipwatch.model.Trademark;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /api/dashboard over the caller's cases: flags per day and marketplace, detection-to-takedown hours, the
 * counter-notice rate and cases per status, each scoped like the case list.
 */
class DashboardIT {
  private static CaseworkFixture f;
  /** Detected 10 h and 30 h before the removal (at the fixture's start), then one of them countered. */
  private static final Duration FAST = Duration.ofHours(10);
  private static final Duration SLOW = Duration.ofHours(30);
  private static final Duration UNTOUCHED = Duration.ofDays(2);

  @BeforeAll
  static void start() {
    f = new CaseworkFixture();
    Await.result(new RegistryStore(f.pool).upsert(List.of(new Trademark("tm-lumora-us", "org-lumora", "LUMORA",
        List.of(9), List.of("US"), List.of(), List.of()))));
    UUID fast = detected("tm-us", "org-nordvik", FAST);
    UUID slow = detected("tm-us", "org-nordvik", SLOW);
    detected("tm-us", "org-nordvik", UNTOUCHED);
    detected("tm-lumora-us", "org-lumora", Duration.ofHours(5));
    for (UUID id : List.of(fast, slow)) {
      f.ok("rights-holder", id, "confirm", null);
      f.ok("rights-holder", id, "send_notice", CaseworkFixture.usNotice());
      f.ok("platform", id, "remove", null);
    }
    f.ok("platform", slow, "counter_notice", CaseworkFixture.usCounterNotice());
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  private static UUID detected(String asset, String owner, Duration before) {
    Flag t = TestFlags.flag("dash-" + UUID.randomUUID(), asset, owner, "demo-market", "NORDVIK parka");
    return f.ingest(new Flag(t.flagId(), t.listingId(), t.assetId(), t.assetType(), t.owner(), t.kind(), t.score(),
        t.signals(), t.evidence(), CaseworkFixture.START.minus(before), t.matcherVersion(), t.listing()));
  }

  private static JsonObject dashboard(String role, String query) {
    return TestApi.json(f.api.get("/api/dashboard" + query, f.token(role)), 200);
  }

  private static String day(Duration before) {
    return CaseworkFixture.START.minus(before).atZone(ZoneOffset.UTC).toLocalDate().toString();
  }

  @Test
  void theRightsHolderSeesItsFlagsTakedownTimesCounterRateAndStatuses() {
    JsonObject d = dashboard("rights-holder", "?days=30");

    JsonArray flags = d.getJsonArray("flagsPerDay");
    long counted = 0;
    for (Object o : flags) {
      JsonObject e = (JsonObject) o;
      assertEquals("demo-market", e.getString("marketplace"));
      counted += e.getLong("count");
    }
    assertEquals(3, counted);
    assertEquals(day(UNTOUCHED), flags.getJsonObject(0).getString("day"));
    JsonObject takedown = d.getJsonObject("detectionToTakedown");
    assertEquals(2, takedown.getLong("count"));
    double fast = FAST.toHours();
    double slow = SLOW.toHours();
    assertEquals(fast + 0.5 * (slow - fast), takedown.getDouble("p50Hours"), 0.01);
    assertEquals(fast + 0.9 * (slow - fast), takedown.getDouble("p90Hours"), 0.01);
    assertEquals(0.5, d.getDouble("counterNoticeRate"), 1e-9);
    JsonObject byStatus = d.getJsonObject("casesByStatus");
    assertEquals(CaseStatus.values().length, byStatus.size());
    assertEquals(1, byStatus.getLong("DETECTED"));
    assertEquals(1, byStatus.getLong("REMOVED"));
    assertEquals(1, byStatus.getLong("COUNTER_NOTICE"));
  }

  @Test
  void anotherRightsHolderAndThePlatformSeeOnlyTheirOwnFigures() {
    JsonObject lumora = dashboard("rights-holder-2", "");
    assertEquals(1, lumora.getJsonArray("flagsPerDay").size());
    assertEquals(day(Duration.ofHours(5)), lumora.getJsonArray("flagsPerDay").getJsonObject(0).getString("day"));
    assertEquals(0, lumora.getJsonObject("detectionToTakedown").getLong("count"));
    assertNull(lumora.getJsonObject("detectionToTakedown").getDouble("p50Hours"));
    assertEquals(0.0, lumora.getDouble("counterNoticeRate"));
    assertEquals(1, lumora.getJsonObject("casesByStatus").getLong("DETECTED"));

    JsonObject platform = dashboard("platform", "");
    assertEquals(0, platform.getJsonObject("casesByStatus").getLong("DETECTED"));
    assertEquals(2, platform.getJsonObject("detectionToTakedown").getLong("count"));
    assertEquals(0.5, platform.getDouble("counterNoticeRate"), 1e-9);
  }

  @Test
  void theWindowLeavesOutOlderFlagsAndTakedowns() {
    JsonObject oneDay = dashboard("rights-holder", "?days=1");
    assertEquals(1, oneDay.getJsonArray("flagsPerDay").size());
    assertEquals(day(FAST), oneDay.getJsonArray("flagsPerDay").getJsonObject(0).getString("day"));
    assertEquals(Instant.parse(oneDay.getString("since")), CaseworkFixture.START.minus(Duration.ofDays(1)));
  }

  @Test
  void aWindowOutOfBoundsIsA400() {
    for (String q : List.of("?days=0", "?days=367", "?days=week")) {
      JsonObject e = TestApi.json(f.api.get("/api/dashboard" + q, f.token("regulator")), 400);
      assertEquals("bad_request", e.getString("type"));
    }
  }
}
