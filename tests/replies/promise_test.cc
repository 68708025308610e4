// Every promise-date convention of domain.md §8, in English and Chinese (Simplified, Traditional,
// Chinese numerals, full-width digits), and the replies that name a date but promise nothing.
#include "replies/promise.h"

#include <gtest/gtest.h>

#include "replies/cues.h"
#include "replies/date_scanner.h"
#include "replies/normalize.h"

namespace overdue::replies {
namespace {

// The promise date of `text` received on `received`, or "-".
std::string promise_of(const char* text, const char* received) {
  static auto normalizer = Normalizer::create().value();
  NormalizedText n = normalizer->normalize(text);
  auto cues = find_cues(n.text);
  bool sent = false;
  for (const auto& c : cues) sent |= c.cue == Cue::kPaidPast || c.cue == Cue::kPaymentProof;
  auto decision = decide_promise(n.text, scan_dates(n.text, CivilDate::of(received)), cues, sent);
  return decision.promise ? decision.promise->date->iso() : "-";
}

struct Case {
  const char* text;
  const char* received;
  const char* promise;
};

void check(const std::vector<Case>& cases) {
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.text) + " @ " + c.received);
    EXPECT_EQ(promise_of(c.text, c.received), c.promise);
  }
}

TEST(Promise, EnglishConventions) {
  check({
      {"We will pay tomorrow.", "2026-03-02", "2026-03-03"},
      {"Payment will be made within 10 days.", "2026-03-02", "2026-03-12"},
      {"We can pay in 5 days.", "2026-03-30", "2026-04-04"},
      {"Please give us 3 more days, we pay then.", "2026-03-02", "2026-03-05"},
      {"We will settle it in two weeks.", "2026-03-02", "2026-03-16"},
      {"We will pay by Friday.", "2026-03-03", "2026-03-06"},
      {"We will pay by Friday.", "2026-03-06", "2026-03-06"},
      {"We will pay by Friday.", "2026-03-07", "2026-03-13"},
      {"Payment goes out on Monday.", "2026-03-04", "2026-03-09"},
      {"We will pay next Friday.", "2026-03-02", "2026-03-13"},
      {"We will pay next Monday.", "2026-03-08", "2026-03-09"},
      {"We'll pay this week.", "2026-03-04", "2026-03-08"},
      {"We'll pay next week.", "2026-03-04", "2026-03-15"},
      {"We will pay by the end of the month.", "2026-02-10", "2026-02-28"},
      {"We will pay by the end of April.", "2026-03-15", "2026-04-30"},
      {"We will pay by the end of January.", "2025-12-15", "2026-01-31"},
      {"We will pay next month.", "2026-01-20", "2026-02-28"},
      {"We will pay mid-month.", "2026-03-10", "2026-03-15"},
      {"We will pay mid-April.", "2026-03-10", "2026-04-15"},
      {"We will pay on the 12th.", "2026-03-05", "2026-03-12"},
      {"We will pay on the 12th.", "2026-03-20", "2026-04-12"},
      {"We will pay on the 31st.", "2026-02-10", "2026-02-28"},
      {"We need a month, then we pay in full.", "2026-01-31", "2026-02-28"},
      {"Payment will be released on 2026-03-20.", "2026-03-02", "2026-03-20"},
      {"We will pay on 20/03/2026.", "2026-03-02", "2026-03-20"},
      {"We will pay on March 20.", "2026-03-02", "2026-03-20"},
      {"We will pay on 20 March.", "2026-03-02", "2026-03-20"},
      {"We will pay within 3 working days.", "2026-03-06", "2026-03-11"},
      {"Could you give us another three weeks?", "2026-03-02", "2026-03-23"},
      {"We pay half now, the rest by the 20th.", "2026-03-02", "2026-03-20"},
      {"We can pay part of it next week.", "2026-03-02", "2026-03-15"},
      {"Sent USD 5,000 today, the balance will follow by the end of the month.", "2026-03-02",
       "2026-03-31"},
  });
}

TEST(Promise, ChineseConventions) {
  check({
      {"我们明天付款。", "2026-03-02", "2026-03-03"},
      {"三天内付清。", "2026-03-02", "2026-03-05"},
      {"两周内付款。", "2026-03-02", "2026-03-16"},
      {"我们十天内一定付。", "2026-01-05", "2026-01-15"},
      {"5个工作日内付款。", "2026-03-05", "2026-03-12"},
      {"七个工作天内可以付款。", "2026-07-24", "2026-08-04"},
      {"周五前付。", "2026-03-04", "2026-03-06"},
      {"这周五付。", "2026-03-07", "2026-03-13"},
      {"下周一付款。", "2026-03-04", "2026-03-09"},
      {"下礼拜三前付清。", "2026-03-04", "2026-03-11"},
      {"本周内付清。", "2026-03-04", "2026-03-08"},
      {"下周一定付。", "2026-03-04", "2026-03-15"},
      {"月底前付。", "2026-02-10", "2026-02-28"},
      {"4月底前付清。", "2026-03-15", "2026-04-30"},
      {"下个月付。", "2026-01-20", "2026-02-28"},
      {"下个月中旬付款。", "2026-03-15", "2026-04-15"},
      {"十五号付。", "2026-03-20", "2026-04-15"},
      {"15号付。", "2026-03-10", "2026-03-15"},
      {"一个月内付清。", "2026-01-31", "2026-02-28"},
      {"我们3月20日付款。", "2026-03-02", "2026-03-20"},
      {"预计2026年10月9日付款。", "2026-09-30", "2026-10-09"},
      {"可以宽限到下月10号吗？", "2026-03-02", "2026-04-10"},
      {"能不能再给我们两周？", "2026-03-02", "2026-03-16"},
      {"今天先付一半，剩下的月底前付清。", "2026-01-12", "2026-01-31"},
      {"明年1月底前付清。", "2025-12-12", "2026-01-31"},
  });
}

TEST(Promise, TraditionalCantoneseAndFullWidth) {
  check({
      {"我們下週五前匯出。", "2026-03-04", "2026-03-13"},
      {"十五號付款，謝謝。", "2026-03-20", "2026-04-15"},
      {"兩個禮拜內一定過數俾你。", "2026-07-20", "2026-08-03"},
      {"今個月尾前會settle。", "2026-11-09", "2026-11-30"},
      {"我们１５号付款。", "2026-03-10", "2026-03-15"},
      {"ＵＳＤ５，０００　下周五付。", "2026-03-04", "2026-03-13"},
  });
}

TEST(Promise, DatesThatAreNotPromises) {
  check({
      {"Back after the fair next week, we will talk then.", "2026-03-02", "-"},
      {"I'm out of the office until Monday, March 9.", "2026-03-02", "-"},
      {"We are closing the business at the end of this month.", "2026-03-02", "-"},
      {"We propose to pay in three monthly instalments.", "2026-03-02", "-"},
      {"Our customer promised to pay us on Friday.", "2026-03-02", "-"},
      {"The money was paid on Monday, it should reach you next week.", "2026-03-04", "-"},
      {"We will pay within 5 days of receiving the corrected invoice.", "2026-03-02", "-"},
      {"Maybe next week, I am not sure.", "2026-03-02", "-"},
      {"Wire went out on the 27th.", "2026-03-30", "-"},
      {"Please send a statement as of March 31.", "2026-04-02", "-"},
      {"老板出差了，下周回来再说。", "2026-03-02", "-"},
      {"客户说这周五付款给我们。", "2026-03-02", "-"},
      {"货款已于3月5号汇出。", "2026-03-11", "-"},
      {"公司下个月底正式关门。", "2026-03-02", "-"},
      {"收到发票后三天内付款。", "2026-03-02", "-"},
      {"大概月底吧。", "2026-03-02", "-"},
      {"付款要分三次，具体时间再定。", "2026-03-02", "-"},
  });
}

// Found by reading a development writer's errors (w08, see data/replies/README.md).
TEST(Promise, PaymentRunsTermsSchedulesAndPastWeekdays) {
  check({
      {"I'll get it into Tuesday's check run.", "2025-01-17", "2025-01-21"},
      {"已经 update 好了, 下周一 payment run 会一起出.", "2025-07-05", "2025-07-07"},
      {"We can send you part of it next week (around USD 5,000) and the rest later.", "2026-04-02",
       "2026-04-12"},
      {"The invoice is released for payment with value date 2025-09-19.", "2025-09-13",
       "2025-09-19"},
      {"I've passed it to finance and they will pay before the end of the month.", "2025-02-27",
       "2025-02-28"},
      {"We are closing the business at the end of August; your invoice will be paid by 15 August.",
       "2025-07-31", "2025-08-15"},
      {"Payment from the health department is pending since 4 months.", "2025-06-11", "-"},
      {"Their payment term towards us is 90 days.", "2025-08-20", "-"},
      {"能不能分三期付：5月底、6月底、7月底各付三分之一？", "2025-05-07", "-"},
      {"Paid 25-HK-0870 via ACH to your account Friday. Trace #0910000192.", "2025-10-26", "-"},
      {"財務總監出差歐洲，預計四月中旬回港，屆時再與閣下聯絡。", "2025-03-29", "-"},
      {"For the balance we will discuss next month.", "2025-08-01", "-"},
      {"确认后我们15号付。", "2026-08-10", "2026-08-15"},
  });
}

TEST(Promise, TheirCustomersDateIsNotOurs) {
  check({
      {"客户说这周五打款给我们，到了我们就付你们，最迟下周一。", "2025-12-09", "2025-12-15"},
      {"They have promised us the end of the month, so we'll pay you by 5 November.", "2025-10-17",
       "2025-11-05"},
  });
}

// Round four and five of the corpus (data/replies/README.md): phrasings new writers used, in our
// own words.
TEST(Promise, AbbreviationsCantoneseAndPartsAlreadyPaid) {
  check({
      {"We will pay by Wed.", "2026-03-02", "2026-03-04"},
      {"Transfer goes out on Thurs.", "2026-03-02", "2026-03-05"},
      {"落个礼拜三之前一定过数俾你。", "2025-10-01", "2025-10-08"},
      {"下个月头会还清。", "2025-11-20", "-"},
      {"We already sent USD 3,000 on Monday and the balance will follow on the 20th.", "2026-03-11",
       "2026-03-20"},
      {"We make transfer within 3 days.", "2026-03-02", "2026-03-05"},
      {"I can do the $23k by end of January.", "2025-12-31", "2026-01-31"},
      {"可以 give us until next month 15号吗？", "2026-04-20", "2026-05-15"},
      {"这个月中旬给你。", "2026-03-05", "2026-03-15"},
      {"抱歉漏了，款项已排入下个月5号的付款批次。", "2026-03-10", "2026-04-05"},
      {"It'll be next week, honestly.", "2026-03-04", "2026-03-15"},
      {"Can we push the invoice out to 20 March? I'll pay then.", "2026-02-27", "2026-03-20"},
      {"We ask if it is possible to pay until the end of April.", "2026-03-15", "2026-04-30"},
      {"It will be in this week's payment run, paid by Friday.", "2025-01-13", "2025-01-17"},
      {"Our office is closed until 5 January but I will pay it on 8 January at the latest.",
       "2026-12-28", "2027-01-08"},
      {"关于第 HT-2505 号合同的货款，我们下周五付。", "2026-03-02", "2026-03-13"},
      {"特申请宽限一个月，届时足额支付。\n\n财务科\n2026年3月2日", "2026-03-02", "2026-04-02"},
  });
}

TEST(Promise, DatesThatAreNotPromisesOfRoundFour) {
  check({
      {"Sent today, should land Friday.", "2026-03-02", "-"},
      {"We will pay as you asked last Fri.", "2026-03-02", "-"},
      {"We will transfer the money we promised last Wed.", "2026-03-02", "-"},
      {"Payment will go out, as we promised on the phone last Sat.", "2026-03-02", "-"},
      {"已经付了，银行说周五前到账。", "2026-03-02", "-"},
      {"Payment EUR 5,000 done today, it arrives in 2 days.", "2026-06-17", "-"},
      {"我们每个月10号付款。", "2026-03-02", "-"},
      {"能不能分三个月付清？", "2026-03-02", "-"},
      {"If we pay by 20 March, can you give us 2% discount?", "2026-03-02", "-"},
      {"估计3月底我们能收到客户的钱，收到后再付你们。", "2026-03-02", "-"},
      {"货比合同晚了三周到，我们要求扣款。", "2026-03-02", "-"},
      {"Paid on 31/12, remittance advice attached.", "2027-01-05", "-"},
      {"We will not pay until the goods are replaced. Please propose a solution within 7 days.",
       "2026-03-02", "-"},
      {"这周出差，下周回来再安排付款。", "2026-03-02", "-"},
  });
}

// Round six (writers w14, w15): request words before a span of time, chat spaces between clauses,
// a deadline that makes 付了 a future, words with 款/转 that are not paying, a day after 等到, a
// turn ("but") away from the customer.
TEST(Promise, RequestsChatClausesAndDeadlinesOfRoundSix) {
  check({
      {"Request 10 working days for the invoice, then full payment.", "2026-01-15", "2026-01-29"},
      {"We ask kindly two more weeks, after this we transfer the full amount.", "2025-01-08",
       "2025-01-22"},
      {"I promise to send at least USD 3,000 by Friday, the rest when I can.", "2025-06-11",
       "2025-06-13"},
      {"Don't worry, we will sort you out next week.", "2027-03-17", "2027-03-28"},
      {"客户讲这周付我 钱到了下周就给你打", "2025-09-05", "2025-09-14"},
      {"预计 3月5日 到账，我们 3月6日 安排付款。", "2026-02-20", "2026-03-06"},
      {"我们最晚4月10日前给你付了", "2026-03-27", "2026-04-10"},
      {"可唔可以等到28號先俾？", "2026-03-12", "2026-03-28"},
      {"We propose to settle 40% on 31 August 2026 and to revert on the balance thereafter.",
       "2026-07-27", "2026-08-31"},
      {"Our clients pay us late but we will settle at the end of the month.", "2027-02-18",
       "2027-02-28"},
  });
}

TEST(Promise, DatesThatAreNotPromisesOfRoundSix) {
  check({
      {"Boss away this 2 weeks, can only pay when he is back.", "2026-05-24", "-"},
      {"预计2月23日前后付款，以到账为准。", "2025-01-15", "-"},
      {"问下你们下个月能不能做新款的样品？", "2025-07-06", "-"},
      {"这周我会去市场上催款，有进展告诉您。", "2026-08-02", "-"},
      {"年底要盘点，财务忙得转不开，先别急。", "2026-11-22", "-"},
      {"那个客户还没付我们，他说 next week transfer。他一到账我马上转给你们。", "2025-01-17", "-"},
      {"我们5到10号之间付。", "2026-03-02", "-"},
  });
}

// Round six, writers w16 and w18: a date someone else sets that the buyer pays on ("the same day",
// "on that date", 同日), a request to wait, a delay of N days, slash dates after 至/到, "try",
// a day without its suffix, amounts on dates, and the dates that stay no promise.
TEST(Promise, SameDayRequestsAndAmountsOfRoundSix) {
  check({
      {"They pay us middle of March and I pay you the same day.", "2025-02-28", "2025-03-15"},
      {"客户已通知将于 10 月 20 日付款，本公司将于同日支付贵公司款项。", "2026-09-30",
       "2026-10-20"},
      {"The bank will release our FX allocation on 20 November 2024. We undertake to remit the "
       "full amount on that date.",
       "2024-10-31", "2024-11-20"},
      {"個客話下個月十號找數，我哋收到即日過俾你。", "2027-11-30", "2027-12-10"},
      {"客户确认5月20日前付款，收到后当天转给贵司。", "2024-04-30", "2024-05-20"},
      {"Can you wait 15 days more?", "2026-02-28", "2026-03-15"},
      {"懇請同意本筆款項延後三十天支付。", "2024-07-31", "2024-08-30"},
      {"因 customer 延遲，payment 將延至 2/27 支付。", "2026-01-30", "2026-02-27"},
      {"聽日一定過到數。", "2026-06-30", "2026-07-01"},
      {"她说你们这笔已经排在11月5号付了。", "2025-10-30", "2025-11-05"},
      {"We will try to pay next week.", "2025-03-01", "2025-03-09"},
      {"I will do the transfer before the 10.", "2027-01-04", "2027-01-10"},
      {"Can we split: 10k this Friday, 8k end of July?", "2025-07-01", "2025-07-31"},
      {"I'll need another 3 weeks.", "2026-12-31", "2027-01-21"},
      {"We propose to pay 40% in 15 days and the remaining in two times after.", "2024-09-30",
       "2024-10-15"},
  });
}

TEST(Promise, DatesThatStayNoPromiseInRoundSix) {
  check({
      {"We made the transfer on Friday 26, the receipt is attached.", "2024-07-29", "-"},
      {"公司休息到二月十九號，屆時再跟進貨款事宜。", "2024-02-08", "-"},
      {"年底各方面付款压力都很大。", "2024-12-31", "-"},
      {"Rick is at a trade show next week and I can't release anything without him.", "2027-01-29",
       "-"},
      {"财务部忙到一月中，之后再处理。", "2025-12-31", "-"},
      {"老板这周在日本看展，付款需要他签核。", "2026-01-30", "-"},
      {"We can pay 30% now, the rest we ask to divide for 3 months.", "2026-03-02", "-"},
      {"They promised to release before 30th September. Once they pay us you will get your money "
       "the same day.",
       "2026-09-28", "-"},
      // The corpus convention: paying the moment their money comes in is no date of our own.
      {"我们的客户说下周五付款，收到马上给你们转过去。", "2024-07-31", "-"},
      {"We can try to pay before the end of this month, maybe.", "2025-12-01", "-"},
      {"We will release your payment within 10 working days thereafter.", "2026-06-29", "-"},
  });
}

// Writer w17: a day without its suffix after "pay", "first thing" on a day, money coming in to
// the buyer, the buyer's own boss, a holiday closing.
TEST(Promise, DaysAndAnaphorsOfWriterSeventeen) {
  check({
      {"He tells me he pays the 10, so we pay you the 11, no later.", "2025-07-31", "2025-08-11"},
      {"They say they pay us the 15 and the same day we pay you.", "2024-05-31", "2024-06-15"},
      {"国庆放假，10月9号才上班，上班第一件事就给你付。", "2026-09-30", "2026-10-09"},
      {"佢哋话5月15号过数，我哋同一日付俾你。", "2024-04-30", "2024-05-15"},
      {"老闆話呢個月尾一定俾。", "2025-05-30", "2025-05-31"},
      {"I'll get it paid tomorrow before we shut for Christmas.", "2024-12-23", "2024-12-24"},
      {"Next Monday sure I will deposit in the bank.", "2027-04-30", "2027-05-03"},
  });
  check({
      {"佢哋要到期先付，下个月尾先有钱入。", "2026-06-30", "-"},
      {"周一到公司给你查一下是什么情况。", "2026-02-28", "-"},
      {"今日最后一日，会计已经放咗假，返工先处理。", "2025-12-31", "-"},
  });
}

// Writers w19 and w20: day/month and US month/day slash dates past the 12th, 同一天 and 嗰日 on
// someone else's date, 入数 to come, "N weeks 之后", Indian and casual English for paying, "on or
// before"; and money already gone, a choice of two days, a request filed, a system being fixed.
TEST(Promise, SlashDatesAndSameDaysOfRoundSeven) {
  check({
      {"剩返嘅 balance 我哋 half now, rest by 30/6。", "2027-05-31", "2027-06-30"},
      {"It is scheduled for payment in our 11/20 payment run.", "2026-11-10", "2026-11-20"},
      {"我們的 end customer 付款延到下個月中旬，我們也是同一天付你們。", "2026-03-31",
       "2026-04-15"},
      {"佢話下個月中會入，我哋都係嗰日畀返你。", "2025-07-31", "2025-08-15"},
      {"已經 approve 咗，3 working days 內入數。", "2025-05-14", "2025-05-19"},
      {"two weeks 之后 pay 你。", "2026-04-30", "2026-05-14"},
      {"Shall do the needful by Monday.", "2024-03-28", "2024-04-01"},
      {"Sorry, forgot completely. Doing it Monday.", "2027-04-30", "2027-05-03"},
      {"本司將於10月8日或之前向貴司全數支付。", "2025-09-25", "2025-10-08"},
  });
  check({
      {"Transfer went on Friday. Should arrive Tuesday or Wednesday.", "2026-03-30", "-"},
      {"Check #104877 was mailed on 2/26. Should reach you by end of next week.", "2026-03-02",
       "-"},
      {"Done. Transfer executed this morning.", "2026-07-31", "-"},
      {"Money sent on Friday through the bank. It should reflect by Wednesday.", "2026-09-01", "-"},
      {"我今天补上申请，领导批了就付。", "2024-08-30", "-"},
      {"IT 说 two weeks 内修好，之后立刻付。", "2027-01-04", "-"},
      {"payment 已经 release 了，今天 bank 那边应该会到。", "2024-06-28", "-"},
      {"We are in year-end close through mid-January and no payments go out until then.",
       "2025-12-31", "-"},
      {"可以用人民币付吗？如果得，我哋聽日就可以過數。", "2025-04-15", "-"},
      {"The transfer was ordered today; the conversion takes one extra day.", "2026-02-27", "-"},
  });
}

}  // namespace
}  // namespace overdue::replies
