#include "engine/recipients.h"

#include <algorithm>

namespace overdue::engine {
namespace {

constexpr int kOwnerFromStage = 3;

std::vector<std::string> emails_of(const std::vector<Contact>& contacts, ContactRole role) {
  std::vector<std::string> out;
  for (const auto& c : contacts) {
    if (c.role == role) out.push_back(c.email);
  }
  return out;
}

void add_unique(std::vector<std::string>& list, const std::vector<std::string>& more) {
  for (const auto& e : more) {
    if (std::find(list.begin(), list.end(), e) == list.end()) list.push_back(e);
  }
}

std::string roles_text(const std::vector<ContactRole>& roles) {
  std::string out;
  for (ContactRole r : roles) out += (out.empty() ? "" : ", ") + std::string(to_string(r));
  return out.empty() ? "nobody" : out;
}

}  // namespace

Recipients choose_recipients(const std::vector<Contact>& contacts,
                             const std::vector<ContactRole>& to_roles,
                             const std::vector<ContactRole>& cc_roles,
                             const std::vector<ContactRole>& extra_cc, int stage,
                             const std::string& step_key) {
  Recipients r;
  if (contacts.empty()) {
    r.why.push_back("the customer has no contacts: add one with 'overdue contact add' before "
                    "this step can be sent");
    return r;
  }
  const bool owner_allowed = stage >= kOwnerFromStage;
  for (ContactRole role : to_roles) {
    if (role == ContactRole::kOwner && !owner_allowed) continue;
    std::vector<std::string> found = emails_of(contacts, role);
    if (found.empty() && role == ContactRole::kBuyer) {
      found = emails_of(contacts, ContactRole::kManager);
      if (!found.empty()) {
        r.why.push_back("no buyer on file: writing to the manager instead");
      } else if (owner_allowed) {
        found = emails_of(contacts, ContactRole::kOwner);
        if (!found.empty()) r.why.push_back("no buyer or manager on file: writing to the owner");
      } else {
        r.why.push_back("no buyer or manager on file: writing to finance alone (the owner is "
                        "not addressed before stage 3)");
      }
    }
    add_unique(r.to, found);
  }
  std::vector<ContactRole> all_cc = cc_roles;
  all_cc.insert(all_cc.end(), extra_cc.begin(), extra_cc.end());
  for (ContactRole role : all_cc) {
    if (role == ContactRole::kOwner && !owner_allowed) continue;
    for (const auto& e : emails_of(contacts, role)) {
      if (std::find(r.to.begin(), r.to.end(), e) == r.to.end()) add_unique(r.cc, {e});
    }
  }
  // A clerk is never the only recipient while anybody else is on file.
  bool only_clerks = std::all_of(contacts.begin(), contacts.end(), [](const Contact& c) {
    return c.role == ContactRole::kClerk;
  });
  bool to_only_clerks = !r.to.empty() && std::all_of(r.to.begin(), r.to.end(), [&](const auto& e) {
    return std::any_of(contacts.begin(), contacts.end(), [&](const Contact& c) {
      return c.email == e && c.role == ContactRole::kClerk;
    });
  });
  if (to_only_clerks && !only_clerks) {
    r.to.clear();
    r.why.push_back("a clerk is never the only recipient while others are on file");
  }
  if (r.to.empty()) {
    if (only_clerks) {
      r.to = emails_of(contacts, ContactRole::kClerk);
      r.why.push_back("only clerks are on file: writing to them; find the finance manager and add "
                      "them with 'overdue contact add … --role finance'");
    } else {
      for (ContactRole fallback : {ContactRole::kFinance, ContactRole::kManager,
                                   ContactRole::kOther}) {
        add_unique(r.to, emails_of(contacts, fallback));
        if (!r.to.empty()) {
          r.why.push_back("none of the roles in " + step_key + ".to (" + roles_text(to_roles) +
                          ") is on file: writing to the " + std::string(to_string(fallback)));
          break;
        }
      }
      if (r.to.empty() && owner_allowed) add_unique(r.to, emails_of(contacts, ContactRole::kOwner));
      if (r.to.empty()) {
        r.why.push_back("no contact suitable for " + step_key + ".to before stage 3 (only the "
                        "owner or clerks are on file)");
      }
    }
    std::erase_if(r.cc, [&](const std::string& e) {
      return std::find(r.to.begin(), r.to.end(), e) != r.to.end();
    });
  }
  return r;
}

}  // namespace overdue::engine
