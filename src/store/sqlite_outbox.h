// SQLite implementation of the outbox, on the store's connection.
#pragma once

#include <memory>

#include "store/outbox.h"

namespace SQLite {
class Database;
}

namespace overdue::store {

std::unique_ptr<Outbox> make_sqlite_outbox(SQLite::Database& db);

}  // namespace overdue::store
