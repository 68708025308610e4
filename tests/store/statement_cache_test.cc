#include "store/statement_cache.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <vector>

namespace overdue::store {
namespace {

class StatementCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.exec("CREATE TABLE t (n INTEGER)");
    db_.exec("INSERT INTO t VALUES (1), (2), (3)");
  }
  SQLite::Database db_{":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE};
  StatementCache cache_{db_};
};

std::vector<int> rows_above(StatementCache& cache, int floor) {
  auto st = cache.get("SELECT n FROM t WHERE n > ? ORDER BY n");
  st->bind(1, floor);
  std::vector<int> out;
  while (st->executeStep()) out.push_back(st->getColumn(0).getInt());
  return out;
}

TEST_F(StatementCacheTest, AReusedStatementStartsAfreshWithNewBindings) {
  EXPECT_EQ(rows_above(cache_, 0), (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(rows_above(cache_, 2), (std::vector<int>{3}));
  EXPECT_EQ(rows_above(cache_, 0), (std::vector<int>{1, 2, 3}));
}

TEST_F(StatementCacheTest, ALoanThatStoppedHalfwayIsResetWhenItEnds) {
  {
    auto st = cache_.get("SELECT n FROM t ORDER BY n");
    ASSERT_TRUE(st->executeStep());
    EXPECT_EQ(st->getColumn(0).getInt(), 1);
  }
  auto again = cache_.get("SELECT n FROM t ORDER BY n");
  ASSERT_TRUE(again->executeStep());
  EXPECT_EQ(again->getColumn(0).getInt(), 1);
}

TEST_F(StatementCacheTest, TheSameQueryInsideItsOwnLoopGetsItsOwnStatement) {
  auto outer = cache_.get("SELECT n FROM t WHERE n > ? ORDER BY n");
  outer->bind(1, 0);
  std::vector<std::vector<int>> inner;
  while (outer->executeStep()) inner.push_back(rows_above(cache_, outer->getColumn(0).getInt()));
  EXPECT_EQ(inner, (std::vector<std::vector<int>>{{2, 3}, {3}, {}}));
}

TEST_F(StatementCacheTest, NoReadStaysOpenAfterALoanEnds) {
  {
    auto st = cache_.get("SELECT n FROM t ORDER BY n");
    ASSERT_TRUE(st->executeStep());
  }
  // A statement left mid-read would keep SQLite's read transaction open.
  sqlite3_stmt* next = sqlite3_next_stmt(db_.getHandle(), nullptr);
  for (; next; next = sqlite3_next_stmt(db_.getHandle(), next)) {
    EXPECT_EQ(sqlite3_stmt_busy(next), 0) << sqlite3_sql(next);
  }
}

}  // namespace
}  // namespace overdue::store
