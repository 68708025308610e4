// The receivables book: customers, contacts, invoices, payments and allocations. Plain data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/civil_date.h"
#include "domain/codes.h"
#include "domain/decimal.h"
#include "domain/money.h"

namespace overdue {

struct Customer {
  std::string id;
  std::string name;
  std::string country;  // ISO 3166-1 alpha-2
  Language language = Language::kEn;
  std::optional<CivilDate> since;
  std::string salesperson;
  std::string insurance_policy;
  std::optional<Money> insured_limit;
  friend bool operator==(const Customer&, const Customer&) = default;
};

struct Contact {
  std::string customer_id;
  std::string name;
  std::string email;  // lower case; identifies the contact together with customer_id
  ContactRole role = ContactRole::kOther;
  std::string phone;
  friend bool operator==(const Contact&, const Contact&) = default;
};

struct InvoiceLine {
  std::string product;
  Quantity quantity;
  std::string unit;
  UnitPrice unit_price;
  int64_t amount_minor = 0;  // quantity × unit_price rounded half-even to the minor unit
  friend bool operator==(const InvoiceLine&, const InvoiceLine&) = default;
};

struct Invoice {
  std::string invoice_no;
  std::string order_no;
  std::string customer_id;
  Currency currency = Currency::of("USD");
  CivilDate issue_date;
  std::optional<CivilDate> ship_date;
  std::optional<CivilDate> received_date;
  CivilDate due_date;
  std::string terms;  // as given ("60-BL"), empty when the due date was explicit
  std::vector<InvoiceLine> lines;

  int64_t total_minor() const;
  Money total() const { return Money(currency, total_minor()); }
  friend bool operator==(const Invoice&, const Invoice&) = default;
};

struct Payment {
  std::string payment_id;
  std::string customer_id;
  CivilDate date;
  Money amount = Money::zero(Currency::of("USD"));        // what reached our account
  std::string invoice_no;                                 // empty: allocate automatically
  PaymentMethod method = PaymentMethod::kWire;
  std::string reference;
  Money bank_charges = Money::zero(Currency::of("USD"));  // deducted by banks on the way
  std::optional<CivilDate> reversed_on;                   // e.g. a bounced cheque
  friend bool operator==(const Payment&, const Payment&) = default;
};

// Part of a payment (or of its stated/assumed bank charges) applied to one invoice.
struct Allocation {
  std::string payment_id;
  std::string invoice_no;
  int64_t amount_minor = 0;
  AllocationKind kind = AllocationKind::kPayment;
  CivilDate effective;  // counts in reports as of this date on
  friend bool operator==(const Allocation&, const Allocation&) = default;
};

}  // namespace overdue
