// SQLite implementation of the inbox, on the store's connection.
#pragma once

#include <memory>

#include "store/inbox.h"

namespace SQLite {
class Database;
}

namespace overdue::store {

std::unique_ptr<Inbox> make_sqlite_inbox(SQLite::Database& db);

}  // namespace overdue::store
