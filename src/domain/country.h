// ISO 3166-1 alpha-2 country codes.
#pragma once

#include <string_view>

namespace overdue {

// True for an assigned ISO 3166-1 alpha-2 code in upper case ("DE", "CN", "TW").
bool is_iso_country(std::string_view code);

}  // namespace overdue
