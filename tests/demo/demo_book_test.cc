#include "demo/demo_book.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace overdue::demo {
namespace {

__extension__ typedef __int128 Int128;

using Row = std::vector<std::string>;

// A tiny RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.
std::vector<Row> parse_csv(std::string_view text) {
  std::vector<Row> rows;
  Row row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      field.push_back(c);
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quoted field";
  EXPECT_TRUE(field.empty() && row.empty()) << "the last row has no line end";
  return rows;
}

// A table parsed back, with column access by header name.
struct Table {
  explicit Table(std::string_view text) : rows(parse_csv(text)) {
    if (rows.empty()) return;
    for (size_t i = 0; i < rows[0].size(); ++i) columns[rows[0][i]] = i;
  }
  const std::string& get(const Row& row, const std::string& column) const {
    return row.at(columns.at(column));
  }
  std::vector<Row> rows;  // rows[0] is the header
  std::map<std::string, size_t> columns;
};

// A non-negative decimal scaled to `scale` digits; -1 when malformed or too precise.
int64_t parse_scaled(const std::string& text, int scale) {
  int64_t value = 0;
  int decimals = -1;
  if (text.empty()) return -1;
  for (char c : text) {
    if (c == '.') {
      if (decimals >= 0) return -1;
      decimals = 0;
    } else if (c >= '0' && c <= '9') {
      value = value * 10 + (c - '0');
      if (decimals >= 0 && ++decimals > scale) return -1;
    } else {
      return -1;
    }
  }
  for (int i = std::max(decimals, 0); i < scale; ++i) value *= 10;
  return value;
}

int minor_digits(const std::string& currency) { return currency == "JPY" ? 0 : 2; }

std::string format_minor(int64_t minor, int digits) {
  if (digits == 0) return std::to_string(minor);
  std::string cents = std::to_string(minor % 100);
  if (cents.size() < 2) cents.insert(0, "0");
  return std::to_string(minor / 100) + "." + cents;
}

// quantity × unit_price rounded half-even to the minor unit, in integer arithmetic.
int64_t rounded_amount(int64_t quantity_milli, int64_t price_micro, int digits) {
  const Int128 product = static_cast<Int128>(quantity_milli) * price_micro;
  Int128 divisor = 1;
  for (int i = 0; i < 9 - digits; ++i) divisor *= 10;
  Int128 quotient = product / divisor;
  const Int128 twice_rest = (product % divisor) * 2;
  if (twice_rest > divisor || (twice_rest == divisor && quotient % 2 == 1)) ++quotient;
  return static_cast<int64_t>(quotient);
}

bool is_iso_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int month = std::stoi(s.substr(5, 2));
  const int day = std::stoi(s.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

TEST(DemoBookTest, SameSeedGivesIdenticalFiles) {
  DemoOptions options;
  const DemoFiles a = make_demo_book(options);
  const DemoFiles b = make_demo_book(options);
  EXPECT_EQ(a.customers, b.customers);
  EXPECT_EQ(a.contacts, b.contacts);
  EXPECT_EQ(a.invoices, b.invoices);
  EXPECT_EQ(a.payments, b.payments);
}

TEST(DemoBookTest, StreamingWritesTheSameBytes) {
  DemoOptions options;
  options.customers = 120;
  const DemoFiles files = make_demo_book(options);
  std::ostringstream customers, contacts, invoices, payments;
  write_demo_book(options, customers, contacts, invoices, payments);
  EXPECT_EQ(files.customers, customers.str());
  EXPECT_EQ(files.contacts, contacts.str());
  EXPECT_EQ(files.invoices, invoices.str());
  EXPECT_EQ(files.payments, payments.str());
}

TEST(DemoBookTest, DifferentSeedGivesDifferentFiles) {
  DemoOptions options;
  const DemoFiles a = make_demo_book(options);
  options.seed += 1;
  const DemoFiles b = make_demo_book(options);
  EXPECT_NE(a.customers, b.customers);
  EXPECT_NE(a.invoices, b.invoices);
  EXPECT_NE(a.payments, b.payments);
}

TEST(DemoBookTest, RejectsAnAsOfThatIsNoDate) {
  DemoOptions options;
  options.as_of = "2026-02-30";
  EXPECT_THROW(make_demo_book(options), std::invalid_argument);
}

TEST(DemoBookTest, CustomerIdsWidenWithTheCount) {
  DemoOptions options;
  options.customers = 12345;
  const Table customers(make_demo_book(options).customers);
  ASSERT_EQ(customers.rows.size(), 12346u);
  EXPECT_EQ(customers.rows[1][0], "C00001");
  EXPECT_EQ(customers.rows.back()[0], "C12345");
}

class DemoBookRowsTest : public ::testing::TestWithParam<uint64_t> {
 protected:
  void SetUp() override {
    DemoOptions options;
    options.seed = GetParam();
    files_ = make_demo_book(options);
  }
  DemoFiles files_;
};

TEST_P(DemoBookRowsTest, EveryRowHasTheHeaderColumnCount) {
  const std::vector<std::pair<std::string_view, std::string>> expected = {
      {files_.customers,
       "customer_id,name,country,language,since,salesperson,insurance_policy,insured_limit"},
      {files_.contacts, "customer_id,name,email,role,phone"},
      {files_.invoices,
       "invoice_no,order_no,customer_id,currency,issue_date,ship_date,received_date,due_date,terms,"
       "product,quantity,unit,unit_price,amount"},
      {files_.payments,
       "payment_id,customer_id,date,currency,amount,invoice_no,method,reference,bank_charges"}};
  for (const auto& [text, header] : expected) {
    EXPECT_EQ(text.substr(0, text.find('\n')), header);
    EXPECT_EQ(text.find('\r'), std::string_view::npos);
    const std::vector<Row> rows = parse_csv(text);
    ASSERT_GT(rows.size(), 1u) << header;
    for (size_t i = 0; i < rows.size(); ++i) {
      EXPECT_EQ(rows[i].size(), rows[0].size()) << header << " row " << i;
    }
  }
  EXPECT_NE(files_.customers.find('"'), std::string::npos) << "no quoted customer name";
  EXPECT_NE(files_.invoices.find('"'), std::string::npos) << "no quoted product";
}

TEST_P(DemoBookRowsTest, AmountsEqualRoundedQuantityTimesUnitPrice) {
  const Table invoices(files_.invoices);
  int with_amount = 0;
  for (size_t i = 1; i < invoices.rows.size(); ++i) {
    const Row& row = invoices.rows[i];
    const int digits = minor_digits(invoices.get(row, "currency"));
    const int64_t quantity = parse_scaled(invoices.get(row, "quantity"), 3);
    const int64_t price = parse_scaled(invoices.get(row, "unit_price"), 6);
    ASSERT_GT(quantity, 0) << "row " << i;
    ASSERT_GE(price, 0) << "row " << i;
    if (digits == 0) {
      EXPECT_EQ(price % 1'000'000, 0) << "JPY price not whole yen, row " << i;
    }
    const std::string& amount = invoices.get(row, "amount");
    if (amount.empty()) continue;
    ++with_amount;
    EXPECT_EQ(amount, format_minor(rounded_amount(quantity, price, digits), digits)) << "row " << i;
  }
  EXPECT_GT(with_amount, 0);
  EXPECT_LT(with_amount, static_cast<int>(invoices.rows.size()) - 1);
}

TEST_P(DemoBookRowsTest, EveryRoleAppearsAndEveryCustomerHasABuyer) {
  const Table contacts(files_.contacts);
  std::set<std::string> roles;
  std::map<std::string, std::set<std::string>> emails;
  std::set<std::string> with_buyer;
  for (size_t i = 1; i < contacts.rows.size(); ++i) {
    const Row& row = contacts.rows[i];
    const std::string& id = contacts.get(row, "customer_id");
    const std::string& role = contacts.get(row, "role");
    const std::string& email = contacts.get(row, "email");
    roles.insert(role);
    if (role == "buyer") with_buyer.insert(id);
    EXPECT_TRUE(emails[id].insert(email).second) << "duplicate e-mail " << email;
    EXPECT_EQ(std::count(email.begin(), email.end(), '@'), 1) << email;
    for (char c : email) {
      EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '@' ||
                  c == '_' || c == '-')
          << email;
    }
  }
  EXPECT_EQ(roles,
            (std::set<std::string>{"buyer", "clerk", "finance", "manager", "other", "owner"}));
  const Table customers(files_.customers);
  EXPECT_EQ(with_buyer.size(), customers.rows.size() - 1);
}

TEST_P(DemoBookRowsTest, EveryCustomerIdReferencedExists) {
  const Table customers(files_.customers);
  std::set<std::string> ids;
  for (size_t i = 1; i < customers.rows.size(); ++i) {
    EXPECT_TRUE(ids.insert(customers.rows[i][0]).second) << "duplicate " << customers.rows[i][0];
  }
  for (std::string_view text : {files_.contacts, files_.invoices, files_.payments}) {
    const Table table(text);
    for (size_t i = 1; i < table.rows.size(); ++i) {
      EXPECT_TRUE(ids.count(table.get(table.rows[i], "customer_id")))
          << table.get(table.rows[i], "customer_id");
    }
  }
}

TEST_P(DemoBookRowsTest, InvoicesAreConsistentAndPaymentsPlausible) {
  const std::string as_of = DemoOptions().as_of;
  const Table invoices(files_.invoices);
  struct InvoiceFacts {
    Row header;  // the invoice-level columns of its first line
    std::string customer, currency;
    int64_t total = 0;
  };
  std::map<std::string, InvoiceFacts> by_number;
  const std::vector<std::string> header_columns = {"order_no",   "customer_id", "currency",
                                                   "issue_date", "ship_date",   "received_date",
                                                   "due_date",   "terms"};
  for (size_t i = 1; i < invoices.rows.size(); ++i) {
    const Row& row = invoices.rows[i];
    Row header;
    for (const auto& column : header_columns) header.push_back(invoices.get(row, column));
    InvoiceFacts& facts = by_number[invoices.get(row, "invoice_no")];
    if (facts.header.empty()) {
      facts.header = header;
      facts.customer = invoices.get(row, "customer_id");
      facts.currency = invoices.get(row, "currency");
      const std::string& due = invoices.get(row, "due_date");
      const std::string& terms = invoices.get(row, "terms");
      EXPECT_NE(due.empty(), terms.empty()) << "row " << i;
      if (terms.ends_with("-RCV")) {
        EXPECT_FALSE(invoices.get(row, "received_date").empty()) << "row " << i;
      }
      for (const char* column : {"issue_date", "ship_date"}) {
        EXPECT_TRUE(is_iso_date(invoices.get(row, column))) << column << " row " << i;
      }
      EXPECT_LE(invoices.get(row, "issue_date"), as_of);
      EXPECT_LE(invoices.get(row, "ship_date"), as_of);
      for (const char* column : {"received_date", "due_date"}) {
        const std::string& date = invoices.get(row, column);
        EXPECT_TRUE(date.empty() || is_iso_date(date)) << column << " row " << i;
      }
    } else {
      EXPECT_EQ(header, facts.header) << "invoice-level fields differ, row " << i;
    }
    const int digits = minor_digits(facts.currency);
    facts.total += rounded_amount(parse_scaled(invoices.get(row, "quantity"), 3),
                                  parse_scaled(invoices.get(row, "unit_price"), 6), digits);
  }

  const Table payments(files_.payments);
  std::map<std::string, int64_t> named_paid;
  std::map<std::pair<std::string, std::string>, int64_t> settled;  // customer, currency
  for (size_t i = 1; i < payments.rows.size(); ++i) {
    const Row& row = payments.rows[i];
    const std::string& customer = payments.get(row, "customer_id");
    const std::string& currency = payments.get(row, "currency");
    const std::string& date = payments.get(row, "date");
    EXPECT_TRUE(is_iso_date(date));
    EXPECT_LE(date, as_of);
    const int digits = minor_digits(currency);
    const int64_t amount = parse_scaled(payments.get(row, "amount"), digits);
    const std::string& charges_text = payments.get(row, "bank_charges");
    const int64_t charges = charges_text.empty() ? 0 : parse_scaled(charges_text, digits);
    ASSERT_GT(amount, 0) << "row " << i;
    int64_t invoiced = 0;
    std::string first_issue = "9999-12-31";
    for (const auto& [number, facts] : by_number) {
      if (facts.customer != customer) continue;
      first_issue = std::min(first_issue, facts.header[3]);
      if (facts.currency == currency && facts.header[3] <= date) invoiced += facts.total;
    }
    EXPECT_GE(date, first_issue) << "row " << i;
    const std::string& number = payments.get(row, "invoice_no");
    if (!number.empty()) {
      ASSERT_TRUE(by_number.count(number)) << number;
      const InvoiceFacts& facts = by_number[number];
      EXPECT_EQ(facts.customer, customer) << number;
      EXPECT_EQ(facts.currency, currency) << number;
      EXPECT_LE(amount, facts.total - named_paid[number]) << "row " << i;
      named_paid[number] += amount + charges;
    } else {
      const int64_t owed = invoiced - settled[{customer, currency}];
      EXPECT_LE(amount, owed + owed / 20) << "row " << i;
    }
    settled[{customer, currency}] += amount + charges;
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, DemoBookRowsTest, ::testing::Values(20260101u, 7u, 123456789u));

}  // namespace
}  // namespace overdue::demo
