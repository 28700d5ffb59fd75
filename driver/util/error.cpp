#include "util/error.h"

// Error is header-only; this file keeps dbsql_core non-empty while other layers grow.
