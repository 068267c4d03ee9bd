package ipwatch.casework.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ipwatch.casework.auth.Organisation;
import ipwatch.casework.auth.Role;
import ipwatch.casework.cases.PartyScope;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The party filter sits inside the query (bool.filter), where it also scopes totals. */
class CaseQueriesTest {

  @Test
  void aRightsHoldersSearchIsFilteredToItsOwnCasesInsideTheQuery() {
    JsonObject bool = bool(CaseQueries.forParty(scope(Role.RIGHTS_HOLDER, null, List.of()), "nordvik"));

    JsonObject filter = bool.getJsonArray("filter").getJsonObject(0);
    assertEquals("org-x", filter.getJsonObject("term").getJsonObject("owner_org").getString("value"));
    assertTrue(bool.getJsonArray("must").getJsonObject(0).containsKey("simple_query_string"));
  }

  @Test
  void aRegulatorsSearchIsFilteredToItsJurisdictions() {
    JsonObject filter = bool(CaseQueries.forParty(scope(Role.REGULATOR, null, List.of("CN", "EU")), ""))
        .getJsonArray("filter").getJsonObject(0);

    assertEquals(new JsonArray().add("CN").add("EU"), filter.getJsonObject("terms").getJsonArray("jurisdiction"));
  }

  @Test
  void aPlatformsSearchRequiresItsMarketplaceAndASentNotice() {
    String json = JsonpUtils.toJsonString(
        CaseQueries.forParty(scope(Role.PLATFORM, "demo-market", List.of()), "x"), new JacksonJsonpMapper());

    assertTrue(json.contains("\"marketplace\":{\"value\":\"demo-market\"}"), json);
    assertTrue(json.contains("\"notice_sent\":{\"value\":true}"), json);
  }

  @Test
  void anOrganisationWithoutScopeMatchesNothing() {
    String json = JsonpUtils.toJsonString(
        CaseQueries.forParty(scope(Role.REGULATOR, null, List.of()), "x"), new JacksonJsonpMapper());

    assertTrue(json.contains("match_none"), json);
  }

  private static PartyScope scope(Role role, String marketplace, List<String> jurisdictions) {
    return PartyScope.of(new Organisation("org-x", "X", role, marketplace, jurisdictions));
  }

  private static JsonObject bool(Query q) {
    return new JsonObject(JsonpUtils.toJsonString(q, new JacksonJsonpMapper())).getJsonObject("bool");
  }
}
