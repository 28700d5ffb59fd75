#include "sql/function_escape.h"

#include <cctype>
#include <string>

#include "sql/scalar_functions.h"

namespace dbsql::sql {
namespace {

std::string label(const ScalarFunction& f) {
  return "{fn " + std::string(f.name) + "}";
}

std::string ordinal(size_t index) {
  return "argument " + std::to_string(index + 1);
}

Fragment pass_through(std::string_view name, const std::vector<Fragment>& args, bool has_parens) {
  Fragment out;
  out.append(name);
  if (!has_parens) return out;
  out.append("(");
  for (size_t k = 0; k < args.size(); ++k) {
    if (k != 0) out.append(", ");
    out.append(args[k]);
  }
  out.append(")");
  return out;
}

void check_arguments(const ScalarFunction& f, const std::vector<Fragment>& args,
                     const EscapeSite& site) {
  if (args.size() < f.min_args || args.size() > f.max_args) {
    std::string expected = std::to_string(f.min_args);
    if (f.max_args != f.min_args) expected += " or " + std::to_string(f.max_args);
    site.syntax_error(label(f) + " takes " + expected + " argument" + (f.max_args == 1 ? "" : "s") +
                      ", not " + std::to_string(args.size()));
  }
  for (size_t k = 0; k < args.size(); ++k) {
    if (args[k].text.empty()) site.syntax_error(ordinal(k) + " of " + label(f) + " is empty");
  }
}

// A keyword argument of the ODBC grammar (SQL_TSI_DAY, SQL_INTEGER): never a marker.
std::string_view keyword(const ScalarFunction& f, const std::vector<Fragment>& args, size_t index,
                         std::string_view example, const EscapeSite& site) {
  const Fragment& arg = args[index];
  if (arg.has_markers()) {
    site.syntax_error(ordinal(index) + " of " + label(f) + " must be a keyword such as " +
                      std::string(example) + ", not a parameter marker");
  }
  return arg.text;
}

// Whether `word` starts with `upper_prefix`, ignoring case.
bool starts_with(std::string_view word, std::string_view upper_prefix) {
  if (word.size() < upper_prefix.size()) return false;
  for (size_t i = 0; i < upper_prefix.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(word[i])) != upper_prefix[i]) return false;
  }
  return true;
}

bool starts_with_tsi(std::string_view word) {
  return starts_with(word, "SQL_TSI_");
}

bool is_frac_second(std::string_view word) {
  constexpr std::string_view kFracSecond = "SQL_TSI_FRAC_SECOND";
  return word.size() == kFracSecond.size() && starts_with(word, kFracSecond);
}

// SQL_TSI_DAY → DAY. A unit written without SQL_TSI_ is Databricks' own (MICROSECOND ...)
// and kept as written.
void translate_interval(const ScalarFunction& f, std::vector<Fragment>& args,
                        const EscapeSite& site) {
  const std::string_view unit = keyword(f, args, 0, "SQL_TSI_DAY", site);
  if (!starts_with_tsi(unit)) return;
  const IntervalUnit* found = find_interval_unit(unit);
  if (found == nullptr) {
    if (is_frac_second(unit)) {
      site.unsupported(label(f) +
                       " cannot use SQL_TSI_FRAC_SECOND: Databricks timestamps "
                       "have microsecond precision; use MICROSECOND as the unit instead");
    }
    site.syntax_error(label(f) + " has an unknown interval '" + std::string(unit) +
                      "'; use SQL_TSI_SECOND, _MINUTE, _HOUR, _DAY, _WEEK, _MONTH, _QUARTER "
                      "or _YEAR");
  }
  Fragment replaced;
  replaced.append(found->databricks);
  args[0] = std::move(replaced);
}

// SQL_INTEGER → INT, for CAST(x AS INT).
void translate_sql_type(const ScalarFunction& f, std::vector<Fragment>& args,
                        const EscapeSite& site) {
  const std::string_view type = keyword(f, args, 1, "SQL_INTEGER", site);
  const ConvertTarget* target = find_convert_target(type);
  if (target == nullptr) {
    site.syntax_error(label(f) + " cannot convert to '" + std::string(type) +
                      "': the second argument must be an ODBC SQL type such as SQL_INTEGER, "
                      "SQL_VARCHAR, SQL_DOUBLE or SQL_TYPE_TIMESTAMP");
  }
  Fragment replaced;
  replaced.append(target->databricks);
  args[1] = std::move(replaced);
}

Fragment expand(const ScalarFunction& f, const std::vector<Fragment>& args,
                const EscapeSite& site) {
  Fragment out;
  std::vector<unsigned> uses(args.size(), 0);
  const std::string_view tpl = f.translation;
  for (size_t i = 0; i < tpl.size(); ++i) {
    const char next = i + 1 < tpl.size() ? tpl[i + 1] : '\0';
    if (tpl[i] == '$' && next == '*') {
      for (size_t k = 0; k < args.size(); ++k) {
        if (k != 0) out.append(", ");
        out.append(args[k]);
        ++uses[k];
      }
      ++i;
    } else if (tpl[i] == '$' && next >= '1' && next <= '9') {
      const size_t k = static_cast<size_t>(next - '1');
      if (k < args.size()) {
        out.append(args[k]);
        ++uses[k];
      }
      ++i;
    } else {
      out.text.push_back(tpl[i]);
    }
  }
  // A dropped argument's marker would be a parameter the statement never uses.
  for (size_t k = 0; k < args.size(); ++k) {
    if (uses[k] == 0 && args[k].has_markers()) {
      site.syntax_error(ordinal(k) + " of " + label(f) +
                        " is not used in Databricks SQL and cannot be a parameter marker");
    }
  }
  return out;
}

}  // namespace

Fragment translate_function(std::string_view name, std::vector<Fragment>& args, bool has_parens,
                            const EscapeSite& site) {
  const ScalarFunction* f = find_scalar_function(name);
  if (f == nullptr) return pass_through(name, args, has_parens);
  check_arguments(*f, args, site);
  if (f->special == SpecialArgument::kInterval) translate_interval(*f, args, site);
  if (f->special == SpecialArgument::kSqlType) translate_sql_type(*f, args, site);
  return expand(*f, args, site);
}

}  // namespace dbsql::sql
