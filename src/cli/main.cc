// The `overdue` command: parse arguments, call the app/engine, print. Every failure becomes a
// clear message on stderr and a non-zero exit code.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "app/contact_commands.h"
#include "cli/case_commands.h"
#include "cli/classify_command.h"
#include "cli/common.h"
#include "cli/mail_commands.h"
#include "cli/plan_commands.h"
#include "cli/policy_command.h"
#include "cli/replies_commands.h"
#include "app/import.h"
#include "app/payment_commands.h"
#include "config/config.h"
#include "demo/demo_book.h"
#include "engine/aging.h"
#include "engine/kpi.h"
#include "engine/statement.h"
#include "report/aging_report.h"
#include "report/kpi_report.h"
#include "report/statement_report.h"
#include "store/store.h"

namespace overdue::cli {
namespace {

std::map<std::string, std::string> customer_names(store::Store& s) {
  std::map<std::string, std::string> names;
  for (auto& c : s.customers()) names.emplace(c.id, c.name);
  return names;
}

int run_import(const Globals& g, app::ImportKind kind, const std::vector<std::string>& files,
               bool update) {
  Config config = load_config(g);
  auto s = open_store(g);
  app::ImportOptions options{update, parse_as_of(g.as_of).iso(), actor(), config.payments};
  app::ImportReport report = app::import_files(*s, kind, files, options);
  if (!report.ok()) {
    std::cerr << report.problems.report();
    std::cerr << "import of " << app::import_kind_name(kind) << " failed: "
              << report.problems.total() << " problem(s); nothing was written\n";
    return kExitFailure;
  }
  std::cout << "imported " << app::import_kind_name(kind) << ": " << report.rows << " row(s), "
            << report.inserted << " new, " << report.updated << " updated, " << report.unchanged
            << " unchanged\n";
  return 0;
}

int run_aging(const Globals& g, const std::string& by, const std::string& format) {
  CivilDate as_of = parse_as_of(g.as_of);
  report::Format f = parse_format_or_fail(format);
  if (by != "currency" && by != "customer") {
    throw Failure{"--by: '" + by + "' must be currency or customer", kExitUsage};
  }
  auto s = open_existing_store(g);
  auto balances = s->balances(as_of);
  bool by_customer = by == "customer";
  auto rows = by_customer ? engine::aging_by_customer(balances, as_of)
                          : engine::aging_by_currency(balances, as_of);
  std::map<std::string, std::string> names;
  if (by_customer) names = customer_names(*s);
  std::cout << report::render_aging(rows, by_customer, names, as_of, f);
  return 0;
}

int run_kpi(const Globals& g, int days, const std::string& format) {
  CivilDate as_of = parse_as_of(g.as_of);
  report::Format f = parse_format_or_fail(format);
  if (days <= 0 || days > 3660) throw Failure{"--days must be between 1 and 3660", kExitUsage};
  auto s = open_existing_store(g);
  auto begin = s->balances(as_of.plus_days(-days));
  auto end = s->balances(as_of);
  std::cout << report::render_kpis(engine::compute_kpis(begin, end, as_of, days), as_of, days, f);
  return 0;
}

int run_statement(const Globals& g, const std::string& customer_id, const std::string& format) {
  CivilDate as_of = parse_as_of(g.as_of);
  report::Format f = parse_format_or_fail(format);
  auto s = open_existing_store(g);
  auto customer = s->find_customer(customer_id);
  if (!customer) throw Failure{"unknown customer '" + customer_id + "'"};
  engine::Statement st =
      engine::build_statement(*customer, s->invoices_of(customer_id), s->payments_of(customer_id),
                              s->allocations_of_customer(customer_id), as_of);
  std::cout << report::render_statement(st, f);
  return 0;
}

int run_demo(const Globals& g, int customers, uint64_t seed, std::string out_dir, bool replace,
             bool csv_only) {
  if (customers < 1 || customers > 1000000) {
    throw Failure{"--customers must be between 1 and 1000000", kExitUsage};
  }
  std::string db = store::resolve_db_path(g.db);
  demo::DemoOptions options;
  options.customers = customers;
  options.seed = seed;
  if (!g.as_of.empty()) options.as_of = parse_as_of(g.as_of).iso();
  if (!csv_only && std::filesystem::exists(db)) {
    if (!replace) {
      throw Failure{db + " exists; 'overdue demo' writes a new book: pass --replace to overwrite "
                    "it, or choose another --db"};
    }
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
  }
  if (out_dir.empty()) {
    out_dir = (std::filesystem::absolute(db).parent_path() / "demo-csv").string();
  }
  std::filesystem::create_directories(out_dir);
  const std::filesystem::path dir(out_dir);
  {
    std::ofstream customers_csv(dir / "customers.csv", std::ios::binary);
    std::ofstream contacts_csv(dir / "contacts.csv", std::ios::binary);
    std::ofstream invoices_csv(dir / "invoices.csv", std::ios::binary);
    std::ofstream payments_csv(dir / "payments.csv", std::ios::binary);
    demo::write_demo_book(options, customers_csv, contacts_csv, invoices_csv, payments_csv);
    for (auto* out : {&customers_csv, &contacts_csv, &invoices_csv, &payments_csv}) {
      out->flush();
      if (!*out) throw Failure{out_dir + ": cannot write the demo CSV files"};
    }
  }
  if (csv_only) {
    std::cout << "demo CSV files written to " << out_dir << "\n";
    return 0;
  }
  Globals at_demo = g;
  at_demo.as_of = options.as_of;
  const std::pair<app::ImportKind, const char*> steps[] = {
      {app::ImportKind::kCustomers, "customers.csv"},
      {app::ImportKind::kContacts, "contacts.csv"},
      {app::ImportKind::kInvoices, "invoices.csv"},
      {app::ImportKind::kPayments, "payments.csv"}};
  for (const auto& [kind, name] : steps) {
    if (int rc = run_import(at_demo, kind, {(dir / name).string()}, false); rc != 0) return rc;
  }
  std::cout << "demo book written to " << db << " (CSV files in " << out_dir << "), as of "
            << options.as_of << "\n";
  return 0;
}

int run_journal(const Globals& g, const std::string& subject) {
  auto s = open_existing_store(g);
  for (const auto& e : s->journal_entries(subject)) {
    std::cout << e.id << "  " << e.recorded_at << "  as-of " << e.as_of << "  " << e.actor << "  "
              << e.action << "  " << e.subject << "  " << e.detail << "\n";
  }
  return 0;
}

int run(int argc, char** argv) {
  CLI::App app{"overdue — the collections desk for exporters: receivables, aging, statements"};
  app.require_subcommand(1);
  Globals g;
  app.add_option("--db", g.db, "SQLite book (default: $OVERDUE_DB, else ./overdue.db)");
  app.add_option("--config", g.config, "config file (default: overdue.toml beside the book)");
  auto add_as_of = [&](CLI::App* cmd) {
    cmd->add_option("--as-of", g.as_of, "the date the command works as of, YYYY-MM-DD (default: today)");
  };
  std::function<int()> action;

  // import
  auto* import = app.add_subcommand("import", "import CSV files (all-or-nothing)");
  import->require_subcommand(1);
  bool update = false;
  std::vector<std::string> files;
  for (auto kind : {app::ImportKind::kCustomers, app::ImportKind::kContacts,
                    app::ImportKind::kInvoices, app::ImportKind::kPayments}) {
    const auto& spec = app::import_columns(kind);
    std::string columns;
    for (auto c : spec.allowed) columns += (columns.empty() ? "" : ",") + std::string(c);
    auto* cmd = import->add_subcommand(std::string(app::import_kind_name(kind)),
                                       "import " + std::string(app::import_kind_name(kind)) +
                                           " (columns: " + columns + ")");
    cmd->add_option("files", files, "CSV files (UTF-8, header row)")->required();
    cmd->add_flag("--update", update, "change existing rows instead of rejecting them");
    add_as_of(cmd);
    cmd->callback([&, kind] { action = [&, kind] { return run_import(g, kind, files, update); }; });
  }

  // contact
  auto* contact = app.add_subcommand("contact", "add, update or remove a customer's contact");
  contact->require_subcommand(1);
  std::string customer_id, email;
  app::ContactChange change;
  std::string name, role, phone;
  for (const char* verb : {"add", "update", "remove"}) {
    auto* cmd = contact->add_subcommand(verb, std::string(verb) + " a contact");
    cmd->add_option("customer", customer_id, "customer id")->required();
    cmd->add_option("email", email, "e-mail address")->required();
    if (std::string(verb) != "remove") {
      cmd->add_option("--name", name, "full name");
      cmd->add_option("--role", role, "buyer, manager, finance, owner, clerk or other");
      cmd->add_option("--phone", phone, "phone number");
    }
    add_as_of(cmd);
    std::string v = verb;
    cmd->callback([&, v, cmd] {
      action = [&, v, cmd] {
        auto given = [cmd](const char* flag) {
          const CLI::Option* o = cmd->get_option_no_throw(flag);
          return o != nullptr && o->count() > 0;
        };
        if (given("--name")) change.name = name;
        if (given("--role")) change.role = role;
        if (given("--phone")) change.phone = phone;
        auto s = open_existing_store(g);
        app::CommandContext ctx{*s, parse_as_of(g.as_of), actor()};
        if (v == "add") return print_result(app::add_contact(ctx, customer_id, email, change));
        if (v == "update") return print_result(app::update_contact(ctx, customer_id, email, change));
        return print_result(app::remove_contact(ctx, customer_id, email));
      };
    });
  }

  // payment
  auto* payment = app.add_subcommand("payment", "what automatic allocation cannot do");
  payment->require_subcommand(1);
  std::string payment_id, invoice_no, amount, note;
  auto* allocate = payment->add_subcommand("allocate", "allocate part of a payment to an invoice");
  allocate->add_option("payment", payment_id, "payment id")->required();
  allocate->add_option("invoice", invoice_no, "invoice number")->required();
  allocate->add_option("amount", amount, "amount, e.g. 500.00 or \"USD 500.00\"")->required();
  add_as_of(allocate);
  allocate->callback([&] {
    action = [&] {
      auto s = open_existing_store(g);
      app::CommandContext ctx{*s, parse_as_of(g.as_of), actor()};
      return print_result(app::allocate_manually(ctx, payment_id, invoice_no, amount));
    };
  });
  auto* credit = payment->add_subcommand("apply-credit", "apply a customer's unapplied credit to an invoice");
  credit->add_option("customer", customer_id, "customer id")->required();
  credit->add_option("invoice", invoice_no, "invoice number")->required();
  add_as_of(credit);
  credit->callback([&] {
    action = [&] {
      auto s = open_existing_store(g);
      app::CommandContext ctx{*s, parse_as_of(g.as_of), actor()};
      return print_result(app::apply_credit(ctx, customer_id, invoice_no));
    };
  });
  auto* reverse = payment->add_subcommand("reverse", "reverse a payment (e.g. a bounced cheque)");
  reverse->add_option("payment", payment_id, "payment id")->required();
  reverse->add_option("--note", note, "why (journaled)");
  add_as_of(reverse);
  reverse->callback([&] {
    action = [&] {
      auto s = open_existing_store(g);
      app::CommandContext ctx{*s, parse_as_of(g.as_of), actor()};
      return print_result(app::reverse_payment(ctx, payment_id, note));
    };
  });

  // reports
  std::string format = "table", by = "currency";
  auto* aging = app.add_subcommand(
      "aging", "open receivables by days past due: not_due, 1-30, 31-60, 61-90, 91-180, "
               "181-365, >365 (never summed across currencies)");
  add_as_of(aging);
  aging->add_option("--by", by, "currency (default) or customer");
  aging->add_option("--format", format, "table (default), csv or json");
  aging->callback([&] { action = [&] { return run_aging(g, by, format); }; });

  int days = 90;
  auto* kpi = app.add_subcommand(
      "kpi",
      "collection KPIs per currency over the --days days ending at --as-of.\n"
      "  sales = totals of invoices issued in the period; AR = open receivables;\n"
      "  DSO = AR end / sales x days; best-possible DSO = not-yet-due AR end / sales x days;\n"
      "  average days delinquent = DSO - best-possible DSO;\n"
      "  CEI = (AR begin + sales - AR end) / (AR begin + sales - not-yet-due AR end) x 100;\n"
      "  overdue % = (AR end - not-yet-due AR end) / AR end x 100");
  add_as_of(kpi);
  kpi->add_option("--days", days, "length of the period in days (default 90)");
  kpi->add_option("--format", format, "table (default), csv or json");
  kpi->callback([&] { action = [&] { return run_kpi(g, days, format); }; });

  auto* statement = app.add_subcommand("statement", "a customer's statement of account");
  statement->add_option("customer", customer_id, "customer id")->required();
  add_as_of(statement);
  statement->add_option("--format", format, "text (default), csv or json");
  statement->callback([&] { action = [&] { return run_statement(g, customer_id, format); }; });

  // demo
  int customers = 40;
  uint64_t seed = 20260101;
  std::string out_dir;
  bool replace = false;
  bool csv_only = false;
  auto* demo_cmd = app.add_subcommand("demo", "write a deterministic demo book and import it");
  demo_cmd->add_option("--customers", customers, "number of buyers (default 40)");
  demo_cmd->add_option("--seed", seed, "random seed (same seed, same book)");
  demo_cmd->add_option("--out", out_dir, "where to write the CSV files (default: beside the book)");
  demo_cmd->add_flag("--replace", replace, "overwrite an existing book at --db");
  demo_cmd->add_flag("--csv-only", csv_only, "only write the CSV files (needs --out)");
  demo_cmd->add_option("--as-of", g.as_of, "the date the book is built around (default 2026-11-20)");
  demo_cmd->callback([&] { action = [&] { return run_demo(g, customers, seed, out_dir, replace, csv_only); }; });

  // the playbook: facts, policy, plan
  add_case_commands(app, g, action);
  add_policy_command(app, g, action);
  add_plan_commands(app, g, action);
  // letters and mail
  add_mail_commands(app, g, action);
  add_replies_commands(app, g, action, argc > 0 ? argv[0] : "overdue");
  // reading buyers' replies
  add_classify_command(app, action, argc > 0 ? argv[0] : "overdue");

  // journal and config
  std::string subject;
  auto* journal = app.add_subcommand("journal", "the append-only journal of every change");
  journal->add_option("--subject", subject, "only entries about this customer, invoice or payment");
  journal->callback([&] { action = [&] { return run_journal(g, subject); }; });
  auto* config = app.add_subcommand("config", "show the configuration in force");
  config->add_subcommand("show", "print the config file in force, or the built-in defaults")
      ->callback([&] {
        action = [&] {
          Config c = load_config(g);
          std::cout << "# " << (c.source.empty() ? "built-in defaults" : c.source) << "\n";
          if (c.source.empty()) {
            std::cout << default_config_toml();
          } else {
            std::ifstream in(c.source);
            std::cout << in.rdbuf();
          }
          return 0;
        };
      });
  config->require_subcommand(1);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return action ? action() : 0;
}

}  // namespace
}  // namespace overdue::cli

int main(int argc, char** argv) {
  try {
    return overdue::cli::run(argc, argv);
  } catch (const overdue::cli::Failure& f) {
    std::cerr << "overdue: " << f.message << "\n";
    return f.code;
  } catch (const std::exception& e) {
    std::cerr << "overdue: " << e.what() << "\n";
    return 1;
  }
}
