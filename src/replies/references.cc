#include "replies/references.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

namespace overdue::replies {
namespace {

template <typename Fn>
void each_match(const RE2& re, std::string_view text, Fn fn) {
  constexpr int kGroups = 6;
  re2::StringPiece groups[kGroups];
  int n = std::min(re.NumberOfCapturingGroups() + 1, kGroups);
  std::size_t pos = 0;
  while (pos < text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, groups, n)) {
    std::size_t begin = groups[0].data() - text.data();
    std::size_t end = begin + groups[0].size();
    std::string_view g[kGroups];
    for (int i = 0; i < n; ++i) {
      if (groups[i].data()) g[i] = std::string_view(groups[i].data(), groups[i].size());
    }
    fn(begin, end, g);
    pos = end > begin ? end : begin + 1;
  }
}

void add_unique(std::vector<std::string>& list, std::string value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) {
    list.push_back(std::move(value));
  }
}

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string digits_only(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') out.push_back(c);
  }
  return out;
}

const RE2& email_re() {
  static const RE2 re("([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})");
  return re;
}

// The name written just before position `at` ("Tom Ashby, tom.ashby@…", "林小姐：lin@…").
std::string name_before(std::string_view display, std::size_t at) {
  std::size_t line_start = display.rfind('\n', at == 0 ? 0 : at - 1);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  std::size_t from = at > line_start + 90 ? at - 90 : line_start;
  std::string_view segment = display.substr(from, at - from);
  static const RE2 han_name(
      "(\\p{Han}(?:小姐|先生|女士|总|總|经理|經理|会计|會計|主管|律师|律師|姐))");
  static const RE2 latin_name(
      "((?:(?:Mr|Ms|Mrs|Dr|Khun|Pak|Bu|Sr|Sra|Lic)\\.? )?[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})");
  std::string name;
  each_match(han_name, segment,
             [&](std::size_t, std::size_t, std::string_view* g) { name = g[1]; });
  if (!name.empty()) return name;
  static const std::vector<std::string_view> kNotNames = {
      "Please",    "Accounts",   "Account", "The",     "Kindly",  "For",     "Send",
      "Resend",    "Hello",      "Hi",      "Dear",    "Email",   "Contact", "Thanks",
      "Our",       "Write",      "New",     "Payment", "Finance", "Head",    "Chief",
      "Financial", "Controller", "Officer", "Manager", "Regards", "Tel",     "Phone",
      "Not",       "It",         "We",      "If",      "This",    "That",    "To",
      "Sorry",     "Sales",      "Best",    "Kind",    "Quit",    "Call"};
  each_match(latin_name, segment, [&](std::size_t, std::size_t, std::string_view* g) {
    std::string_view candidate = g[1];
    std::string_view first = candidate.substr(0, candidate.find(' '));
    if (std::find(kNotNames.begin(), kNotNames.end(), first) == kNotNames.end()) {
      name = std::string(candidate);
    }
  });
  return name;
}

}  // namespace

std::string_view to_string(ReferenceKind kind) {
  switch (kind) {
    case ReferenceKind::kTracking:
      return "tracking";
    case ReferenceKind::kUetr:
      return "uetr";
    case ReferenceKind::kBankReference:
      return "bank_reference";
    case ReferenceKind::kCheque:
      return "cheque";
  }
  return "bank_reference";
}

std::vector<std::string> find_invoices(std::string_view display) {
  static const RE2 coded(
      "(?i)\\b((?:inv|po)(?: ?#|-| )? ?\\d[\\d-]*\\d|(?:ht|hf|tx|so|pi|sc|cn)-?\\d{2,}[\\d-]*\\d)"
      "((?:\\s*(?:和|及|、|and|&|/)\\s*\\d{3,})*)");
  static const RE2 named(
      "(?i)(?:\\binvoices?|\\binv\\.|\\bbills?|发票|發票|合同号|合同號|订单号|訂單號)\\s*(?:no\\.?|"
      "nos\\.?|"
      "number|#)?\\s*[:：]?\\s*(\\d{3,}(?:[-/]\\d+)*)((?:\\s*(?:,|和|及|、|and|&)\\s*\\d{3,})*)");
  static const RE2 number("(\\d{3,})");
  std::vector<std::string> out;
  auto add_with_tail = [&](std::string_view head, std::string_view tail) {
    add_unique(out, std::string(head));
    each_match(number, tail, [&](std::size_t, std::size_t, std::string_view* g) {
      add_unique(out, std::string(g[1]));
    });
  };
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  each_match(coded, display, [&](std::size_t b, std::size_t e, std::string_view* g) {
    spans.emplace_back(b, e);
    add_with_tail(g[1], g[2]);
  });
  each_match(named, display, [&](std::size_t b, std::size_t, std::string_view* g) {
    for (auto [sb, se] : spans) {
      if (b >= sb && b < se) return;
    }
    add_with_tail(g[1], g[2]);
  });
  return out;
}

std::vector<Reference> find_references(std::string_view display) {
  static const RE2 uetr("(?i)\\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\b");
  static const RE2 tracking(
      "(?i)(?:tracking(?: no\\.?| number| "
      "#)?|waybill|\\bawb|单号|單號|追蹤號碼|追踪号码|運單號|运单号)"
      "\\s*[:：#]?\\s*(\\d[\\d ]{6,24}\\d)");
  static const RE2 cheque(
      "(?i)(?:\\bcheque|\\bcheck)\\s*\\(?(?:no\\.?|number|#)\\s*:?\\s*(\\d{3,12})|\\bcheque\\s+#?("
      "\\d{4,12})"
      "|(?:支票号码|支票號碼|支票号|支票號)\\s*[:：]?\\s*(\\d{3,12})");
  static const RE2 bank(
      "(?i)(?:\\bref(?:erence)?(?: ?(?:no\\.?|number|#))?|swift(?: ref(?:erence)?)?|mt ?103|"
      "confirmation(?: no\\.?| number)?|transaction reference|field 20|参考号|參考號|fed ref)"
      "\\s*(?:is|:|：|#)?\\s*([A-Za-z0-9][A-Za-z0-9/-]{4,34})");
  std::vector<Reference> out;
  auto add = [&](ReferenceKind kind, std::string value) {
    Reference r{kind, std::move(value)};
    if (!r.value.empty() && std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
  };
  std::vector<std::string> uetrs;
  each_match(uetr, display, [&](std::size_t, std::size_t, std::string_view* g) {
    add(ReferenceKind::kUetr, std::string(g[1]));
    uetrs.emplace_back(g[1]);
  });
  each_match(tracking, display, [&](std::size_t, std::size_t, std::string_view* g) {
    add(ReferenceKind::kTracking, digits_only(g[1]));
  });
  each_match(cheque, display, [&](std::size_t, std::size_t, std::string_view* g) {
    std::string_view v = !g[1].empty() ? g[1] : !g[2].empty() ? g[2] : g[3];
    add(ReferenceKind::kCheque, std::string(v));
  });
  each_match(bank, display, [&](std::size_t, std::size_t, std::string_view* g) {
    std::string_view v = g[1];
    while (!v.empty() && (v.back() == '-' || v.back() == '/')) v.remove_suffix(1);
    if (!has_digit(v)) return;
    for (const auto& u : uetrs) {
      if (u.find(v) != std::string::npos) return;
    }
    add(ReferenceKind::kBankReference, std::string(v));
  });
  return out;
}

std::vector<std::string> find_emails(std::string_view display) {
  std::vector<std::string> out;
  each_match(email_re(), display, [&](std::size_t, std::size_t, std::string_view* g) {
    std::string_view e = g[1];
    while (!e.empty() && e.back() == '.') e.remove_suffix(1);
    add_unique(out, std::string(e));
  });
  return out;
}

std::optional<Redirect> find_redirect(std::string_view display) {
  Redirect r;
  std::size_t at = std::string_view::npos;
  each_match(email_re(), display, [&](std::size_t b, std::size_t, std::string_view* g) {
    if (!r.email.empty()) return;
    r.email = std::string(g[1]);
    at = b;
  });
  if (at != std::string_view::npos) {
    r.name = name_before(display, at);
  } else {
    static const RE2 titled(
        "((?:Mr|Ms|Mrs|Dr|Khun|Pak)\\.? [A-Z][a-z]+(?: "
        "[A-Z][a-z]+)?|\\p{Han}(?:小姐|先生|总|總|经理|經理|"
        "会计|會計|主管|律师|律師))");
    each_match(titled, display, [&](std::size_t, std::size_t, std::string_view* g) {
      if (r.name.empty()) r.name = std::string(g[1]);
    });
  }
  if (r.name.empty() && r.email.empty()) return std::nullopt;
  return r;
}

}  // namespace overdue::replies
