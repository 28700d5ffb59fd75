#pragma once
// Everything that goes wrong talking to the Statement Execution API, turned into an Error
// with the right SQLSTATE and a message saying what happened and what to do. Server
// messages are passed on; tokens and presigned URLs never appear.
#include <optional>
#include <string>
#include <string_view>

#include "http/http_client.h"
#include "sea/response.h"
#include "util/error.h"

namespace dbsql::sea {

// Said of a submit whose answer was lost or unreadable: it may still have run, it is never
// sent again (http::Replay::kOnlyIfRefused), and only the user can tell whether to rerun it.
inline constexpr const char* kSubmitMayHaveRun =
    " The statement may have run on the warehouse; it was not sent again. Check its effect "
    "before running it again.";

// What a request was for: decides the SQLSTATE family and the wording.
enum class Operation {
  kConnect,     // GET /warehouses/{id} while connecting: failures are 08001 / 28000
  kSubmit,      // POST /statements
  kPoll,        // GET /statements/{id}
  kCancel,      // POST /statements/{id}/cancel
  kFetchChunk,  // GET /statements/{id}/result/chunks/{n}
  kDownload,    // GET of a presigned external link
};

// "SQLSTATE: 42601" (or "SQLSTATE 42601") inside a server message.
std::optional<std::string> sqlstate_in_message(std::string_view message);

// "scheme://host[:port]" of a URL, without path or query (safe to show).
std::string origin_of(std::string_view url);

// A statement that ended FAILED: SQLSTATE from status.sql_state, else from the message,
// else 42000 for BAD_REQUEST (how compile errors are reported), else HY000.
Error statement_failed(const StatementStatus& status, std::string_view statement_id);

// A non-success HTTP answer that retries did not cure. `subject` names what was asked for
// (warehouse id, statement id, "chunk 3 of statement ...").
Error http_error(const http::Response& response, Operation op, std::string_view subject,
                 std::string_view origin);

// A request that got no HTTP answer at all.
Error transport_error(const http::TransportError& error, Operation op, std::string_view origin);

}  // namespace dbsql::sea
