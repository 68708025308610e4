#include "config/mail_config.h"

#include <cstdlib>
#include <fstream>
#include <functional>

#include "domain/currency.h"

namespace overdue {
namespace {

// A table of string keys: each known key writes its field; unknown keys and non-strings are
// problems naming the allowed keys.
using StringFields = std::vector<std::pair<const char*, std::string*>>;

void read_strings(const std::string& path, const std::string& section, const toml::table& table,
                  const StringFields& fields, std::vector<ConfigProblem>& problems,
                  const std::function<bool(const std::string&, const toml::node&)>& other = {},
                  const std::string& more_allowed = "") {
  for (const auto& [key, node] : table) {
    std::string name(key.str());
    if (other && other(name, node)) continue;
    std::string* target = nullptr;
    for (const auto& [field, out] : fields) {
      if (name == field) target = out;
    }
    if (!target) {
      std::string allowed;
      for (const auto& [field, out] : fields) allowed += (allowed.empty() ? "" : ", ") + std::string(field);
      allowed += more_allowed;
      problems.push_back(problem_at(path, node, "unknown key " + section + "." + name +
                                                    " (allowed in [" + section + "]: " + allowed + ")"));
      continue;
    }
    if (auto v = node.value_exact<std::string>()) {
      *target = *v;
    } else {
      problems.push_back(problem_at(path, node, section + "." + name + " must be a string"));
    }
  }
}

// "Name <a@b>" or "a@b" -> the address part, if it looks like one.
bool has_address(const std::string& from) {
  auto lt = from.find('<');
  std::string addr = lt == std::string::npos ? from : from.substr(lt + 1, from.find('>', lt) - lt - 1);
  auto at = addr.find('@');
  return at != std::string::npos && at > 0 && at + 1 < addr.size() &&
         addr.find_first_of(" \t,;") == std::string::npos;
}

}  // namespace

std::vector<std::string> CompanyConfig::missing_for_letters() const {
  std::vector<std::string> out;
  if (source.empty()) {
    out.push_back("no config file: letters need [company] and [company.bank.<CUR>] in overdue.toml "
                  "beside the book, or --config FILE (see README: Configuration)");
    return out;
  }
  if (name.empty()) out.push_back("[company] name is missing (the company that signs letters)");
  if (from.empty()) {
    out.push_back("[company] from is missing (the sender address, e.g. \"Credit desk <ar@example.com>\")");
  } else if (!has_address(from)) {
    out.push_back("[company] from = \"" + from + "\" is not an e-mail address");
  }
  if (!reply_to.empty() && !has_address(reply_to)) {
    out.push_back("[company] reply_to = \"" + reply_to + "\" is not an e-mail address");
  }
  if (message_id_domain.empty()) {
    out.push_back("[company] message_id_domain is missing (e.g. \"example.com\": our letters' "
                  "Message-IDs end in @message_id_domain)");
  }
  return out;
}

void read_company(const std::string& path, const toml::table& table, CompanyConfig& out,
                  std::vector<ConfigProblem>& problems) {
  StringFields fields = {{"name", &out.name},
                         {"name_zh", &out.name_zh},
                         {"address", &out.address},
                         {"from", &out.from},
                         {"reply_to", &out.reply_to},
                         {"message_id_domain", &out.message_id_domain},
                         {"signer", &out.signer}};
  auto banks = [&](const std::string& name, const toml::node& node) {
    if (name != "bank") return false;
    const toml::table* by_currency = node.as_table();
    if (!by_currency) {
      problems.push_back(problem_at(path, node, "company.bank must be a table of currencies "
                                                "([company.bank.USD], …)"));
      return true;
    }
    for (const auto& [code, account_node] : *by_currency) {
      std::string cur(code.str());
      if (!Currency::parse(cur)) {
        problems.push_back(problem_at(path, account_node, "company.bank." + cur +
                                                              ": not an ISO 4217 currency code"));
        continue;
      }
      const toml::table* account = account_node.as_table();
      if (!account) {
        problems.push_back(problem_at(path, account_node, "company.bank." + cur + " must be a table"));
        continue;
      }
      BankAccount& b = out.banks[cur];
      std::string section = "company.bank." + cur;
      read_strings(path, section, *account,
                   {{"beneficiary", &b.beneficiary},
                    {"bank", &b.bank},
                    {"swift", &b.swift},
                    {"account", &b.account},
                    {"bank_address", &b.bank_address}},
                   problems);
      for (auto [key, value] : {std::pair{"beneficiary", &b.beneficiary}, {"bank", &b.bank},
                                {"swift", &b.swift}, {"account", &b.account}}) {
        if (value->empty()) {
          problems.push_back(problem_at(path, account_node, section + "." + key + " is missing"));
        }
      }
    }
    return true;
  };
  read_strings(path, "company", table, fields, problems, banks, ", [company.bank.<CUR>]");
}

namespace {

// The keys [smtp] and [imap] share: url, user, password_file, starttls, ca_file, timeout_seconds.
struct Transport {
  std::string* url;
  std::string* user;
  std::string* password_file;
  StartTls* starttls_out;
  std::string* ca_file;
  int* timeout_seconds;
};

void read_transport(const std::string& path, const std::string& section, const toml::table& table,
                    Transport t, const std::vector<std::string>& schemes, StringFields extra,
                    std::vector<ConfigProblem>& problems) {
  std::string starttls;
  const std::string env = section == "smtp" ? "OVERDUE_SMTP_PASSWORD" : "OVERDUE_IMAP_PASSWORD";
  auto other = [&](const std::string& name, const toml::node& node) {
    if (name == "password") {
      problems.push_back(problem_at(path, node,
                                    section + ".password is not read from the config file: set " +
                                        env + " or " + section + ".password_file"));
      return true;
    }
    if (name != "timeout_seconds") return false;
    auto v = node.value_exact<int64_t>();
    if (!v || *v < 1 || *v > 600) {
      problems.push_back(problem_at(path, node, section + ".timeout_seconds must be a whole number from 1 to 600"));
    } else {
      *t.timeout_seconds = static_cast<int>(*v);
    }
    return true;
  };
  StringFields fields = {{"url", t.url},
                         {"user", t.user},
                         {"password_file", t.password_file},
                         {"starttls", &starttls},
                         {"ca_file", t.ca_file}};
  fields.insert(fields.end(), extra.begin(), extra.end());
  read_strings(path, section, table, fields, problems, other, ", timeout_seconds");
  bool scheme_ok = t.url->empty();
  std::string allowed;
  for (const auto& scheme : schemes) {
    scheme_ok = scheme_ok || t.url->rfind(scheme + "://", 0) == 0;
    allowed += (allowed.empty() ? "" : " or ") + scheme + "://";
  }
  if (!scheme_ok) {
    problems.push_back(problem_at(path, *table.get("url"),
                                  section + ".url must start with " + allowed + " (e.g. \"" +
                                      schemes.front() + "://mail.example.com\")"));
  }
  if (const toml::node* node = table.get("starttls")) {
    if (starttls == "no") {
      *t.starttls_out = StartTls::kNo;
    } else if (starttls == "try") {
      *t.starttls_out = StartTls::kTry;
    } else if (starttls == "require") {
      *t.starttls_out = StartTls::kRequire;
    } else if (node->is_string()) {
      problems.push_back(problem_at(path, *node, section + ".starttls must be \"no\", \"try\" or \"require\""));
    }
  }
}

Result<std::string> read_password(const char* env_name, const std::string& file, const std::string& key) {
  if (const char* env = std::getenv(env_name); env && *env) return std::string(env);
  if (file.empty()) return std::string();
  std::ifstream in(file);
  if (!in) return Error{key + " " + file + ": cannot read it"};
  std::string line;
  std::getline(in, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

}  // namespace

void read_imap(const std::string& path, const toml::table& table, ImapConfig& out,
               std::vector<ConfigProblem>& problems) {
  read_transport(path, "imap", table,
                 {&out.url, &out.user, &out.password_file, &out.starttls, &out.ca_file, &out.timeout_seconds},
                 {"imap", "imaps"}, {{"folder", &out.folder}}, problems);
}

void read_replies(const std::string& path, const toml::table& table, RepliesConfig& out,
                  std::vector<ConfigProblem>& problems) {
  for (const auto& [key, node] : table) {
    std::string name(key.str());
    if (name != "min_confidence") {
      problems.push_back(problem_at(path, node, "unknown key replies." + name + " (allowed in [replies]: min_confidence)"));
      continue;
    }
    auto v = node.value<double>();
    if (!v || *v < 0 || *v > 1) {
      problems.push_back(problem_at(path, node, "replies.min_confidence must be a number from 0 to 1 (e.g. 0.6)"));
    } else {
      out.min_confidence = *v;
    }
  }
}

Result<std::string> imap_password(const ImapConfig& imap) {
  return read_password("OVERDUE_IMAP_PASSWORD", imap.password_file, "imap.password_file");
}

void read_smtp(const std::string& path, const toml::table& table, SmtpConfig& out,
               std::vector<ConfigProblem>& problems) {
  read_transport(path, "smtp", table,
                 {&out.url, &out.user, &out.password_file, &out.starttls, &out.ca_file, &out.timeout_seconds},
                 {"smtp", "smtps"}, {}, problems);
}

Result<std::string> smtp_password(const SmtpConfig& smtp) {
  return read_password("OVERDUE_SMTP_PASSWORD", smtp.password_file, "smtp.password_file");
}

}  // namespace overdue
