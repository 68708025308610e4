// Building our letters as MIME with gmime and reading them back: Chinese must round-trip through
// RFC 2047 headers and base64 bodies, the attachment must arrive byte for byte.
#include <gtest/gtest.h>

#include "mail/mime.h"

namespace overdue::mail {
namespace {

OutgoingMessage sample() {
  OutgoingMessage m;
  m.from = mailbox_text("港光实业 信用部", "credit@harbourlight.example");
  m.to = {mailbox_text("陈伟", "chenwei@henda.sg"), "finance@henda.sg"};
  m.cc = {mailbox_text("Miller, John", "john.miller@acmevalves.com")};
  m.reply_to = "ar@harbourlight.example";
  m.subject = "逾期付款提醒：发票 HK-101 — CNY 65,550.00";
  m.text = "尊敬的陈伟：\n\n发票 HK-101 已逾期 178 天，未付金额 CNY 65,550.00。\n"
           "Please pay by 7 August 2026.\n";
  m.message_id = "overdue.HENDA.20260731.0a1b2c3d@harbourlight.example";
  m.in_reply_to = "CAF=abc123@mail.henda.sg";
  m.references = "first@henda.sg CAF=abc123@mail.henda.sg";
  m.date_unix = 1785484800;  // 2026-07-31 08:00:00 UTC
  m.attachments.push_back(
      Attachment{"statement-HENDA-2026-07-31.csv", "text/csv",
                 "invoice_no,open\nHK-101,\"65,550.00\"\n备注,中文\n"});
  return m;
}

TEST(Mime, ChineseSubjectNamesBodyAndAttachmentRoundTrip) {
  OutgoingMessage m = sample();
  std::string raw = build_message(m);
  auto parsed = parse_message(raw);
  ASSERT_TRUE(parsed) << parsed.error().message;
  const ParsedMessage& p = parsed.value();
  EXPECT_EQ(p.subject, m.subject);
  EXPECT_EQ(p.message_id, m.message_id);
  EXPECT_EQ(p.in_reply_to, m.in_reply_to);
  EXPECT_EQ(p.references, m.references);
  ASSERT_EQ(p.from.size(), 1u);
  EXPECT_EQ(p.from[0].name, "港光实业 信用部");
  EXPECT_EQ(p.from[0].address, "credit@harbourlight.example");
  ASSERT_EQ(p.to.size(), 2u);
  EXPECT_EQ(p.to[0].name, "陈伟");
  EXPECT_EQ(p.to[1].address, "finance@henda.sg");
  ASSERT_EQ(p.cc.size(), 1u);
  EXPECT_EQ(p.cc[0].name, "Miller, John");
  ASSERT_EQ(p.reply_to.size(), 1u);
  EXPECT_EQ(p.reply_to[0].address, "ar@harbourlight.example");
  EXPECT_EQ(p.text, m.text);
  EXPECT_NE(p.html.find("发票 HK-101 已逾期"), std::string::npos) << p.html;
  ASSERT_EQ(p.attachments.size(), 1u);
  EXPECT_EQ(p.attachments[0].filename, "statement-HENDA-2026-07-31.csv");
  EXPECT_EQ(p.attachments[0].content_type, "text/csv");
  EXPECT_EQ(p.attachments[0].data, m.attachments[0].data);
}

TEST(Mime, HeadersAreSevenBitEncodedWordsAndLinesEndInCrlf) {
  std::string raw = build_message(sample());
  size_t header_end = raw.find("\r\n\r\n");
  ASSERT_NE(header_end, std::string::npos);
  std::string headers = raw.substr(0, header_end);
  for (unsigned char c : headers) ASSERT_LT(c, 0x80) << "raw 8-bit byte in the headers";
  EXPECT_NE(headers.find("Subject: =?"), std::string::npos) << headers;
  EXPECT_NE(headers.find("Message-Id: <overdue.HENDA.20260731.0a1b2c3d@harbourlight.example>"),
            std::string::npos)
      << headers;
  EXPECT_NE(headers.find("In-Reply-To: <CAF=abc123@mail.henda.sg>"), std::string::npos);
  EXPECT_NE(headers.find("Date: Fri, 31 Jul 2026 08:00:00 +0000"), std::string::npos) << headers;
  // Every line ends in CRLF and none is longer than RFC 5322's 998 characters.
  size_t start = 0;
  while (start < raw.size()) {
    size_t end = raw.find('\n', start);
    ASSERT_NE(end, std::string::npos) << "the message ends without a line end";
    ASSERT_GT(end, start > 0 ? start - 1 : 0);
    ASSERT_EQ(raw[end - 1], '\r') << "bare LF at byte " << end;
    ASSERT_LE(end - start, 1000u);
    start = end + 1;
  }
  for (unsigned char c : raw) ASSERT_LT(c, 0x80) << "the whole message is 7-bit (base64 bodies)";
}

TEST(Mime, WithoutAttachmentsOrHtmlTheBodyIsASingleTextPart) {
  OutgoingMessage m = sample();
  m.attachments.clear();
  m.html_alternative = false;
  std::string raw = build_message(m);
  EXPECT_EQ(raw.find("multipart"), std::string::npos) << raw;
  auto p = parse_message(raw);
  ASSERT_TRUE(p);
  EXPECT_EQ(p.value().text, m.text);
  EXPECT_TRUE(p.value().attachments.empty());
}

TEST(Mime, MailboxesParseAndBadAddressesAreErrors) {
  auto ok = parse_mailboxes("\"Wang, Lei\" <Lei.Wang@Example.com>, b@c.org");
  ASSERT_TRUE(ok) << ok.error().message;
  ASSERT_EQ(ok.value().size(), 2u);
  EXPECT_EQ(ok.value()[0].name, "Wang, Lei");
  EXPECT_EQ(ok.value()[0].address, "lei.wang@example.com");
  EXPECT_FALSE(parse_mailboxes("not an address"));
  EXPECT_FALSE(parse_mailboxes(""));
}

TEST(Mime, GarbageIsNotAMessageButNeverCrashes) {
  for (std::string junk : {std::string(), std::string("\xff\xfe\x00\x01", 4), std::string(100000, '\n')}) {
    auto p = parse_message(junk);
    if (p) {
      EXPECT_TRUE(p.value().subject.empty());
    }
  }
}

}  // namespace
}  // namespace overdue::mail
