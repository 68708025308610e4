// Which config file is in force, and [payments] beside the policy.
#include "config/config.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace overdue {
namespace {

namespace fs = std::filesystem;

class ConfigFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::path(::testing::TempDir()) / "overdue_config_test";
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }
  void write(const fs::path& path, const std::string& text) {
    std::ofstream out(path);
    out << text;
  }
  fs::path dir;
};

TEST_F(ConfigFiles, NoFileMeansBuiltInDefaults) {
  Result<Config> config = load_config_for((dir / "book.db").string(), "");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->source, "");
  EXPECT_EQ(config_toml(*config), default_config_toml());
}

TEST_F(ConfigFiles, OverdueTomlBesideTheBookIsRead) {
  write(dir / "overdue.toml", "[ladder.firm_reminder]\ndays = 20\n");
  Result<Config> config = load_config_for((dir / "book.db").string(), "");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->source, (dir / "overdue.toml").string());
  EXPECT_EQ(config->policy.step(Action::kFirmReminder).days, 20);
  EXPECT_EQ(config->policy.step(Action::kFollowUpCall).days, 30);
}

TEST_F(ConfigFiles, ExplicitFileWinsAndMustExist) {
  write(dir / "overdue.toml", "[promises]\ngrace_days = 1\n");
  write(dir / "other.toml", "[promises]\ngrace_days = 5\n");
  Result<Config> config =
      load_config_for((dir / "book.db").string(), (dir / "other.toml").string());
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->policy.promise_grace_days, 5);
  Result<Config> missing =
      load_config_for((dir / "book.db").string(), (dir / "missing.toml").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, (dir / "missing.toml").string() + ": cannot open config file");
}

TEST_F(ConfigFiles, BadFileBesideTheBookIsAnErrorNotTheDefaults) {
  write(dir / "overdue.toml", "\n[ladder]\nmin_gap_days = \"seven\"\n");
  Result<Config> config = load_config_for((dir / "book.db").string(), "");
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(
      config.error().message.rfind(
          (dir / "overdue.toml").string() + ":3: ladder.min_gap_days must be a whole number", 0),
      0u)
      << config.error().message;
}

TEST(PaymentsConfig, RoundTripsWithThePolicy) {
  Result<Config> config = parse_config(
      "[payments]\nshort_payment_tolerance_percent = 1\nshort_payment_tolerance_max = 20\n",
      "p.toml");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->payments.tolerance_basis_points, 100);
  EXPECT_EQ(config->payments.tolerance_max_hundredths, 2000);
  std::string text = config_toml(*config);
  EXPECT_NE(text.find("short_payment_tolerance_percent = 1.0\n"), std::string::npos) << text;
  EXPECT_NE(text.find("short_payment_tolerance_max = \"20.00\"\n"), std::string::npos) << text;
  Result<Config> again = parse_config(text, "again.toml");
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(config_toml(*again), text);
}

TEST(PaymentsConfig, BadValuesNameFileLineAndKey) {
  Result<Config> config =
      parse_config("[payments]\nshort_payment_tolerance_percent = \"half\"\n", "p.toml");
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message,
            "p.toml:2: payments.short_payment_tolerance_percent must be a number from 0 to 100 "
            "(e.g. 0.5)");
  config = parse_config("payments = 1\n", "p.toml");
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message, "p.toml:1: payments must be a table (a [payments] section)");
}

}  // namespace
}  // namespace overdue
