#pragma once
// The renderers of render(), one per SQL class: each turns a Source into the wire value
// of its SQL type, or throws the SQLSTATE ODBC gives for the conversion.
#include <string>

#include "convert/number_text.h"
#include "params/params.h"
#include "params/source.h"
#include "params/types.h"

namespace dbsql::params {

struct Target {
  const ParamType& type;
  SqlInfo sql;
};

WireValue render_boolean(const Target& t, const Source& s);
WireValue render_integer(const Target& t, const Source& s);
WireValue render_floating(const Target& t, const Source& s);  // SQL_REAL, SQL_FLOAT, SQL_DOUBLE
WireValue render_decimal(const Target& t, const Source& s);
WireValue render_string(const Target& t, const Source& s);
WireValue render_binary(const Target& t, const Source& s);
WireValue render_guid(const Target& t, const Source& s);
WireValue render_date(const Target& t, const Source& s);
WireValue render_time(const Target& t, const Source& s);
WireValue render_timestamp(const Target& t, const Source& s);
WireValue render_interval(const Target& t, const Source& s);

// The wire type of a NULL of this SQL type (DECIMAL without a value to derive from:
// DECIMAL(38, digits) when the column size is 0).
std::string null_wire_type(const ParamType& type, const SqlInfo& sql);

// A numeric source (number, bit, single-field interval, or character data) as exact
// decimal text parsed into `out`, whose views point into `storage`. 22018 for character
// data that is not a numeric literal.
void number_of(const Target& t, const Source& s, std::string& storage, convert::NumberText* out);

// The character form of date / time / timestamp / interval / GUID sources, as a character
// SQL type receives it.
std::string datetime_text(const Source& s);
std::string interval_text(const Source& s);
std::string guid_text(const SQLGUID& g);

// The leading field of a single-field interval source as a signed number ("-12",
// "30.5" for SECOND).
std::string interval_number_text(const Source& s);

// Text → the qualifier's literal; also used for character input.
std::string interval_literal(const convert::IntervalValue& v, int code);

// Code points in UTF-8 text (the length checked against a character column size).
size_t char_count(const std::string& utf8);

}  // namespace dbsql::params
