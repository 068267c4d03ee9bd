package ipwatch.crawl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.model.Money;
import org.junit.jupiter.api.Test;

class PriceParserTest {
  private static Money parse(String text, String hint) {
    return PriceParser.parse(text, hint).orElseThrow();
  }

  @Test
  void argentinePesosGroupThousandsWithADot() {
    assertEquals(new Money("2449", "ARS"), parse("$ 2.449", "ARS"));
  }

  @Test
  void euroPricesWithSpaceGroupingAndDecimalComma() {
    assertEquals(new Money("1299.00", "EUR"), parse("1 299,00 €", null));
    assertEquals(new Money("1299.00", "EUR"), parse("1\u00a0299,00\u00a0€", null));
  }

  @Test
  void yenHasNoMinorUnits() {
    assertEquals(new Money("3280", "JPY"), parse("¥3,280", null));
  }

  @Test
  void usDollarPrefixIsUnderstood() {
    assertEquals(new Money("12.99", "USD"), parse("US $12.99", null));
  }

  @Test
  void structuredPricesAndIsoCodes() {
    assertEquals(new Money("15.99", "GBP"), parse("15.99", "GBP"));
    assertEquals(new Money("1299", "USD"), parse("1,299", "USD"));
    assertEquals(new Money("19.50", "CHF"), parse("CHF 19.50", null));
    assertEquals(new Money("5100.00", "GBP"), parse("£5,100.00", null));
    assertEquals(new Money("206", "EUR"), parse("€ 206,-", null));
  }

  @Test
  void aBareDollarSignTakesTheMarketplaceCurrency() {
    assertEquals(new Money("24990", "CLP"), parse("$24.990", "CLP"));
  }

  @Test
  void textWithoutANumberIsNotAPrice() {
    assertTrue(PriceParser.parse("call for price", "EUR").isEmpty());
  }

  @Test
  void aRunOfDigitsLongerThanAnyPriceIsNotAPrice() {
    assertTrue(PriceParser.parse("€ " + "9".repeat(100_000), "EUR").isEmpty());
    assertEquals(new Money("1234567890123.99", "EUR"), parse("1.234.567.890.123,99 €", null));
  }
}
