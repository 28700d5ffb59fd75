#pragma once
// The one table of connection keys: canonical (Simba-compatible) name, alias, secret flag,
// documented default and how the value lands in Settings. Adding a key is one line in
// keys.cpp. Keys that several others decide together (host and port, warehouse, sign-in)
// are marked kResolver and read by resolve.cpp.
#include <span>
#include <string_view>

#include "config/settings.h"
#include "config/values.h"

namespace dbsql::config {

enum class KeyKind {
  kSetting,   // sets Settings through `apply`
  kResolver,  // read by the resolver together with other keys, or by the driver manager
  kIgnored,   // sent by BI tools for the vendor driver; accepted and logged, no effect
};

using ApplyFn = void (*)(Settings&, const KeyValue&);

struct KeySpec {
  std::string_view name;   // canonical spelling
  std::string_view alias;  // another accepted spelling, or empty
  KeyKind kind;
  bool secret;
  std::string_view default_value;  // what the driver uses when the key is absent (docs)
  ApplyFn apply;                   // kSetting only
};

std::span<const KeySpec> key_table();

// The key named `name` or its alias, case-insensitively; SSP_<anything> (server-side
// properties of the vendor driver) is an ignored key. nullptr for unknown keys.
const KeySpec* find_key(std::string_view name);

}  // namespace dbsql::config
