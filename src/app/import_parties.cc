// Import of customers and contacts.
#include <map>

#include "app/import_parsers.h"
#include "app/pending_rows.h"
#include "domain/country.h"

namespace overdue::app {

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_valid_email(std::string_view email) {
  size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  std::string_view domain = email.substr(at + 1);
  size_t dot = domain.rfind('.');
  if (domain.empty() || dot == std::string_view::npos || dot == 0 || dot + 1 == domain.size() ||
      domain.find("..") != std::string_view::npos) {
    return false;
  }
  for (char c : email) {
    if (c == ' ' || c == '\t' || c == ',' || c == ';' || c == '<' || c == '>' || c == '"') {
      return false;
    }
  }
  return true;
}

namespace {

std::string changed_fields(const Customer& a, const Customer& b) {
  std::string out;
  auto note = [&](const char* name, bool differs) {
    if (differs) out += (out.empty() ? "" : ", ") + std::string(name);
  };
  note("name", a.name != b.name);
  note("country", a.country != b.country);
  note("language", a.language != b.language);
  note("since", a.since != b.since);
  note("salesperson", a.salesperson != b.salesperson);
  note("insurance_policy", a.insurance_policy != b.insurance_policy);
  note("insured_limit", a.insured_limit != b.insured_limit);
  return out;
}

}  // namespace

void import_customers(store::Store& store, const std::vector<std::string>& files,
                      const ImportOptions& options, ImportReport& report) {
  PendingRows<std::string, Customer> pending;
  for (const auto& file : files) {
    auto table = io::open_table(file, import_columns(ImportKind::kCustomers), report.problems);
    if (!table || !table->ok()) continue;
    while (table->next()) {
      ++report.rows;
      Customer c;
      bool good = true;
      auto fail = [&](std::string_view column, std::string message) {
        table->problem(column, std::move(message));
        good = false;
      };
      c.id = std::string(table->get("customer_id"));
      if (c.id.empty()) fail("customer_id", "required");
      c.name = std::string(table->get("name"));
      if (c.name.empty()) fail("name", "required");
      std::string country(table->get("country"));
      for (char& ch : country) {
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
      }
      if (!is_iso_country(country)) {
        fail("country", "'" + std::string(table->get("country")) +
                            "' is not an ISO 3166-1 alpha-2 country code (e.g. DE, US, TW)");
      }
      c.country = country;
      if (std::string_view lang = table->get("language"); !lang.empty()) {
        if (auto parsed = parse_language(lang)) {
          c.language = *parsed;
        } else {
          fail("language", "'" + std::string(lang) + "' is not a language (allowed: " +
                               allowed_languages() + ")");
        }
      }
      if (std::string_view since = table->get("since"); !since.empty()) {
        auto d = CivilDate::parse(since);
        if (d) {
          c.since = d.value();
        } else {
          fail("since", d.error().message);
        }
      }
      c.salesperson = std::string(table->get("salesperson"));
      c.insurance_policy = std::string(table->get("insurance_policy"));
      if (std::string_view limit = table->get("insured_limit"); !limit.empty()) {
        auto m = Money::parse(limit);
        if (!m) {
          fail("insured_limit", m.error().message);
        } else if (m->is_negative()) {
          fail("insured_limit", "must not be negative");
        } else {
          c.insured_limit = m.value();
        }
      }
      if (good) pending.add(c.id, c, *table, "customer_id", "customer " + c.id);
    }
  }
  std::vector<const Customer*> inserts, updates;
  pending.reconcile([&](const std::string& id) { return store.find_customer(id); },
                    [](const Customer& old, const Customer& c) {
                      return "customer " + c.id + " already exists with different " +
                             changed_fields(old, c);
                    },
                    any_update_allowed, options, report, inserts, updates);
  if (!report.problems.empty()) return;
  for (const auto* list : {&inserts, &updates}) {
    for (const Customer* c : *list) store.put_customer(*c);
  }
  report.inserted += inserts.size();
  report.updated += updates.size();
}

void import_contacts(store::Store& store, const std::vector<std::string>& files,
                     const ImportOptions& options, ImportReport& report) {
  std::unordered_set<std::string> customer_ids = store.customer_ids();
  PendingRows<std::pair<std::string, std::string>, Contact> pending;
  for (const auto& file : files) {
    auto table = io::open_table(file, import_columns(ImportKind::kContacts), report.problems);
    if (!table || !table->ok()) continue;
    while (table->next()) {
      ++report.rows;
      Contact c;
      bool good = true;
      auto fail = [&](std::string_view column, std::string message) {
        table->problem(column, std::move(message));
        good = false;
      };
      c.customer_id = std::string(table->get("customer_id"));
      if (c.customer_id.empty()) {
        fail("customer_id", "required");
      } else if (!customer_ids.count(c.customer_id)) {
        fail("customer_id", "unknown customer '" + c.customer_id + "' (import customers first)");
      }
      c.name = std::string(table->get("name"));
      c.email = to_lower_ascii(table->get("email"));
      if (!is_valid_email(c.email)) {
        fail("email", "'" + std::string(table->get("email")) + "' is not a valid e-mail address");
      }
      std::string_view role = table->get("role");
      if (role.empty()) {
        c.role = ContactRole::kOther;
      } else if (auto parsed = parse_contact_role(role)) {
        c.role = *parsed;
      } else {
        fail("role", "'" + std::string(role) + "' is not a role (allowed: " +
                         allowed_contact_roles() + ")");
      }
      c.phone = std::string(table->get("phone"));
      if (good) {
        pending.add({c.customer_id, c.email}, c, *table, "email",
                    "contact " + c.email + " of " + c.customer_id);
      }
    }
  }
  std::vector<const Contact*> inserts, updates;
  pending.reconcile(
      [&](const std::pair<std::string, std::string>& key) {
        return store.find_contact(key.first, key.second);
      },
      [](const Contact&, const Contact& c) {
        return "contact " + c.email + " of " + c.customer_id +
               " already exists with a different name, role or phone";
      },
      any_update_allowed, options, report, inserts, updates);
  if (!report.problems.empty()) return;
  for (const auto* list : {&inserts, &updates}) {
    for (const Contact* c : *list) store.put_contact(*c);
  }
  report.inserted += inserts.size();
  report.updated += updates.size();
}

}  // namespace overdue::app
