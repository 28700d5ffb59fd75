#pragma once
// One statement from submit to a terminal state: POST with a short server-side wait, then
// polling with backoff; cancel (the caller's token) and the query deadline both cancel on
// the server and wait for it to confirm; FAILED / CANCELED / CLOSED become Errors;
// SUCCEEDED becomes an Execution.
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "sea/api_client.h"
#include "sea/client.h"
#include "sea/response.h"
#include "sea/response_parser.h"

namespace dbsql::sea {

// The submit's wait_timeout: "10s" normally; shorter when the deadline is nearer, so a
// short query timeout is honoured by polling instead of inside one long POST.
std::string wait_timeout_for(std::optional<std::chrono::steady_clock::time_point> deadline,
                             std::chrono::steady_clock::time_point now);

class StatementLifecycle {
 public:
  StatementLifecycle(std::shared_ptr<const ApiClient> api, const ExecuteRequest& request,
                     const CancelToken& cancel);

  std::unique_ptr<Execution> run();

 private:
  StatementResponse submit();
  StatementResponse poll(const CancelToken* cancel);
  StatementResponse parse(http::Response response, Operation op);
  Error malformed(Operation op, const MalformedResponse& e) const;
  void wait_until_terminal(StatementResponse& response);
  bool past_deadline() const;
  [[noreturn]] void cancel_on_server(const std::string& sqlstate, const std::string& message);
  void post_cancel() noexcept;
  std::unique_ptr<Execution> succeeded(StatementResponse response);
  std::unique_ptr<Execution> take_result(StatementResponse response);
  [[noreturn]] void unsuccessful(const StatementResponse& response);

  std::shared_ptr<const ApiClient> api_;
  const ExecuteRequest& request_;
  const CancelToken& cancel_;
  http::Clock& clock_;
  ResponseParser parser_;
  std::string statement_id_;
};

}  // namespace dbsql::sea
