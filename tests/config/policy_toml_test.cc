// The policy in overdue.toml: defaults (issue 4's table), key-by-key override, bad values with
// FILE:LINE and the key, and the round trip through policy_toml.
#include "config/policy_toml.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/config.h"

namespace overdue {
namespace {

using engine::Policy;
using R = ContactRole;

Config parse_ok(const std::string& text) {
  Result<Config> config = parse_config(text, "test.toml");
  EXPECT_TRUE(config.ok()) << config.error().message;
  return config ? config.value() : Config{};
}

std::string parse_error(const std::string& text) {
  Result<Config> config = parse_config(text, "test.toml");
  EXPECT_FALSE(config.ok()) << "accepted:\n" << text;
  return config ? "" : config.error().message;
}

// policy_toml writes every field, so equal text means equal policies.
void expect_same_policy(const Policy& a, const Policy& b) {
  EXPECT_EQ(policy_toml(a), policy_toml(b));
}

TEST(PolicyDefaults, LadderMatchesIssueTable) {
  struct Row {
    Action action;
    int days;
    std::vector<R> to;
    std::vector<R> cc;
  };
  const std::vector<Row> table = {
      {Action::kCourtesyReminder, 5, {R::kBuyer}, {}},
      {Action::kReminder, 1, {R::kBuyer, R::kFinance}, {}},
      {Action::kFirmReminder, 15, {R::kBuyer, R::kFinance}, {R::kManager}},
      {Action::kFollowUpCall, 30, {R::kBuyer, R::kFinance}, {R::kManager, R::kOwner}},
      {Action::kPersonalAppeal, 45, {R::kBuyer, R::kFinance}, {R::kManager, R::kOwner}},
      {Action::kPeerInquiry, 60, {}, {}},
      {Action::kHoldShipments, 75, {R::kBuyer, R::kFinance, R::kManager}, {R::kOwner}},
      {Action::kFinalNotice, 90, {R::kBuyer, R::kFinance, R::kOwner}, {R::kManager}},
      {Action::kCollectionAgency, 120, {}, {}},
      {Action::kLegalAction, 120, {}, {}},
      {Action::kWriteOff, 365, {}, {}},
  };
  const Policy p = Config{}.policy;
  ASSERT_EQ(p.ladder.size(), table.size());
  for (const Row& row : table) {
    SCOPED_TRACE(std::string(to_string(row.action)));
    EXPECT_EQ(p.step(row.action).days, row.days);
    EXPECT_EQ(p.step(row.action).to, row.to);
    EXPECT_EQ(p.step(row.action).cc, row.cc);
  }
  EXPECT_EQ(p.min_gap_days, 7);
  EXPECT_EQ(p.write_off_no_recovery_days, 90);
  EXPECT_EQ(p.legal_min_minor.at("USD"), 2000000);     // USD 20,000.00
  EXPECT_EQ(p.embassy_min_minor.at("USD"), 10000000);  // USD 100,000.00
}

TEST(PolicyDefaults, OtherKeysMatchIssue) {
  const Policy p = Config{}.policy;
  EXPECT_EQ(p.insurance_report_within_days, 90);
  EXPECT_EQ(p.insurance_warning_days, 30);
  EXPECT_EQ(p.insurance_claim_within_days, 60);
  EXPECT_EQ(p.insurance_coverage_percent, 90);
  EXPECT_EQ(p.insurance_max_credit_days, 180);
  EXPECT_EQ(p.promise_grace_days, 3);
  EXPECT_EQ(p.payment_sent_pause_days, 7);
  EXPECT_EQ(p.stalling_interval_days, 2);
  EXPECT_EQ(p.stalling_excuses_to_escalate, 3);
  EXPECT_EQ(p.trusted_min_years, 3);
  EXPECT_EQ(p.trusted_broken_promise_days, 365);
  EXPECT_EQ(p.trusted_min_settled, 3);
  EXPECT_EQ(p.trusted_history_days, 730);
  EXPECT_EQ(p.trusted_on_time_percent, 80);
  EXPECT_EQ(p.trusted_on_time_grace_days, 7);
  EXPECT_EQ(p.trusted_extra_patience_days, 7);
  EXPECT_EQ(p.trusted_max_instalments, 4);
  EXPECT_EQ(p.trusted_max_instalment_days, 120);
  EXPECT_EQ(p.extension_max_days, 14);
}

TEST(PolicyDefaults, EmptyFileKeepsEveryDefault) {
  Config config = parse_ok("");
  EXPECT_EQ(config.source, "test.toml");
  expect_same_policy(config.policy, Policy::defaults());
}

TEST(PolicyOverride, OneDottedKeyKeepsEveryOtherDefault) {
  Config config = parse_ok("ladder.firm_reminder.days = 20\n");
  Policy expected = Policy::defaults();
  expected.ladder[Action::kFirmReminder].days = 20;
  expect_same_policy(config.policy, expected);
}

TEST(PolicyOverride, KeysInSectionsReplaceOnlyThemselves) {
  Config config = parse_ok(R"(
[ladder]
min_gap_days = 10

[ladder.final_notice]
cc = []

[ladder.legal_action.min_amount]
USD = "50000"
KWD = "6000.125"

[embassy_assist]
min_amount = { EUR = "1,000,000.00" }

[insurance]
report_within_days = 120

[trusted]
max_instalments = 6
)");
  Policy expected = Policy::defaults();
  expected.min_gap_days = 10;
  expected.ladder[Action::kFinalNotice].cc.clear();
  expected.legal_min_minor["USD"] = 5000000;
  expected.legal_min_minor["KWD"] = 6000125;
  expected.embassy_min_minor["EUR"] = 100000000;
  expected.insurance_report_within_days = 120;
  expected.trusted_max_instalments = 6;
  expect_same_policy(config.policy, expected);
  EXPECT_EQ(config.policy.ladder.at(Action::kFinalNotice).to,
            (std::vector<R>{R::kBuyer, R::kFinance, R::kOwner}));
  EXPECT_EQ(config.policy.legal_min_minor.at("EUR"), 1850000);  // other currencies kept
}

TEST(PolicyOverride, PaymentsAndPolicyTogether) {
  Config config =
      parse_ok("[payments]\nshort_payment_tolerance_percent = 0.25\n[promises]\ngrace_days = 0\n");
  EXPECT_EQ(config.payments.tolerance_basis_points, 25);
  EXPECT_EQ(config.payments.tolerance_max_hundredths, 5000);
  EXPECT_EQ(config.policy.promise_grace_days, 0);
}

// Every class of bad value: the message starts with FILE:LINE and names the key.
struct BadCase {
  const char* name;
  const char* text;
  const char* expected;  // a prefix of the error message
  bool one_problem = true;
};

class BadPolicy : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadPolicy, NamesFileLineAndKey) {
  const BadCase& c = GetParam();
  std::string message = parse_error(c.text);
  EXPECT_EQ(message.rfind(c.expected, 0), 0u) << message;
  if (c.one_problem) {
    EXPECT_EQ(message.find('\n'), std::string::npos) << "one problem expected:\n" << message;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Config, BadPolicy,
    ::testing::Values(
        BadCase{"days_as_string", "[ladder.firm_reminder]\ndays = \"20\"\n",
                "test.toml:2: ladder.firm_reminder.days must be a whole number from 1 to 3660"},
        BadCase{"days_as_float", "[ladder.firm_reminder]\n\ndays = 20.0\n",
                "test.toml:3: ladder.firm_reminder.days must be a whole number"},
        BadCase{"negative_days", "ladder.reminder.days = -1\n",
                "test.toml:1: ladder.reminder.days must be a whole number from 1 to 3660"},
        BadCase{"zero_stage_days", "[ladder.courtesy_reminder]\ndays = 0\n",
                "test.toml:2: ladder.courtesy_reminder.days must be"},
        BadCase{"too_many_days", "[promises]\ngrace_days = 100000\n",
                "test.toml:2: promises.grace_days must be a whole number from 0 to 3660"},
        BadCase{"negative_gap", "[ladder]\nmin_gap_days = -7\n",
                "test.toml:2: ladder.min_gap_days must be a whole number from 0 to 3660"},
        BadCase{"bool_for_number", "[stalling]\ninterval_days = true\n",
                "test.toml:2: stalling.interval_days must be a whole number from 1"},
        BadCase{"percent_over_100", "[insurance]\ncoverage_percent = 120\n",
                "test.toml:2: insurance.coverage_percent must be a whole number from 0 to 100"},
        BadCase{"zero_count", "[trusted]\nmin_settled_invoices = 0\n",
                "test.toml:2: trusted.min_settled_invoices must be a whole number from 1"},
        BadCase{"unknown_role", "[ladder.firm_reminder]\nto = [\"buyer\", \"boss\"]\n",
                "test.toml:2: ladder.firm_reminder.to: \"boss\" is not a contact role"},
        BadCase{"role_not_string", "[ladder.firm_reminder]\ncc = [3]\n",
                "test.toml:2: ladder.firm_reminder.cc: 3 is not a contact role"},
        BadCase{"roles_not_array", "[ladder.firm_reminder]\ncc = \"manager\"\n",
                "test.toml:2: ladder.firm_reminder.cc must be an array of contact roles"},
        BadCase{"role_twice", "[ladder.reminder]\nto = [\"buyer\", \"buyer\"]\n",
                "test.toml:2: ladder.reminder.to lists the role buyer twice"},
        BadCase{"role_in_to_and_cc", "[ladder.reminder]\ncc = [\"finance\"]\n",
                "test.toml:2: ladder.reminder: the role finance is in both to and cc"},
        BadCase{"unknown_currency", "[ladder.legal_action.min_amount]\nXYZ = \"100.00\"\n",
                "test.toml:2: ladder.legal_action.min_amount.XYZ: unknown currency 'XYZ'"},
        BadCase{"lower_case_currency", "[embassy_assist.min_amount]\nusd = \"100.00\"\n",
                "test.toml:2: embassy_assist.min_amount.usd: unknown currency 'usd'"},
        BadCase{"too_many_decimals", "[ladder.legal_action.min_amount]\nJPY = \"10.5\"\n",
                "test.toml:2: ladder.legal_action.min_amount.JPY must be an amount in JPY as a "
                "string, not negative, with no decimals (e.g. \"20000\")"},
        BadCase{"negative_amount", "[ladder.legal_action.min_amount]\nUSD = \"-5\"\n",
                "test.toml:2: ladder.legal_action.min_amount.USD must be an amount in USD"},
        BadCase{"float_amount", "[ladder.legal_action.min_amount]\nUSD = 20000.0\n",
                "test.toml:2: ladder.legal_action.min_amount.USD must be an amount in USD"},
        BadCase{"amounts_not_table", "[embassy_assist]\nmin_amount = 5\n",
                "test.toml:2: embassy_assist.min_amount must be a table of amounts per currency"},
        BadCase{"min_amount_on_other_step", "[ladder.final_notice.min_amount]\nUSD = \"1\"\n",
                "test.toml:1: unknown key ladder.final_notice.min_amount (allowed in "
                "[ladder.final_notice]: days, to, cc)"},
        BadCase{"stage_days_not_increasing", "[ladder.follow_up_call]\ndays = 10\n",
                "test.toml:2: ladder.follow_up_call.days = 10 must be more than "
                "ladder.firm_reminder.days = 15"},
        BadCase{"stage_days_equal", "[ladder]\nfirm_reminder.days = 20\nreminder.days = 20\n",
                "test.toml:2: ladder.firm_reminder.days = 20 must be more than "
                "ladder.reminder.days = 20"},
        BadCase{"write_off_before_legal", "ladder.write_off.days = 120\n",
                "test.toml:1: ladder.write_off.days = 120 must be more than "
                "ladder.collection_agency.days = 120",
                false},
        BadCase{"unknown_section", "[mail]\nhost = \"x\"\n",
                "test.toml:1: unknown section or key 'mail' (allowed: [payments], [company], [smtp], "
                "[imap], [replies], [ladder]"},
        BadCase{"imap_unknown_key", "[imap]\nhost = \"x\"\n",
                "test.toml:2: unknown key imap.host (allowed in [imap]: url, user, password_file, "
                "starttls, ca_file, folder, timeout_seconds)"},
        BadCase{"imap_bad_url", "[imap]\nurl = \"smtp://x\"\n",
                "test.toml:2: imap.url must start with imap:// or imaps://"},
        BadCase{"replies_confidence_range", "[replies]\nmin_confidence = 1.5\n",
                "test.toml:2: replies.min_confidence must be a number from 0 to 1"},
        BadCase{"smtp_unknown_key", "[smtp]\nhost = \"x\"\n",
                "test.toml:2: unknown key smtp.host (allowed in [smtp]: url, user, password_file, "
                "starttls, ca_file, timeout_seconds)"},
        BadCase{"smtp_password_in_file", "[smtp]\npassword = \"hunter2\"\n",
                "test.toml:2: smtp.password is not read from the config file: set "
                "OVERDUE_SMTP_PASSWORD or smtp.password_file"},
        BadCase{"smtp_bad_url", "[smtp]\nurl = \"http://x\"\n",
                "test.toml:2: smtp.url must start with smtp:// or smtps://"},
        BadCase{"bank_bad_currency", "[company.bank.XYZ]\nbank = \"x\"\n",
                "test.toml:1: company.bank.XYZ: not an ISO 4217 currency code"},
        BadCase{"bank_missing_swift", "[company.bank.USD]\nbeneficiary = \"a\"\nbank = \"b\"\n"
                "account = \"c\"\n",
                "test.toml:1: company.bank.USD.swift is missing"},
        BadCase{"unknown_top_level_key", "grace_days = 3\n",
                "test.toml:1: unknown section or key 'grace_days'"},
        BadCase{"unknown_ladder_key", "[ladder]\npay_within = 7\n",
                "test.toml:2: unknown key ladder.pay_within (allowed in [ladder]: min_gap_days"},
        BadCase{"unknown_step", "[ladder.report_to_insurer]\ndays = 7\n",
                "test.toml:1: unknown key ladder.report_to_insurer (allowed in [ladder]"},
        BadCase{"unknown_step_key", "[ladder.reminder]\nbcc = []\n",
                "test.toml:2: unknown key ladder.reminder.bcc (allowed in [ladder.reminder]: "
                "days, to, cc)"},
        BadCase{"unknown_flat_key", "[trusted]\nyears = 3\n",
                "test.toml:2: unknown key trusted.years (allowed in [trusted]: min_years"},
        BadCase{"unknown_embassy_key", "[embassy_assist]\ndays = 90\n",
                "test.toml:2: unknown key embassy_assist.days (allowed in [embassy_assist]: "
                "min_amount)"},
        BadCase{"section_not_table", "ladder = 5\n",
                "test.toml:1: ladder must be a table (a [ladder] section), got 5"},
        BadCase{"array_of_tables", "[[insurance]]\nwarning_days = 30\n",
                "test.toml:1: insurance must be a table (a [insurance] section), got an array"},
        BadCase{"step_not_table", "[ladder]\nreminder = 3\n",
                "test.toml:2: ladder.reminder must be a table (a [ladder.reminder] section)"},
        BadCase{"payments_unknown_key", "[payments]\ntolerance = 1\n",
                "test.toml:2: unknown key payments.tolerance"},
        BadCase{"syntax_error", "[ladder]\nmin_gap_days =\n", "test.toml:2: "}),
    [](const ::testing::TestParamInfo<BadCase>& info) { return std::string(info.param.name); });

TEST(PolicyErrors, AllProblemsReportedInFileOrder) {
  std::string message = parse_error(R"([trusted]
zeta = 1
alpha = 2

[ladder.reminder]
days = "x"
[mail]
)");
  EXPECT_EQ(message,
            "test.toml:2: unknown key trusted.zeta (allowed in [trusted]: min_years, "
            "broken_promise_memory_days, min_settled_invoices, history_days, on_time_percent, "
            "on_time_grace_days, extra_patience_days, max_instalments, max_instalment_days)\n"
            "test.toml:3: unknown key trusted.alpha (allowed in [trusted]: min_years, "
            "broken_promise_memory_days, min_settled_invoices, history_days, on_time_percent, "
            "on_time_grace_days, extra_patience_days, max_instalments, max_instalment_days)\n"
            "test.toml:6: ladder.reminder.days must be a whole number from 1 to 3660 (stage 1: "
            "when the oldest unpaid invoice is this many days overdue), got \"x\"\n"
            "test.toml:7: unknown section or key 'mail' (allowed: [payments], [company], [smtp], "
            "[imap], [replies], [ladder], [embassy_assist], [promises], [payment_sent], "
            "[stalling], [insurance], [trusted], [extension])");
}

TEST(PolicyErrors, MissingFileIsAnError) {
  Result<Config> config = load_config_file("/nonexistent/overdue.toml");
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message, "/nonexistent/overdue.toml: cannot open config file");
}

TEST(PolicyToml, DefaultsRoundTrip) {
  Config config = parse_ok(default_config_toml());
  expect_same_policy(config.policy, Policy::defaults());
  EXPECT_EQ(config_toml(config), default_config_toml());
}

TEST(PolicyToml, ChangedPolicyRoundTripsThroughAFile) {
  Config changed;
  changed.payments.tolerance_basis_points = 125;
  changed.payments.tolerance_max_hundredths = 2550;
  Policy& p = changed.policy;
  int days = 2;
  for (Action a : engine::ladder_actions()) {
    if (a != Action::kLegalAction) days += 11;
    p.ladder[a].days = days;
  }
  p.ladder[Action::kPeerInquiry].to = {R::kOther};
  p.ladder[Action::kReminder].cc = {R::kClerk, R::kManager};
  p.ladder[Action::kFinalNotice].to = {};
  p.min_gap_days = 0;
  p.pay_within_days = 10;
  p.write_off_no_recovery_days = 180;
  p.legal_min_minor["KWD"] = 6000125;
  p.legal_min_minor["JPY"] = 1;
  p.embassy_min_minor["USD"] = 0;
  p.promise_grace_days = 5;
  p.payment_sent_pause_days = 9;
  p.stalling_interval_days = 3;
  p.stalling_excuses_to_escalate = 2;
  p.insurance_report_within_days = 150;
  p.insurance_warning_days = 20;
  p.insurance_claim_within_days = 45;
  p.insurance_coverage_percent = 85;
  p.insurance_max_credit_days = 360;
  p.insurance_serious_overdue_days = 90;
  p.trusted_min_years = 5;
  p.trusted_broken_promise_days = 400;
  p.trusted_min_settled = 6;
  p.trusted_history_days = 1000;
  p.trusted_on_time_percent = 75;
  p.trusted_on_time_grace_days = 10;
  p.trusted_extra_patience_days = 14;
  p.trusted_max_instalments = 6;
  p.trusted_max_instalment_days = 180;
  p.extension_max_days = 21;

  std::filesystem::path file =
      std::filesystem::path(::testing::TempDir()) / "policy_round_trip.toml";
  {
    std::ofstream out(file);
    out << config_toml(changed);
  }
  Result<Config> read = load_config_file(file.string());
  std::filesystem::remove(file);
  ASSERT_TRUE(read.ok()) << read.error().message;
  expect_same_policy(read->policy, changed.policy);
  EXPECT_EQ(read->payments.tolerance_basis_points, 125);
  EXPECT_EQ(read->payments.tolerance_max_hundredths, 2550);
  EXPECT_EQ(read->policy.legal_min_minor.at("KWD"), 6000125);
  EXPECT_EQ(read->policy.ladder.at(Action::kWriteOff).days, p.ladder.at(Action::kWriteOff).days);
  EXPECT_EQ(read->source, file.string());
}

TEST(PolicyToml, EveryKeyHasAComment) {
  std::istringstream lines(policy_toml(Policy::defaults()));
  std::string line;
  bool in_amounts = false;
  int keys = 0;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '[') {
      in_amounts = line.find(".min_amount]") != std::string::npos;  // commented per table
      continue;
    }
    if (in_amounts) continue;
    ++keys;
    EXPECT_NE(line.find(" # "), std::string::npos) << line;
  }
  EXPECT_EQ(keys, 2 + 11 * 3 + 1 + 1 + 1 + 2 + 6 + 9 + 1);
}

TEST(PolicyToml, InsuranceSectionSaysToCheckTheUsersOwnPolicy) {
  std::string text = policy_toml(Policy::defaults());
  EXPECT_NE(text.find("[insurance]\n# CHECK THESE AGAINST YOUR OWN CREDIT-INSURANCE POLICY."),
            std::string::npos)
      << text;
}

}  // namespace
}  // namespace overdue
