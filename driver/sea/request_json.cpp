#include "sea/request_json.h"

#include "auth/flat_json.h"

namespace dbsql::sea {
namespace {

void append_field(std::string& out, std::string_view name, std::string_view value) {
  if (out.back() != '{') out += ',';
  append_json_string(out, name);
  out += ':';
  append_json_string(out, value);
}

void append_key(std::string& out, std::string_view name) {
  if (out.back() != '{') out += ',';
  append_json_string(out, name);
  out += ':';
}

void append_parameters(std::string& out, const std::vector<Parameter>& parameters) {
  append_key(out, "parameters");
  out += '[';
  for (size_t i = 0; i < parameters.size(); ++i) {
    const Parameter& p = parameters[i];
    if (i) out += ',';
    out += '{';
    append_field(out, "name", p.name);
    // An absent value is SQL NULL, as the API documents.
    if (p.value) append_field(out, "value", *p.value);
    if (!p.type.empty()) append_field(out, "type", p.type);
    out += '}';
  }
  out += ']';
}

void append_query_tags(std::string& out,
                       const std::vector<std::pair<std::string, std::string>>& tags) {
  append_key(out, "query_tags");
  out += '[';
  for (size_t i = 0; i < tags.size(); ++i) {
    if (i) out += ',';
    out += '{';
    append_field(out, "key", tags[i].first);
    if (!tags[i].second.empty()) append_field(out, "value", tags[i].second);
    out += '}';
  }
  out += ']';
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += auth::json_quote(text);
}

std::string execute_body(const ExecuteRequest& request, std::string_view warehouse_id,
                         std::string_view wait_timeout) {
  std::string out;
  out.reserve(request.statement.size() + 256);
  out += '{';
  append_field(out, "statement", request.statement);
  append_field(out, "warehouse_id", warehouse_id);
  if (!request.catalog.empty()) append_field(out, "catalog", request.catalog);
  if (!request.schema.empty()) append_field(out, "schema", request.schema);
  if (!request.parameters.empty()) append_parameters(out, request.parameters);
  append_field(out, "wait_timeout", wait_timeout);
  append_field(out, "on_wait_timeout", "CONTINUE");
  append_field(out, "disposition",
               request.disposition == Disposition::kInline ? "INLINE" : "EXTERNAL_LINKS");
  append_field(out, "format", "JSON_ARRAY");
  if (request.row_limit) {
    append_key(out, "row_limit");
    out += std::to_string(*request.row_limit);
  }
  if (!request.query_tags.empty()) append_query_tags(out, request.query_tags);
  out += '}';
  return out;
}

}  // namespace dbsql::sea
