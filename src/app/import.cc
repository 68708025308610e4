#include "app/import.h"

#include <nlohmann/json.hpp>

#include "app/import_parsers.h"

namespace overdue::app {

const io::ColumnSpec& import_columns(ImportKind kind) {
  static const io::ColumnSpec kCustomers{
      {"customer_id", "name", "country", "language", "since", "salesperson", "insurance_policy",
       "insured_limit"},
      {"customer_id", "name", "country"}};
  static const io::ColumnSpec kContacts{{"customer_id", "name", "email", "role", "phone"},
                                        {"customer_id", "email"}};
  static const io::ColumnSpec kInvoices{
      {"invoice_no", "order_no", "customer_id", "currency", "issue_date", "ship_date",
       "received_date", "due_date", "terms", "product", "quantity", "unit", "unit_price",
       "amount"},
      {"invoice_no", "customer_id", "currency", "issue_date", "product", "quantity",
       "unit_price"}};
  static const io::ColumnSpec kPayments{
      {"payment_id", "customer_id", "date", "currency", "amount", "invoice_no", "method",
       "reference", "bank_charges"},
      {"payment_id", "customer_id", "date", "currency", "amount"}};
  switch (kind) {
    case ImportKind::kCustomers:
      return kCustomers;
    case ImportKind::kContacts:
      return kContacts;
    case ImportKind::kInvoices:
      return kInvoices;
    case ImportKind::kPayments:
      return kPayments;
  }
  return kCustomers;
}

std::string_view import_kind_name(ImportKind kind) {
  switch (kind) {
    case ImportKind::kCustomers:
      return "customers";
    case ImportKind::kContacts:
      return "contacts";
    case ImportKind::kInvoices:
      return "invoices";
    case ImportKind::kPayments:
      return "payments";
  }
  return "?";
}

ImportReport import_files(store::Store& store, ImportKind kind,
                          const std::vector<std::string>& files, const ImportOptions& options) {
  ImportReport report;
  auto tx = store.begin();
  try {
    switch (kind) {
      case ImportKind::kCustomers:
        import_customers(store, files, options, report);
        break;
      case ImportKind::kContacts:
        import_contacts(store, files, options, report);
        break;
      case ImportKind::kInvoices:
        import_invoices(store, files, options, report);
        break;
      case ImportKind::kPayments:
        import_payments(store, files, options, report);
        break;
    }
  } catch (const std::exception& e) {
    report.problems.add(files.empty() ? std::string("-") : files.front(), 0, 0,
                        std::string("import failed, nothing written: ") + e.what());
  }
  if (!report.ok()) return report;  // the transaction rolls back
  if (report.inserted == 0 && report.updated == 0) return report;  // identical rows: a no-op
  nlohmann::json detail = {{"files", files},
                           {"rows", report.rows},
                           {"inserted", report.inserted},
                           {"updated", report.updated},
                           {"unchanged", report.unchanged},
                           {"update", options.update}};
  std::string subject;
  for (const auto& f : files) subject += (subject.empty() ? "" : ",") + f;
  store.journal(store::JournalEntry{0, "", options.actor, options.as_of,
                                    "import." + std::string(import_kind_name(kind)), subject,
                                    detail.dump()});
  tx->commit();
  return report;
}

}  // namespace overdue::app
