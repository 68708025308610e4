// Reading buyers' mail: charsets (UTF-8, GB2312/GBK/GB18030, Big5, ISO-8859-x, Windows-125x),
// RFC 2047 subjects, HTML-only bodies, attachments, quoted history in each client's style, and
// broken MIME — the fixtures are built here, each charset encoded by ICU.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <string>

#include "mail/mime.h"
#include "replies/quoted.h"

namespace overdue::mail {
namespace {

// UTF-8 text in another charset, by ICU.
std::string encode(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << charset;
  out.resize(n);
  return out;
}

std::string base64(const std::string& bytes) {
  static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                 static_cast<unsigned char>(bytes[i + 2]);
    out += {k[v >> 18], k[(v >> 12) & 63], k[(v >> 6) & 63], k[v & 63]};
  }
  if (i + 1 == bytes.size()) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    out += {k[v >> 18], k[(v >> 12) & 63], '=', '='};
  } else if (i + 2 == bytes.size()) {
    unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8);
    out += {k[v >> 18], k[(v >> 12) & 63], k[(v >> 6) & 63], '='};
  }
  return out;
}

struct CharsetCase {
  const char* charset;
  const char* subject;
  const char* body;
};

class Charsets : public ::testing::TestWithParam<CharsetCase> {};

TEST_P(Charsets, SubjectNameAndBodyDecodeToUtf8) {
  const CharsetCase& c = GetParam();
  std::string raw = std::string("From: =?") + c.charset + "?B?" + base64(encode("王先生", c.charset)) +
                    "?= <wang@buyer.example>\r\n" + "To: ar@seller.example\r\n" +
                    "Subject: =?" + c.charset + "?B?" + base64(encode(c.subject, c.charset)) + "?=\r\n" +
                    "Date: Tue, 04 Aug 2026 10:00:00 +0800\r\nMessage-ID: <cs@buyer.example>\r\n" +
                    "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=" + c.charset + "\r\n" +
                    "Content-Transfer-Encoding: base64\r\n\r\n" + base64(encode(c.body, c.charset)) + "\r\n";
  auto p = parse_message(raw);
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p.value().subject, c.subject);
  EXPECT_EQ(p.value().text, c.body);
  ASSERT_EQ(p.value().from.size(), 1u);
  if (std::string(c.charset).rfind("ISO-8859", 0) != 0 && std::string(c.charset).rfind("windows", 0) != 0) {
    EXPECT_EQ(p.value().from[0].name, "王先生");
  }
  EXPECT_TRUE(p.value().has_date);
  EXPECT_EQ(p.value().day, 4);
}

INSTANTIATE_TEST_SUITE_P(
    Mail, Charsets,
    ::testing::Values(CharsetCase{"UTF-8", "关于付款", "我们已经付款了。"},
                      CharsetCase{"GB2312", "关于付款", "我们下周付款。"},
                      CharsetCase{"GBK", "關於付款 GBK", "款项已汇出，请查收。"},
                      CharsetCase{"GB18030", "付款通知", "我们月底前付款。"},
                      CharsetCase{"Big5", "關於付款", "我們下週五付款。"},
                      CharsetCase{"ISO-8859-1", "Zahlung für Rechnung", "Wir zahlen nächste Woche."},
                      CharsetCase{"ISO-8859-2", "Płatność", "Zapłacimy w piątek."},
                      CharsetCase{"windows-1252", "Paiement – facture", "Nous paierons à la fin du mois."},
                      CharsetCase{"windows-1251", "Оплата", "Мы оплатим в пятницу."}),
    [](const auto& info) {
      std::string n = info.param.charset;
      for (auto& ch : n) {
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      }
      return n;
    });

TEST(ReplyMime, HtmlOnlyBodyBecomesTextWithoutTheQuotedBlock) {
  std::string raw =
      "From: a@b.example\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
      "Content-Type: text/html; charset=utf-8\r\n\r\n"
      "<html><head><style>p{color:red}</style></head><body><p>Dear Lily,</p>"
      "<p>We paid USD 5,000&nbsp;on Friday &amp; will send the slip.</p><br>"
      "<blockquote>Please pay INV-1</blockquote><div>Regards</div></body></html>\r\n";
  auto p = parse_message(raw);
  ASSERT_TRUE(p);
  EXPECT_TRUE(p.value().text.empty());
  std::string text = replies::html_to_text(p.value().html);
  EXPECT_EQ(text, "Dear Lily,\nWe paid USD 5,000 on Friday & will send the slip.\nRegards");
}

TEST(ReplyMime, AttachmentKeepsNameTypeAndBytes) {
  std::string pdf = "%PDF-1.4\n\x01\x02\xff binary";
  std::string raw =
      "From: a@b.example\r\nSubject: slip\r\nMIME-Version: 1.0\r\n"
      "Content-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\n"
      "Content-Type: text/plain; charset=utf-8\r\n\r\nSlip attached.\r\n--XX\r\n"
      "Content-Type: application/pdf; name=\"=?UTF-8?B?" + base64("银行水单.pdf") + "?=\"\r\n"
      "Content-Disposition: attachment; filename=\"=?UTF-8?B?" + base64("银行水单.pdf") + "?=\"\r\n"
      "Content-Transfer-Encoding: base64\r\n\r\n" + base64(pdf) + "\r\n--XX--\r\n";
  auto p = parse_message(raw);
  ASSERT_TRUE(p);
  EXPECT_EQ(p.value().text, "Slip attached.");
  ASSERT_EQ(p.value().attachments.size(), 1u);
  EXPECT_EQ(p.value().attachments[0].filename, "银行水单.pdf");
  EXPECT_EQ(p.value().attachments[0].content_type, "application/pdf");
  EXPECT_EQ(p.value().attachments[0].data, pdf);
}

TEST(ReplyMime, BrokenMimeStillGivesWhatCanBeRead) {
  // An unterminated multipart and a bad base64 body: never a crash, the headers still read.
  std::string raw =
      "From: a@b.example\r\nSubject: broken\r\nContent-Type: multipart/mixed; boundary=ZZ\r\n\r\n"
      "--ZZ\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n@@@not base64###\r\n";
  auto p = parse_message(raw);
  ASSERT_TRUE(p);
  EXPECT_EQ(p.value().subject, "broken");
}

struct QuoteCase {
  const char* name;
  const char* mail;
  const char* expected;
};

class QuotedHistory : public ::testing::TestWithParam<QuoteCase> {};

TEST_P(QuotedHistory, OnlyTheNewTextIsKept) {
  EXPECT_EQ(replies::strip_quoted(GetParam().mail).text, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Clients, QuotedHistory,
    ::testing::Values(
        QuoteCase{"gmail", "We paid yesterday.\n\nOn Fri, 31 Jul 2026 at 10:00, Lily <l@x.cn> wrote:\n> Please pay\n",
                  "We paid yesterday."},
        QuoteCase{"gmail_wrapped",
                  "Will pay Friday.\n\nOn Fri, 31 Jul 2026 at 10:00, Lily Wang <lily.wang@harbourlight.example>\nwrote:\n> x\n",
                  "Will pay Friday."},
        QuoteCase{"outlook", "Payment next week.\n\nFrom: Lily Wang <l@x.cn>\nSent: Friday, July 31, 2026 10:00 AM\nTo: John\nSubject: INV-1\n\nDear John, please pay",
                  "Payment next week."},
        QuoteCase{"outlook_original", "Noted.\n-----Original Message-----\nFrom: Lily\nPlease pay", "Noted."},
        QuoteCase{"foxmail", "下周付款。\n\n发件人：Lily Wang\n发送时间：2026年7月31日 10:00\n收件人：John\n主题：发票\n\n请付款",
                  "下周付款。"},
        QuoteCase{"qq_mail", "已安排付款\n\n------------------ 原始邮件 ------------------\n发件人: \"Lily\"<l@x.cn>;\n请付款",
                  "已安排付款"},
        QuoteCase{"chinese_gmail", "好的\n\n在 2026年7月31日周五 10:00，Lily <l@x.cn> 写道：\n> 请付款", "好的"},
        QuoteCase{"traditional_outlook", "下週付款。\n\n寄件者: Lily\n寄件日期: 2026年7月31日\n收件者: John\n主旨: 發票",
                  "下週付款。"},
        QuoteCase{"angle_lines_and_signature", "> old line\nPaid today.\n-- \nJohn Miller\nAcme", "Paid today."},
        QuoteCase{"sent_from_phone", "Paid.\n\nSent from my iPhone", "Paid."},
        QuoteCase{"nothing_quoted", "From our side the goods were fine.\nWe pay Friday.",
                  "From our side the goods were fine.\nWe pay Friday."}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace overdue::mail
