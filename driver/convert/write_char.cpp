// Any column → SQL_C_CHAR / SQL_C_WCHAR. Numbers are the server's text; booleans are
// "1"/"0" (ODBC's character form of SQL_BIT); dates and timestamps are ODBC's
// "yyyy-mm-dd hh:mm:ss[.f]" (the session offset dropped, like the struct conversions);
// intervals are the ANSI body of the column's qualifier; binary is hexadecimal.
#include "convert/datetime_text.h"
#include "convert/interval_text.h"
#include "convert/output.h"
#include "convert/writers.h"

namespace dbsql::convert {
namespace {

// Characters before the point: what must fit for a number not to be out of range.
// Text with an exponent or NaN/Infinity cannot be shortened, so all of it must fit.
size_t whole_part_length(std::string_view text) {
  size_t point = text.size();
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return text.size();
    if (c == '.' && point == text.size()) point = i;
  }
  return point;
}

// The text to output and the characters that must fit in the buffer (ODBC's 22003
// rules: the whole digits of a number, a full date, a timestamp up to its seconds).
struct Rendering {
  std::string_view text;
  size_t must_fit = 0;
  Status status;  // an error while reading the cell
};

Rendering render(const SqlTypeInfo& column, std::string_view cell, char* buf) {
  Rendering r{cell, 0, success()};
  switch (column.kind) {
    case ValueKind::kBoolean: {
      NumberText n;
      bool truncated = false;
      r.status = read_number(column, cell, SQL_C_CHAR, &n, &truncated, buf);
      r.text = (n.int_digits == "1") ? "1" : "0";
      r.must_fit = 1;
      break;
    }
    case ValueKind::kTinyInt:
    case ValueKind::kSmallInt:
    case ValueKind::kInt:
    case ValueKind::kBigInt:
    case ValueKind::kFloat:
    case ValueKind::kDouble:
    case ValueKind::kDecimal:
      r.must_fit = whole_part_length(cell);
      break;
    case ValueKind::kDate: {
      DateTimeValue v;
      if (!parse_date(cell, &v)) {
        r.status = failure("22007",
                           "Invalid datetime format: the server sent a DATE value that "
                           "is not yyyy-mm-dd.");
        break;
      }
      r.text = std::string_view(buf, format_date(v, buf));
      r.must_fit = r.text.size();
      break;
    }
    case ValueKind::kTimestamp:
    case ValueKind::kTimestampNtz: {
      DateTimeValue v;
      if (!parse_timestamp(cell, &v)) {
        r.status =
            failure("22007", "Invalid datetime format: the server sent a " + column.type_name +
                                 " value that is not an ISO-8601 "
                                 "timestamp.");
        break;
      }
      r.text = std::string_view(buf, format_timestamp(v, buf));
      r.must_fit = 19;  // yyyy-mm-dd hh:mm:ss; only the fraction may be cut
      break;
    }
    case ValueKind::kIntervalYearMonth:
    case ValueKind::kIntervalDayTime: {
      // An unrecognised rendering is still useful as text: pass it through.
      IntervalValue v;
      if (parse_interval(cell, column.datetime_subcode, &v))
        r.text = std::string_view(buf, format_interval(v, column.datetime_subcode, buf));
      break;
    }
    default:
      break;
  }
  return r;
}

Status write_text(const SqlTypeInfo& column, std::string_view cell, const Target& t,
                  PieceState* piece, bool wide) {
  if (column.kind == ValueKind::kBinary) {
    Base64View b64;
    const bool first = piece == nullptr || piece->offset == 0;  // nothing returned yet
    if (!Base64View::parse(cell, &b64, first))
      return invalid_cast(column, t.c_type, "base64 text (how BINARY values arrive)");
    return put_hex(ByteSource{{}, &b64}, t, piece, wide);
  }
  char buf[80];
  const Rendering r = render(column, cell, buf);
  if (r.status.rc == SQL_ERROR) return r.status;
  const bool first = piece == nullptr || piece->offset == 0;  // nothing returned yet
  // A zero-length buffer is a length probe (as for text), not a range error.
  if (first && r.must_fit > 0 && t.data != nullptr && t.buffer_length > 0) {
    const SQLLEN unit = wide ? static_cast<SQLLEN>(sizeof(SQLWCHAR)) : 1;
    const SQLLEN room = t.buffer_length / unit - 1;  // characters besides the terminator
    if (room < static_cast<SQLLEN>(r.must_fit)) {
      return failure("22003", "Numeric value out of range: the " + column.type_name +
                                  " value needs " + std::to_string(r.must_fit + 1) +
                                  " characters (with the terminator) "
                                  "but the " +
                                  c_type_name(t.c_type) + " buffer holds " +
                                  std::to_string(room < 0 ? 0 : room + 1) +
                                  "; use a larger buffer.");
    }
  }
  return wide ? put_wide_text(r.text, t, piece) : put_text(r.text, t, piece);
}

}  // namespace

Status write_char(const SqlTypeInfo& column, std::string_view cell, const Target& t,
                  PieceState* piece) {
  return write_text(column, cell, t, piece, false);
}

Status write_wchar(const SqlTypeInfo& column, std::string_view cell, const Target& t,
                   PieceState* piece) {
  return write_text(column, cell, t, piece, true);
}

}  // namespace dbsql::convert
