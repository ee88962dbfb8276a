// Adding CRM records (deal, company, lead, contact) by hand.
#pragma once

#include "core/context.hpp"

namespace tally::core {

// Validates and writes a record. An empty id gets a generated one; an empty
// owner is the acting person; an empty deal stage is the funnel's first stage;
// an empty currency is the store's. Returns the record as written.
Record add_record(Context& ctx, Record record);

// Finds a record by its exact ID or a unique prefix of it.
Record resolve_record(const Store& store, RecordKind kind, std::string_view typed);

}  // namespace tally::core
