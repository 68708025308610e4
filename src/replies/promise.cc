#include "replies/promise.h"

#include <algorithm>

#include "replies/text_spans.h"

namespace overdue::replies {
namespace {

// "9月4日后", "10月6日以后", "下周起": the date starts something, it is no deadline.
bool starts_something(std::string_view text, std::size_t end) {
  return followed_by_word(text, end, {"后", "以后", "之后", "起", "开始", "onwards", "onward"});
}

// Currency codes buyers write beside an amount (normalized text is lower-case).
constexpr std::string_view kCurrencyCodes[] = {"usd", "eur", "gbp", "cny", "rmb", "jpy", "hkd"};

// "around USD 5,000", "about 50%": what follows the word is an amount.
bool amount_follows(std::string_view text, std::size_t end) {
  std::size_t i = end;
  while (i < text.size() && text[i] == ' ') ++i;
  if (i >= text.size()) return false;
  if (text[i] >= '0' && text[i] <= '9') return true;
  for (std::string_view code : kCurrencyCodes) {
    if (text.compare(i, code.size(), code) == 0) return true;
  }
  for (std::string_view symbol : {"$", "€", "£", "¥"}) {
    if (text.compare(i, symbol.size(), symbol) == 0) return true;
  }
  return false;
}

// "8k end of July", "USD 3,000 on Friday": an amount right before the date, in its clause.
bool amount_precedes(std::string_view text, std::size_t begin, Span clause) {
  std::size_t i = begin;
  while (i > clause.begin && text[i - 1] == ' ') --i;
  for (std::string_view word : {"on", "by", "before", "in"}) {  // "USD 3,000 on Friday"
    if (i >= clause.begin + word.size() && text.substr(i - word.size(), word.size()) == word) {
      i -= word.size();
      while (i > clause.begin && text[i - 1] == ' ') --i;
      break;
    }
  }
  if (i > clause.begin && (text[i - 1] == 'k' || text[i - 1] == '%')) --i;  // 8k, 40%
  for (std::string_view code : kCurrencyCodes) {
    if (i >= clause.begin + code.size() && text.substr(i - code.size(), code.size()) == code) {
      return true;
    }
  }
  return i > clause.begin && text[i - 1] >= '0' && text[i - 1] <= '9';
}

// The date is all its line holds: a letter's date under the signature.
bool line_holds_only(std::string_view text, const DateMention& m) {
  std::size_t begin = text.rfind('\n', m.begin == 0 ? 0 : m.begin - 1);
  begin = begin == std::string_view::npos ? 0 : begin + 1;
  std::size_t end = text.find('\n', m.end);
  if (end == std::string_view::npos) end = text.size();
  if (begin == 0 && end == text.size()) return false;  // a one-line reply that is just a date
  for (std::size_t i = begin; i < end; ++i) {
    if (i >= m.begin && i < m.end) continue;
    char c = text[i];
    if (c != ' ' && c != '.' && c != '\r') return false;
  }
  return true;
}

class Scorer {
 public:
  Scorer(std::string_view text, const std::vector<CueHit>& cues, PromiseCandidate& c)
      : text_(text), cues_(cues), c_(c) {}

  // The first cue of `kind` inside `span` and not inside the mention itself, or nullptr.
  const CueHit* find(Cue kind, Span span) const {
    for (const CueHit& h : cues_) {
      if (h.cue != kind || !span.contains(h.begin, h.end)) continue;
      if (h.begin >= c_.mention.begin && h.end <= c_.mention.end) continue;
      if (kind == Cue::kPayVerb && (inside_other_cue(h) || negated(h))) continue;
      if (kind == Cue::kFuture && inside_evidence(h)) continue;  // 会 in 会计
      return &h;
    }
    return nullptr;
  }
  bool has(Cue kind, Span span) const { return find(kind, span) != nullptr; }
  // The first cue of `kind` in `span` for which `keep(hit)` holds.
  template <typename Keep>
  const CueHit* find_if(Cue kind, Span span, Keep keep) const {
    for (const CueHit& h : cues_) {
      if (h.cue == kind && span.contains(h.begin, h.end) && keep(h)) return &h;
    }
    return nullptr;
  }
  // A pay verb inside a longer phrase of another meaning ("贷款" loan, "付款条件" terms, "send
  // you a proposal") is not a pay verb.
  bool inside_other_cue(const CueHit& h) const {
    for (const CueHit& other : cues_) {
      if (!encloses(other, h)) continue;
      switch (other.cue) {
        case Cue::kPaidPast:
        case Cue::kPayVerb:
        case Cue::kBalance:
        case Cue::kPartial:
        case Cue::kAskTime:
        case Cue::kPromiseWord:
        case Cue::kFuture:
        case Cue::kDeadline:
        case Cue::kPaymentProof:
        case Cue::kCheque:
        case Cue::kCourier:
        // "finance will pay it Monday"; a customer's date is scored apart.
        case Cue::kThirdPartySays:
          continue;
        default:
          return true;
      }
    }
    return false;
  }
  // A word inside a longer phrase that is evidence for a reason ("会计", "不会付").
  bool inside_evidence(const CueHit& h) const {
    return std::any_of(cues_.begin(), cues_.end(),
                       [&](const CueHit& o) { return is_evidence(o.cue) && encloses(o, h); });
  }
  // "can't release anything without him": a payment that will not be made.
  bool negated(const CueHit& h) const {
    return preceded_by_word(
        text_, h.begin,
        {"can't", "cannot", "can not", "won't", "unable to", "not able to", "couldn't"});
  }
  // "已经汇出", "already paid": past even next to a future word.
  const CueHit* explicit_past(Span span) const {
    for (const CueHit& h : cues_) {
      if (h.cue != Cue::kPaidPast || !span.contains(h.begin, h.end)) continue;
      std::string_view t = text_.substr(h.begin, h.end - h.begin);
      if (t.find("已") != std::string_view::npos || t.find("already") != std::string_view::npos ||
          t.find("终于") != std::string_view::npos || t.find("finally") != std::string_view::npos) {
        return &h;
      }
    }
    return nullptr;
  }

  void add(int points, std::string_view what, const CueHit* hit = nullptr) {
    c_.score += points;
    std::string line = (points > 0 ? "+" : "") + std::to_string(points) + " " + std::string(what);
    if (hit) line += " '" + std::string(text_.substr(hit->begin, hit->end - hit->begin)) + "'";
    c_.reasons.push_back(std::move(line));
  }
  // Adds `points` when a cue of `kind` is in `span`; says whether it was.
  bool rule(Cue kind, Span span, int points, std::string_view what) {
    if (const CueHit* h = find(kind, span)) {
      add(points, what, h);
      return true;
    }
    return false;
  }
  bool anywhere(Cue kind) const { return has(kind, Span{0, text_.size()}); }
  // The reply names no other date than this one.
  bool only_date() const { return dated_mentions_ == 1; }
  // How many single dates to come the reply names (three or more with instalments: a schedule).
  int schedule_dates() const { return schedule_dates_; }
  void set_schedule_dates(int n) { schedule_dates_ = n; }
  void set_dated_mentions(int n) { dated_mentions_ = n; }

 private:
  std::string_view text_;
  const std::vector<CueHit>& cues_;
  PromiseCandidate& c_;
  int dated_mentions_ = 0;
  int schedule_dates_ = 0;
};

// "最晚4月10日前", "at the latest by": a deadline that makes "付了" a future.
bool latest_by(std::string_view text, const Scorer& s, Span near_before) {
  return s.find_if(Cue::kDeadline, near_before, [&](const CueHit& h) {
    std::string_view t = text.substr(h.begin, h.end - h.begin);
    return t == "最晚" || t == "最迟" || t == "不超过" ||
           t.find("latest") != std::string_view::npos ||
           t.find("no later") != std::string_view::npos;
  }) != nullptr;
}

// "排在11月5号付了", "scheduled for": the payment is set for the date, not made.
bool scheduled_for(std::string_view text, const Scorer& s, Span near_before) {
  return s.find_if(Cue::kPayVerb, near_before, [&](const CueHit& h) {
    std::string_view t = text.substr(h.begin, h.end - h.begin);
    return t == "排在" || t == "排入" || t == "排进" || t == "scheduled";
  }) != nullptr;
}

// The bytes of `span` that are not blanks or stops, leaving out [skip_begin, skip_end).
std::size_t letters_in(std::string_view text, Span span, std::size_t skip_begin = 0,
                       std::size_t skip_end = 0) {
  std::size_t letters = 0;
  for (std::size_t i = span.begin; i < span.end; ++i) {
    if (i >= skip_begin && i < skip_end) continue;
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c != ' ' && c != '.' && c != '!') ++letters;
  }
  return letters;
}

// True when the clause holds nothing but the date (and a preposition or two).
bool alone_in_clause(std::string_view text, const DateMention& m, Span clause) {
  return letters_in(text, clause, m.begin, m.end) <= 8;  // "on", "by", "before", "之前"
}

// "对方的款项12月15号才会进来，我们当天就转给贵司", "…下月中旬拨款，届时即转付贵司", "they pay us
// middle of March and I pay you the same day", "… available on 20 November. We undertake to remit
// the full amount on that date.": what follows pays on the same day ("当天", "届时", "then"), so
// a date that is someone else's (their customer's, the bank's) is the promise.
bool anaphoric_payment(std::string_view text, const DateMention& m, Scorer& s, Span clause,
                       Span sentence) {
  auto names = [&](Span span, std::initializer_list<std::string_view> anaphors) {
    std::string_view words = text.substr(span.begin, span.end - span.begin);
    for (std::string_view anaphor : anaphors) {
      if (words.find(anaphor) != std::string_view::npos) return true;
    }
    return false;
  };
  Span next = clause_after(text, clause);
  if (clause.end + 1 < sentence.end && !s.has(Cue::kNonPayAction, next) &&  // 届时再跟进
      names(next, {"当天", "当日", "同日", "同一天", "同一日", "即日", "届时", "到时", "第一件事",
                   "嗰日", "那天", "that day", "same day", "then", "first thing"})) {
    return s.rule(Cue::kPayVerb, next, 4, "paid on that day");
  }
  // Further on, only when the date is not already the buyer's own ("能否延至1月中旬支付？届时…").
  bool theirs = s.has(Cue::kEndCustomer, clause) || s.has(Cue::kTheyOweUs, clause) ||
                s.has(Cue::kThirdPartySays, clause);
  if (!theirs && (s.has(Cue::kPayVerb, clause) || s.has(Cue::kAskTime, clause))) return false;
  Span rest{m.end, clause.end};  // "… middle of March and I pay you the same day"
  if (names(rest, {"当天", "当日", "同日", "同一天", "同一日", "same day"})) {
    return s.rule(Cue::kPayVerb, rest, 4, "paid on that day");
  }
  // Not "… before 30th September. Once they pay us you will get it the same day.": that day is
  // the day they pay, whenever it is.
  Span following = clause_around(text, sentence.end + 1, sentence.end + 1);
  if (sentence.end + 1 < text.size() && !s.has(Cue::kCondition, following) &&
      !s.has(Cue::kWhenTheyPay, following) &&
      names(following, {"that date", "that day", "same day", "当天", "当日", "届时"})) {
    return s.rule(Cue::kPayVerb, following, 4, "paid on that day");
  }
  return false;
}

// Words before a span of time that ask for it: "give us 10 more days", "再等两周", "can you wait
// 15 days more?", "I'll need another 3 weeks".
// clang-format off
const std::initializer_list<std::string_view> kAsksForTime = {
    "给我", "给我们", "再给", "宽限", "再等", "等", "need", "needs", "need another", "needs another",
    "give us", "give me", "give us another", "give me another", "allow us", "grant us", "request",
    "requesting", "ask", "ask for", "asking for", "ask for another", "ask kindly", "kindly ask",
    "wait", "wait for"};
// clang-format on

void score(std::string_view text, const std::vector<CueHit>& cues, bool money_already_sent,
           int dated_mentions, int schedule_dates, PromiseCandidate& c) {
  const DateMention& m = c.mention;
  Scorer s(text, cues, c);
  s.set_dated_mentions(dated_mentions);
  s.set_schedule_dates(schedule_dates);
  if (!m.date || m.form == DateForm::kPast || m.form == DateForm::kAmbiguous) {
    s.add(-10, std::string("not a single future date (") + std::string(to_string(m.form)) + ")");
    return;
  }
  const Span clause = clause_around(text, m.begin, m.end);
  const Span sentence = sentence_around(text, m.begin, m.end);
  const Span after_in_clause{m.end, clause.end};
  const Span near_before = clamp(m.begin > 20 ? m.begin - 20 : 0, m.begin, clause);
  const Span near_after = clamp(m.end, m.end + 12, clause);
  const Span near = clamp(m.begin > 40 ? m.begin - 40 : 0, m.end + 40, clause);
  const Span hedge_window = clamp(m.begin > 30 ? m.begin - 30 : 0, m.end + 12, clause);

  // What makes it a promise: paying, a request for time, the rest of a payment, or paying "then".
  const bool same_day = anaphoric_payment(text, m, s, clause, sentence);
  c.same_day = same_day;
  const bool pay_in_clause =
      same_day || s.rule(Cue::kAskTime, clause, 4, "asks for time until then") ||
      s.rule(Cue::kPayVerb, clause, 3, "pay verb") || s.rule(Cue::kBalance, clause, 3, "the rest");
  const bool future_in_clause = s.rule(Cue::kFuture, clause, 1, "future");
  if (pay_in_clause) s.rule(Cue::kBalance, clause, 1, "the rest");
  bool pay = pay_in_clause;
  if (!pay && m.relative() && preceded_by_word(text, m.begin, kAsksForTime)) {
    pay = true;
    s.add(4, "asks for time until then");
  }
  if (!pay && alone_in_clause(text, m, clause) && clause.begin > sentence.begin + 1) {
    // "我们节后付，10月12号", "We pay only for 452 pcs, on 20th": the date completes the clause
    // before it.
    Span previous = clause_before(text, clause);
    pay = s.rule(Cue::kAskTime, previous, 3, "asks for time just before") ||
          s.rule(Cue::kPayVerb, previous, 3, "pay verb just before");
  }
  if (!pay) {
    pay = s.rule(Cue::kAskTime, sentence, 3, "asks for time") ||
          s.rule(Cue::kPartial, clause, 2, "part") ||
          s.rule(Cue::kPayVerb, sentence, 2, "pay verb in the sentence");
  }
  if (!pay && !money_already_sent) pay = s.rule(Cue::kArrival, clause, 2, "money will reach you");
  if (!pay && amount_precedes(text, m.begin, clause)) {  // "10k this Friday, 8k end of July"
    pay = true;
    s.add(2, "an amount on that date");
  }
  if (!pay && sentence.end - sentence.begin < 48) {  // "Realistically, mid-May." after an ask
    Span previous = sentence_before(text, sentence);
    pay = s.rule(Cue::kPayVerb, previous, 3, "pay verb just before") ||
          s.rule(Cue::kAskTime, Span{0, text.size()}, 3, "asks for time");
  }
  if (!future_in_clause) s.rule(Cue::kFuture, sentence, 1, "future in the sentence");
  s.rule(Cue::kPromiseWord, sentence, 1, "promise");
  if (!s.rule(Cue::kDeadline, near_before, 1, "deadline")) {
    s.rule(Cue::kDeadline, near_after, 1, "deadline");
  }
  if (!pay && text.size() < 48 && s.only_date()) {
    pay = true;
    s.add(3, "a short reply that names a date");
  }
  if (!pay) s.add(-2, "no payment in sight");

  // What makes it something else.
  const CueHit* past = s.explicit_past(pay_in_clause || future_in_clause ? clause : sentence);
  if (past && past->end <= m.begin && s.has(Cue::kBalance, Span{past->end, m.begin})) {
    // "already sent USD 6,000 on Saturday and the balance will follow on the 10th"
    s.add(0, "the rest after a part already paid", past);
  } else if (past) {
    s.add(-5, "already paid", past);
  } else if (!future_in_clause && !(m.relative() && s.has(Cue::kDeadline, near_before)) &&
             !latest_by(text, s, near_before) && !scheduled_for(text, s, near_before)) {
    // not "we make transfer within 2 days", "最晚4月10日前给你付了", "排在11月5号付了"
    s.rule(Cue::kPaidPast, clause, -5, "already paid");
  }
  if (!future_in_clause) s.rule(Cue::kPastMarker, near_before, -2, "past");
  // The buyer's customer's date, unless the reply pays on that same day.
  // "money comes slow from our customers but we pay end of the month": after a "but" the
  // clause turns to the buyer itself.
  Span customer_window = clamp(m.begin > 40 ? m.begin - 40 : 0, m.end + 12, clause);
  for (std::string_view turn : {" but ", "但", "不过", "however"}) {
    std::string_view head = text.substr(customer_window.begin, m.begin - customer_window.begin);
    if (std::size_t at = head.rfind(turn); at != std::string_view::npos) {
      customer_window.begin += at + turn.size();
    }
  }
  if (!same_day) {
    bool customer = s.rule(Cue::kEndCustomer, customer_window, -3, "their customer") ||
                    s.rule(Cue::kTheyOweUs, customer_window, -3, "paid to us") ||
                    s.rule(Cue::kToUs, customer_window, -3, "to us");
    if (!customer && (s.anywhere(Cue::kEndCustomer) || s.anywhere(Cue::kTheyOweUs))) {
      // "那个客户 still not pay us … 说 next week transfer"
      if (!s.rule(Cue::kThirdPartySays, customer_window, -4, "their customer's date") &&
          preceded_by_word(text, m.begin, {"说", "话", "said", "says", "say"}) &&
          !preceded_by_word(text, m.begin,  // the buyer's own boss
                            {"老板说", "老板话", "老总说", "boss said", "boss says"})) {
        s.add(-4, "their customer's date");
      }
    }
  }
  const CueHit* return_after = s.find(Cue::kReturn, near_after);
  if (return_after && (starts_something(text, return_after->end) ||
                       followed_by_word(text, return_after->end, {"再", "后再"}))) {  // 回来再安排
    s.add(-4, "after a return");
  } else if (!pay_in_clause) {
    s.rule(Cue::kReturn, near_before, -3, "a return") ||
        s.rule(Cue::kReturn, near_after, -3, "a return");
  }
  // "next week (around USD 5,000)": a hedge on the amount leaves the date firm.
  if (const CueHit* hedge = s.find_if(Cue::kHedge, hedge_window, [&](const CueHit& h) {
        std::size_t next = h.end;
        while (next < text.size() && text[next] == ' ') ++next;
        return next == m.begin || !amount_follows(text, h.end);  // "大概3月底": the date itself
      })) {
    s.add(-3, "hedged", hedge);
  } else if (Span next = clause_after(text, clause);
             clause.end + 1 < sentence.end && letters_in(text, next) <= 12 &&
             std::none_of(text.begin() + next.begin, text.begin() + next.end,
                          [](char c) { return c >= '0' && c <= '9'; })) {
    // "before the end of this month, maybe." (not "月中, around 15th": the date again)
    s.rule(Cue::kHedge, next, -3, "hedged");
  }
  // "sent today, should land Friday": when the money has gone, its arrival is no promise,
  // unless the clause is about a further part ("the rest will reach you by …").
  if (money_already_sent &&
      (!future_in_clause || (!s.has(Cue::kBalance, clause) && !s.has(Cue::kPartial, clause)))) {
    s.rule(Cue::kArrival, clause, -4, "arrival of money sent");
  }
  if (m.relative() && preceded_by_word(text, m.begin,
                                       {"since", "for the past", "for the last", "already",
                                        "pending for", "已经", "已", "都", "已经有"})) {
    s.add(-5, "a time already gone by");
  }
  // "whose payment term towards us is 90 days", "账期是90天": a term, not a date.
  if (m.relative() && !s.has(Cue::kAskTime, clause)) {  // not "将付款期延长两个星期"
    Span before = clamp(m.begin > 40 ? m.begin - 40 : 0, m.begin, clause);
    const CueHit* term = s.find_if(Cue::kNonPayAction, before, [&](const CueHit& h) {
      std::string_view t = text.substr(h.begin, h.end - h.begin);
      return t.find("term") != std::string_view::npos ||
             t.find("period") != std::string_view::npos ||
             t.find("账期") != std::string_view::npos || t.find("付款期") != std::string_view::npos;
    });
    if (term) s.add(-4, "a payment term", term);
  }
  // "on reservist this 2 weeks", "these 3 days": a period now running, not a date to come.
  if (m.relative() && preceded_by_word(text, m.begin, {"this", "these", "the past", "the last"})) {
    s.add(-4, "a period now running");
  }
  // "每个月7号付款", "every month on the 5th": a recurring day, not one date.
  if (preceded_by_word(text, m.begin,
                       {"每个月", "每月", "每周", "每个礼拜", "every", "each month on the"})) {
    s.add(-5, "a recurring day");
  }
  // "closed until 5 January", "away until the 20th": when someone is back, not a payment.
  const Span away_window = clamp(m.begin > 40 ? m.begin - 40 : 0, m.begin, clause);
  if (preceded_by_word(text, m.begin, {"until", "till", "to", "through", "到"}) &&
      (s.has(Cue::kHoliday, away_window) || s.has(Cue::kAway, away_window) ||
       s.has(Cue::kOutOfOffice, away_window) || s.has(Cue::kBusy, away_window) ||
       s.has(Cue::kAudit, away_window))) {
    s.add(-4, "closed or away until then");
  }
  // "Tuesday or Wednesday", "the 5th or the 6th": one of two days, no single date.
  if (followed_by_word(text, m.end, {"or ", "或"}) &&
      !followed_by_word(text, m.end,
                        {"or before", "or earlier", "or sooner", "或之前", "或以前",
                         "或更早"})) {  // "10月8日或之前": on or before
    s.add(-3, "one of two dates");
  }
  // "It'll be next week, honestly": the payment will be then.
  if (preceded_by_word(text, m.begin, {"it'll be", "it will be", "that'll be"})) {
    s.add(3, "the payment will be then");
  }
  // "延迟三周", "delayed by 2 weeks": how late something was, not a date.
  if (m.relative() &&
      preceded_by_word(text, m.begin,
                       {"延迟", "延误", "晚了", "迟了", "late by", "delayed by", "delay of"})) {
    s.add(-5, "a delay, not a date");
  }
  // "二〇二五年一月三十一日" on a line of its own: the letter's date.
  if (m.form == DateForm::kCalendarDate && line_holds_only(text, m)) {
    s.add(-5, "the letter's own date");
  }
  // "分3个月付", "spread over 3 months": instalments over a period, not a date.
  if (m.relative() && preceded_by_word(text, m.begin,
                                       {"分", "over", "spread over", "across", "divide for",
                                        "divided for", "divide in", "split into", "split in"})) {
    s.add(-5, "a period of instalments");
  }
  // "if we pay by 27 Feb, can we have 2 % off?", "如果得，我哋聽日就可以過數": a condition.
  // Not a request: "we ask if it is possible to pay until …", "grateful if you could accept …".
  // A short clause just before counts too: "如果得，" "if so,".
  const Span before_clause = clause_before(text, clause);
  const std::size_t condition_from =
      clause.begin > sentence.begin + 1 && letters_in(text, before_clause) <= 12
          ? before_clause.begin
          : clause.begin;
  if (const CueHit* cond =
          s.find_if(Cue::kCondition, Span{condition_from, m.begin}, [&](const CueHit& h) {
            std::string_view t = text.substr(h.begin, h.end - h.begin);
            if (t == "if") {
              return !preceded_by_word(text, h.begin,
                                       {"ask", "asks", "asking", "grateful", "appreciate", "wonder",
                                        "wondering", "know", "see", "check", "confirm", "whether"});
            }
            return t == "如果" || t == "要是" || t == "假如";
          })) {
    s.add(-3, "conditional", cond);
  }
  bool from_today =
      followed_by_word(text, m.end, {"from today", "from now", "from the date of this"});
  if (m.relative() && from_today) {
    s.add(1, "counted from today");
  } else if (m.relative()) {
    const CueHit* condition = s.find(Cue::kCondition, Span{sentence.begin, m.begin});
    bool after_n_days =
        condition && text.substr(condition->begin, condition->end - condition->begin) == "after" &&
        condition->end + 1 >= m.begin;
    // "within 3 weeks even if they do not pay us": a concession, not a condition.
    const CueHit* later = s.find(Cue::kCondition, after_in_clause);
    bool concession =
        later && preceded_by_word(text, later->begin, {"even", "即使", "就算", "哪怕"});
    if (concession) {
      s.add(0, "a concession, not a condition");
    } else if (condition && !after_n_days) {
      s.add(-3, "counted from an unknown event", condition);
    } else if (preceded_by_word(text, m.begin, {"后", "之后", "以后", "过后"}) &&
               !preceded_by_word(text, m.begin, {"延后", "推后", "往后"})) {  // 延后30天: a delay
      s.add(-3, "counted from an unknown event");
    } else if (const CueHit* after =
                   s.find_if(Cue::kCondition, after_in_clause,
                             [&](const CueHit& h) {  // not "the rest in two times after"
                               std::string_view t = text.substr(h.begin, h.end - h.begin);
                               // "two weeks 之后 pay 你": after the span, that is, in two weeks.
                               if (h.begin <= m.end + 1 && (t == "之后" || t == "以后")) {
                                 return false;
                               }
                               return t != "after" || letters_in(text, Span{h.end, clause.end}) > 0;
                             })) {
      s.add(-3, "counted from an unknown event", after);
    }
  } else if (starts_something(text, m.end) ||
             preceded_by_word(text, m.begin, {"after", "from", "starting", "as of", "since"})) {
    s.add(-4, "a start, not a deadline");
  }
  bool calendar = m.form == DateForm::kCalendarDate || m.form == DateForm::kDayOfMonth ||
                  m.form == DateForm::kEndOfMonth;
  if (preceded_by_word(text, m.begin,
                       {"dated", "date:", "截至", "截止", "截止到", "日期:", "日期"}) ||
      (followed_by_word(text, m.end, {"的"}) &&
       !followed_by_word(text, m.end, {"的付款", "的付款批次", "的款", "的批次"})) ||
      (calendar && preceded_by_word(text, m.begin,
                                    {"invoice of", "letter of", "statement of", "reminder of",
                                     "email of", "mail of", "order of", "notice of",
                                     "invoice dated", "reminder dated", "letter dated"}))) {
    s.add(-5, "a document's date");
  }
  if (preceded_by_word(text, m.begin, {"因为是", "because it's", "because it is", "since it's"})) {
    s.add(-3, "a circumstance");
  }
  // Not "settle 40% on 31 August and revert on the balance": paying, and then another act.
  if (const CueHit* next = s.find(Cue::kNonPayAction, clamp(m.end, m.end + 24, clause));
      next && !(s.has(Cue::kPayVerb, near_before) &&
                text.substr(m.end, next->begin - m.end).find(" and ") != std::string_view::npos)) {
    s.add(-3, "followed by something else than paying", next);
  }
  // "the balance we will discuss next month": what happens on the date is not paying.
  if (const CueHit* other = s.find_if(Cue::kNonPayAction, near_before, [&](const CueHit& h) {
        return !same_day && !s.has(Cue::kPayVerb, Span{h.end, m.begin}) &&
               !s.has(Cue::kPayVerb, near_after);  // "确认后我们15号付": confirm, then pay
      })) {
    s.add(-3, "something else than paying on that date", other);
  }
  if (!pay_in_clause) {
    s.rule(Cue::kNonPayAction, clause, -3, "not about paying") ||
        s.rule(Cue::kStatementRequest, clause, -3, "not about paying");
  }
  s.rule(Cue::kLateDelivery, near, -3, "late delivery");
  s.rule(Cue::kClosing, clause, -4, "closing");
  if (!pay_in_clause) {
    s.rule(Cue::kHoliday, clause, -2, "holiday") || s.rule(Cue::kAway, clause, -2, "away");
    s.rule(Cue::kCashTight, clause, -3, "when money is short");  // "年底各方面付款压力都很大"
  }
  // "Paid 25-HK-0870 via ACH Friday": a bare weekday in a past-tense payment is the last one.
  if (m.form == DateForm::kWeekday && !future_in_clause && !s.has(Cue::kFuture, sentence) &&
      !preceded_by_word(text, m.begin, {"by", "before", "on or before", "until", "till"})) {
    if (const CueHit* past = s.find_if(Cue::kPayVerb, sentence, [&](const CueHit& h) {
          std::string_view t = text.substr(h.begin, h.end - h.begin);
          return t == "paid" || t == "sent" || t == "wired" || t == "transferred" ||
                 t == "remitted";
        })) {
      s.add(-5, "a weekday gone by", past);
    }
  }
  // "the conversion takes one extra day": how long the money sent is on its way.
  if (m.relative() && money_already_sent &&
      preceded_by_word(text, m.begin, {"takes", "take", "需要", "要"})) {
    s.add(-4, "how long the money sent takes");
  }
  if (m.form == DateForm::kToday && money_already_sent && !future_in_clause) {
    s.add(-4, "today's payment, already made");
  }
  s.rule(Cue::kOutOfOffice, sentence, -5, "out of office") ||
      s.rule(Cue::kAutoReply, sentence, -5, "auto-reply");
  if (m.form == DateForm::kThisMonth) s.add(pay_in_clause ? -1 : -4, "'this month' alone");
  // "分三期付：5月底、6月底、7月底": a proposed schedule names no single date.
  if (s.schedule_dates() >= 3 && s.anywhere(Cue::kInstalment)) {
    s.add(-4, "one date of an instalment schedule");
  }
}

}  // namespace

PromiseDecision decide_promise(std::string_view text, const std::vector<DateMention>& mentions,
                               const std::vector<CueHit>& cues, bool money_already_sent) {
  PromiseDecision decision;
  constexpr int kThreshold = 3;
  int dated = 0;
  int schedule = 0;
  for (const DateMention& m : mentions) {
    dated += m.date.has_value();
    schedule += m.date && m.form != DateForm::kPast && m.form != DateForm::kAmbiguous &&
                m.form != DateForm::kThisMonth && m.form != DateForm::kToday;
  }
  for (const DateMention& m : mentions) {
    PromiseCandidate c;
    c.mention = m;
    score(text, cues, money_already_sent, dated, schedule, c);
    c.accepted = c.score >= kThreshold;
    decision.candidates.push_back(std::move(c));
  }
  // The best-supported accepted date; among equals the latest (a part now, "the rest by X": X).
  // A date borrowed from a third party ("届时即转付") only when the reply names none of its own.
  const PromiseCandidate* best = nullptr;
  // "this week's run, paid by Friday": the weekday says more than the week it lies in.
  auto week_holding = [](const PromiseCandidate& week, const PromiseCandidate& day) {
    bool is_week =
        week.mention.form == DateForm::kThisWeek || week.mention.form == DateForm::kNextWeek;
    bool is_day =
        day.mention.form == DateForm::kWeekday || day.mention.form == DateForm::kNextWeekday;
    return is_week && is_day && *day.mention.date <= *week.mention.date &&
           week.mention.date->days_since(*day.mention.date) < 7;
  };
  auto better = [&](const PromiseCandidate& c, const PromiseCandidate& than) {
    if (c.same_day != than.same_day) return !c.same_day;
    if (week_holding(than, c)) return true;
    if (week_holding(c, than)) return false;
    if (c.score != than.score) return c.score > than.score;
    return *c.mention.date > *than.mention.date;
  };
  for (const PromiseCandidate& c : decision.candidates) {
    if (c.accepted && (!best || better(c, *best))) best = &c;
  }
  if (best) decision.promise = best->mention;
  return decision;
}

}  // namespace overdue::replies
