#include "replies/reason_rules.h"

#include <algorithm>

#include "replies/text_spans.h"

namespace overdue::replies {
namespace {

std::string quoted(std::string_view text, const CueHit& h) {
  return "\"" + std::string(text.substr(h.begin, h.end - h.begin)) + "\"";
}

const CueHit* first(const std::vector<CueHit>& cues, Cue kind, std::size_t before = SIZE_MAX) {
  for (const CueHit& h : cues) {
    if (h.cue == kind && h.begin < before) return &h;
  }
  return nullptr;
}

// Insolvency and closing cues that are about the buyer itself: not in a sentence about its
// customer ("our customer went bankrupt", "我们最大的客户破产了…在等清算分钱" are
// awaiting_end_customer). A cue inside another ("shut" in "shut down") is one statement.
std::vector<const CueHit*> own_insolvency(std::string_view text, const std::vector<CueHit>& cues) {
  std::vector<const CueHit*> own;
  auto insolvency = [](const CueHit& h) {
    return h.cue == Cue::kInsolvency || h.cue == Cue::kClosing;
  };
  for (const CueHit& h : cues) {
    if (!insolvency(h)) continue;
    bool inside = std::any_of(cues.begin(), cues.end(),
                              [&](const CueHit& o) { return insolvency(o) && encloses(o, h); });
    if (inside) continue;
    auto [begin, end] = sentence_around(text, h.begin, h.end);
    bool about_customer = std::any_of(cues.begin(), cues.end(), [&](const CueHit& o) {
      return (o.cue == Cue::kEndCustomer || o.cue == Cue::kTheyOweUs) && o.begin >= begin &&
             o.end <= end;
    });
    if (!about_customer) own.push_back(&h);
  }
  return own;
}

}  // namespace

bool is_evidence_for(Cue cue, Reason reason) {
  using enum Cue;
  switch (reason) {
    case Reason::kPaymentSent:
      return cue == kPaidPast || cue == kPaymentProof || cue == kCourier || cue == kCheque;
    case Reason::kOversight:
      return cue == kOversight || cue == kInvoiceMissing || cue == kApproval;
    case Reason::kCashFlow:
      return cue == kCashTight || cue == kAskTime || cue == kInstalment || cue == kBankLoan;
    case Reason::kAwaitingEndCustomer:
      return cue == kEndCustomer || cue == kTheyOweUs || cue == kWhenTheyPay;
    case Reason::kDispute:
      return cue == kQuality || cue == kQuantity || cue == kPriceError || cue == kDocuments ||
             cue == kLateDelivery || cue == kRemedy || cue == kHoldPayment || cue == kComplaint;
    case Reason::kDelayExcuse:
      return cue == kBusy || cue == kAway || cue == kHoliday || cue == kAudit ||
             cue == kSystemChange || cue == kBoss || cue == kReturn;
    case Reason::kInsolvency:
      return cue == kInsolvency || cue == kClosing;
    case Reason::kWrongContact:
      return cue == kWrongPerson || cue == kLeftCompany || cue == kRedirect;
    case Reason::kOther:
      return cue == kAutoReply || cue == kOutOfOffice || cue == kStatementRequest ||
             cue == kBankDetails || cue == kOrderTalk || cue == kAck || cue == kGreeting ||
             cue == kQuestion;
  }
  return false;
}

std::string evidence_phrases(std::string_view text, const std::vector<CueHit>& cues, Reason reason,
                             std::size_t limit) {
  std::vector<std::string> phrases;
  // Longest phrases first: "wire went out" says more than "out".
  std::vector<const CueHit*> hits;
  for (const CueHit& h : cues) {
    if (is_evidence_for(h.cue, reason)) hits.push_back(&h);
  }
  std::stable_sort(hits.begin(), hits.end(), [](const CueHit* a, const CueHit* b) {
    return a->end - a->begin > b->end - b->begin;
  });
  for (const CueHit* h : hits) {
    std::string q = quoted(text, *h);
    bool inside = std::any_of(phrases.begin(), phrases.end(), [&](const std::string& p) {
      return p.find(q.substr(1, q.size() - 2)) != std::string::npos;
    });
    if (!inside) phrases.push_back(q);
    if (phrases.size() >= limit) break;
  }
  std::string out;
  for (const auto& p : phrases) out += (out.empty() ? "" : ", ") + p;
  return out;
}

RuleVerdict apply_reason_rules(std::string_view text, const std::vector<CueHit>& cues,
                               const ReasonScores& scores) {
  // A one-word reply: "paid", "sent", "已付".
  std::string_view bare = text;
  while (!bare.empty() && (bare.back() == '.' || bare.back() == '!' || bare.back() == ' ')) {
    bare.remove_suffix(1);
  }
  for (std::string_view word : {"paid", "sent", "paid already", "already paid", "done", "已付",
                                "已付款", "付了", "已汇", "已汇出"}) {
    if (bare == word) {
      return {Reason::kPaymentSent, "the reply says only \"" + std::string(word) + "\""};
    }
  }
  // An auto-reply opens with its own announcement.
  if (const CueHit* h = first(cues, Cue::kAutoReply, 120)) {
    return {Reason::kOther, "auto-reply " + quoted(text, *h)};
  }
  if (const CueHit* h = first(cues, Cue::kOutOfOffice, 120)) {
    std::string_view phrase = text.substr(h->begin, h->end - h->begin);
    bool announcement = phrase.find("office") != std::string_view::npos ||
                        phrase.find("access") != std::string_view::npos ||
                        phrase.find("休假中") != std::string_view::npos ||
                        phrase.find("办公室") != std::string_view::npos;
    if (announcement && !first(cues, Cue::kPaidPast)) {
      return {Reason::kOther, "out of office " + quoted(text, *h)};
    }
  }
  // Two separate statements that the buyer itself is insolvent or closing down, or one that
  // names a formal proceeding.
  auto insolvency = own_insolvency(text, cues);
  if (insolvency.size() >= 2) {
    return {Reason::kInsolvency, "the buyer is insolvent " + quoted(text, *insolvency[0]) + ", " +
                                     quoted(text, *insolvency[1])};
  }
  for (const CueHit* h : insolvency) {
    std::string_view phrase = text.substr(h->begin, h->end - h->begin);
    for (std::string_view strong :
         {"bankrupt", "insolven", "liquidat", "receiver", "wound up", "winding up", "chapter 7",
          "chapter 11", "破产", "清算", "清盘", "倒闭", "停业"}) {
      if (phrase.starts_with(strong)) {
        return {Reason::kInsolvency, "the buyer is insolvent " + quoted(text, *h)};
      }
    }
  }
  // "We never received this invoice, could you resend it?": a question, but the reason it is
  // unpaid is that the invoice went missing.
  std::size_t best = std::max_element(scores.begin(), scores.end()) - scores.begin();
  if (kAllReasons[best] == Reason::kOther && !first(cues, Cue::kStatementRequest)) {
    for (const CueHit& h : cues) {
      if (h.cue != Cue::kInvoiceMissing) continue;
      std::string_view phrase = text.substr(h.begin, h.end - h.begin);
      // Asking for a copy ("resend it as PDF") is a request, not a lost invoice.
      for (std::string_view lost :
           {"receiv", "record", "find", "lost", "没收到", "未收到", "找不到", "丢"}) {
        if (phrase.find(lost) != std::string_view::npos) {
          return {Reason::kOversight, "the invoice did not reach them " + quoted(text, h)};
        }
      }
    }
  }
  // Complaints about the goods that mention the buyer's own customer (who complained, rejected,
  // charged a penalty) are disputes, not waiting for that customer's money.
  if (kAllReasons[best] == Reason::kAwaitingEndCustomer && !first(cues, Cue::kTheyOweUs) &&
      !first(cues, Cue::kWhenTheyPay)) {
    std::vector<const CueHit*> kinds;
    for (const CueHit& h : cues) {
      if (!is_evidence_for(h.cue, Reason::kDispute)) continue;
      if (std::none_of(kinds.begin(), kinds.end(),
                       [&](const CueHit* k) { return k->cue == h.cue; })) {
        kinds.push_back(&h);
      }
    }
    if (kinds.size() >= 2) {
      return {Reason::kDispute, "a complaint about the goods " + quoted(text, *kinds[0]) + ", " +
                                    quoted(text, *kinds[1])};
    }
  }
  return {};
}

}  // namespace overdue::replies
