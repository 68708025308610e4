#include "cli/mail_commands.h"

#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/timeline.h"
#include "mail/outbox.h"
#include "mail/send.h"
#include "report/text_table.h"

namespace overdue::cli {
namespace {

using report::Align;
using report::TextTable;

struct MailOptions {
  std::string customer, templates, state, body_file, dir, verdict;
  std::vector<int64_t> ids;
  int64_t id = 0;
  bool all = false;
  bool text = false;
};

// The wall clock for a message's Date header (transport metadata, not business logic).
int64_t now_unix() { return static_cast<int64_t>(std::time(nullptr)); }

template <typename Command>
int run_writing(const Globals& g, Command command) {
  CivilDate as_of = parse_as_of(g.as_of);
  auto s = open_existing_store(g);
  app::CommandContext ctx{*s, as_of, actor()};
  return command(ctx);
}

int run_draft(const Globals& g, const MailOptions& o) {
  Config config = load_config(g);
  if (auto missing = config.company.missing_for_letters(); !missing.empty()) {
    std::string message = "cannot draft letters:";
    for (const auto& m : missing) message += "\n  " + m;
    throw Failure{message};
  }
  auto templates = mail::TemplateSet::load(o.templates);
  if (!templates) throw Failure{templates.error().message};
  return run_writing(g, [&](app::CommandContext& ctx) {
    if (!o.customer.empty() && !ctx.store.find_customer(o.customer)) {
      throw Failure{"unknown customer '" + o.customer + "'"};
    }
    auto r = mail::draft_letters(ctx, config, templates.value(), o.customer);
    for (const auto& line : r.lines) std::cout << line << "\n";
    for (const auto& line : r.errors) std::cerr << "overdue: " << line << "\n";
    std::cout << "draft " << ctx.as_of.iso() << ": " << r.drafted << " drafted (" << r.replaced
              << " replacing older drafts), " << r.unchanged << " unchanged, " << r.held
              << " held behind an approved letter, " << r.errors.size() << " not drafted\n";
    if (r.drafted > 0) std::cout << "next: overdue outbox list --state draft; overdue outbox approve ID…\n";
    return r.errors.empty() ? 0 : kExitFailure;
  });
}

int run_list(const Globals& g, const MailOptions& o) {
  std::optional<store::LetterState> state;
  if (!o.state.empty()) {
    state = store::parse_letter_state(o.state);
    if (!state) {
      throw Failure{"unknown state '" + o.state + "' (allowed: " + store::allowed_letter_states() + ")",
                    kExitUsage};
    }
  }
  auto s = open_existing_store(g);
  auto letters = s->outbox().list(state, o.customer);
  TextTable t;
  t.columns({{"id", Align::kRight}, {"state", Align::kLeft}, {"date", Align::kLeft},
               {"customer", Align::kLeft}, {"step", Align::kLeft}, {"to", Align::kLeft},
               {"subject", Align::kLeft}});
  for (const auto& l : letters) {
    std::string to = l.to.empty() ? "" : l.to.front();
    if (l.to.size() + l.cc.size() > 1) to += " +" + std::to_string(l.to.size() + l.cc.size() - 1);
    t.row({std::to_string(l.id), std::string(to_string(l.state)),
           (l.sent_on ? *l.sent_on : l.as_of).iso(), l.customer_id,
           std::string(to_string(l.action)), to, report::fit(l.subject, 60)});
  }
  if (letters.empty()) {
    std::cout << "no letters" << (state ? " in state " + o.state : std::string()) << "\n";
  } else {
    std::cout << t.render();
  }
  return 0;
}

int run_show(const Globals& g, const MailOptions& o) {
  auto s = open_existing_store(g);
  auto l = mail::require_letter(*s, o.id);
  if (!l) throw Failure{l.error().message};
  const store::Letter& letter = l.value();
  if (!o.text) {
    std::cout << mail::letter_message(letter, now_unix());
    return 0;
  }
  // For people: the headers a reader sees, decoded, then the text.
  auto list = [](const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
    return out;
  };
  std::cout << "Letter #" << letter.id << " (" << to_string(letter.state) << ", "
            << to_string(letter.action) << " for " << letter.customer_id << ", "
            << letter.language << ", drafted for " << letter.as_of.iso() << ")\n";
  std::cout << "From: " << letter.from << "\n";
  std::cout << "To: " << list(letter.to) << "\n";
  if (!letter.cc.empty()) std::cout << "Cc: " << list(letter.cc) << "\n";
  if (!letter.reply_to.empty()) std::cout << "Reply-To: " << letter.reply_to << "\n";
  std::cout << "Subject: " << letter.subject << "\n";
  if (!letter.attachment_name.empty()) {
    std::cout << "Attachment: " << letter.attachment_name << " (" << letter.attachment.size()
              << " bytes, text/csv)\n";
  }
  std::cout << "\n" << letter.body;
  return 0;
}

int run_export(const Globals& g, const MailOptions& o) {
  auto s = open_existing_store(g);
  auto l = mail::require_letter(*s, o.id);
  if (!l) throw Failure{l.error().message};
  std::error_code ec;
  std::filesystem::create_directories(o.dir, ec);
  std::filesystem::path out = std::filesystem::path(o.dir) / ("letter-" + std::to_string(o.id) + ".eml");
  std::ofstream f(out, std::ios::binary);
  f << mail::letter_message(l.value(), now_unix());
  f.close();
  if (!f) throw Failure{out.string() + ": cannot write"};
  std::cout << out.string() << "\n";
  return 0;
}

int run_approve(const Globals& g, const MailOptions& o) {
  return run_writing(g, [&](app::CommandContext& ctx) {
    std::vector<int64_t> ids = o.ids;
    if (o.all) {
      for (const auto& l : ctx.store.outbox().list(store::LetterState::kDraft, o.customer)) ids.push_back(l.id);
      if (ids.empty()) {
        std::cout << "no drafts to approve\n";
        return 0;
      }
    }
    if (ids.empty()) throw Failure{"name the letters to approve (IDs) or use --all", kExitUsage};
    int failures = 0;
    for (int64_t id : ids) {
      auto r = mail::approve_letter(ctx, id);
      if (r) {
        std::cout << r.value() << "\n";
      } else {
        std::cerr << "overdue: " << r.error().message << "\n";
        ++failures;
      }
    }
    return failures ? kExitFailure : 0;
  });
}

int run_send(const Globals& g) {
  Config config = load_config(g);
  std::string db = store::resolve_db_path(g.db);
  return run_writing(g, [&](app::CommandContext& ctx) {
    auto r = mail::send_letters(ctx, config, db, now_unix());
    if (!r) throw Failure{r.error().message};
    const auto& report = r.value();
    for (const auto& line : report.lines) std::cout << line << "\n";
    if (!report.session_error.empty()) std::cerr << "overdue: " << report.session_error << "\n";
    std::cout << "send " << ctx.as_of.iso() << ": " << report.sent << " sent, " << report.failed
              << " failed, " << report.deferred << " still approved, " << report.unknown
              << " unknown\n";
    return report.ok() ? 0 : kExitFailure;
  });
}

int run_log(const Globals& g, const MailOptions& o) {
  CivilDate as_of = parse_as_of(g.as_of);
  auto s = open_existing_store(g);
  auto customer = s->find_customer(o.customer);
  if (!customer) throw Failure{"unknown customer '" + o.customer + "'"};
  std::cout << customer->id << " " << customer->name << " — timeline to " << as_of.iso() << "\n";
  auto items = app::customer_timeline(*s, o.customer, as_of);
  if (items.empty()) std::cout << "nothing recorded\n";
  for (const auto& item : items) {
    std::cout << item.date.iso() << "  " << item.kind
              << std::string(item.kind.size() < 12 ? 12 - item.kind.size() : 1, ' ') << item.summary
              << "\n";
  }
  return 0;
}

}  // namespace

void add_mail_commands(CLI::App& app, Globals& g, std::function<int()>& action) {
  auto o = std::make_shared<MailOptions>();
  auto add_as_of = [&g](CLI::App* cmd) {
    cmd->add_option("--as-of", g.as_of, "the date the command works as of, YYYY-MM-DD (default: today)");
  };
  auto* draft = app.add_subcommand(
      "draft", "turn today's plan letters into drafts in the outbox (one pending letter per customer)");
  add_as_of(draft);
  draft->add_option("--customer", o->customer, "only this customer");
  draft->add_option("--templates", o->templates,
                    "a directory of your own templates (DIR/en/NAME.mustache …) in front of the "
                    "built-in ones");
  draft->callback([&g, &action, o] { action = [&g, o] { return run_draft(g, *o); }; });

  auto* outbox = app.add_subcommand("outbox", "the letters waiting, sent or failed");
  outbox->require_subcommand(1);
  auto* list = outbox->add_subcommand("list", "list letters (newest last)");
  list->add_option("--state", o->state, "only letters in this state (" + store::allowed_letter_states() + ")");
  list->add_option("--customer", o->customer, "only this customer's letters");
  list->callback([&g, &action, o] { action = [&g, o] { return run_list(g, *o); }; });

  auto* show = outbox->add_subcommand("show", "print a letter as the exact RFC 5322 message");
  show->add_option("id", o->id, "letter id")->required();
  show->add_flag("--text", o->text, "the headers and text as a reader sees them, not the raw MIME");
  show->callback([&g, &action, o] { action = [&g, o] { return run_show(g, *o); }; });

  auto* exp = outbox->add_subcommand("export", "write a letter as DIR/letter-ID.eml");
  exp->add_option("id", o->id, "letter id")->required();
  exp->add_option("dir", o->dir, "directory (created if missing)")->required();
  exp->callback([&g, &action, o] { action = [&g, o] { return run_export(g, *o); }; });

  auto* approve = outbox->add_subcommand("approve", "approve drafts for sending");
  approve->add_option("ids", o->ids, "letter ids");
  approve->add_flag("--all", o->all, "every draft (of --customer, if given)");
  approve->add_option("--customer", o->customer, "with --all: only this customer's drafts");
  add_as_of(approve);
  approve->callback([&g, &action, o] { action = [&g, o] { return run_approve(g, *o); }; });

  auto* cancel = outbox->add_subcommand("cancel", "cancel a draft, approved or failed letter");
  cancel->add_option("id", o->id, "letter id")->required();
  add_as_of(cancel);
  cancel->callback([&g, &action, o] {
    action = [&g, o] {
      return run_writing(g, [&](app::CommandContext& ctx) { return print_result(mail::cancel_letter(ctx, o->id)); });
    };
  });

  auto* edit = outbox->add_subcommand("edit", "replace a draft's text with a file's");
  edit->add_option("id", o->id, "letter id")->required();
  edit->add_option("--body-file", o->body_file, "UTF-8 text file with the new body")->required();
  add_as_of(edit);
  edit->callback([&g, &action, o] {
    action = [&g, o] {
      std::ifstream in(o->body_file, std::ios::binary);
      if (!in) throw Failure{o->body_file + ": cannot read"};
      std::ostringstream text;
      text << in.rdbuf();
      return run_writing(g, [&](app::CommandContext& ctx) {
        return print_result(mail::edit_letter(ctx, o->id, text.str()));
      });
    };
  });

  auto* resolve = outbox->add_subcommand(
      "resolve", "decide a letter whose delivery is unknown: sent (it arrived) or retry");
  resolve->add_option("id", o->id, "letter id")->required();
  resolve->add_option("verdict", o->verdict, "sent or retry")->required();
  add_as_of(resolve);
  resolve->callback([&g, &action, o] {
    action = [&g, o] {
      return run_writing(g, [&](app::CommandContext& ctx) {
        return print_result(mail::resolve_letter(ctx, o->id, o->verdict));
      });
    };
  });

  auto* send = app.add_subcommand("send", "deliver approved letters over SMTP ([smtp] in the config)");
  add_as_of(send);
  send->callback([&g, &action] { action = [&g] { return run_send(g); }; });

  auto* log = app.add_subcommand("log", "a customer's timeline: letters, payments, reasons, promises, disputes");
  log->add_option("customer", o->customer, "customer id")->required();
  add_as_of(log);
  log->callback([&g, &action, o] { action = [&g, o] { return run_log(g, *o); }; });
}

}  // namespace overdue::cli
