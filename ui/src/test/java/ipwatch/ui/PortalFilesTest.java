package ipwatch.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged portal: where casework-api looks for it, self-contained (the CSP allows only 'self'), and without
 * inline scripts or handlers that the CSP would block.
 */
class PortalFilesTest {

  @Test
  void thePortalIsPackagedUnderIpwatchUi() throws IOException {
    for (String f : new String[] {"index.html", "app.js", "app.css"}) {
      assertNotNull(read(f), f);
    }
  }

  @Test
  void thePageLoadsNothingFromOtherOrigins() throws IOException {
    String html = read("index.html");
    assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "external resource in index.html");
    assertFalse(read("app.css").contains("@import"), "css imports");
  }

  @Test
  void thePageHasNoInlineScriptOrEventHandlerAttributes() throws IOException {
    String html = read("index.html");
    assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find(), "inline <script>");
    assertFalse(Pattern.compile("\\son[a-z]+=\"").matcher(html).find(), "inline event handler");
  }

  @Test
  void theScriptNeverWritesHtmlFromData() throws IOException {
    String js = read("app.js");
    assertFalse(js.contains("innerHTML"), "innerHTML");
    assertFalse(js.contains("insertAdjacentHTML"), "insertAdjacentHTML");
    assertFalse(js.contains("eval("), "eval");
  }

  @Test
  void everyFormControlHasALabel() throws IOException {
    String html = read("index.html");
    var ids = Pattern.compile("<(input|textarea|select)[^>]*\\bid=\"([^\"]+)\"").matcher(html);
    while (ids.find()) {
      assertTrue(html.contains("for=\"" + ids.group(2) + "\""), "no label for #" + ids.group(2));
    }
  }

  private static String read(String file) throws IOException {
    try (InputStream in = PortalFilesTest.class.getClassLoader().getResourceAsStream("ipwatch-ui/" + file)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
