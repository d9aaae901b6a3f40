package io.lodestone.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lodestone.schemas.Entities;
import io.lodestone.schemas.MoneyAmount;
import io.lodestone.schemas.Quantity;
import org.junit.jupiter.api.Test;

class AmountExtractorTest {

  private static Entities extract(String body) {
    return Texts.extract("", body);
  }

  @Test
  void indianNumbering() {
    assertThat(extract("an outlay of Rs 7,280 crore, Rs 45 lakh and ₹1,500 crore, INR 20 crore").getMoney())
        .extracting(MoneyAmount::getText, MoneyAmount::getCurrency, MoneyAmount::getValue)
        .containsExactly(tuple("Rs 7,280 crore", "INR", 7.28e10), tuple("Rs 45 lakh", "INR", 4.5e6),
            tuple("₹1,500 crore", "INR", 1.5e10), tuple("INR 20 crore", "INR", 2e8));
  }

  @Test
  void symbolsCodesAndScales() {
    assertThat(extract("US$2.5bn, A$1.2 billion, C$300 mln, $40 million, EUR 3 million, €3m, £2 billion, ¥500 billion").getMoney())
        .extracting(MoneyAmount::getCurrency, MoneyAmount::getValue)
        .containsExactly(tuple("USD", 2.5e9), tuple("AUD", 1.2e9), tuple("CAD", 3e8), tuple("USD", 4e7), tuple("EUR", 3e6),
            tuple("EUR", 3e6), tuple("GBP", 2e9), tuple("JPY", 5e11));
  }

  @Test
  void currencyWordsAfterTheNumber() {
    assertThat(extract("raised 1.5 mln dlrs and 10 mln Canadian dlrs, 3 billion yuan, 50 mln stg and 21 cts").getMoney())
        .extracting(MoneyAmount::getText, MoneyAmount::getCurrency, MoneyAmount::getValue)
        .containsExactly(tuple("1.5 mln dlrs", "USD", 1.5e6), tuple("10 mln Canadian dlrs", "CAD", 1e7),
            tuple("3 billion yuan", "CNY", 3e9), tuple("50 mln stg", "GBP", 5e7), tuple("21 cts", "USD", 0.21));
  }

  @Test
  void quantitiesAreNormalized() {
    assertThat(extract("6,000 metric tonnes per annum, 100 ktpa, 5 Mt, 2.5 mln tonnes a year, 60 kilos, 250 MW, 1.2 GWh, "
        + "30,000 oz, 1,500 tonnes per day, 200,000 bpd").getQuantities())
        .extracting(Quantity::getValue, Quantity::getUnit)
        .containsExactly(tuple(6000.0, "t/yr"), tuple(100_000.0, "t/yr"), tuple(5e6, "t"), tuple(2.5e6, "t/yr"), tuple(0.06, "t"),
            tuple(2.5e8, "W"), tuple(1.2e9, "Wh"), tuple(30_000.0, "oz"), tuple(1500.0, "t/d"), tuple(200_000.0, "bbl/d"));
  }

  /**
   * The word after a number picks the tokens to try by its first word: tokens whose first word ends in punctuation
   * ("U.S. dollars", "D-marks", "t/y"), in any case where the table allows it; a first word with a letter outside ASCII
   * is compared as {@link String#regionMatches(boolean, int, String, int, int)} compares it, where "ſ" is an "s".
   */
  @Test
  void tokensAfterANumberAreFoundByTheirFirstWord() {
    Entities entities = extract("1.5 MLN DLRS, 3 U.S. Dollars, 4 D-marks, 9 t/y, 8 tons/day, 2 kt, 2 KT, 7 tonne\u017F.");
    assertThat(entities.getMoney()).extracting(MoneyAmount::getText, MoneyAmount::getCurrency, MoneyAmount::getValue)
        .containsExactly(tuple("1.5 MLN DLRS", "USD", 1.5e6), tuple("3 U.S. Dollars", "USD", 3.0), tuple("4 D-marks", "DEM", 4.0));
    assertThat(entities.getQuantities()).extracting(Quantity::getText, Quantity::getUnit)
        .containsExactly(tuple("9 t/y", "t/yr"), tuple("8 tons/day", "t/d"), tuple("2 kt", "t"), tuple("7 tonne\u017F", "t"));
  }

  @Test
  void anAmountStatedInTitleAndBodyIsReportedOnce() {
    Entities entities = Texts.extract("DFC commits US$450 million", "The DFC committed US$450 million to a graphite mine.");
    assertThat(entities.getMoney()).extracting(MoneyAmount::getText).containsExactly("US$450 million");
  }

  @Test
  void bareNumbersAndCurrenciesOfUnknownCountryAreNotReported() {
    Entities entities = extract("Sales rose 12 pct to 1.5 mln in 2070, shares 2,332,397 vs 1,428,000, fines of 18 million pesos.");
    assertThat(entities.getMoney()).isEmpty();
    assertThat(entities.getQuantities()).isEmpty();
  }
}
