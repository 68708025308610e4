#include "cli/replies_commands.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "mail/ingest.h"
#include "replies/model_path.h"
#include "replies/training.h"
#include "report/text_table.h"

namespace overdue::cli {
namespace {

struct RepliesOptions {
  std::vector<std::string> paths;
  std::string corpus = "data/replies/corpus", split = "data/replies/split.txt";
  std::string status, customer, reason, promise;
  int64_t id = 0;
  bool unmatched = false;
};

std::unique_ptr<replies::Classifier> classifier(const Globals& g, const char* argv0) {
  auto c = replies::Classifier::load(replies::model_for_book(store::resolve_db_path(g.db), argv0));
  if (!c) throw Failure{c.error().message};
  return std::move(c).value();
}

int print_report(const mail::IngestReport& r, const CivilDate& as_of) {
  for (const auto& line : r.lines) std::cout << line << "\n";
  std::cout << "replies " << as_of.iso() << ": " << r.ingested << " ingested (" << r.applied
            << " applied, " << r.review << " to review, " << r.unmatched << " unmatched, "
            << r.auto_replies << " automatic, " << r.malformed << " malformed), " << r.duplicates
            << " already ingested\n";
  return 0;
}

// Corrections made by people, beside the book, in the corpus format.
std::string corrections_file(const Globals& g) {
  return (std::filesystem::absolute(store::resolve_db_path(g.db)).parent_path() /
          "replies-corrections.tsv")
      .string();
}

}  // namespace

void add_replies_commands(CLI::App& app, Globals& g, std::function<int()>& action, const char* argv0) {
  auto o = std::make_shared<RepliesOptions>();
  auto* replies = app.add_subcommand("replies", "buyers' mail: ingest, fetch, read, review");
  replies->require_subcommand(1);
  auto add_as_of = [&g](CLI::App* cmd) {
    cmd->add_option("--as-of", g.as_of, "the date the command works as of, YYYY-MM-DD (default: today)");
  };
  auto writing = [&g](auto command) {
    CivilDate as_of = parse_as_of(g.as_of);
    auto s = open_existing_store(g);
    app::CommandContext ctx{*s, as_of, actor()};
    return command(ctx);
  };

  auto* ingest = replies->add_subcommand("ingest", "read .eml files or Maildirs into the inbox");
  ingest->add_option("paths", o->paths, ".eml files, directories of them, or Maildirs")->required();
  add_as_of(ingest);
  ingest->callback([&g, &action, o, argv0, writing] {
    action = [&g, o, argv0, writing] {
      Config config = load_config(g);
      auto c = classifier(g, argv0);
      return writing([&](app::CommandContext& ctx) {
        auto r = mail::ingest_paths(ctx, *c, {config.replies.min_confidence}, o->paths);
        if (!r) throw Failure{r.error().message};
        return print_report(r.value(), ctx.as_of);
      });
    };
  });

  auto* fetch = replies->add_subcommand("fetch", "fetch new mail from the [imap] folder");
  add_as_of(fetch);
  fetch->callback([&g, &action, argv0, writing] {
    action = [&g, argv0, writing] {
      Config config = load_config(g);
      auto c = classifier(g, argv0);
      return writing([&](app::CommandContext& ctx) {
        auto r = mail::fetch_replies(ctx, *c, {config.replies.min_confidence}, config.imap);
        if (!r) throw Failure{r.error().message};
        return print_report(r.value(), ctx.as_of);
      });
    };
  });

  auto* list = replies->add_subcommand("list", "the inbox, oldest first");
  list->add_flag("--unmatched", o->unmatched, "only replies no customer was found for");
  list->add_option("--status", o->status, "applied, review, reviewed, unmatched, auto_reply or malformed");
  list->add_option("--customer", o->customer, "only this customer's replies");
  list->callback([&g, &action, o] {
    action = [&g, o] {
      auto s = open_existing_store(g);
      std::string status = o->unmatched ? "unmatched" : o->status;
      auto rows = s->inbox().list(status, o->customer);
      if (rows.empty()) {
        std::cout << "no replies\n";
        return 0;
      }
      report::TextTable t;
      t.columns({{"id", report::Align::kRight}, {"received", report::Align::kLeft},
                 {"status", report::Align::kLeft}, {"customer", report::Align::kLeft},
                 {"from", report::Align::kLeft}, {"subject", report::Align::kLeft},
                 {"note", report::Align::kLeft}});
      for (const auto& r : rows) {
        t.row({std::to_string(r.id), r.received.iso(), r.status, r.customer_id, r.from_addr,
               report::fit(r.subject, 40), report::fit(r.status == "malformed" ? r.parse_error : r.note, 70)});
      }
      std::cout << t.render();
      return 0;
    };
  });

  auto* show = replies->add_subcommand("show", "one reply: headers, what was read, the text");
  show->add_option("id", o->id, "reply id")->required();
  show->callback([&g, &action, o] {
    action = [&g, o] {
      auto s = open_existing_store(g);
      auto r = s->inbox().find(o->id);
      if (!r) throw Failure{"no reply #" + std::to_string(o->id)};
      std::cout << "Reply #" << r->id << " (" << r->status << ")\n"
                << "Message-ID: " << r->message_id << "\nSource: " << r->source
                << "\nReceived: " << r->received.iso() << "\nFrom: " << r->from_name << " <"
                << r->from_addr << ">\nSubject: " << r->subject << "\n";
      if (!r->customer_id.empty()) std::cout << "Customer: " << r->customer_id << " (matched by " << r->matched_by << ")\n";
      if (r->letter_id) std::cout << "Answers letter: #" << r->letter_id << "\n";
      for (const auto& a : r->attachments) {
        std::cout << "Attachment: " << a.filename << " (" << a.content_type << ", " << a.data.size() << " bytes)\n";
      }
      if (!r->parse_error.empty()) std::cout << "Parse error: " << r->parse_error << "\n";
      std::cout << "Read as: " << r->classification << "\n";
      if (!r->note.empty()) std::cout << "Done: " << r->note << "\n";
      std::cout << "\n" << r->text << "\n";
      return 0;
    };
  });

  auto* assign = replies->add_subcommand("assign", "put an unmatched reply on a customer's case");
  assign->add_option("id", o->id, "reply id")->required();
  assign->add_option("customer", o->customer, "customer id")->required();
  add_as_of(assign);
  assign->callback([&g, &action, o, argv0, writing] {
    action = [&g, o, argv0, writing] {
      Config config = load_config(g);
      auto c = classifier(g, argv0);
      return writing([&](app::CommandContext& ctx) {
        return print_result(mail::assign_reply(ctx, *c, {config.replies.min_confidence}, o->id, o->customer));
      });
    };
  });

  auto* review = replies->add_subcommand("review", "say what a reply means: its reason, and a promise date");
  review->add_option("id", o->id, "reply id")->required();
  review->add_option("--reason", o->reason, "the reason code")->required();
  review->add_option("--promise", o->promise, "the date the buyer promised to pay, YYYY-MM-DD");
  add_as_of(review);
  review->callback([&g, &action, o, writing] {
    action = [&g, o, writing] {
      return writing([&](app::CommandContext& ctx) {
        return print_result(mail::review_reply(ctx, o->id, o->reason, o->promise, corrections_file(g)));
      });
    };
  });

  auto* model = app.add_subcommand("model", "the reply classifier's model");
  model->require_subcommand(1);
  auto* retrain = model->add_subcommand(
      "retrain", "train the model again from the corpus and the corrections made with 'replies "
                 "review'; the new model sits beside the book and is used for its replies");
  retrain->add_option("--corpus", o->corpus, "the corpus directory (default data/replies/corpus)");
  retrain->add_option("--split", o->split, "the split file naming the training writers (default data/replies/split.txt)");
  retrain->callback([&g, &action, o] {
    action = [&g, o] {
      std::vector<replies::TrainingFile> files;
      std::ifstream split(o->split);
      if (!split) throw Failure{o->split + ": cannot read the split file"};
      for (std::string line; std::getline(split, line);) {
        std::istringstream words(line);
        std::string part;
        words >> part;
        if (part != "train") continue;
        for (std::string w; words >> w;) files.push_back({o->corpus + "/" + w + ".tsv", w});
      }
      std::string corrections = corrections_file(g);
      bool have = std::filesystem::exists(corrections);
      if (have) files.push_back({corrections, "local"});
      std::string out = (std::filesystem::absolute(store::resolve_db_path(g.db)).parent_path() /
                         replies::kModelFileName).string();
      auto summary = replies::train_reply_model(files, out, {});
      if (!summary) throw Failure{summary.error().message};
      std::cout << summary.value() << (have ? " (with " + corrections + ")" : " (no corrections yet)") << "\n";
      return 0;
    };
  });

  auto* accept = replies->add_subcommand("accept-contact", "add the person a wrong_contact reply named");
  accept->add_option("id", o->id, "reply id")->required();
  add_as_of(accept);
  accept->callback([&g, &action, o, writing] {
    action = [&g, o, writing] {
      return writing([&](app::CommandContext& ctx) { return print_result(mail::accept_contact(ctx, o->id)); });
    };
  });
}

}  // namespace overdue::cli
