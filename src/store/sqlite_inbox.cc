#include "store/sqlite_inbox.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/statement_cache.h"

namespace overdue::store {
namespace {

constexpr const char* kColumns =
    "id, message_id, source, received, ingested_on, from_addr, from_name, subject, in_reply_to, "
    "refs, text, parse_error, auto_reply, customer_id, letter_id, matched_by, classification, "
    "status, note";

Reply read_reply(SQLite::Statement& st) {
  Reply r;
  r.id = st.getColumn(0).getInt64();
  r.message_id = st.getColumn(1).getString();
  r.source = st.getColumn(2).getString();
  r.received = CivilDate::of(st.getColumn(3).getString());
  r.ingested_on = st.getColumn(4).getString();
  r.from_addr = st.getColumn(5).getString();
  r.from_name = st.getColumn(6).getString();
  r.subject = st.getColumn(7).getString();
  r.in_reply_to = st.getColumn(8).getString();
  r.references = st.getColumn(9).getString();
  r.text = st.getColumn(10).getString();
  r.parse_error = st.getColumn(11).getString();
  r.auto_reply = st.getColumn(12).getInt() != 0;
  r.customer_id = st.getColumn(13).isNull() ? "" : st.getColumn(13).getString();
  r.letter_id = st.getColumn(14).isNull() ? 0 : st.getColumn(14).getInt64();
  r.matched_by = st.getColumn(15).getString();
  r.classification = st.getColumn(16).getString();
  r.status = st.getColumn(17).getString();
  r.note = st.getColumn(18).getString();
  return r;
}

// Binds the updatable columns 1..17 (source … note, without id, message_id and raw).
void bind_fields(SQLite::Statement& st, const Reply& r) {
  st.bind(1, r.source);
  st.bind(2, r.received.iso());
  st.bind(3, r.ingested_on);
  st.bind(4, r.from_addr);
  st.bind(5, r.from_name);
  st.bind(6, r.subject);
  st.bind(7, r.in_reply_to);
  st.bind(8, r.references);
  st.bind(9, r.text);
  st.bind(10, r.parse_error);
  st.bind(11, r.auto_reply ? 1 : 0);
  if (r.customer_id.empty()) {
    st.bind(12);
  } else {
    st.bind(12, r.customer_id);
  }
  if (r.letter_id == 0) {
    st.bind(13);
  } else {
    st.bind(13, r.letter_id);
  }
  st.bind(14, r.matched_by);
  st.bind(15, r.classification);
  st.bind(16, r.status);
  st.bind(17, r.note);
}

class SqliteInbox : public Inbox {
 public:
  explicit SqliteInbox(SQLite::Database& db) : db_(db) {}

  bool has_message_id(const std::string& message_id) override {
    auto st_lease = cache_.get("SELECT 1 FROM replies WHERE message_id = ?");
    SQLite::Statement& st = *st_lease;
    st.bind(1, message_id);
    return st.executeStep();
  }

  int64_t insert(const Reply& r) override {
    auto st_lease = cache_.get(
        "INSERT INTO replies (source, received, ingested_on, from_addr, from_name, subject, "
        "in_reply_to, refs, text, parse_error, auto_reply, customer_id, letter_id, matched_by, "
        "classification, status, note, message_id, raw) VALUES "
        "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    SQLite::Statement& st = *st_lease;
    bind_fields(st, r);
    st.bind(18, r.message_id);
    st.bind(19, r.raw.data(), static_cast<int>(r.raw.size()));
    st.exec();
    int64_t id = db_.getLastInsertRowid();
    int n = 0;
    for (const auto& a : r.attachments) {
      auto att_lease = cache_.get(
          "INSERT INTO reply_attachments (reply_id, n, filename, content_type, "
          "data) VALUES (?,?,?,?,?)");
      SQLite::Statement& att = *att_lease;
      att.bind(1, id);
      att.bind(2, ++n);
      att.bind(3, a.filename);
      att.bind(4, a.content_type);
      att.bind(5, a.data.data(), static_cast<int>(a.data.size()));
      att.exec();
    }
    return id;
  }

  void update(const Reply& r) override {
    auto st_lease = cache_.get(
        "UPDATE replies SET source=?, received=?, ingested_on=?, from_addr=?, from_name=?, "
        "subject=?, in_reply_to=?, refs=?, text=?, parse_error=?, auto_reply=?, customer_id=?, "
        "letter_id=?, matched_by=?, classification=?, status=?, note=? WHERE id=?");
    SQLite::Statement& st = *st_lease;
    bind_fields(st, r);
    st.bind(18, r.id);
    st.exec();
  }

  std::optional<Reply> find(int64_t id) override {
    auto st_lease =
        cache_.get(std::string("SELECT ") + kColumns + ", raw FROM replies WHERE id = ?");
    SQLite::Statement& st = *st_lease;
    st.bind(1, id);
    if (!st.executeStep()) return std::nullopt;
    Reply r = read_reply(st);
    const auto& raw = st.getColumn(19);
    if (raw.getBytes() > 0) r.raw.assign(static_cast<const char*>(raw.getBlob()), raw.getBytes());
    auto att_lease = cache_.get(
        "SELECT filename, content_type, data FROM reply_attachments "
        "WHERE reply_id = ? ORDER BY n");
    SQLite::Statement& att = *att_lease;
    att.bind(1, id);
    while (att.executeStep()) {
      const auto& data = att.getColumn(2);
      std::string bytes;
      if (data.getBytes() > 0) bytes.assign(static_cast<const char*>(data.getBlob()), data.getBytes());
      r.attachments.push_back(ReplyAttachment{att.getColumn(0).getString(), att.getColumn(1).getString(),
                                              std::move(bytes)});
    }
    return r;
  }

  std::vector<Reply> list(const std::string& status, const std::string& customer_id) override {
    std::string sql = std::string("SELECT ") + kColumns + " FROM replies WHERE 1";
    if (!status.empty()) sql += " AND status = ?";
    if (!customer_id.empty()) sql += " AND customer_id = ?";
    sql += " ORDER BY received, id";
    auto st_lease = cache_.get(sql);
    SQLite::Statement& st = *st_lease;
    int at = 0;
    if (!status.empty()) st.bind(++at, status);
    if (!customer_id.empty()) st.bind(++at, customer_id);
    std::vector<Reply> out;
    while (st.executeStep()) out.push_back(read_reply(st));
    return out;
  }

  std::pair<int64_t, int64_t> imap_position(const std::string& mailbox) override {
    auto st_lease = cache_.get("SELECT uidvalidity, last_uid FROM imap_state WHERE mailbox = ?");
    SQLite::Statement& st = *st_lease;
    st.bind(1, mailbox);
    if (!st.executeStep()) return {0, 0};
    return {st.getColumn(0).getInt64(), st.getColumn(1).getInt64()};
  }

  void set_imap_position(const std::string& mailbox, int64_t uidvalidity, int64_t uid) override {
    auto st_lease = cache_.get(
        "INSERT INTO imap_state (mailbox, uidvalidity, last_uid) VALUES (?,?,?) "
        "ON CONFLICT(mailbox) DO UPDATE SET uidvalidity=excluded.uidvalidity, "
        "last_uid=excluded.last_uid");
    SQLite::Statement& st = *st_lease;
    st.bind(1, mailbox);
    st.bind(2, uidvalidity);
    st.bind(3, uid);
    st.exec();
  }

 private:
  SQLite::Database& db_;
  StatementCache cache_{db_};
};

}  // namespace

std::unique_ptr<Inbox> make_sqlite_inbox(SQLite::Database& db) { return std::make_unique<SqliteInbox>(db); }

}  // namespace overdue::store
