#include "io/csv.h"

#include <gtest/gtest.h>

namespace overdue::io {
namespace {

std::vector<std::vector<std::string>> read_all(const std::string& text, std::string* error = nullptr) {
  CsvReader reader(text);
  std::vector<std::vector<std::string>> rows;
  std::vector<CsvField> fields;
  while (reader.next(fields)) {
    std::vector<std::string> row;
    for (const auto& f : fields) row.emplace_back(f.value);
    rows.push_back(row);
  }
  if (error && reader.problem()) {
    *error = std::to_string(reader.problem()->line) + ":" +
             std::to_string(reader.problem()->column) + ": " + reader.problem()->message;
  }
  return rows;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(Csv, Rfc4180Basics) {
  EXPECT_EQ(read_all("a,b,c\n1,2,3\n"), (Rows{{"a", "b", "c"}, {"1", "2", "3"}}));
  EXPECT_EQ(read_all("a,b\r\n1,2\r\n"), (Rows{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(read_all("a,b\n1,2"), (Rows{{"a", "b"}, {"1", "2"}}));  // no final line break
  EXPECT_EQ(read_all("a,,c\n"), (Rows{{"a", "", "c"}}));
  EXPECT_EQ(read_all("a,b,\n"), (Rows{{"a", "b", ""}}));
}

TEST(Csv, QuotedFieldsWithCommasQuotesAndLineBreaks) {
  EXPECT_EQ(read_all("\"Smith, Jones & Co\",x\n"), (Rows{{"Smith, Jones & Co", "x"}}));
  EXPECT_EQ(read_all("\"say \"\"hi\"\"\",x\n"), (Rows{{"say \"hi\"", "x"}}));
  EXPECT_EQ(read_all("\"line1\nline2\",x\n"), (Rows{{"line1\nline2", "x"}}));
  EXPECT_EQ(read_all("\"\",x\n"), (Rows{{"", "x"}}));
}

TEST(Csv, SkipsByteOrderMarkAndKeepsChinese) {
  EXPECT_EQ(read_all("\xEF\xBB\xBFname\n台北精密機械\n"), (Rows{{"name"}, {"台北精密機械"}}));
}

TEST(Csv, PositionsCountLinesInsideQuotesAndCodePoints) {
  CsvReader reader("\"a\nb\",c\n中文,x\n");
  std::vector<CsvField> f;
  ASSERT_TRUE(reader.next(f));
  EXPECT_EQ(f[1].line, 2);
  EXPECT_EQ(f[1].column, 4);
  ASSERT_TRUE(reader.next(f));
  EXPECT_EQ(f[1].line, 3);
  EXPECT_EQ(f[1].column, 4);  // two Chinese characters, a comma, then x
}

TEST(Csv, ReportsSyntaxErrorsWithPosition) {
  std::string error;
  read_all("a,b\n\"open,c\n", &error);
  EXPECT_EQ(error, "2:1: unterminated quoted field");
  read_all("a,b\nx\"y,c\n", &error);
  EXPECT_EQ(error, "2:2: quote inside an unquoted field (quote the whole field and double the quote)");
  read_all("\"a\"b,c\n", &error);
  EXPECT_EQ(error.substr(0, 4), "1:4:");
}

TEST(Csv, EscapesForOutput) {
  EXPECT_EQ(csv_escape("plain"), "plain");
  EXPECT_EQ(csv_escape("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_escape("say \"x\""), "\"say \"\"x\"\"\"");
  EXPECT_EQ(csv_escape("a\nb"), "\"a\nb\"");
}

TEST(Csv, Utf8Validation) {
  int line = 0, column = 0;
  EXPECT_TRUE(check_utf8("ok 中文\n", &line, &column).ok());
  EXPECT_FALSE(check_utf8("ab\ncd\xff", &line, &column).ok());
  EXPECT_EQ(line, 2);
  EXPECT_EQ(column, 3);
  EXPECT_FALSE(check_utf8("\xC0\xAF", &line, &column).ok());  // overlong
  EXPECT_FALSE(check_utf8("\xE4\xB8", &line, &column).ok());  // truncated
}

}  // namespace
}  // namespace overdue::io
