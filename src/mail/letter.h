// A letter from its facts: the mustache context of docs/letters.md, rendered with the template of
// the action in the reader's language. Pure: no store, no clock, no network.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/mail_config.h"
#include "domain/collection.h"
#include "domain/entities.h"
#include "domain/result.h"
#include "mail/templates.h"

namespace overdue::mail {

// An open invoice the letter concerns, with what is open on the letter's date.
struct LetterInvoice {
  Invoice invoice;  // with its lines
  int64_t open_minor = 0;
  int days_overdue = 0;  // negative while not yet due
  bool disputed = false;
};

struct LetterInput {
  Action action = Action::kReminder;
  CivilDate date;
  std::optional<CivilDate> pay_by;
  Customer customer;                  // the late buyer
  std::vector<Contact> to;            // who the letter is addressed to
  std::vector<LetterInvoice> invoices;
  std::map<Currency, int64_t> totals;  // undisputed open amount per currency
  std::optional<CivilDate> reply_date;  // the buyer's reply that set the current reason
  std::vector<DisputeRecord> disputes;  // open disputes (apologize_and_remedy)
  std::vector<Instalment> instalments;  // offer_instalments
  std::string referrer;                 // redirect_contact: who named the new contact
  std::optional<Customer> peer;         // peer_inquiry: the customer written to
};

struct RenderedLetter {
  Language language = Language::kEn;
  std::string subject;
  std::string body;
};

// The reader's language: the peer's for peer_inquiry, else the customer's.
Language letter_language(const LetterInput& in);

// Renders the letter. Errors: a currency of the letter without [company.bank.<CUR>] (naming the
// key), [company] keys letters need, a template that fails to render (naming its file).
Result<RenderedLetter> render_letter(const LetterInput& in, const CompanyConfig& company,
                                     const TemplateSet& templates);

// Renders the body of a letter with its fact and bank partials left out: the prose a reader
// meets before any table (for the owner-letter length rule).
Result<RenderedLetter> render_prose(const LetterInput& in, const CompanyConfig& company,
                                    const TemplateSet& templates);

}  // namespace overdue::mail
