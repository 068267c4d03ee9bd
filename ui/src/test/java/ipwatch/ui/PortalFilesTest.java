package ipwatch.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The built portal as casework-api finds it on the class path: under ipwatch-ui/, self-contained (the server's CSP
 * allows only 'self'), without inline scripts or handlers the CSP would block, and without HTML written from data.
 */
class PortalFilesTest {
  private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"\\./(assets/[^\"]+)\"");

  @Test
  void thePortalAndEveryFileItsPageLoadsArePackagedUnderIpwatchUi() throws IOException {
    String html = read("index.html");
    assertNotNull(html, "ipwatch-ui/index.html");
    List<String> assets = assets(html);
    assertTrue(assets.stream().anyMatch(a -> a.endsWith(".js")), "a script bundle: " + assets);
    assertTrue(assets.stream().anyMatch(a -> a.endsWith(".css")), "a style sheet: " + assets);
    for (String a : assets) {
      assertNotNull(read(a), a);
    }
  }

  @Test
  void thePageLoadsNothingFromOtherOrigins() throws IOException {
    String html = read("index.html");
    assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "external resource in index.html");
    for (String a : assets(html)) {
      if (a.endsWith(".css")) {
        assertFalse(read(a).contains("@import"), "css imports in " + a);
        assertFalse(Pattern.compile("url\\((['\"])?(https?:)?//").matcher(read(a)).find(), "remote url() in " + a);
      }
    }
  }

  @Test
  void thePageHasNoInlineScriptOrEventHandlerAttributes() throws IOException {
    String html = read("index.html");
    assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find(), "inline <script>");
    assertFalse(Pattern.compile("\\son[a-z]+=\"").matcher(html).find(), "inline event handler");
  }

  @Test
  void theScriptNeverWritesHtmlFromDataNorEvaluatesCode() throws IOException {
    for (String a : assets(read("index.html"))) {
      if (a.endsWith(".js")) {
        String js = read(a);
        assertFalse(js.contains("innerHTML"), "innerHTML in " + a);
        assertFalse(js.contains("insertAdjacentHTML"), "insertAdjacentHTML in " + a);
        assertFalse(js.contains("eval("), "eval in " + a);
        assertFalse(js.contains("new Function"), "new Function in " + a);
      }
    }
  }

  private static List<String> assets(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = ASSET.matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String read(String file) throws IOException {
    try (InputStream in = PortalFilesTest.class.getClassLoader().getResourceAsStream("ipwatch-ui/" + file)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
