// Day-to-day contact changes: add, update, remove. Journaled.
#pragma once

#include <optional>
#include <string>

#include "app/payment_commands.h"

namespace overdue::app {

struct ContactChange {
  std::optional<std::string> name;
  std::optional<std::string> role;
  std::optional<std::string> phone;
};

// add: the contact must be new; update: it must exist; remove: it must exist.
Result<std::string> add_contact(CommandContext& ctx, const std::string& customer_id,
                                const std::string& email, const ContactChange& change);
Result<std::string> update_contact(CommandContext& ctx, const std::string& customer_id,
                                   const std::string& email, const ContactChange& change);
Result<std::string> remove_contact(CommandContext& ctx, const std::string& customer_id,
                                   const std::string& email);

}  // namespace overdue::app
