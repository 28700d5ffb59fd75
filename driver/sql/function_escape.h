#pragma once
// Internal to the sql layer: {fn NAME(args)} → Databricks SQL, from the table in
// sql/scalar_functions.h.
#include <string_view>
#include <vector>

#include "sql/fragment.h"

namespace dbsql::sql {

// `args` are the translated, trimmed arguments split at top-level commas (empty for
// NAME() and for NAME without parentheses, which `has_parens` tells apart). A name not in
// the table comes back as NAME(args) for the server to judge.
Fragment translate_function(std::string_view name, std::vector<Fragment>& args, bool has_parens,
                            const EscapeSite& site);

}  // namespace dbsql::sql
