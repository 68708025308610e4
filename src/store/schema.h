// Numbered schema migrations, embedded in the binary; applied in order on open.
#pragma once

#include <string_view>
#include <vector>

namespace overdue::store {

// Migration i (0-based) brings the schema from PRAGMA user_version i to i + 1.
const std::vector<std::string_view>& sqlite_migrations();

}  // namespace overdue::store
