// Every built-in letter template in every language, rendered over one rich case: the facts of
// domain.md §2 for every invoice, bank details, the pay-by date, the breach sentence from
// firm_reminder on, and the tone rules with the word lists of templates/tone.toml.
#include <gtest/gtest.h>
#include <toml++/toml.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "mail/letter.h"
#include "mail/letter_text.h"

namespace overdue::mail {
namespace {

const std::string kSource = OVERDUE_SOURCE_DIR;

CivilDate d(const char* iso) { return CivilDate::of(iso); }

InvoiceLine line(const char* product, int64_t qty_milli, const char* unit, int64_t price_micro,
                 int64_t amount_minor) {
  return InvoiceLine{product, Quantity{qty_milli}, unit, UnitPrice{price_micro}, amount_minor};
}

CompanyConfig company() {
  CompanyConfig c;
  c.source = "test.toml";
  c.name = "Ningbo Harbourlight Industrial Co., Ltd.";
  c.name_zh = "宁波港光实业有限公司";
  c.address = "88 Zhongshan East Road, Ningbo, China";
  c.from = "Credit Desk <credit@harbourlight.example>";
  c.reply_to = "ar@harbourlight.example";
  c.message_id_domain = "harbourlight.example";
  c.banks["USD"] = BankAccount{"Ningbo Harbourlight", "Bank of China Ningbo", "BKCHCNBJ92A",
                               "3588-0123-4567-8901", "139 Yaohang Street"};
  c.banks["EUR"] = BankAccount{"Ningbo Harbourlight", "Bank of China Ningbo", "BKCHCNBJ92A",
                               "DE89 3704 0044 0532 0130 00", ""};
  return c;
}

// Two open invoices in two currencies, one partly paid, with ship and receipt dates.
LetterInput input(Action action, Language lang, bool to_owner) {
  LetterInput in;
  in.action = action;
  in.date = d("2026-09-14");
  if (action != Action::kAskTracking) in.pay_by = d("2026-09-21");
  in.customer.id = "GULF";
  in.customer.name = "Gulf Build Trading LLC";
  in.customer.country = "AE";
  in.customer.language = lang;
  in.customer.salesperson = "Wang Lei";
  Contact buyer{"GULF", "Omar Haddad", "omar@gulfbuild.example", ContactRole::kBuyer, ""};
  Contact owner{"GULF", "Khalid Al Mansoori", "khalid@gulfbuild.example", ContactRole::kOwner, ""};
  in.to = {to_owner ? owner : buyer};
  Invoice a;
  a.invoice_no = "GB-2026-0142";
  a.order_no = "PO-77812";
  a.currency = Currency::of("USD");
  a.issue_date = d("2026-05-02");
  a.ship_date = d("2026-05-06");
  a.received_date = d("2026-06-11");
  a.due_date = d("2026-07-05");
  a.lines = {line("Gate valve DN50", 1250000, "pcs", 18500000, 2312500),
             line("Ball valve 1\" brass", 400000, "pcs", 7125000, 285000)};
  Invoice b;
  b.invoice_no = "GB-2026-0157";
  b.order_no = "PO-77840";
  b.currency = Currency::of("EUR");
  b.issue_date = d("2026-06-10");
  b.ship_date = d("2026-06-15");
  b.due_date = d("2026-08-14");
  b.lines = {line("Check valve DN25", 3000000, "pcs", 3335000, 1000500)};
  in.invoices = {LetterInvoice{a, 1597500, 71, false}, LetterInvoice{b, 1000500, 31, false}};
  in.totals = {{Currency::of("USD"), 1597500}, {Currency::of("EUR"), 1000500}};
  if (action == Action::kCourtesyReminder) {  // before the due dates, as the plan sends it
    in.date = d("2026-06-30");
    in.pay_by = a.due_date;
    in.invoices[0].days_overdue = -5;
    in.invoices[1].days_overdue = -45;
  }
  if (action == Action::kApologizeAndRemedy) {
    DisputeRecord dr;
    dr.invoice_no = "GB-2026-0157";
    dr.category = DisputeCategory::kQuality;
    dr.our_fault = true;
    dr.opened_on = d("2026-09-01");
    dr.note = "12 valves leak at the seat";
    in.disputes = {dr};
    in.invoices[1].disputed = true;
    in.totals.erase(Currency::of("EUR"));
  }
  if (action == Action::kOfferInstalments) {
    in.instalments = {{d("2026-09-30"), Money(Currency::of("USD"), 800000)},
                      {d("2026-10-31"), Money(Currency::of("USD"), 797500)}};
    in.pay_by = d("2026-09-30");
  }
  if (action == Action::kPeerInquiry) {
    Customer peer;
    peer.id = "DUBAI";
    peer.name = "Emirates Valve House";
    peer.country = "AE";
    peer.language = lang;
    in.peer = peer;
    in.to = {Contact{"DUBAI", "Rashid Saleh", "rashid@evh.example", ContactRole::kBuyer, ""}};
  }
  return in;
}

struct WordLists {
  std::map<std::string, std::vector<std::string>> en, zh;  // list name -> words
};

WordLists tone_words() {
  WordLists w;
  toml::table t = toml::parse_file(kSource + "/templates/tone.toml");
  for (const auto& [name, node] : t) {
    const toml::table& list = *node.as_table();
    for (const auto* lang : {"en", "zh"}) {
      auto& out = std::string(lang) == "en" ? w.en : w.zh;
      for (const auto& word : *list[lang].as_array()) out[std::string(name.str())].push_back(*word.value<std::string>());
    }
  }
  return w;
}

// The words of `list` found in text: English as whole words in any case, Chinese anywhere
// (Traditional letters are checked against the Traditional form of each word too).
std::vector<std::string> found(const WordLists& w, const std::string& list, const std::string& text,
                               Language lang) {
  std::vector<std::string> hits;
  std::string lower = text;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& word : w.en.at(list)) {
    std::regex re("(^|[^a-z])" + word + "($|[^a-z])");
    if (std::regex_search(lower, re)) hits.push_back(word);
  }
  if (lang != Language::kEn) {
    for (const auto& word : w.zh.at(list)) {
      if (text.find(word) != std::string::npos || text.find(to_traditional(word)) != std::string::npos) {
        hits.push_back(word);
      }
    }
  }
  return hits;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

int han_count(const std::string& text) {
  int n = 0;
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0xE4 && c <= 0xE9) {  // U+4E00..U+9FFF lead bytes
      ++n;
      i += 2;
    }
  }
  return n;
}

int english_words(const std::string& text) {
  std::istringstream in(text);
  std::string word;
  int n = 0;
  while (in >> word) {
    if (std::any_of(word.begin(), word.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) ++n;
  }
  return n;
}

bool from_firm_on(Action a) {
  return a == Action::kFirmReminder || a == Action::kFollowUpCall || a == Action::kPersonalAppeal ||
         a == Action::kHoldShipments || a == Action::kFinalNotice;
}

// The letter to the buyer as a person reads it, kept in tests/golden/letters/ACTION.LANG.txt:
// those files are read when they change (UPDATE_GOLDEN=1 rewrites them).
void expect_golden(const std::string& action, Language lang, const std::string& letter) {
  std::string path = kSource + "/tests/golden/letters/" + action + "." + std::string(to_string(lang)) + ".txt";
  if (const char* update = std::getenv("UPDATE_GOLDEN"); update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << letter;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << path << " is missing: run the unit tests with UPDATE_GOLDEN=1 and read it";
  std::stringstream golden;
  golden << in.rdbuf();
  EXPECT_EQ(letter, golden.str()) << "the letter differs from " << path;
}

class EveryTemplate : public ::testing::TestWithParam<std::tuple<std::string, Language>> {};

TEST_P(EveryTemplate, CarriesTheFactsAndKeepsTheTone) {
  auto [name, lang] = GetParam();
  Action action = *parse_action(name);
  auto templates = TemplateSet::load("");
  ASSERT_TRUE(templates);
  static const WordLists words = tone_words();
  for (bool to_owner : {false, true}) {
    SCOPED_TRACE(std::string(to_owner ? "to the owner" : "to the buyer"));
    LetterInput in = input(action, lang, to_owner);
    auto r = render_letter(in, company(), templates.value());
    ASSERT_TRUE(r) << r.error().message;
    const std::string text = r.value().subject + "\n" + r.value().body;
    EXPECT_EQ(text.find("{{"), std::string::npos) << text;
    if (!to_owner) expect_golden(name, lang, "Subject: " + r.value().subject + "\n\n" + r.value().body);
    EXPECT_FALSE(r.value().subject.empty());

    auto begging = found(words, "begging", text, lang);
    EXPECT_TRUE(begging.empty()) << "begging: " << joined(begging) << "\n" << text;
    auto insults = found(words, "insults", text, lang);
    EXPECT_TRUE(insults.empty()) << "insults or threats: " << joined(insults) << "\n" << text;
    if (action != Action::kFinalNotice) {
      auto legal = found(words, "legal", text, lang);
      EXPECT_TRUE(legal.empty()) << "legal words before final_notice: " << joined(legal) << "\n" << text;
    }
    if (action == Action::kPersonalAppeal) {
      auto discount = found(words, "discount", text, lang);
      EXPECT_TRUE(discount.empty()) << "a discount in personal_appeal: " << joined(discount) << "\n" << text;
    }

    const std::string breach = templates.value().get(lang, "_breach").text;
    std::string breach_line = breach.substr(0, std::min<size_t>(breach.find('\n'), 40));
    if (from_firm_on(action)) {
      EXPECT_NE(text.find(breach_line), std::string::npos) << "no breach sentence\n" << text;
    } else if (!breach_line.empty()) {
      EXPECT_EQ(text.find(breach_line), std::string::npos) << "breach sentence too early\n" << text;
    }

    if (action == Action::kPeerInquiry) {
      EXPECT_NE(text.find("Gulf Build Trading LLC"), std::string::npos) << text;
      for (const char* secret : {"GB-2026", "PO-778", "USD", "EUR", "15,975", "10,005", "Gate valve"}) {
        EXPECT_EQ(text.find(secret), std::string::npos) << "peer_inquiry discloses " << secret << "\n" << text;
      }
      continue;
    }
    for (const auto& li : in.invoices) {
      const Invoice& inv = li.invoice;
      for (const std::string& fact :
           {inv.invoice_no, inv.order_no, letter_date(inv.due_date, lang),
            letter_date(*inv.ship_date, lang), letter_money(Money(inv.currency, li.open_minor)),
            letter_money(inv.total())}) {
        EXPECT_NE(text.find(fact), std::string::npos) << "missing " << fact << "\n" << text;
      }
      if (inv.received_date) {
        EXPECT_NE(text.find(letter_date(*inv.received_date, lang)), std::string::npos) << text;
      }
      EXPECT_NE(text.find(std::to_string(std::abs(li.days_overdue))), std::string::npos) << text;
      for (const auto& l : inv.lines) {
        for (const std::string& fact : {l.product, letter_quantity(l.quantity), l.unit,
                                        letter_unit_price(l.unit_price, inv.currency),
                                        letter_money(Money(inv.currency, l.amount_minor))}) {
          EXPECT_NE(text.find(fact), std::string::npos) << "missing line fact " << fact << "\n" << text;
        }
      }
    }
    EXPECT_NE(text.find("USD 10,000.00"), std::string::npos) << "paid so far\n" << text;
    for (const auto& [currency, minor] : in.totals) {
      EXPECT_NE(text.find(letter_money(Money(currency, minor))), std::string::npos) << text;
    }
    if (in.pay_by) {
      EXPECT_NE(text.find(letter_date(*in.pay_by, lang)), std::string::npos) << "no pay-by\n" << text;
      EXPECT_NE(text.find("BKCHCNBJ92A"), std::string::npos) << "no bank details\n" << text;
      EXPECT_NE(text.find("3588-0123-4567-8901"), std::string::npos) << text;
    }
    if (action == Action::kOfferInstalments) {
      EXPECT_NE(text.find(letter_date(d("2026-10-31"), lang)), std::string::npos) << text;
      EXPECT_NE(text.find("USD 7,975.00"), std::string::npos) << text;
    }
    if (action == Action::kApologizeAndRemedy) {
      EXPECT_NE(text.find("12 valves leak at the seat"), std::string::npos) << text;
    }
    EXPECT_NE(text.find("Wang Lei"), std::string::npos) << "not signed by the salesperson\n" << text;

    if (to_owner) {
      auto prose = render_prose(in, company(), templates.value());
      ASSERT_TRUE(prose);
      const std::string& p = prose.value().body;
      if (lang == Language::kEn) {
        EXPECT_LE(english_words(p), 120) << "owner letter too long\n" << p;
        EXPECT_NE(p.find("date"), std::string::npos) << "owner letter must ask for a date\n" << p;
      } else {
        EXPECT_LE(han_count(p), 250) << "owner letter too long\n" << p;
        EXPECT_TRUE(p.find("日期") != std::string::npos || p.find("哪一天") != std::string::npos ||
                    p.find("哪天") != std::string::npos || p.find("何时") != std::string::npos ||
                    p.find("何時") != std::string::npos)
            << "owner letter must ask for a date\n" << p;
      }
    }
  }
}

std::vector<std::tuple<std::string, Language>> cases() {
  std::vector<std::tuple<std::string, Language>> out;
  for (const auto& name : template_names()) {
    for (Language lang : {Language::kEn, Language::kZh, Language::kZhHant}) out.emplace_back(name, lang);
  }
  return out;
}

INSTANTIATE_TEST_SUITE_P(
    Letters, EveryTemplate, ::testing::ValuesIn(cases()), [](const auto& info) {
      std::string lang(to_string(std::get<1>(info.param)));
      lang.erase(std::remove(lang.begin(), lang.end(), '-'), lang.end());
      return std::get<0>(info.param) + "_" + lang;
    });

// Every {{tag}} a built-in template uses is a name docs/letters.md documents.
TEST(TemplateTags, AreAllDocumented) {
  std::ifstream doc(kSource + "/docs/letters.md");
  std::stringstream text;
  text << doc.rdbuf();
  std::set<std::string> documented;
  std::string s = text.str();
  std::regex code("`([a-z_.]+)`");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), code); it != std::sregex_iterator(); ++it) {
    documented.insert((*it)[1]);
  }
  std::regex tag(R"(\{\{\s*[#^/>]?\s*([a-z_.]+)\s*\}\})");
  std::set<std::string> structural = {"facts", "bank", "breach", "signature"};
  for (const auto& [path, body] : builtin_templates()) {
    std::string t(body);
    for (auto it = std::sregex_iterator(t.begin(), t.end(), tag); it != std::sregex_iterator(); ++it) {
      std::string name = (*it)[1];
      if (structural.count(name)) continue;
      std::string leaf = name.substr(name.rfind('.') == std::string::npos ? 0 : name.rfind('.') + 1);
      EXPECT_TRUE(documented.count(name) || documented.count(leaf))
          << path << " uses {{" << name << "}}, which docs/letters.md does not document";
    }
  }
}

}  // namespace
}  // namespace overdue::mail
