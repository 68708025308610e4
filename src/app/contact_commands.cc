#include "app/contact_commands.h"

#include <nlohmann/json.hpp>

#include "app/import_parsers.h"

namespace overdue::app {
namespace {

Status apply(const ContactChange& change, Contact& c) {
  if (change.name) c.name = *change.name;
  if (change.phone) c.phone = *change.phone;
  if (change.role) {
    auto role = parse_contact_role(*change.role);
    if (!role) {
      return Error{"'" + *change.role + "' is not a role (allowed: " + allowed_contact_roles() + ")"};
    }
    c.role = *role;
  }
  return Status::Ok();
}

Result<std::string> write(CommandContext& ctx, const std::string& action, const Contact& c) {
  auto tx = ctx.store.begin();
  ctx.store.put_contact(c);
  nlohmann::json detail = {
      {"email", c.email}, {"name", c.name}, {"role", to_string(c.role)}, {"phone", c.phone}};
  ctx.store.journal(store::JournalEntry{0, "", ctx.actor, ctx.as_of.iso(), action, c.customer_id,
                                        detail.dump()});
  tx->commit();
  return std::string(action == "contact.add" ? "added" : "updated") + " contact " + c.email +
         " (" + std::string(to_string(c.role)) + ") of " + c.customer_id;
}

}  // namespace

Result<std::string> add_contact(CommandContext& ctx, const std::string& customer_id,
                                const std::string& email, const ContactChange& change) {
  if (!ctx.store.find_customer(customer_id)) return Error{"unknown customer '" + customer_id + "'"};
  std::string lower = to_lower_ascii(email);
  if (!is_valid_email(lower)) return Error{"'" + email + "' is not a valid e-mail address"};
  if (ctx.store.find_contact(customer_id, lower)) {
    return Error{"contact " + lower + " of " + customer_id + " exists; use 'contact update'"};
  }
  Contact c{customer_id, "", lower, ContactRole::kOther, ""};
  if (Status s = apply(change, c); !s) return Error{s.message()};
  return write(ctx, "contact.add", c);
}

Result<std::string> update_contact(CommandContext& ctx, const std::string& customer_id,
                                   const std::string& email, const ContactChange& change) {
  std::string lower = to_lower_ascii(email);
  auto existing = ctx.store.find_contact(customer_id, lower);
  if (!existing) return Error{"no contact " + lower + " for customer " + customer_id};
  Contact c = *existing;
  if (Status s = apply(change, c); !s) return Error{s.message()};
  return write(ctx, "contact.update", c);
}

Result<std::string> remove_contact(CommandContext& ctx, const std::string& customer_id,
                                   const std::string& email) {
  std::string lower = to_lower_ascii(email);
  auto existing = ctx.store.find_contact(customer_id, lower);
  if (!existing) return Error{"no contact " + lower + " for customer " + customer_id};
  auto tx = ctx.store.begin();
  ctx.store.remove_contact(customer_id, lower);
  nlohmann::json detail = {{"email", lower}, {"name", existing->name},
                           {"role", to_string(existing->role)}};
  ctx.store.journal(store::JournalEntry{0, "", ctx.actor, ctx.as_of.iso(), "contact.remove",
                                        customer_id, detail.dump()});
  tx->commit();
  return "removed contact " + lower + " of " + customer_id;
}

}  // namespace overdue::app
