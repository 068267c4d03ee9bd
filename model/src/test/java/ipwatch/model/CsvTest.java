package ipwatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void quotedFieldsKeepCommasDoubledQuotesAndNewlines() {
    String text = "id,name,price\r\n1,\"Sony \"\"Bravia\"\", 40\"\"\",\"$1,299\"\n2,\"two\nlines\",\n";
    assertEquals(List.of(
        List.of("id", "name", "price"),
        List.of("1", "Sony \"Bravia\", 40\"", "$1,299"),
        List.of("2", "two\nlines", "")), Csv.parse(text));
  }

  @Test
  void lastRowWithoutNewlineIsKept() {
    assertEquals(List.of(List.of("a", "b"), List.of("c", "d")), Csv.parse("a,b\nc,d"));
  }
}
