#include "warehouse_admin.h"

#include <stdexcept>

#include "http_plain.h"

namespace dbsql::odbc_test {
namespace {

long number_or(const std::string& text, long fallback) {
  return text.empty() ? fallback : std::stol(text);
}

}  // namespace

WarehouseAdmin::WarehouseAdmin(const Warehouse& warehouse)
    : host_(warehouse.host_name()), port_(warehouse.port()) {
  if (warehouse.tls()) throw std::logic_error("WarehouseAdmin needs a warehouse without --tls");
}

std::string WarehouseAdmin::call(const char* method, const std::string& path,
                                 const std::string& body) {
  HttpResult r = http_plain(host_, port_, method, path, body);
  if (r.status != 200) {
    throw std::runtime_error(std::string(method) + " " + path + " answered " +
                             std::to_string(r.status) + ": " + r.body);
  }
  return r.body;
}

void WarehouseAdmin::add_fault(const std::string& rule_json) {
  call("POST", "/_warehouse/faults", rule_json);
}

void WarehouseAdmin::clear_faults() {
  call("DELETE", "/_warehouse/faults");
}

std::vector<std::string> WarehouseAdmin::unfired_faults() {
  std::vector<std::string> unfired;
  for (std::string& rule : json_array_objects(call("GET", "/_warehouse/faults"), "faults"))
    if (json_field(rule, "remaining") == json_field(rule, "count")) unfired.push_back(std::move(rule));
  return unfired;
}

void WarehouseAdmin::set_config(const std::string& config_json) {
  call("POST", "/_warehouse/config", config_json);
}

std::vector<LoggedRequest> WarehouseAdmin::requests(long since) {
  std::string body = call("GET", "/_warehouse/requests?since=" + std::to_string(since));
  std::vector<LoggedRequest> out;
  for (const std::string& entry : json_array_objects(body, "requests")) {
    LoggedRequest r;
    r.raw = entry;
    r.seq = std::stol(json_field(entry, "seq"));
    r.listener = json_field(entry, "listener");
    r.method = json_field(entry, "method");
    r.path = json_field(entry, "path");
    r.status = json_field(entry, "status");
    r.has_authorization = json_field(entry, "has_authorization") == "true";
    r.statement_prefix = json_field(entry, "statement");
    r.statement_bytes = number_or(json_field(entry, "statement_bytes"), -1);
    r.parameter_count = number_or(json_field(entry, "parameter_count"), -1);
    out.push_back(std::move(r));
  }
  return out;
}

long WarehouseAdmin::last_seq() {
  auto all = requests();
  return all.empty() ? 0 : all.back().seq;
}

std::vector<std::string> json_array_objects(const std::string& json, const std::string& key) {
  std::vector<std::string> objects;
  std::size_t pos = json.find("\"" + key + "\"");
  if (pos == std::string::npos) return objects;
  pos = json.find('[', pos);
  if (pos == std::string::npos) return objects;
  int depth = 0;
  bool in_string = false;
  std::size_t start = 0;
  for (std::size_t i = pos + 1; i < json.size(); ++i) {
    char c = json[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{') {
      if (depth++ == 0) start = i;
    } else if (c == '}') {
      if (--depth == 0) objects.push_back(json.substr(start, i - start + 1));
    } else if (c == ']' && depth == 0) {
      break;
    }
  }
  return objects;
}

}  // namespace dbsql::odbc_test
