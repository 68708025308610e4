// A buyer's reply without what it quotes: the history under "On … wrote:", Outlook / Gmail /
// Foxmail / QQ Mail header blocks ("From:" / "发件人:"), "-----Original Message-----" lines, ">"
// lines, and the signature under "-- ". What is left is what the buyer wrote now.
#pragma once

#include <string>
#include <string_view>

namespace overdue::replies {

struct StrippedReply {
  std::string text;  // the new part
  std::string cut_by;  // what ended it ("On … wrote:", "发件人:", …), empty when nothing was cut
};

StrippedReply strip_quoted(std::string_view text);

// Text from HTML: tags dropped, block elements and <br> as line breaks, entities decoded,
// <style>/<script> skipped, blockquotes (quoted history) dropped.
std::string html_to_text(std::string_view html);

}  // namespace overdue::replies
