#pragma once
// Hand parsing of DATE / TIMESTAMP / time text into fields (no regex, no allocation).
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace dbsql::convert {

struct DateTimeValue {
  bool has_date = false;
  bool has_time = false;
  int year = 0, month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
  uint32_t nanos = 0;         // fraction of a second in nanoseconds
  std::string_view fraction;  // the fraction digits as written (for character output)
};

// yyyy-mm-dd
bool parse_date(std::string_view text, DateTimeValue* out);

// yyyy-mm-dd('T'|' ')hh:mm:ss[.f{1,9}][Z|±hh[:mm]|±hhmm]. The offset is read and
// ignored: TIMESTAMP values arrive in the session time zone (e.g.
// "2021-06-15T12:34:56.789-07:00") and the driver returns that wall-clock value as sent,
// which is what the same query shows in the Databricks UI and what the vendor drivers
// return. Converting to UTC or to the client's zone would make the value depend on
// where the client runs.
bool parse_timestamp(std::string_view text, DateTimeValue* out);

// Character data converted to a datetime C type: a timestamp, a date or a time
// (hh:mm:ss[.f]), with surrounding spaces ignored. Which parts were present is in
// has_date / has_time.
bool parse_any_datetime(std::string_view text, DateTimeValue* out);

// ODBC's character form of a timestamp: "yyyy-mm-dd hh:mm:ss[.fff]" with the fraction
// digits as the server sent them. `out` must hold 30 bytes; returns the length.
size_t format_timestamp(const DateTimeValue& v, char* out);
// "yyyy-mm-dd"; `out` must hold 10 bytes.
size_t format_date(const DateTimeValue& v, char* out);

// Today's date in the client's local time zone, for time-only text converted to a
// timestamp (ODBC: the date fields are the current date).
void current_date(DateTimeValue* v);

}  // namespace dbsql::convert
