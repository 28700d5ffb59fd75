#include "sea/client.h"

#include "sea/api_client.h"
#include "sea/lifecycle.h"
#include "sea/response_parser.h"

namespace dbsql::sea {

struct Client::Impl {
  // Shared with every Execution, which may outlive this Client's own calls.
  std::shared_ptr<const ApiClient> api;
};

Client::Client(http::HttpClient& http, auth::TokenSource& tokens, ClientOptions options)
    : impl_(std::make_unique<Impl>(
          Impl{std::make_shared<const ApiClient>(http, tokens, std::move(options))})) {}

Client::~Client() = default;

WarehouseInfo Client::get_warehouse(const CancelToken* cancel) {
  const ApiClient& api = *impl_->api;
  const std::string& id = api.options().warehouse_id;
  if (id.empty())
    throw Error("08001", "No warehouse id: set HTTPPath=/sql/1.0/warehouses/<id> or WarehouseId.");
  http::Response response = api.call(ApiCall{.method = "GET",
                                             .path = "/api/2.0/sql/warehouses/" + id,
                                             .op = Operation::kConnect,
                                             .cancel = cancel});
  if (response.status != 200) throw http_error(response, Operation::kConnect, id, api.origin());
  try {
    return parse_warehouse(response.body);
  } catch (const MalformedResponse& e) {
    throw Error("08001", "The answer of " + api.origin() +
                             " to the warehouse check is not Databricks JSON (" + e.what() +
                             "): check Host and Port.");
  }
}

std::unique_ptr<Execution> Client::execute(const ExecuteRequest& request,
                                           const CancelToken& cancel) {
  return StatementLifecycle(impl_->api, request, cancel).run();
}

}  // namespace dbsql::sea
