// Import of customers and contacts.
#include <map>

#include "app/import_parsers.h"
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

struct Located {
  std::string file;
  int line = 0;
};

}  // namespace

void import_customers(store::Store& store, const std::vector<std::string>& files,
                      const ImportOptions& options, ImportReport& report) {
  std::map<std::string, std::pair<Customer, Located>> pending;
  std::vector<std::string> order;
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
      if (!good) continue;
      auto [it, inserted] = pending.try_emplace(c.id, c, Located{file, table->row_line()});
      if (inserted) {
        order.push_back(c.id);
      } else if (!(it->second.first == c)) {
        fail("customer_id", "customer " + c.id + " appears again with different values (first at " +
                                it->second.second.file + ":" +
                                std::to_string(it->second.second.line) + ")");
      }
    }
  }
  std::vector<const Customer*> to_write;
  for (const auto& id : order) {
    const auto& [c, at] = pending[id];
    auto existing = store.find_customer(id);
    if (!existing) {
      ++report.inserted;
      to_write.push_back(&c);
    } else if (*existing == c) {
      ++report.unchanged;
    } else if (!options.update) {
      report.problems.add(at.file, at.line, 1,
                          "customer " + id + " already exists with different " +
                              changed_fields(*existing, c) + "; use --update to change it");
    } else {
      ++report.updated;
      to_write.push_back(&c);
    }
  }
  if (!report.problems.empty()) return;
  for (const Customer* c : to_write) store.put_customer(*c);
}

void import_contacts(store::Store& store, const std::vector<std::string>& files,
                     const ImportOptions& options, ImportReport& report) {
  std::unordered_set<std::string> customer_ids = store.customer_ids();
  std::map<std::pair<std::string, std::string>, std::pair<Contact, Located>> pending;
  std::vector<std::pair<std::string, std::string>> order;
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
      if (!good) continue;
      auto key = std::make_pair(c.customer_id, c.email);
      auto [it, inserted] = pending.try_emplace(key, c, Located{file, table->row_line()});
      if (inserted) {
        order.push_back(key);
      } else if (!(it->second.first == c)) {
        fail("email", "contact " + c.email + " of " + c.customer_id +
                          " appears again with different values (first at " +
                          it->second.second.file + ":" + std::to_string(it->second.second.line) +
                          ")");
      }
    }
  }
  std::vector<const Contact*> to_write;
  for (const auto& key : order) {
    const auto& [c, at] = pending[key];
    auto existing = store.find_contact(c.customer_id, c.email);
    if (!existing) {
      ++report.inserted;
      to_write.push_back(&c);
    } else if (*existing == c) {
      ++report.unchanged;
    } else if (!options.update) {
      report.problems.add(at.file, at.line, 1,
                          "contact " + c.email + " of " + c.customer_id +
                              " already exists with a different name, role or phone; use "
                              "--update to change it");
    } else {
      ++report.updated;
      to_write.push_back(&c);
    }
  }
  if (!report.problems.empty()) return;
  for (const Contact* c : to_write) store.put_contact(*c);
}

}  // namespace overdue::app
