#include "store/schema.h"

namespace overdue::store {

const std::vector<std::string_view>& sqlite_migrations() {
  static const std::vector<std::string_view> kMigrations = {
      // 1: the receivables book and the journal.
      R"sql(
CREATE TABLE customers (
  customer_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  country TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('en', 'zh', 'zh-Hant')),
  since TEXT,
  salesperson TEXT NOT NULL DEFAULT '',
  insurance_policy TEXT NOT NULL DEFAULT '',
  insured_limit_currency TEXT,
  insured_limit_minor INTEGER
);
CREATE TABLE contacts (
  customer_id TEXT NOT NULL REFERENCES customers(customer_id),
  email TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('buyer','manager','finance','owner','clerk','other')),
  phone TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (customer_id, email)
) WITHOUT ROWID;
CREATE TABLE invoices (
  id INTEGER PRIMARY KEY,
  invoice_no TEXT NOT NULL UNIQUE,
  order_no TEXT NOT NULL DEFAULT '',
  customer_id TEXT NOT NULL REFERENCES customers(customer_id),
  currency TEXT NOT NULL,
  issue_date TEXT NOT NULL,
  ship_date TEXT,
  received_date TEXT,
  due_date TEXT NOT NULL,
  terms TEXT NOT NULL DEFAULT '',
  total_minor INTEGER NOT NULL
);
CREATE INDEX invoices_by_customer ON invoices(customer_id);
CREATE TABLE invoice_lines (
  invoice_id INTEGER NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
  line_no INTEGER NOT NULL,
  product TEXT NOT NULL,
  quantity_milli INTEGER NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  unit_price_micro INTEGER NOT NULL,
  amount_minor INTEGER NOT NULL,
  PRIMARY KEY (invoice_id, line_no)
) WITHOUT ROWID;
CREATE TABLE payments (
  payment_id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(customer_id),
  date TEXT NOT NULL,
  currency TEXT NOT NULL,
  amount_minor INTEGER NOT NULL,
  bank_charges_minor INTEGER NOT NULL DEFAULT 0,
  invoice_no TEXT NOT NULL DEFAULT '',
  method TEXT NOT NULL,
  reference TEXT NOT NULL DEFAULT '',
  reversed_on TEXT
);
CREATE INDEX payments_by_customer ON payments(customer_id);
CREATE TABLE allocations (
  id INTEGER PRIMARY KEY,
  payment_id TEXT NOT NULL REFERENCES payments(payment_id),
  invoice_no TEXT NOT NULL REFERENCES invoices(invoice_no),
  amount_minor INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('payment', 'bank_charges', 'short_payment_tolerance')),
  effective_date TEXT NOT NULL
);
CREATE INDEX allocations_by_invoice ON allocations(invoice_no);
CREATE INDEX allocations_by_payment ON allocations(payment_id);
CREATE TABLE journal (
  id INTEGER PRIMARY KEY,
  recorded_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  as_of TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '{}'
);
CREATE TRIGGER journal_append_only_update BEFORE UPDATE ON journal
  BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER journal_append_only_delete BEFORE DELETE ON journal
  BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
)sql",
      // 2: the collection case of each customer, as append-only dated events (issue 4).
      R"sql(
CREATE TABLE case_events (
  id INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(customer_id),
  kind TEXT NOT NULL CHECK (kind IN ('reason', 'step', 'promise', 'dispute_open',
                                     'dispute_resolve', 'instalment_plan')),
  event_date TEXT NOT NULL,
  payload TEXT NOT NULL DEFAULT '{}',
  recorded_at TEXT NOT NULL
);
CREATE INDEX case_events_by_customer ON case_events(customer_id, event_date, id);
CREATE TRIGGER case_events_append_only_update BEFORE UPDATE ON case_events
  BEGIN SELECT RAISE(ABORT, 'case events are append-only'); END;
CREATE TRIGGER case_events_append_only_delete BEFORE DELETE ON case_events
  BEGIN SELECT RAISE(ABORT, 'case events are append-only'); END;
)sql",
      // 3: the outbox (issue 5). Letters change state; every change is also journaled.
      R"sql(
CREATE TABLE letters (
  id INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(customer_id),
  action TEXT NOT NULL,
  as_of TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('draft', 'approved', 'sending', 'sent', 'failed',
                                       'unknown', 'cancelled', 'replaced')),
  language TEXT NOT NULL,
  from_addr TEXT NOT NULL,
  to_addrs TEXT NOT NULL,
  cc_addrs TEXT NOT NULL,
  reply_to TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  attachment_name TEXT NOT NULL DEFAULT '',
  attachment TEXT NOT NULL DEFAULT '',
  message_id TEXT NOT NULL UNIQUE,
  in_reply_to TEXT NOT NULL DEFAULT '',
  refs TEXT NOT NULL DEFAULT '',
  invoices TEXT NOT NULL DEFAULT '[]',
  pay_by TEXT,
  why TEXT NOT NULL DEFAULT '[]',
  recipient_customer_id TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  server_reply TEXT NOT NULL DEFAULT '',
  sent_on TEXT,
  raw TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);
CREATE INDEX letters_by_customer ON letters(customer_id, state);
CREATE INDEX letters_by_state ON letters(state);
)sql",
      // 4: buyers' mail (issue 7): every reply kept, raw, with its match and classification.
      R"sql(
CREATE TABLE replies (
  id INTEGER PRIMARY KEY,
  message_id TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  received TEXT NOT NULL,
  ingested_on TEXT NOT NULL,
  from_addr TEXT NOT NULL DEFAULT '',
  from_name TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL DEFAULT '',
  in_reply_to TEXT NOT NULL DEFAULT '',
  refs TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',
  raw BLOB NOT NULL,
  parse_error TEXT NOT NULL DEFAULT '',
  auto_reply INTEGER NOT NULL DEFAULT 0,
  customer_id TEXT REFERENCES customers(customer_id),
  letter_id INTEGER REFERENCES letters(id),
  matched_by TEXT NOT NULL DEFAULT '',
  classification TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL CHECK (status IN ('applied', 'review', 'reviewed', 'unmatched',
                                         'auto_reply', 'malformed')),
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX replies_by_customer ON replies(customer_id, status);
CREATE TABLE reply_attachments (
  reply_id INTEGER NOT NULL REFERENCES replies(id),
  n INTEGER NOT NULL,
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (reply_id, n)
) WITHOUT ROWID;
CREATE TABLE imap_state (
  mailbox TEXT PRIMARY KEY,
  uidvalidity INTEGER NOT NULL,
  last_uid INTEGER NOT NULL
);
)sql",
  };
  return kMigrations;
}

}  // namespace overdue::store
