// Letter formatting per language and the template set: built-in files, user overrides, and the
// errors a user's template directory gets (FILE:LINE:COLUMN).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "mail/letter_text.h"
#include "mail/templates.h"

namespace overdue::mail {
namespace {

namespace fs = std::filesystem;

TEST(LetterText, DatesAmountsAndNamesPerLanguage) {
  CivilDate d = CivilDate::of("2026-03-04");
  EXPECT_EQ(letter_date(d, Language::kEn), "4 March 2026");
  EXPECT_EQ(letter_date(d, Language::kZh), "2026年3月4日");
  EXPECT_EQ(letter_date(CivilDate::of("2026-12-31"), Language::kZhHant), "2026年12月31日");
  EXPECT_EQ(letter_money(Money(Currency::of("USD"), 1234567)), "USD 12,345.67");
  EXPECT_EQ(letter_money(Money(Currency::of("JPY"), 3000000)), "JPY 3,000,000");
  EXPECT_EQ(letter_unit_price(UnitPrice{7125000}, Currency::of("USD")), "USD 7.125");
  EXPECT_EQ(letter_unit_price(UnitPrice{20000000}, Currency::of("USD")), "USD 20.00");
  EXPECT_EQ(letter_quantity(Quantity{1250000}), "1250");
  EXPECT_EQ(letter_quantity(Quantity{12500}), "12.5");
  EXPECT_EQ(join_names({}, Language::kEn, "Sir or Madam"), "Sir or Madam");
  EXPECT_EQ(join_names({"Anna"}, Language::kEn, ""), "Anna");
  EXPECT_EQ(join_names({"Anna", "Li Wei"}, Language::kEn, ""), "Anna and Li Wei");
  EXPECT_EQ(join_names({"A", "B", "C"}, Language::kEn, ""), "A, B and C");
  EXPECT_EQ(join_names({"陈伟", "林小姐"}, Language::kZh, ""), "陈伟、林小姐");
  EXPECT_EQ(country_name("DE", Language::kEn), "Germany");
  EXPECT_EQ(country_name("DE", Language::kZh), "德国");
  EXPECT_EQ(country_name("DE", Language::kZhHant), "德國");
  EXPECT_EQ(to_traditional("请于付款后发送银行水单"), "請於付款後發送銀行水單");
  EXPECT_EQ(dispute_category_name(DisputeCategory::kQuality, Language::kZh), "质量");
}

class UserTemplates : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("overdue-templates-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& rel, const std::string& text) {
    fs::create_directories((dir_ / rel).parent_path());
    std::ofstream(dir_ / rel, std::ios::binary) << text;
  }
  fs::path dir_;
};

TEST_F(UserTemplates, AUserFileReplacesTheBuiltInOneAndZhHantFallsBackToConvertedZh) {
  write("en/reminder.mustache", "Subject: Hello {{invoice_list}}\n\nBody\n");
  write("zh/reminder.mustache", "Subject: 发票{{invoice_list}}逾期\n\n请付款。\n");
  auto set = TemplateSet::load(dir_.string());
  ASSERT_TRUE(set) << set.error().message;
  EXPECT_EQ(set.value().get(Language::kEn, "reminder").text, "Subject: Hello {{invoice_list}}\n\nBody\n");
  EXPECT_EQ(set.value().get(Language::kEn, "reminder").origin, (dir_ / "en/reminder.mustache").string());
  TemplateText hant = set.value().get(Language::kZhHant, "reminder");
  EXPECT_EQ(hant.text, "Subject: 發票{{invoice_list}}逾期\n\n請付款。\n");
  write("zh-Hant/reminder.mustache", "Subject: 台灣版\n\n本文\n");
  auto again = TemplateSet::load(dir_.string());
  ASSERT_TRUE(again);
  EXPECT_EQ(again.value().get(Language::kZhHant, "reminder").text, "Subject: 台灣版\n\n本文\n");
}

TEST_F(UserTemplates, EveryProblemNamesFileLineAndColumn) {
  write("en/reminder.mustache", "Subject: ok\n\nDear {{salutation}},\n{{#invoices}}\n  {{invoice_no}}\n");
  write("en/remindr.mustache", "Subject: typo\n\nx\n");
  write("zh/firm_reminder.mustache", "no subject line here\n");
  write("fr/reminder.mustache", "Subject: x\n\ny\n");
  write("en/final_notice.mustache", std::string("Subject: x\n\nbad \xff byte\n"));
  auto set = TemplateSet::load(dir_.string());
  ASSERT_FALSE(set);
  const std::string& m = set.error().message;
  std::string d = dir_.string();
  EXPECT_NE(m.find(d + "/en/final_notice.mustache:3:5: not valid UTF-8"), std::string::npos) << m;
  EXPECT_NE(m.find(d + "/en/reminder.mustache:4:1: malformed template: Unclosed section \"invoices\""),
            std::string::npos) << m;
  EXPECT_NE(m.find(d + "/en/remindr.mustache:1:1: unknown template file"), std::string::npos) << m;
  EXPECT_NE(m.find(d + "/fr/reminder.mustache:1:1: not in a language directory"), std::string::npos) << m;
  EXPECT_NE(m.find(d + "/zh/firm_reminder.mustache:1:1: expected \"Subject: …\""), std::string::npos) << m;
}

TEST_F(UserTemplates, AMissingDirectoryIsAnError) {
  auto set = TemplateSet::load((dir_ / "nope").string());
  ASSERT_FALSE(set);
  EXPECT_NE(set.error().message.find("no such templates directory"), std::string::npos);
}

TEST(BuiltInTemplates, EveryLetterAndPartialExistsInEnglishAndChineseAndIsWellFormed) {
  auto set = TemplateSet::load("");
  ASSERT_TRUE(set);
  for (Language lang : {Language::kEn, Language::kZh}) {
    for (const auto& name : template_names()) {
      TemplateText t = set.value().get(lang, name);
      ASSERT_FALSE(t.text.empty()) << t.origin << " is missing";
      auto problems = check_template(t, true);
      EXPECT_TRUE(problems.empty()) << problems.front();
    }
    for (const auto& name : partial_names()) {
      TemplateText t = set.value().get(lang, name);
      ASSERT_FALSE(t.text.empty()) << t.origin << " is missing";
      auto problems = check_template(t, false);
      EXPECT_TRUE(problems.empty()) << problems.front();
    }
  }
}

}  // namespace
}  // namespace overdue::mail
