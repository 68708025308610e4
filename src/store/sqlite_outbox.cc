#include "store/sqlite_outbox.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <nlohmann/json.hpp>

#include "domain/code_table.h"
#include "store/statement_cache.h"

namespace overdue::store {
namespace {

constexpr CodeTable<LetterState, 8> kStates{{{LetterState::kDraft, "draft"},
                                             {LetterState::kApproved, "approved"},
                                             {LetterState::kSending, "sending"},
                                             {LetterState::kSent, "sent"},
                                             {LetterState::kFailed, "failed"},
                                             {LetterState::kUnknown, "unknown"},
                                             {LetterState::kCancelled, "cancelled"},
                                             {LetterState::kReplaced, "replaced"}}};

constexpr const char* kColumns =
    "id, customer_id, action, as_of, state, language, from_addr, to_addrs, cc_addrs, reply_to, "
    "subject, body, attachment_name, attachment, message_id, in_reply_to, refs, invoices, pay_by, "
    "why, recipient_customer_id, attempts, server_reply, sent_on, raw, updated_at";

std::string list_json(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }

std::vector<std::string> list_from(const std::string& text) {
  return nlohmann::json::parse(text).get<std::vector<std::string>>();
}

Letter read_letter(SQLite::Statement& st) {
  Letter l;
  l.id = st.getColumn(0).getInt64();
  l.customer_id = st.getColumn(1).getString();
  l.action = parse_action(st.getColumn(2).getString()).value_or(Action::kReminder);
  l.as_of = CivilDate::of(st.getColumn(3).getString());
  l.state = parse_letter_state(st.getColumn(4).getString()).value_or(LetterState::kUnknown);
  l.language = st.getColumn(5).getString();
  l.from = st.getColumn(6).getString();
  l.to = list_from(st.getColumn(7).getString());
  l.cc = list_from(st.getColumn(8).getString());
  l.reply_to = st.getColumn(9).getString();
  l.subject = st.getColumn(10).getString();
  l.body = st.getColumn(11).getString();
  l.attachment_name = st.getColumn(12).getString();
  l.attachment = st.getColumn(13).getString();
  l.message_id = st.getColumn(14).getString();
  l.in_reply_to = st.getColumn(15).getString();
  l.references = st.getColumn(16).getString();
  l.invoices = list_from(st.getColumn(17).getString());
  if (!st.getColumn(18).isNull()) l.pay_by = CivilDate::of(st.getColumn(18).getString());
  l.why = list_from(st.getColumn(19).getString());
  l.recipient_customer_id = st.getColumn(20).getString();
  l.attempts = st.getColumn(21).getInt();
  l.server_reply = st.getColumn(22).getString();
  if (!st.getColumn(23).isNull()) l.sent_on = CivilDate::of(st.getColumn(23).getString());
  l.raw = st.getColumn(24).getString();
  l.updated_at = st.getColumn(25).getString();
  return l;
}

// Binds every column but id (1..24 in kColumns order without id and updated_at).
void bind_letter(SQLite::Statement& st, const Letter& l) {
  st.bind(1, l.customer_id);
  st.bind(2, std::string(to_string(l.action)));
  st.bind(3, l.as_of.iso());
  st.bind(4, std::string(to_string(l.state)));
  st.bind(5, l.language);
  st.bind(6, l.from);
  st.bind(7, list_json(l.to));
  st.bind(8, list_json(l.cc));
  st.bind(9, l.reply_to);
  st.bind(10, l.subject);
  st.bind(11, l.body);
  st.bind(12, l.attachment_name);
  st.bind(13, l.attachment);
  st.bind(14, l.message_id);
  st.bind(15, l.in_reply_to);
  st.bind(16, l.references);
  st.bind(17, list_json(l.invoices));
  if (l.pay_by) {
    st.bind(18, l.pay_by->iso());
  } else {
    st.bind(18);
  }
  st.bind(19, list_json(l.why));
  st.bind(20, l.recipient_customer_id);
  st.bind(21, l.attempts);
  st.bind(22, l.server_reply);
  if (l.sent_on) {
    st.bind(23, l.sent_on->iso());
  } else {
    st.bind(23);
  }
  st.bind(24, l.raw);
}

class SqliteOutbox : public Outbox {
 public:
  explicit SqliteOutbox(SQLite::Database& db) : db_(db) {}

  int64_t insert(const Letter& letter) override {
    auto st_lease = cache_.get(
        "INSERT INTO letters (customer_id, action, as_of, state, language, from_addr, to_addrs, "
        "cc_addrs, reply_to, subject, body, attachment_name, attachment, message_id, "
        "in_reply_to, refs, invoices, pay_by, why, recipient_customer_id, attempts, "
        "server_reply, sent_on, raw, updated_at) VALUES "
        "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,strftime('%Y-%m-%dT%H:%M:%SZ','now'))");
    SQLite::Statement& st = *st_lease;
    bind_letter(st, letter);
    st.exec();
    return db_.getLastInsertRowid();
  }

  void update(const Letter& letter) override {
    auto st_lease = cache_.get(
        "UPDATE letters SET customer_id=?, action=?, as_of=?, state=?, language=?, from_addr=?, "
        "to_addrs=?, cc_addrs=?, reply_to=?, subject=?, body=?, attachment_name=?, attachment=?, "
        "message_id=?, in_reply_to=?, refs=?, invoices=?, pay_by=?, why=?, "
        "recipient_customer_id=?, attempts=?, server_reply=?, sent_on=?, raw=?, "
        "updated_at=strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id=?");
    SQLite::Statement& st = *st_lease;
    bind_letter(st, letter);
    st.bind(25, letter.id);
    st.exec();
  }

  std::optional<Letter> find(int64_t id) override {
    auto st_lease = cache_.get(std::string("SELECT ") + kColumns + " FROM letters WHERE id = ?");
    SQLite::Statement& st = *st_lease;
    st.bind(1, id);
    if (!st.executeStep()) return std::nullopt;
    return read_letter(st);
  }

  std::optional<Letter> find_by_message_id(const std::string& message_id) override {
    auto st_lease =
        cache_.get(std::string("SELECT ") + kColumns + " FROM letters WHERE message_id = ?");
    SQLite::Statement& st = *st_lease;
    st.bind(1, message_id);
    if (!st.executeStep()) return std::nullopt;
    return read_letter(st);
  }

  std::vector<Letter> list(std::optional<LetterState> state,
                           const std::string& customer_id) override {
    std::string sql = std::string("SELECT ") + kColumns + " FROM letters WHERE 1";
    if (state) sql += " AND state = ?";
    if (!customer_id.empty()) sql += " AND customer_id = ?";
    sql += " ORDER BY id";
    auto st_lease = cache_.get(sql);
    SQLite::Statement& st = *st_lease;
    int at = 0;
    if (state) st.bind(++at, std::string(to_string(*state)));
    if (!customer_id.empty()) st.bind(++at, customer_id);
    std::vector<Letter> out;
    while (st.executeStep()) out.push_back(read_letter(st));
    return out;
  }

  std::vector<Letter> pending_of(const std::string& customer_id) override {
    auto st_lease = cache_.get(std::string("SELECT ") + kColumns +
                               " FROM letters WHERE customer_id = ? AND state IN "
                               "('draft','approved','sending','unknown') ORDER BY id");
    SQLite::Statement& st = *st_lease;
    st.bind(1, customer_id);
    std::vector<Letter> out;
    while (st.executeStep()) out.push_back(read_letter(st));
    return out;
  }

 private:
  SQLite::Database& db_;
  StatementCache cache_{db_};
};

}  // namespace

std::string_view to_string(LetterState s) { return code_name(kStates, s); }
std::optional<LetterState> parse_letter_state(std::string_view s) { return code_value(kStates, s); }
std::string allowed_letter_states() { return code_list(kStates); }

std::unique_ptr<Outbox> make_sqlite_outbox(SQLite::Database& db) {
  return std::make_unique<SqliteOutbox>(db);
}

}  // namespace overdue::store
