// The whole classifier with the model trained at build time: every reason in English and Chinese,
// the output fields, and input that is not a reply at all.
#include "replies/classifier.h"

#include <gtest/gtest.h>

#include "replies/model_path.h"

namespace overdue::replies {
namespace {

const Classifier& classifier() {
  static std::unique_ptr<Classifier> c = [] {
    auto loaded = Classifier::load(default_model_path(nullptr));
    if (!loaded) throw std::runtime_error(loaded.error().message);
    return std::move(loaded).value();
  }();
  return *c;
}

Classification classify(std::string_view text, const char* received = "2026-03-04") {
  return classifier().classify(text, CivilDate::of(received));
}

struct ReasonCase {
  const char* text;
  Reason reason;
};

TEST(Classifier, EveryReasonInEnglish) {
  const ReasonCase cases[] = {
      {"We paid the invoice yesterday by TT, the bank slip is attached.", Reason::kPaymentSent},
      {"Payment was released on Monday, MT103 attached for your reference.", Reason::kPaymentSent},
      {"Sorry, we overlooked your invoice. It will be paid this week.", Reason::kOversight},
      {"We never received this invoice, could you resend it to our AP mailbox?",
       Reason::kOversight},
      {"Cash flow is very tight this month. Could you give us until the end of April?",
       Reason::kCashFlow},
      {"Our bank has not renewed our credit line yet, we have no funds to pay right now.",
       Reason::kCashFlow},
      {"Our customer has not paid us yet. As soon as they pay, we will pay you.",
       Reason::kAwaitingEndCustomer},
      {"We are still waiting for the project owner to release the payment to us.",
       Reason::kAwaitingEndCustomer},
      {"30 cartons arrived damaged and the colour does not match the sample. We hold payment "
       "until you issue a credit note.",
       Reason::kDispute},
      {"The unit price on your invoice is higher than on our PO. Please correct the invoice.",
       Reason::kDispute},
      {"Our director is travelling this week, he will sign the payment when he is back.",
       Reason::kDelayExcuse},
      {"We are very busy with the year-end audit, we will look at it after the holidays.",
       Reason::kDelayExcuse},
      {"The company has filed for bankruptcy and a liquidator has been appointed.",
       Reason::kInsolvency},
      {"We are closing down the business. Please send your claim to the administrator.",
       Reason::kInsolvency},
      {"I left the company last month. Please contact Mary Lee at mary.lee@buyer.com.",
       Reason::kWrongContact},
      {"Wrong person, I am in sales and not in charge of payments. Please write to "
       "finance@buyer.com.",
       Reason::kWrongContact},
      {"Out of office: I am on vacation until 16 March with limited access to email.",
       Reason::kOther},
      {"Could you send us a statement of account for this year?", Reason::kOther},
  };
  for (const auto& c : cases) {
    Classification got = classify(c.text);
    EXPECT_EQ(to_string(got.reason), to_string(c.reason)) << c.text << "\n  why: " << got.why;
    EXPECT_FALSE(got.why.empty());
  }
}

TEST(Classifier, EveryReasonInChinese) {
  const ReasonCase cases[] = {
      {"货款已于昨天电汇，水单见附件，请查收。", Reason::kPaymentSent},
      {"貨款已經匯出了，匯款水單如附件。", Reason::kPaymentSent},
      {"不好意思，这张发票被我们漏掉了，明天安排付款。", Reason::kOversight},
      {"我们没收到发票原件，麻烦重新发一份。", Reason::kOversight},
      {"最近资金周转困难，能不能宽限到下个月底？", Reason::kCashFlow},
      {"公司現金流很緊，銀行貸款還沒批下來。", Reason::kCashFlow},
      {"我们的客户还没付款给我们，收到后马上付给您。", Reason::kAwaitingEndCustomer},
      {"下游客戶拖款，我們也在追，他們付了我們就付。", Reason::kAwaitingEndCustomer},
      {"这批货有质量问题，很多产品破损，问题解决之前我们暂缓付款。", Reason::kDispute},
      {"发票单价跟合同不一致，请更正后重开发票。", Reason::kDispute},
      {"老板出差了，等他回来签字再付款。", Reason::kDelayExcuse},
      {"最近在忙审计，忙完这阵子就安排。", Reason::kDelayExcuse},
      {"我们公司已经申请破产，请向管理人申报债权。", Reason::kInsolvency},
      {"公司已經停業，正在清算。", Reason::kInsolvency},
      {"我已经离职了，付款的事请联系财务部林小姐：lin@buyer.com", Reason::kWrongContact},
      {"我不负责付款，你找财务吧。", Reason::kWrongContact},
      {"【自动回复】我目前休假中，3月16日返回办公室。", Reason::kOther},
      {"请问能不能发一份对账单给我们？", Reason::kOther},
  };
  for (const auto& c : cases) {
    Classification got = classify(c.text);
    EXPECT_EQ(to_string(got.reason), to_string(c.reason)) << c.text << "\n  why: " << got.why;
  }
}

TEST(Classifier, FieldsOfAPartialPayment) {
  Classification c = classify(
      "Dale here. Sent half today, the other half (USD 6,200.00) goes out by the 30th. MT103 "
      "attached, ref FT25318XK2207, for INV-2025-0741.",
      "2025-12-10");
  EXPECT_EQ(c.reason, Reason::kPaymentSent) << c.why;
  ASSERT_TRUE(c.promise_date.has_value()) << c.why;
  EXPECT_EQ(c.promise_date->iso(), "2025-12-30");
  ASSERT_TRUE(c.promise_amount.has_value()) << c.why;
  EXPECT_EQ(c.promise_amount->str(), "USD 6,200.00");
  EXPECT_EQ(c.invoices, std::vector<std::string>{"INV-2025-0741"});
  ASSERT_EQ(c.references.size(), 1u);
  EXPECT_EQ(c.references[0].value, "FT25318XK2207");
  EXPECT_GT(c.confidence, 0.5);
  EXPECT_NE(c.why.find("promise 2025-12-30"), std::string::npos) << c.why;
}

TEST(Classifier, RedirectOnlyForWrongContact) {
  Classification c = classify("Not my department. Please contact Ms. Lin, accounting@buyer.ca");
  EXPECT_EQ(c.reason, Reason::kWrongContact) << c.why;
  ASSERT_TRUE(c.redirect.has_value());
  EXPECT_EQ(c.redirect->email, "accounting@buyer.ca");
  EXPECT_FALSE(classify("We paid yesterday, copy to ap@buyer.ca").redirect.has_value());
}

// Insolvent and closing buyers: a buyer closing down, dissolving or deregistering its company can
// still promise; in formal proceedings only a date it says it will pay this creditor is one.
TEST(Classifier, WhenAnInsolventBuyerPromises) {
  struct Case {
    const char* text;
    const char* received;
    const char* promise;  // "-": none
  };
  const Case cases[] = {
      {"We are closing the business and filing for bankruptcy at the end of this month.",
       "2026-03-04", "-"},
      {"We are insolvent and an administrator has been appointed; we will pay all invoices by 15 "
       "March.",
       "2026-03-04", "-"},
      {"The company has made an assignment in bankruptcy. The first meeting of creditors is "
       "scheduled for February 24, 2026.",
       "2026-02-03", "-"},
      {"We are winding down under the receiver. He approved that small creditors be paid from the "
       "stock sale: your balance of USD 7,420 will be paid by 15 June.",
       "2027-05-29", "2027-06-15"},
      {"We are closing the business at the end of August, the owners retire. We will pay all "
       "suppliers before we close; your invoice will be paid by 15 August.",
       "2025-07-31", "2025-08-15"},
      {"股东会已决定解散公司，8月底停止营业。欠贵司的货款下个月15号前先付三万。", "2025-07-20",
       "2025-08-15"},
      {"公司月底关门，准备注销。欠您的货款6月1日前全部付清。", "2026-05-23", "2026-06-01"},
  };
  for (const auto& k : cases) {
    Classification c = classify(k.text, k.received);
    EXPECT_EQ(c.reason, Reason::kInsolvency) << k.text << "\n" << c.why;
    EXPECT_EQ(c.promise_date ? c.promise_date->iso() : "-", k.promise) << k.text << "\n" << c.why;
  }
}

TEST(Classifier, ShutDownOrBankruptSomewhereElseIsNotTheBuyersInsolvency) {
  Classification c = classify(
      "Need 10 more days. Wildfires shut down the sites up north and nothing has been billed in 3 "
      "weeks, so no money coming in.",
      "2026-05-20");
  EXPECT_NE(c.reason, Reason::kInsolvency) << c.why;
  c = classify("我们最大的客户破产了，欠我们两百多万，现在也在等清算分钱。你这笔只能往后放一放。",
               "2026-05-20");
  EXPECT_NE(c.reason, Reason::kInsolvency) << c.why;
  c = classify("转咗啦！上个礼拜三，三万二，你睇下收到未。", "2026-05-20");
  EXPECT_EQ(c.reason, Reason::kPaymentSent) << c.why;
}

TEST(Classifier, ACustomersInsolvencyIsNotTheBuyers) {
  Classification c = classify(
      "Because of the insolvency of one of our largest customers we must re-plan our liquidity. "
      "We kindly request a deferral of one month.",
      "2027-05-31");
  EXPECT_NE(c.reason, Reason::kInsolvency) << c.why;
  ASSERT_TRUE(c.promise_date.has_value()) << c.why;
  EXPECT_EQ(c.promise_date->iso(), "2027-06-30");
}

TEST(Classifier, BadInputIsOtherWithNoConfidence) {
  std::string huge(1 << 20, 'a');
  std::string binary = "\x89PNG\r\n\x1a\n";
  binary += std::string(64, '\0');
  std::string invalid = "\xff\xfe\xfd\xfc\xc0\xc1\x80\x80 pay";
  for (const std::string& text : {std::string(), std::string(" \n\t "), huge, binary, invalid}) {
    Classification c = classify(text);
    EXPECT_EQ(c.reason, Reason::kOther);
    EXPECT_EQ(c.confidence, 0.0);
    EXPECT_FALSE(c.readable);
    EXPECT_EQ(c.why.rfind("not classified: ", 0), 0u) << c.why;
  }
}

TEST(Classifier, SomeInvalidBytesAreReadAround) {
  Classification c = classify("We paid yesterday \xff by TT, bank slip attached.");
  EXPECT_TRUE(c.readable);
  EXPECT_EQ(c.reason, Reason::kPaymentSent) << c.why;
  EXPECT_NE(c.why.find("invalid UTF-8"), std::string::npos);
}

TEST(Classifier, MissingModelIsAClearError) {
  auto c = Classifier::load("/nonexistent/overdue-replies.bin");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().message.find("not found"), std::string::npos);
}

}  // namespace
}  // namespace overdue::replies
