// Reply TSV files: columns in any order, escapes, and FILE:LINE:COLUMN for every problem.
#include "replies/reply_table.h"

#include <gtest/gtest.h>

namespace overdue::replies {
namespace {

TEST(ReplyTable, ReadsBatchRowsInOrder) {
  auto t = parse_reply_table("r.tsv",
                             "text\tid\treceived\textra\n"
                             "Paid.\\nThanks\ta1\t2026-03-02\tx\n"
                             "付了\\t!\ta2\t2026-03-03\t\n",
                             ReplyColumns::kBatch);
  ASSERT_TRUE(t.ok()) << t.error().message;
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0].id, "a1");
  EXPECT_EQ(t->rows[0].text, "Paid.\nThanks");
  EXPECT_EQ(t->rows[1].text, "付了\t!");
  EXPECT_EQ(t->rows[1].received.iso(), "2026-03-03");
  EXPECT_EQ(t->rows[1].line, 3);
}

TEST(ReplyTable, ReadsLabels) {
  auto t = parse_reply_table("l.tsv",
                             "id\treceived\ttext\treason\tpromise_date\tlang\n"
                             "a\t2026-03-02\tx\tcash_flow\t2026-03-31\tzh-Hant\n"
                             "b\t2026-03-02\ty\tother\t\ten\n",
                             ReplyColumns::kLabelled);
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(t->rows[0].reason, Reason::kCashFlow);
  EXPECT_EQ(t->rows[0].promise_date->iso(), "2026-03-31");
  EXPECT_EQ(t->rows[0].language, ReplyLanguage::kZhHant);
  EXPECT_FALSE(t->rows[1].promise_date.has_value());
}

TEST(ReplyTable, EveryProblemWithItsPosition) {
  struct Case {
    const char* text;
    ReplyColumns columns;
    const char* error;
  };
  const Case cases[] = {
      {"", ReplyColumns::kBatch, "t.tsv:1:1: empty file"},
      {"id\ttext\n", ReplyColumns::kBatch, "t.tsv:1:1: missing column 'received' in the header"},
      {"id\treceived\ttext\na\t2026-02-30\thi\n", ReplyColumns::kBatch,
       "t.tsv:2:3: received: '2026-02-30' is not a valid calendar date"},
      {"id\treceived\ttext\na\t2026-03-02\n", ReplyColumns::kBatch,
       "t.tsv:2:13: expected 3 tab-separated fields, found 2"},
      {"id\treceived\ttext\na\t2026-03-02\tx\na\t2026-03-02\ty\n", ReplyColumns::kBatch,
       "t.tsv:3:1: id: 'a' appears twice"},
      {"id\treceived\ttext\treason\tpromise_date\nä\t2026-03-02\tx\tlate\t\n",
       ReplyColumns::kLabelled, "t.tsv:2:16: reason: 'late' is not one of"},
      {"id\treceived\ttext\treason\tpromise_date\na\t2026-03-02\tx\tother\t31/03\n",
       ReplyColumns::kLabelled, "t.tsv:2:22: promise_date: '31/03' is not a date"},
  };
  for (const auto& c : cases) {
    auto t = parse_reply_table("t.tsv", c.text, c.columns);
    ASSERT_FALSE(t.ok()) << c.text;
    EXPECT_EQ(t.error().message.rfind(c.error, 0), 0u) << t.error().message;
  }
}

TEST(ReplyTable, MissingFileIsNamed) {
  auto t = read_reply_table("/nonexistent/replies.tsv", ReplyColumns::kBatch);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().message, "/nonexistent/replies.tsv: cannot open the file");
}

}  // namespace
}  // namespace overdue::replies
