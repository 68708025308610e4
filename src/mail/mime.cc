#include "mail/mime.h"

#include <gmime/gmime.h>

#include <algorithm>
#include <memory>
#include <mutex>

namespace overdue::mail {
namespace {

void init_gmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

// Owns a GObject reference.
struct Unref {
  void operator()(void* p) const {
    if (p) g_object_unref(p);
  }
};
template <typename T>
using Ref = std::unique_ptr<T, Unref>;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::vector<Mailbox> mailboxes_of(InternetAddressList* list) {
  std::vector<Mailbox> out;
  if (!list) return out;
  int n = internet_address_list_length(list);
  for (int i = 0; i < n; ++i) {
    InternetAddress* a = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_MAILBOX(a)) {
      const char* name = internet_address_get_name(a);
      const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a));
      out.push_back(Mailbox{name ? name : "", lower(addr ? addr : "")});
    } else if (INTERNET_ADDRESS_IS_GROUP(a)) {
      auto members = mailboxes_of(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a)));
      out.insert(out.end(), members.begin(), members.end());
    }
  }
  return out;
}

void add_mailboxes(GMimeMessage* msg, GMimeAddressType type, const std::vector<std::string>& list) {
  InternetAddressList* target = g_mime_message_get_addresses(msg, type);
  for (const auto& text : list) {
    Ref<InternetAddressList> parsed(internet_address_list_parse(nullptr, text.c_str()));
    if (parsed) internet_address_list_append(target, parsed.get());
  }
}

GMimePart* data_part(const std::string& type, const std::string& subtype, const std::string& data,
                     GMimeContentEncoding encoding) {
  GMimePart* part = g_mime_part_new_with_type(type.c_str(), subtype.c_str());
  Ref<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(data.data(), data.size()));
  Ref<GMimeDataWrapper> wrapper(
      g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
  g_mime_part_set_content(part, wrapper.get());
  g_mime_part_set_content_encoding(part, encoding);
  return part;
}

std::string html_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// The text laid out as-is in a monospace block, so the facts keep their alignment.
std::string html_of(const std::string& text) {
  return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n"
         "<pre style=\"font-family: monospace; white-space: pre-wrap\">" + html_escape(text) +
         "</pre>\n</body></html>\n";
}

std::string part_text(GMimeObject* obj) {
  if (!GMIME_IS_TEXT_PART(obj)) return "";
  char* text = g_mime_text_part_get_text(GMIME_TEXT_PART(obj));
  std::string out = text ? text : "";
  g_free(text);
  return out;
}

std::string part_bytes(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (!content) return "";
  Ref<GMimeStream> mem(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, mem.get());
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem.get()));
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

void collect(GMimeObject* obj, ParsedMessage& out) {
  if (GMIME_IS_MULTIPART(obj)) {
    GMimeMultipart* mp = GMIME_MULTIPART(obj);
    int n = g_mime_multipart_get_count(mp);
    for (int i = 0; i < n; ++i) collect(g_mime_multipart_get_part(mp, i), out);
    return;
  }
  if (GMIME_IS_MESSAGE_PART(obj)) return;  // a forwarded message: not this message's text
  if (!GMIME_IS_PART(obj)) return;
  GMimePart* part = GMIME_PART(obj);
  GMimeContentType* ct = g_mime_object_get_content_type(obj);
  std::string type = lower(g_mime_content_type_get_media_type(ct) ? g_mime_content_type_get_media_type(ct) : "");
  std::string subtype = lower(g_mime_content_type_get_media_subtype(ct) ? g_mime_content_type_get_media_subtype(ct) : "");
  const char* filename = g_mime_part_get_filename(part);
  bool attachment = filename != nullptr || g_mime_part_is_attachment(part);
  if (!attachment && type == "text" && subtype == "plain" && out.text.empty()) {
    out.text = part_text(obj);
  } else if (!attachment && type == "text" && subtype == "html" && out.html.empty()) {
    out.html = part_text(obj);
  } else {
    out.attachments.push_back(Attachment{filename ? filename : "", type + "/" + subtype,
                                         part_bytes(part)});
  }
}

std::string bracketed(const std::string& id) { return "<" + id + ">"; }

}  // namespace

std::string mailbox_text(const std::string& name, const std::string& address) {
  if (name.empty()) return address;
  init_gmime();
  Ref<InternetAddress> a(internet_address_mailbox_new(name.c_str(), address.c_str()));
  char* text = internet_address_to_string(a.get(), nullptr, FALSE);
  std::string out = text ? text : address;
  g_free(text);
  return out;
}

std::string build_message(const OutgoingMessage& m) {
  init_gmime();
  Ref<GMimeMessage> msg(g_mime_message_new(TRUE));
  GMimeObject* obj = GMIME_OBJECT(msg.get());
  add_mailboxes(msg.get(), GMIME_ADDRESS_TYPE_FROM, {m.from});
  add_mailboxes(msg.get(), GMIME_ADDRESS_TYPE_TO, m.to);
  add_mailboxes(msg.get(), GMIME_ADDRESS_TYPE_CC, m.cc);
  if (!m.reply_to.empty()) add_mailboxes(msg.get(), GMIME_ADDRESS_TYPE_REPLY_TO, {m.reply_to});
  g_mime_message_set_subject(msg.get(), m.subject.c_str(), "utf-8");
  g_mime_message_set_message_id(msg.get(), m.message_id.c_str());
  if (!m.in_reply_to.empty()) {
    g_mime_object_set_header(obj, "In-Reply-To", bracketed(m.in_reply_to).c_str(), nullptr);
  }
  if (!m.references.empty()) {
    std::string refs;
    size_t start = 0;
    while (start < m.references.size()) {
      size_t end = m.references.find(' ', start);
      if (end == std::string::npos) end = m.references.size();
      if (end > start) refs += (refs.empty() ? "" : " ") + bracketed(m.references.substr(start, end - start));
      start = end + 1;
    }
    g_mime_object_set_header(obj, "References", refs.c_str(), nullptr);
  }
  GDateTime* date = g_date_time_new_from_unix_utc(m.date_unix);
  g_mime_message_set_date(msg.get(), date);
  g_date_time_unref(date);

  // Base64 keeps every line of a Chinese letter short and 7-bit; quoted-printable would do for
  // English but base64 is one rule for both.
  Ref<GMimeTextPart> text(g_mime_text_part_new_with_subtype("plain"));
  g_mime_text_part_set_text(text.get(), m.text.c_str());
  g_mime_text_part_set_charset(text.get(), "utf-8");
  g_mime_part_set_content_encoding(GMIME_PART(text.get()), GMIME_CONTENT_ENCODING_BASE64);
  GMimeObject* body = GMIME_OBJECT(text.get());
  Ref<GMimeMultipart> alternative;
  Ref<GMimeTextPart> html;
  if (m.html_alternative) {
    alternative.reset(g_mime_multipart_new_with_subtype("alternative"));
    html.reset(g_mime_text_part_new_with_subtype("html"));
    g_mime_text_part_set_text(html.get(), html_of(m.text).c_str());
    g_mime_text_part_set_charset(html.get(), "utf-8");
    g_mime_part_set_content_encoding(GMIME_PART(html.get()), GMIME_CONTENT_ENCODING_BASE64);
    g_mime_multipart_add(alternative.get(), GMIME_OBJECT(text.get()));
    g_mime_multipart_add(alternative.get(), GMIME_OBJECT(html.get()));
    body = GMIME_OBJECT(alternative.get());
  }
  Ref<GMimeMultipart> mixed;
  std::vector<Ref<GMimePart>> parts;
  if (!m.attachments.empty()) {
    mixed.reset(g_mime_multipart_new_with_subtype("mixed"));
    g_mime_multipart_add(mixed.get(), body);
    for (const auto& a : m.attachments) {
      auto slash = a.content_type.find('/');
      std::string type = a.content_type.substr(0, slash);
      std::string subtype = slash == std::string::npos ? "octet-stream" : a.content_type.substr(slash + 1);
      Ref<GMimePart> part(data_part(type, subtype, a.data, GMIME_CONTENT_ENCODING_BASE64));
      if (type == "text") {
        g_mime_object_set_content_type_parameter(GMIME_OBJECT(part.get()), "charset", "utf-8");
      }
      g_mime_part_set_filename(part.get(), a.filename.c_str());
      g_mime_multipart_add(mixed.get(), GMIME_OBJECT(part.get()));
      parts.push_back(std::move(part));
    }
    body = GMIME_OBJECT(mixed.get());
  }
  g_mime_message_set_mime_part(msg.get(), body);

  GMimeFormatOptions* options = g_mime_format_options_clone(nullptr);
  g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS);
  char* bytes = g_mime_object_to_string(obj, options);
  g_mime_format_options_free(options);
  std::string out = bytes ? bytes : "";
  g_free(bytes);
  return out;
}

Result<ParsedMessage> parse_message(const std::string& raw) {
  init_gmime();
  Ref<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.data(), raw.size()));
  Ref<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  Ref<GMimeMessage> msg(g_mime_parser_construct_message(parser.get(), nullptr));
  if (!msg) return Error{"not a MIME message (no headers could be read)"};
  ParsedMessage out;
  auto header = [&](const char* name) {
    const char* v = g_mime_object_get_header(GMIME_OBJECT(msg.get()), name);
    return std::string(v ? v : "");
  };
  if (const char* id = g_mime_message_get_message_id(msg.get())) out.message_id = id;
  auto strip = [](std::string s) {
    s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == '<' || c == '>' || c == '\r' || c == '\n'; }), s.end());
    while (!s.empty() && s.front() == ' ') s.erase(s.begin());
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
  };
  out.in_reply_to = strip(header("In-Reply-To"));
  out.references = strip(header("References"));
  if (const char* subject = g_mime_message_get_subject(msg.get())) out.subject = subject;
  out.from = mailboxes_of(g_mime_message_get_from(msg.get()));
  out.to = mailboxes_of(g_mime_message_get_to(msg.get()));
  out.cc = mailboxes_of(g_mime_message_get_cc(msg.get()));
  out.reply_to = mailboxes_of(g_mime_message_get_reply_to(msg.get()));
  GMimeHeaderList* headers = g_mime_object_get_header_list(GMIME_OBJECT(msg.get()));
  int count = g_mime_header_list_get_count(headers);
  for (int i = 0; i < count; ++i) {
    GMimeHeader* h = g_mime_header_list_get_header_at(headers, i);
    const char* name = g_mime_header_get_name(h);
    const char* value = g_mime_header_get_value(h);
    char* decoded = value ? g_mime_utils_header_decode_text(nullptr, value) : nullptr;
    out.headers.emplace_back(name ? name : "", decoded ? decoded : "");
    g_free(decoded);
  }
  if (GDateTime* date = g_mime_message_get_date(msg.get())) {
    out.has_date = true;
    out.year = g_date_time_get_year(date);
    out.month = g_date_time_get_month(date);
    out.day = g_date_time_get_day_of_month(date);
    out.date_unix = g_date_time_to_unix(date);
  }
  if (GMimeObject* body = g_mime_message_get_mime_part(msg.get())) collect(body, out);
  return out;
}

std::string header_value(const ParsedMessage& m, std::string_view name) {
  for (const auto& [n, v] : m.headers) {
    if (n.size() == name.size() &&
        std::equal(n.begin(), n.end(), name.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        })) {
      return v;
    }
  }
  return "";
}

Result<std::vector<Mailbox>> parse_mailboxes(const std::string& text) {
  init_gmime();
  Ref<InternetAddressList> list(internet_address_list_parse(nullptr, text.c_str()));
  auto out = mailboxes_of(list.get());
  if (out.empty()) return Error{"\"" + text + "\" is not an e-mail address"};
  for (const auto& m : out) {
    if (m.address.find('@') == std::string::npos) {
      return Error{"\"" + text + "\": \"" + m.address + "\" is not an e-mail address"};
    }
  }
  return out;
}

}  // namespace overdue::mail
