// Amounts, invoice numbers, payment references, emails and redirects.
#include <gtest/gtest.h>

#include "replies/amounts.h"
#include "replies/normalize.h"
#include "replies/references.h"

namespace overdue::replies {
namespace {

std::string amounts_of(const char* text) {
  static auto normalizer = Normalizer::create().value();
  std::string out;
  for (const auto& a : find_amounts(normalizer->normalize(text).text)) {
    out += (out.empty() ? "" : "; ") + a.money.str();
  }
  return out;
}

TEST(Amounts, CurrenciesAndNumberFormats) {
  struct Case {
    const char* text;
    const char* amounts;
  };
  const Case cases[] = {
      {"Amount USD 9,216.00 for PO#45512", "USD 9,216.00"},
      {"the other half ($6,200) later", "USD 6,200.00"},
      {"EUR 22.480,00 and EUR 8,40", "EUR 22,480.00; EUR 8.40"},
      {"GBP 5k now", "GBP 5,000.00"},
      {"USD 19,880/- made on 27/08/2026", "USD 19,880.00"},
      {"11,950 dollar by Sonali bank", "USD 11,950.00"},
      {"今天先付了一半3万美金", "USD 30,000.00"},
      {"金额美金12,400元，水单如附件", "USD 12,400.00"},
      {"金額加幣 3,275.50。", "CAD 3,275.50"},
      {"RMB 80000 today", "CNY 80,000.00"},
      {"金額美金參仟伍佰元正", "USD 3,500.00"},
      {"24.650 MT and 480 pcs", ""},
      {"we paid 5 invoices", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(amounts_of(c.text), c.amounts) << c.text;
}

TEST(Amounts, PlainDecimals) {
  EXPECT_EQ(plain_decimal("9,216.00").value(), "9216.00");
  EXPECT_EQ(plain_decimal("22.480,00").value(), "22480.00");
  EXPECT_EQ(plain_decimal("8,40").value(), "8.40");
  EXPECT_EQ(plain_decimal("4.200").value(), "4200");
  EXPECT_EQ(plain_decimal("1,234,567").value(), "1234567");
  EXPECT_FALSE(plain_decimal("1.2.3,4,5").has_value());
  EXPECT_FALSE(plain_decimal(",5").has_value());
}

TEST(References, InvoicesOrdersAndContracts) {
  EXPECT_EQ(find_invoices("invoice INV-2025-0741 (PO#45512, LED panel)"),
            (std::vector<std::string>{"INV-2025-0741", "PO#45512"}));
  EXPECT_EQ(find_invoices("Payment for invoices 1187 and 1192 was processed"),
            (std::vector<std::string>{"1187", "1192"}));
  EXPECT_EQ(find_invoices("合同号HT2025-017项下货款, INV-2026-0388和0391"),
            (std::vector<std::string>{"HT2025-017", "INV-2026-0388", "0391"}));
  EXPECT_EQ(find_invoices("so 3 cartons were short"), std::vector<std::string>{});
}

TEST(References, TrackingSwiftUetrCheques) {
  auto refs = find_references(
      "Check #10482 mailed via FedEx, tracking 7789 4410 2356. MT103 attached, reference "
      "25LDN0917HF4432. UETR 3f9c2a71-8b4e-4d0a-9e56-0c2d7f1a6b93");
  std::vector<Reference> expected = {
      {ReferenceKind::kUetr, "3f9c2a71-8b4e-4d0a-9e56-0c2d7f1a6b93"},
      {ReferenceKind::kTracking, "778944102356"},
      {ReferenceKind::kCheque, "10482"},
      {ReferenceKind::kBankReference, "25LDN0917HF4432"},
  };
  EXPECT_EQ(refs, expected);
  auto zh = find_references("支票號碼 000862，DHL追蹤號碼 5830274916，参考号HSBC25303VAN7719");
  std::vector<Reference> expected_zh = {
      {ReferenceKind::kTracking, "5830274916"},
      {ReferenceKind::kCheque, "000862"},
      {ReferenceKind::kBankReference, "HSBC25303VAN7719"},
  };
  EXPECT_EQ(zh, expected_zh);
  EXPECT_TRUE(find_references("Ref no. in attachment").empty());
}

TEST(References, EmailsAndRedirects) {
  EXPECT_EQ(find_emails("write to ap@maplehearth.ca. or AP@x-y.co.uk"),
            (std::vector<std::string>{"ap@maplehearth.ca", "AP@x-y.co.uk"}));
  struct Case {
    const char* text;
    const char* name;
    const char* email;
  };
  const Case cases[] = {
      {"You'll want Tom Ashby, who's taken over buying: tom.ashby@halefinch.co.uk.", "Tom Ashby",
       "tom.ashby@halefinch.co.uk"},
      {"Please contact Ms. Lin, accounting@pacificcrest.ca", "Ms. Lin",
       "accounting@pacificcrest.ca"},
      {"Not my department. Send it to ap@buckeyevalve.com.", "", "ap@buckeyevalve.com"},
      {"请联系我们财务部林小姐：lin.meihua@pacificcrest.ca", "林小姐",
       "lin.meihua@pacificcrest.ca"},
      {"你找我们老板周总吧，电话 +84 909 318 662。", "周总", ""},
  };
  for (const auto& c : cases) {
    auto r = find_redirect(c.text);
    ASSERT_TRUE(r.has_value()) << c.text;
    EXPECT_EQ(r->name, c.name) << c.text;
    EXPECT_EQ(r->email, c.email) << c.text;
  }
  EXPECT_FALSE(find_redirect("we paid yesterday").has_value());
}

}  // namespace
}  // namespace overdue::replies
