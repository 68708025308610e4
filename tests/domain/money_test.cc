#include "domain/money.h"

#include <gtest/gtest.h>

namespace overdue {
namespace {

TEST(Money, ParsesCodeAndGroupedAmount) {
  auto m = Money::parse("USD 12,400.50");
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->minor(), 1240050);
  EXPECT_EQ(m->currency().str(), "USD");
}

TEST(Money, ParsesAmountBeforeCode) {
  auto m = Money::parse("12400.5 EUR");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->minor(), 1240050);
}

TEST(Money, ParsesBareAmountWithCurrencyColumn) {
  auto m = Money::parse("12400.5", Currency::of("USD"));
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->plain(), "12400.50");
}

TEST(Money, MinorDigitsFollowTheCurrency) {
  EXPECT_EQ(Money::parse("JPY 125,000")->minor(), 125000);
  EXPECT_EQ(Money::parse("KWD 1.250")->minor(), 1250);
  EXPECT_EQ(Money::parse("KWD 1.250")->plain(), "1.250");
  EXPECT_FALSE(Money::parse("JPY 10.5").ok());
  EXPECT_FALSE(Money::parse("USD 10.505").ok());
}

TEST(Money, RejectsMalformedInput) {
  EXPECT_FALSE(Money::parse("USD").ok());
  EXPECT_FALSE(Money::parse("XXX 10").ok());
  EXPECT_FALSE(Money::parse("USD 1,2345.00").ok());
  EXPECT_FALSE(Money::parse("USD 12a").ok());
  EXPECT_FALSE(Money::parse("usd 12").ok());
}

TEST(Money, RefusesToMixCurrencies) {
  Money usd = *Money::parse("USD 10.00");
  Money eur = *Money::parse("EUR 10.00");
  auto sum = usd.plus(eur);
  ASSERT_FALSE(sum.ok());
  EXPECT_NE(sum.error().message.find("different currencies"), std::string::npos);
  EXPECT_FALSE(usd.minus(eur).ok());
  EXPECT_EQ(usd.plus(usd)->minor(), 2000);
  EXPECT_EQ(usd.minus(*Money::parse("USD 12.50"))->minor(), -250);
}

TEST(Money, FormatsGroupedAndNegative) {
  EXPECT_EQ(Money::parse("USD 1234567.89")->str(), "USD 1,234,567.89");
  EXPECT_EQ(Money(Currency::of("USD"), -123456).grouped(), "-1,234.56");
  EXPECT_EQ(Money(Currency::of("JPY"), 1000).grouped(), "1,000");
  EXPECT_EQ(Money(Currency::of("USD"), 5).plain(), "0.05");
}

struct LineCase {
  const char* quantity;
  const char* price;
  const char* currency;
  const char* expected;
};

TEST(Money, LineAmountRoundsHalfEvenToMinorUnit) {
  const LineCase cases[] = {
      {"1250", "18.5", "USD", "23125.00"},
      {"3", "1.855", "USD", "5.56"},       // 5.565 -> 5.56 (half to even)
      {"1", "0.125", "USD", "0.12"},       // 0.125 -> 0.12
      {"1", "0.135", "USD", "0.14"},       // 0.135 -> 0.14
      {"7", "0.0425", "USD", "0.30"},      // 0.2975 -> 0.30
      {"2.5", "101", "JPY", "252"},        // 252.5 -> 252
      {"3.5", "101", "JPY", "354"},        // 353.5 -> 354
      {"0.001", "0.000001", "USD", "0.00"},
      {"1000000", "999999.999999", "EUR", "999999999999.00"},
      {"3", "1.2345", "KWD", "3.704"},     // 3.7035 -> 3.704
  };
  for (const auto& c : cases) {
    Currency cur = Currency::of(c.currency);
    Quantity q{*parse_scaled(c.quantity, kQuantityScale)};
    UnitPrice p{*parse_scaled(c.price, kUnitPriceScale)};
    EXPECT_EQ(format_minor(line_amount_minor(q, p, cur), cur), c.expected)
        << c.quantity << " x " << c.price << " " << c.currency;
  }
}

TEST(Decimal, ParsesScaledExactly) {
  EXPECT_EQ(*parse_scaled("1.855", 6), 1855000);
  EXPECT_EQ(*parse_scaled("-3", 3), -3000);
  EXPECT_EQ(*parse_scaled(".5", 3), 500);
  EXPECT_FALSE(parse_scaled("1.2345", 3).ok());
  EXPECT_FALSE(parse_scaled("", 3).ok());
  EXPECT_FALSE(parse_scaled("-", 3).ok());
  EXPECT_FALSE(parse_scaled("1e5", 3).ok());
  EXPECT_FALSE(parse_scaled("99999999999999999999", 3).ok());
}

TEST(Decimal, FormatsWithMinimumDigits) {
  EXPECT_EQ(format_scaled(18500000, 6, 2), "18.50");
  EXPECT_EQ(format_scaled(1855000, 6, 2), "1.855");
  EXPECT_EQ(format_scaled(1250000, 3, 0), "1250");
  EXPECT_EQ(format_scaled(3275, 3, 0), "3.275");
  EXPECT_EQ(format_scaled(-5, 2, 2), "-0.05");
}

}  // namespace
}  // namespace overdue
