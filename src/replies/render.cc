#include "replies/render.h"

#include <fmt/format.h>

namespace overdue::replies {
namespace {

std::string money_text(const Money& m) { return m.str(); }

std::string references_text(const std::vector<Reference>& refs) {
  std::string out;
  for (const auto& r : refs) {
    if (!out.empty()) out += ", ";
    out += std::string(to_string(r.kind)) + " " + r.value;
  }
  return out.empty() ? "-" : out;
}

}  // namespace

void append_json_string_or_null(std::string& out, std::string_view s) {
  if (s.empty()) {
    out += "null";
  } else {
    append_json_string(out, s);
  }
}

void append_json_string(std::string& out, std::string_view s) {
  out.push_back('"');
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += fmt::format("\\u{:04x}", c);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
}

void append_json(std::string& out, const Classification& c, std::string_view id) {
  out.push_back('{');
  if (!id.empty()) {
    out += "\"id\":";
    append_json_string(out, id);
    out.push_back(',');
  }
  out += "\"reason\":\"";
  out += to_string(c.reason);
  out += fmt::format("\",\"confidence\":{:.3f},\"promise_date\":", c.confidence);
  if (c.promise_date) {
    out += "\"" + c.promise_date->iso() + "\"";
  } else {
    out += "null";
  }
  out += ",\"promise_amount\":";
  if (c.promise_amount) {
    out += fmt::format("{{\"amount\":\"{}\",\"currency\":\"{}\"}}", c.promise_amount->plain(),
                       c.promise_amount->currency().code());
  } else {
    out += "null";
  }
  out += ",\"invoices\":[";
  for (std::size_t i = 0; i < c.invoices.size(); ++i) {
    if (i) out.push_back(',');
    append_json_string(out, c.invoices[i]);
  }
  out += "],\"references\":[";
  for (std::size_t i = 0; i < c.references.size(); ++i) {
    if (i) out.push_back(',');
    out += "{\"type\":\"";
    out += to_string(c.references[i].kind);
    out += "\",\"value\":";
    append_json_string(out, c.references[i].value);
    out.push_back('}');
  }
  out += "],\"redirect\":";
  if (c.redirect) {
    out += "{\"name\":";
    append_json_string_or_null(out, c.redirect->name);
    out += ",\"email\":";
    append_json_string_or_null(out, c.redirect->email);
    out.push_back('}');
  } else {
    out += "null";
  }
  out += ",\"why\":";
  append_json_string(out, c.why);
  out.push_back('}');
}

std::string render_text(const Classification& c) {
  std::string redirect = "-";
  if (c.redirect) {
    redirect = c.redirect->name;
    if (!c.redirect->email.empty()) {
      redirect += (redirect.empty() ? "" : " ") + std::string("<") + c.redirect->email + ">";
    }
  }
  std::string invoices;
  for (const auto& i : c.invoices) invoices += (invoices.empty() ? "" : ", ") + i;
  return fmt::format(
      "reason          {}\nconfidence      {:.2f}\npromise_date    {}\npromise_amount  {}\n"
      "invoices        {}\nreferences      {}\nredirect        {}\nwhy             {}\n",
      to_string(c.reason), c.confidence, c.promise_date ? c.promise_date->iso() : "-",
      c.promise_amount ? money_text(*c.promise_amount) : "-", invoices.empty() ? "-" : invoices,
      references_text(c.references), redirect, c.why);
}

}  // namespace overdue::replies
