// The outbox commands (issue 5): draft letters from the plan, review and approve them, read them
// as the exact message that will be sent. Sending is in send.h. Each command checks first,
// writes in one transaction and journals who did what for which as-of date.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/payment_commands.h"
#include "config/config.h"
#include "mail/mime.h"
#include "mail/templates.h"
#include "store/outbox.h"

namespace overdue::mail {

struct DraftReport {
  std::vector<std::string> lines;   // one per customer with a letter step: what happened and why
  std::vector<std::string> errors;  // letters that could not be drafted, and why
  int drafted = 0;
  int replaced = 0;
  int unchanged = 0;
  int held = 0;
};

// Turns the plan's letter steps for --as-of into drafts (one customer, or all). At most one
// pending letter per customer: the same day's draft is left as it is; an older unapproved draft
// is replaced; nothing is drafted while an approved (or sending/unknown) letter waits.
DraftReport draft_letters(app::CommandContext& ctx, const Config& config,
                          const TemplateSet& templates, const std::string& only_customer);

// The letter as the message that will be (or was) sent: the stored bytes once sending began,
// else built now with `date_unix` as its Date.
std::string letter_message(const store::Letter& letter, int64_t date_unix);

Result<std::string> approve_letter(app::CommandContext& ctx, int64_t id);
Result<std::string> cancel_letter(app::CommandContext& ctx, int64_t id);
// Replaces a draft's body (UTF-8 text) before approval.
Result<std::string> edit_letter(app::CommandContext& ctx, int64_t id, const std::string& body);
// Decides an `unknown` letter: "sent" (it did arrive) or "retry" (send it again).
Result<std::string> resolve_letter(app::CommandContext& ctx, int64_t id, const std::string& verdict);

Result<store::Letter> require_letter(store::Store& store, int64_t id);

// Journals a letter's change: ACTION ("letter.sent", …) about its customer, with the letter's id,
// step and state added to DETAIL (a JSON object).
void journal_letter(app::CommandContext& ctx, const std::string& action, const store::Letter& l,
                    nlohmann::json detail);

}  // namespace overdue::mail
