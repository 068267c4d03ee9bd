package ipwatch.casework.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class MaskingTest {
  @Test
  void maskedValuesKeepTooLittleToContactAnyone() {
    JsonObject m = Masking.mask(new JsonObject().put("email", "li.wei@shop.example.cn").put("phone", "+86 138 0013 8000")
        .put("address", "88 Market Road, Yiwu").put("businessLicense", "91330100MA2XXXXX1"));
    assertEquals("l***@***.cn", m.getString("email"));
    assertEquals("***00", m.getString("phone"));
    assertEquals("8***", m.getString("address"));
    assertEquals("9***", m.getString("businessLicense"));
  }
}
