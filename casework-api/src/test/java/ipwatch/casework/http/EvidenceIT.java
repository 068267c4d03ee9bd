package ipwatch.casework.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ipwatch.casework.evidence.BundleVerifier;
import ipwatch.casework.testing.CaseworkFixture;
import ipwatch.casework.testing.TestApi;
import ipwatch.casework.testing.TestFlags;
import ipwatch.model.FileEvidenceStore;
import ipwatch.model.Flag;
import ipwatch.model.Snapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The evidence hash chain: snapshot attached at opening, uploads, export, and offline tamper detection. */
class EvidenceIT {
  private static CaseworkFixture f;
  private static UUID caseId;
  private static byte[] bundle;

  @BeforeAll
  static void start() throws Exception {
    f = new CaseworkFixture();
    FileEvidenceStore store = new FileEvidenceStore(Path.of("target/it-data/evidence"));
    Snapshot snap = store.put(("<html>NORDVIK parka replica " + UUID.randomUUID() + "</html>")
        .getBytes(StandardCharsets.UTF_8), "text/html");
    Flag base = TestFlags.flag("ev-" + UUID.randomUUID(), "tm-us", "org-nordvik", "demo-market", "NORDVIK parka");
    Flag.FlaggedListing l = base.listing();
    caseId = f.ingest(new Flag(base.flagId(), base.listingId(), base.assetId(), base.assetType(), base.owner(),
        base.kind(), base.score(), base.signals(), base.evidence(), base.detectedAt(), base.matcherVersion(),
        new Flag.FlaggedListing(l.marketplace(), l.url(), l.title(), l.sellerId(), l.sellerName(), l.price(), snap)));
    upload("DOCUMENT", "test-purchase.txt", "text/plain", "Order 1234, received 2026-11-02".getBytes());
    upload("CLAIM_CHART", "chart.json", "application/json", "{\"claim\":1,\"met\":true}".getBytes());
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + f.server.port() + "/api/cases/" + caseId + "/evidence/export"))
        .header("Authorization", "Bearer " + f.token("rights-holder")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode());
    assertEquals("application/zip", r.headers().firstValue("Content-Type").orElse(""));
    bundle = r.body();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  private static JsonObject upload(String kind, String name, String type, byte[] content) {
    return TestApi.json(f.api.post("/api/cases/" + caseId + "/evidence", f.token("rights-holder"), new JsonObject()
        .put("kind", kind).put("name", name).put("contentType", type)
        .put("contentBase64", Base64.getEncoder().encodeToString(content))), 201);
  }

  @Test
  void theListingSnapshotIsTheFirstLinkAndEachLinkCommitsToThePreviousOne() {
    JsonArray items = TestApi.json(f.api.get("/api/cases/" + caseId + "/evidence", f.token("regulator")), 200)
        .getJsonArray("items");
    assertEquals(3, items.size());
    assertEquals("SNAPSHOT", items.getJsonObject(0).getString("kind"));
    assertEquals("0".repeat(64), items.getJsonObject(0).getString("prevHash"));
    for (int i = 1; i < items.size(); i++) {
      assertEquals(items.getJsonObject(i - 1).getString("entryHash"), items.getJsonObject(i).getString("prevHash"));
    }
  }

  @Test
  void anUntouchedBundleVerifies() throws Exception {
    BundleVerifier.Report r = BundleVerifier.verify(bundle);
    assertTrue(r.ok(), r.problems().toString());
    assertEquals(3, r.items());
    Path file = Files.createTempFile("bundle", ".zip");
    Files.write(file, bundle);
    assertEquals(0, ipwatch.casework.evidence.VerifyEvidenceMainAccess.run(file.toString()));
  }

  @Test
  void oneChangedByteInAFileIsReportedWithItsItem() throws Exception {
    byte[] tampered = rewrite(bundle, name -> name.startsWith("files/0002-") ? "flip" : null);
    BundleVerifier.Report r = BundleVerifier.verify(tampered);
    assertEquals(1, r.problems().size(), r.problems().toString());
    assertTrue(r.problems().get(0).startsWith("item 2 (test-purchase.txt)"), r.problems().toString());
    Path file = Files.createTempFile("tampered", ".zip");
    Files.write(file, tampered);
    assertEquals(1, ipwatch.casework.evidence.VerifyEvidenceMainAccess.run(file.toString()));
  }

  @Test
  void anEditedChainEntryBreaksItsHash() throws Exception {
    byte[] tampered = rewrite(bundle, name -> name.equals("chain.json") ? "rename" : null);
    BundleVerifier.Report r = BundleVerifier.verify(tampered);
    assertTrue(r.problems().stream().anyMatch(p -> p.startsWith("item 1") && p.contains("entry hash")),
        r.problems().toString());
  }

  @Test
  void aSnapshotOfAnotherListingCannotBeAttachedByHash() {
    JsonObject r = TestApi.json(f.api.post("/api/cases/" + caseId + "/evidence", f.token("rights-holder"),
        new JsonObject().put("kind", "SNAPSHOT").put("sha256", "b".repeat(64))), 400);
    assertTrue(r.getString("message").contains("this case's listing"), r.encode());
  }

  /** Copies the zip, changing the entries the function names: "flip" one byte, or "rename" the first chain item. */
  private static byte[] rewrite(byte[] zip, UnaryOperator<String> how) throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (var e : entries.entrySet()) {
        byte[] b = e.getValue().clone();
        String action = how.apply(e.getKey());
        if ("flip".equals(action)) {
          b[b.length / 2] ^= 0x01;
        } else if ("rename".equals(action)) {
          JsonArray chain = new JsonArray(new String(b, StandardCharsets.UTF_8));
          chain.getJsonObject(0).put("name", "something-else");
          b = chain.encodePrettily().getBytes(StandardCharsets.UTF_8);
        }
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(b);
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
