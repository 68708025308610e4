// [company] (who we are, how buyers pay us) and [smtp] (how letters leave) in overdue.toml.
// Secrets never live here: the SMTP password comes from OVERDUE_SMTP_PASSWORD or the file named by
// smtp.password_file.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "config/policy_toml.h"
#include "domain/result.h"

namespace overdue {

// [company.bank.<CUR>]: where buyers pay invoices in that currency.
struct BankAccount {
  std::string beneficiary;
  std::string bank;
  std::string swift;
  std::string account;  // account number or IBAN
  std::string bank_address;
};

struct CompanyConfig {
  std::string source;              // the config file, for messages ("" = none: built-in defaults)
  std::string name;
  std::string name_zh;             // used in Chinese letters when set
  std::string address;
  std::string from;                // sender: "Name <address>" or an address
  std::string reply_to;            // where replies go; defaults to the sender
  std::string message_id_domain;   // right-hand side of our Message-IDs
  std::string signer;              // signs when a customer has no salesperson
  std::map<std::string, BankAccount> banks;  // by ISO 4217 code
  // Problems that keep letters from being drafted: "[company] name is missing", one per line.
  std::vector<std::string> missing_for_letters() const;
};

enum class StartTls { kNo, kTry, kRequire };

struct SmtpConfig {
  std::string url;            // smtp://host:port or smtps://host:port
  std::string user;           // empty: no AUTH
  std::string password_file;  // read when OVERDUE_SMTP_PASSWORD is not set
  StartTls starttls = StartTls::kTry;
  std::string ca_file;        // extra CA bundle (a private server's certificate)
  int timeout_seconds = 30;
};

// [imap]: where buyers' replies are fetched from.
struct ImapConfig {
  std::string url;            // imap://host:port or imaps://host:port
  std::string user;
  std::string folder = "INBOX";
  std::string password_file;  // read when OVERDUE_IMAP_PASSWORD is not set
  StartTls starttls = StartTls::kTry;
  std::string ca_file;
  int timeout_seconds = 30;
};

// [replies]: how sure the classifier must be before a reply changes a case by itself.
struct RepliesConfig {
  double min_confidence = 0.6;
};

// Reads [company] / [smtp] / [imap] / [replies] tables into `out`; problems as "FILE:LINE: message".
void read_company(const std::string& path, const toml::table& table, CompanyConfig& out,
                  std::vector<ConfigProblem>& problems);
void read_smtp(const std::string& path, const toml::table& table, SmtpConfig& out,
               std::vector<ConfigProblem>& problems);

void read_imap(const std::string& path, const toml::table& table, ImapConfig& out,
               std::vector<ConfigProblem>& problems);
void read_replies(const std::string& path, const toml::table& table, RepliesConfig& out,
                  std::vector<ConfigProblem>& problems);

// The IMAP password: OVERDUE_IMAP_PASSWORD, else the first line of imap.password_file, else empty.
Result<std::string> imap_password(const ImapConfig& imap);

// The SMTP password: OVERDUE_SMTP_PASSWORD, else the first line of smtp.password_file, else
// empty. An unreadable password file is an error naming the file (never the password).
Result<std::string> smtp_password(const SmtpConfig& smtp);

}  // namespace overdue
