#include "domain/civil_date.h"

#include <gtest/gtest.h>

#include "domain/terms.h"

namespace overdue {
namespace {

TEST(CivilDate, ParsesStrictIso) {
  EXPECT_EQ(CivilDate::of("2026-03-04").iso(), "2026-03-04");
  EXPECT_FALSE(CivilDate::parse("2026-02-30").ok());
  EXPECT_FALSE(CivilDate::parse("2026-2-3").ok());
  EXPECT_FALSE(CivilDate::parse("04/03/2026").ok());
  EXPECT_FALSE(CivilDate::parse("2026-13-01").ok());
  EXPECT_TRUE(CivilDate::parse("2024-02-29").ok());
  EXPECT_FALSE(CivilDate::parse("2025-02-29").ok());
}

TEST(CivilDate, DayArithmeticAndEndOfMonth) {
  CivilDate d = CivilDate::of("2026-01-31");
  EXPECT_EQ(d.plus_days(1).iso(), "2026-02-01");
  EXPECT_EQ(d.plus_days(-31).iso(), "2025-12-31");
  EXPECT_EQ(d.plus_months(1).iso(), "2026-02-28");
  EXPECT_EQ(CivilDate::of("2024-01-31").plus_months(1).iso(), "2024-02-29");
  EXPECT_EQ(CivilDate::of("2026-02-10").end_of_month().iso(), "2026-02-28");
  EXPECT_EQ(CivilDate::of("2026-03-01").days_since(CivilDate::of("2026-02-01")), 28);
  EXPECT_EQ(CivilDate::of("2026-11-23").iso_weekday(), 1u);  // Monday
  EXPECT_EQ(CivilDate::of("2026-11-22").iso_weekday(), 7u);  // Sunday
}

TEST(Terms, ParsesAllBases) {
  EXPECT_EQ(PaymentTerms::parse("60-BL")->str(), "60-BL");
  EXPECT_EQ(PaymentTerms::parse("0-INV")->days, 0);
  EXPECT_FALSE(PaymentTerms::parse("60BL").ok());
  EXPECT_FALSE(PaymentTerms::parse("60-XX").ok());
  EXPECT_FALSE(PaymentTerms::parse("-60-BL").ok());
  EXPECT_FALSE(PaymentTerms::parse("sixty-BL").ok());
  EXPECT_FALSE(PaymentTerms::parse("60-bl").ok());
}

TEST(Terms, DueDatesFromEachBasis) {
  TermsBasisDates dates{CivilDate::of("2026-01-15"), CivilDate::of("2026-01-20"),
                        CivilDate::of("2026-02-25")};
  EXPECT_EQ(due_date_for(*PaymentTerms::parse("30-INV"), dates)->iso(), "2026-02-14");
  EXPECT_EQ(due_date_for(*PaymentTerms::parse("60-BL"), dates)->iso(), "2026-03-21");
  EXPECT_EQ(due_date_for(*PaymentTerms::parse("45-RCV"), dates)->iso(), "2026-04-11");
  EXPECT_EQ(due_date_for(*PaymentTerms::parse("30-EOM"), dates)->iso(), "2026-03-02");
}

TEST(Terms, MissingBasisDateIsAnError) {
  TermsBasisDates dates{CivilDate::of("2026-01-15"), std::nullopt, std::nullopt};
  auto bl = due_date_for(*PaymentTerms::parse("60-BL"), dates);
  ASSERT_FALSE(bl.ok());
  EXPECT_NE(bl.error().message.find("ship_date"), std::string::npos);
  auto rcv = due_date_for(*PaymentTerms::parse("45-RCV"), dates);
  ASSERT_FALSE(rcv.ok());
  EXPECT_NE(rcv.error().message.find("received_date"), std::string::npos);
}

}  // namespace
}  // namespace overdue
