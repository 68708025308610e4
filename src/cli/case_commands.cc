#include "cli/case_commands.h"

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/case_commands.h"
#include "report/text_table.h"

namespace overdue::cli {
namespace {

using report::Align;
using report::TextTable;
using Json = nlohmann::ordered_json;

// What the subcommands parse into; shared by their callbacks, so it lives as long as they do.
struct CaseOptions {
  std::string customer_id, invoice_no, code, note, date, amount, category, credit, schedule;
  std::string format = "text";
  std::vector<std::string> invoices;
  bool our_fault = false;
};

// The steps that set a case flag, with the flag's JSON key and its words for people.
struct Flag {
  Action action;
  const char* key;
  const char* words;
};
constexpr Flag kFlags[] = {
    {Action::kHoldShipments, "shipments_on_hold", "shipments on hold"},
    {Action::kReportToInsurer, "reported_to_insurer", "reported to insurer"},
    {Action::kInsuranceClaim, "claim_filed", "claim filed"},
    {Action::kFileInsolvencyClaim, "insolvency_claim_filed", "insolvency claim filed"},
    {Action::kCollectionAgency, "handed_to_agency", "handed to agency"},
    {Action::kLegalAction, "handed_to_lawyer", "handed to lawyer"},
    {Action::kWriteOff, "written_off", "written off"},
};

// The latest date `action` was done, if ever.
std::optional<CivilDate> last_done(const CaseFacts& f, Action action) {
  std::optional<CivilDate> last;
  for (const auto& s : f.steps) {
    if (s.action == action && (!last || s.date >= *last)) last = s.date;
  }
  return last;
}

// The latest ladder step (stage 0-9), if any.
const StepRecord* last_ladder_step(const CaseFacts& f) {
  const StepRecord* last = nullptr;
  for (const auto& s : f.steps) {
    if (ladder_stage(s.action) >= 0 && (!last || s.date >= last->date)) last = &s;
  }
  return last;
}

std::string money_text(const std::optional<Money>& m) { return m ? m->str() : "-"; }

std::string join(const std::vector<std::string>& items, const char* separator = ", ") {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : separator) + s;
  return out;
}

std::string render_text(const app::CaseReport& r) {
  const CaseFacts& f = r.facts;
  std::string out =
      "Case of " + r.customer.name + " (" + r.customer.id + ") as of " + r.as_of.iso() + "\n";
  if (f.reasons.empty()) {
    out += "reason: none recorded\n";
  } else {
    const ReasonRecord& cur = f.reasons.back();
    out += "reason: " + std::string(to_string(cur.reason)) + " since " + cur.date.iso() + " (" +
           cur.source + ")" + (cur.note.empty() ? "" : ": " + cur.note) + "\n";
  }
  if (const StepRecord* s = last_ladder_step(f)) {
    out += "ladder: " + std::string(to_string(s->action)) + " (stage " +
           std::to_string(ladder_stage(s->action)) + ") done " + s->date.iso() + "\n";
  } else {
    out += "ladder: no step done yet\n";
  }
  std::vector<std::string> flags;
  for (const auto& flag : kFlags) {
    if (auto d = last_done(f, flag.action))
      flags.push_back(std::string(flag.words) + " " + d->iso());
  }
  if (!flags.empty()) out += "flags: " + join(flags, "; ") + "\n";

  if (!f.reasons.empty()) {
    out += "\nReasons\n";
    TextTable t;
    t.columns({{"date", Align::kLeft},
               {"reason", Align::kLeft},
               {"source", Align::kLeft},
               {"note", Align::kLeft}});
    for (const auto& x : f.reasons) {
      t.row({x.date.iso(), std::string(to_string(x.reason)), x.source, x.note});
    }
    out += t.render(2);
  }
  if (!f.steps.empty()) {
    out += "\nSteps done\n";
    TextTable t;
    t.columns({{"date", Align::kLeft},
               {"step", Align::kLeft},
               {"stage", Align::kRight},
               {"note", Align::kLeft}});
    for (const auto& x : f.steps) {
      int stage = ladder_stage(x.action);
      t.row({x.date.iso(), std::string(to_string(x.action)),
             stage >= 0 ? std::to_string(stage) : "-", x.note});
    }
    out += t.render(2);
  }
  if (!f.promises.empty()) {
    out += "\nPromises to pay\n";
    TextTable t;
    t.columns({{"made", Align::kLeft},
               {"pay by", Align::kLeft},
               {"amount", Align::kRight},
               {"invoices", Align::kLeft},
               {"source", Align::kLeft}});
    for (const auto& x : f.promises) {
      t.row({x.made_on.iso(), x.date.iso(), money_text(x.amount),
             x.invoices.empty() ? "everything overdue" : join(x.invoices), x.source});
    }
    out += t.render(2);
  }
  if (!f.disputes.empty()) {
    out += "\nDisputes\n";
    TextTable t;
    t.columns({{"invoice", Align::kLeft},
               {"category", Align::kLeft},
               {"our fault", Align::kLeft},
               {"opened", Align::kLeft},
               {"status", Align::kLeft},
               {"credit", Align::kRight},
               {"note", Align::kLeft}});
    for (const auto& x : f.disputes) {
      t.row({x.invoice_no, std::string(to_string(x.category)), x.our_fault ? "yes" : "no",
             x.opened_on.iso(), x.resolved_on ? "resolved " + x.resolved_on->iso() : "open",
             money_text(x.credit), x.note});
    }
    out += t.render(2);
  }
  for (const auto& plan : f.instalment_plans) {
    out += "\nInstalment plan agreed " + plan.agreed_on.iso() + "\n";
    TextTable t;
    t.columns({{"date", Align::kLeft}, {"amount", Align::kRight}});
    for (const auto& i : plan.schedule) t.row({i.date.iso(), i.amount.str()});
    out += t.render(2);
  }
  out += "\nJournal\n";
  if (r.journal.empty()) out += "  (nothing)\n";
  for (const auto& e : r.journal) {
    out += "  " + std::to_string(e.id) + "  as-of " + e.as_of + "  " + e.actor + "  " + e.action +
           "  " + e.subject + "  " + e.detail + "\n";
  }
  return out;
}

Json money_json(const std::optional<Money>& m) {
  if (!m) return nullptr;
  return {{"currency", m->currency().str()}, {"amount", m->plain()}};
}

std::string render_json(const app::CaseReport& r) {
  const CaseFacts& f = r.facts;
  Json j;
  j["report"] = "case";
  j["as_of"] = r.as_of.iso();
  j["customer"] = {{"customer_id", r.customer.id}, {"name", r.customer.name}};
  if (f.reasons.empty()) {
    j["reason"] = nullptr;
  } else {
    const ReasonRecord& cur = f.reasons.back();
    j["reason"] = {{"reason", to_string(cur.reason)},
                   {"date", cur.date.iso()},
                   {"source", cur.source},
                   {"note", cur.note}};
  }
  if (const StepRecord* s = last_ladder_step(f)) {
    j["ladder_step"] = {{"action", to_string(s->action)},
                        {"stage", ladder_stage(s->action)},
                        {"date", s->date.iso()}};
  } else {
    j["ladder_step"] = nullptr;
  }
  Json flags = Json::object();
  for (const auto& flag : kFlags) {
    auto d = last_done(f, flag.action);
    flags[flag.key] = d ? d->iso() : "";
  }
  j["flags"] = flags;
  j["reasons"] = Json::array();
  for (const auto& x : f.reasons) {
    j["reasons"].push_back({{"reason", to_string(x.reason)},
                            {"date", x.date.iso()},
                            {"source", x.source},
                            {"note", x.note}});
  }
  j["steps"] = Json::array();
  for (const auto& x : f.steps) {
    int stage = ladder_stage(x.action);
    j["steps"].push_back({{"action", to_string(x.action)},
                          {"stage", stage >= 0 ? Json(stage) : Json(nullptr)},
                          {"date", x.date.iso()},
                          {"note", x.note}});
  }
  j["promises"] = Json::array();
  for (const auto& x : f.promises) {
    j["promises"].push_back({{"made_on", x.made_on.iso()},
                             {"date", x.date.iso()},
                             {"amount", money_json(x.amount)},
                             {"invoices", x.invoices},
                             {"source", x.source}});
  }
  j["disputes"] = Json::array();
  for (const auto& x : f.disputes) {
    j["disputes"].push_back({{"invoice_no", x.invoice_no},
                             {"category", to_string(x.category)},
                             {"our_fault", x.our_fault},
                             {"status", x.resolved_on ? "resolved" : "open"},
                             {"opened_on", x.opened_on.iso()},
                             {"resolved_on", x.resolved_on ? x.resolved_on->iso() : ""},
                             {"credit", money_json(x.credit)},
                             {"note", x.note}});
  }
  j["instalment_plans"] = Json::array();
  for (const auto& plan : f.instalment_plans) {
    Json schedule = Json::array();
    for (const auto& i : plan.schedule) {
      schedule.push_back({{"date", i.date.iso()},
                          {"currency", i.amount.currency().str()},
                          {"amount", i.amount.plain()}});
    }
    j["instalment_plans"].push_back({{"agreed_on", plan.agreed_on.iso()}, {"schedule", schedule}});
  }
  j["journal"] = Json::array();
  for (const auto& e : r.journal) {
    j["journal"].push_back({{"id", e.id},
                            {"as_of", e.as_of},
                            {"actor", e.actor},
                            {"action", e.action},
                            {"subject", e.subject},
                            {"detail", Json::parse(e.detail, nullptr, false)}});
  }
  return j.dump(2) + "\n";
}

int run_case(const Globals& g, const CaseOptions& o) {
  CivilDate as_of = parse_as_of(g.as_of);
  if (o.format != "text" && o.format != "table" && o.format != "json") {
    throw Failure{"--format: '" + o.format + "' is not a format for case (text, json)", kExitUsage};
  }
  auto s = open_existing_store(g);
  auto report = app::load_case(*s, o.customer_id, as_of);
  if (!report) throw Failure{report.error().message};
  std::cout << (o.format == "json" ? render_json(*report) : render_text(*report));
  return 0;
}

// Opens the book and runs one writing command with the command context.
template <typename Command>
int run_writing(const Globals& g, Command command) {
  CivilDate as_of = parse_as_of(g.as_of);
  auto s = open_existing_store(g);
  app::CommandContext ctx{*s, as_of, actor()};
  return print_result(command(ctx));
}

}  // namespace

void add_case_commands(CLI::App& app, Globals& g, std::function<int()>& action) {
  auto o = std::make_shared<CaseOptions>();
  auto add_as_of = [&g](CLI::App* cmd) {
    cmd->add_option("--as-of", g.as_of,
                    "the date the command works as of, YYYY-MM-DD (default: today)");
  };

  auto* reason = app.add_subcommand("reason", "record why a customer is late (source: manual)");
  reason->add_option("customer", o->customer_id, "customer id")->required();
  reason->add_option("code", o->code, "one of: " + allowed_reasons())->required();
  reason->add_option("--note", o->note, "what the buyer said (journaled)");
  add_as_of(reason);
  reason->callback([&g, &action, o] {
    action = [&g, o] {
      return run_writing(g, [&](app::CommandContext& ctx) {
        return app::set_reason(ctx, o->customer_id, o->code, o->note);
      });
    };
  });

  auto* promise = app.add_subcommand("promise", "record a promise to pay by a date");
  promise->add_option("customer", o->customer_id, "customer id")->required();
  promise->add_option("--date", o->date, "the promised date, YYYY-MM-DD (not before --as-of)")
      ->required();
  promise->add_option("--amount", o->amount, "promised amount, e.g. \"USD 5000\"");
  promise->add_option("--invoice", o->invoices,
                      "invoice(s) the promise covers (default: all overdue)");
  add_as_of(promise);
  promise->callback([&g, &action, o] {
    action = [&g, o] {
      return run_writing(g, [&](app::CommandContext& ctx) {
        return app::record_promise(ctx, o->customer_id, o->date, o->amount, o->invoices);
      });
    };
  });

  auto* dispute = app.add_subcommand("dispute", "open or resolve a dispute on an invoice");
  dispute->require_subcommand(1);
  auto* open = dispute->add_subcommand(
      "open", "open a dispute (sets the reason to dispute; allocation skips the invoice)");
  open->add_option("invoice", o->invoice_no, "invoice number")->required();
  open->add_option("--category", o->category, "one of: " + allowed_dispute_categories())
      ->required();
  open->add_flag("--our-fault", o->our_fault, "the fault is ours (apologize and remedy)");
  open->add_option("--note", o->note, "what is disputed (journaled)");
  add_as_of(open);
  open->callback([&g, &action, o] {
    action = [&g, o] {
      return run_writing(g, [&](app::CommandContext& ctx) {
        return app::open_dispute(ctx, o->invoice_no, o->category, o->our_fault, o->note);
      });
    };
  });
  auto* resolve = dispute->add_subcommand("resolve", "resolve an invoice's open dispute");
  resolve->add_option("invoice", o->invoice_no, "invoice number")->required();
  resolve->add_option("--credit", o->credit,
                      "credit note granted, e.g. \"USD 300\" (allocated to the invoice)");
  resolve->add_option("--note", o->note, "how it was resolved (journaled)");
  add_as_of(resolve);
  resolve->callback([&g, &action, o] {
    action = [&g, o] {
      return run_writing(g, [&](app::CommandContext& ctx) {
        return app::resolve_dispute(ctx, o->invoice_no, o->credit, o->note);
      });
    };
  });

  auto* instalments = app.add_subcommand("instalments", "record an agreed instalment plan");
  instalments->add_option("customer", o->customer_id, "customer id")->required();
  instalments
      ->add_option("--schedule", o->schedule,
                   "DATE:AMOUNT,… e.g. \"2026-04-01:USD 5000,2026-05-01:USD 5000\" (dates "
                   "increasing, one currency)")
      ->required();
  add_as_of(instalments);
  instalments->callback([&g, &action, o] {
    action = [&g, o] {
      return run_writing(g, [&](app::CommandContext& ctx) {
        return app::record_instalments(ctx, o->customer_id, o->schedule);
      });
    };
  });

  auto* done = app.add_subcommand("done", "record a step carried out by hand (a call, a letter)");
  done->add_option("customer", o->customer_id, "customer id")->required();
  done->add_option("step", o->code, "an action code other than wait")->required();
  done->add_option("--note", o->note, "what was done (journaled)");
  add_as_of(done);
  done->callback([&g, &action, o] {
    action = [&g, o] {
      return run_writing(g, [&](app::CommandContext& ctx) {
        return app::record_step(ctx, o->customer_id, o->code, o->note);
      });
    };
  });

  auto* show = app.add_subcommand(
      "case",
      "a customer's collection case as of a date: reason, steps, promises, disputes, "
      "instalment plans and the journal");
  show->add_option("customer", o->customer_id, "customer id")->required();
  add_as_of(show);
  show->add_option("--format", o->format, "text (default) or json");
  show->callback([&g, &action, o] { action = [&g, o] { return run_case(g, *o); }; });
}

}  // namespace overdue::cli
