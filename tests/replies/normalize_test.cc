#include "replies/normalize.h"

#include <gtest/gtest.h>

#include "replies/phrase_matcher.h"

namespace overdue::replies {
namespace {

TEST(ChineseNumerals, CountedUnitsBecomeDigits) {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"三天内", "3天内"},
      {"两周", "2周"},
      {"十五号", "15号"},
      {"二十号", "20号"},
      {"十月十五日", "10月15日"},
      {"一个月", "1个月"},
      {"七个工作天", "7个工作天"},
      {"三万美金", "30000美金"},
      {"参仟伍佰元", "3500元"},
      {"二〇二六年", "2026年"},
      {"周一付", "周一付"},
      {"一定付", "一定付"},
      {"下周一定", "下周一定"},
      {"一两天", "一两天"},
      {"十几万", "十几万"},
      {"第一时间", "第一时间"},
      {"usd 6,050两周内", "usd 6,050 2周内"},
      {"5月一日", "5月1日"},
      {"同一日付", "同一日付"},
      {"最后一日", "最后一日"},
      {"同一天付", "同一天付"},
      {"有一天", "有一天"},
      {"一天内", "1天内"},
  };
  for (const auto& c : cases) EXPECT_EQ(chinese_numerals_to_digits(c.in), c.out) << c.in;
}

TEST(Normalizer, FoldsWidthCaseAndScript) {
  auto n = Normalizer::create().value();
  NormalizedText t = n->normalize("ＵＳＤ　５，０００　Paid！我們下週五前匯出，謝謝。");
  EXPECT_EQ(t.text, "usd 5,000 paid!我们下周五前汇出,谢谢。");
  EXPECT_TRUE(t.had_traditional);
  EXPECT_EQ(t.display.substr(0, 9), "USD 5,000");
  EXPECT_EQ(n->normalize("今個月尾前會settle").text, "这个月底前会settle");
}

TEST(Normalizer, CutsQuotedHistory) {
  auto n = Normalizer::create().value();
  struct Case {
    const char* in;
    const char* body;
  };
  const Case cases[] = {
      {"Paid.\n\nOn Fri, 30 Jan 2026, Amy Zhou wrote:\n> please pay", "paid."},
      {"Sent.\n-----Original Message-----\nFrom: Lily\nSubject: overdue", "sent."},
      {"已付。\n\n在 2025年10月22日 周三 15:27，Lily Chen 写道：\n> 请付款", "已付。"},
      {"款已匯出。\n----- 原始郵件 -----\n寄件者：Lily", "款已汇出。"},
      {"> only a quote", "> only a quote"},
  };
  for (const auto& c : cases) {
    NormalizedText t = n->normalize(c.in);
    EXPECT_EQ(t.text, c.body) << c.in;
  }
}

TEST(Normalizer, LanguageOfTheReply) {
  auto n = Normalizer::create().value();
  EXPECT_EQ(n->normalize("We paid on Friday.").language, ReplyLanguage::kEn);
  EXPECT_EQ(n->normalize("货款已于昨天电汇，请查收。").language, ReplyLanguage::kZh);
  EXPECT_EQ(n->normalize("貨款已於昨日匯出，請查收。").language, ReplyLanguage::kZhHant);
  EXPECT_EQ(n->normalize("Hi Amy, payment 上周已经 release 了, 我们 AP system 显示 paid").language,
            ReplyLanguage::kMixed);
}

TEST(Normalizer, AnyBytesAreSafe) {
  auto n = Normalizer::create().value();
  std::string bad = "pay\xff\xfe \xe4\xbd next week \xf0\x9f";
  NormalizedText t = n->normalize(bad);
  EXPECT_NE(t.text.find("next week"), std::string::npos);
  EXPECT_EQ(n->normalize(std::string("a\0b", 3)).text, "a b");
  EXPECT_EQ(n->normalize("").text, "");
}

TEST(PhraseMatcher, WholeWordsUnlessStarred) {
  PhraseMatcher m;
  m.add("paid", 1);
  m.add("apolog*", 2);
  m.add("已付", 3);
  m.add("paid on", 4);
  m.build();
  std::vector<PhraseMatcher::Hit> hits;
  m.find("unpaid. apologies, we paid on friday; 已付款", hits);
  std::vector<int> tags;
  for (const auto& h : hits) tags.push_back(h.tag);
  EXPECT_EQ(tags, (std::vector<int>{2, 1, 4, 3}));
}

}  // namespace
}  // namespace overdue::replies
