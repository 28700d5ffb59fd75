#include "sea/errors.h"

#include <cctype>

#include "sea/response_parser.h"
#include "util/secrets.h"

namespace dbsql::sea {
namespace {

constexpr size_t kMaxServerText = 500;

bool is_sqlstate(std::string_view text) {
  if (text.size() != 5) return false;
  for (char c : text)
    if (!std::isdigit(static_cast<unsigned char>(c)) &&
        !std::isupper(static_cast<unsigned char>(c)))
      return false;
  return true;
}

std::string trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return std::string(text);
}

// Printable text of a non-JSON body (a proxy's HTML page, a gateway's plain text), cut short.
std::string printable(std::string_view text) {
  std::string out;
  for (char c : text.substr(0, kMaxServerText))
    out += (static_cast<unsigned char>(c) < 0x20) ? ' ' : c;
  return trim(out);
}

// Cloud storage error bodies can echo the request's signature and string-to-sign, so
// only their error code is shown.
std::string storage_code(std::string_view body) {
  const size_t open = body.find("<Code>");
  if (open == std::string_view::npos) return {};
  const size_t start = open + 6;
  const size_t close = body.find("</Code>", start);
  if (close == std::string_view::npos || close - start > 100) return {};
  return printable(body.substr(start, close - start));
}

// The server's own words for a refused request.
std::string server_message(const http::Response& response, Operation op) {
  if (op == Operation::kDownload) return storage_code(response.body);
  if (auto error = parse_api_error(response.body)) {
    std::string message = trim(error->message);
    if (!error->error_code.empty() &&
        !std::isdigit(static_cast<unsigned char>(error->error_code[0])))
      message = message.empty() ? error->error_code : error->error_code + ": " + message;
    if (!message.empty()) return message;
  }
  if (auto reason = response.header("x-databricks-reason-phrase")) return printable(*reason);
  return printable(response.body);
}

// The server's words may echo what it was sent (a gateway's error page quoting the
// request's Authorization header, a message quoting the token): masked like a log line.
std::string with_server_text(std::string message, const std::string& server) {
  if (!server.empty()) message += " The server said: " + util::mask_secrets(server);
  return message;
}

const char* what_for(Operation op) {
  switch (op) {
    case Operation::kConnect:
      return "checking the warehouse";
    case Operation::kSubmit:
      return "submitting the statement";
    case Operation::kPoll:
      return "waiting for the statement";
    case Operation::kCancel:
      return "cancelling the statement";
    case Operation::kFetchChunk:
      return "fetching a result chunk";
    case Operation::kDownload:
      return "downloading a result chunk from cloud storage";
  }
  return "talking to the server";
}

}  // namespace

std::optional<std::string> sqlstate_in_message(std::string_view message) {
  for (size_t at = message.find("SQLSTATE"); at != std::string_view::npos;
       at = message.find("SQLSTATE", at + 1)) {
    size_t pos = at + 8;
    if (pos < message.size() && message[pos] == ':') ++pos;
    while (pos < message.size() && message[pos] == ' ') ++pos;
    const std::string_view candidate = message.substr(pos, 5);
    const bool ends =
        pos + 5 >= message.size() || !std::isalnum(static_cast<unsigned char>(message[pos + 5]));
    if (is_sqlstate(candidate) && ends) return std::string(candidate);
  }
  return std::nullopt;
}

std::string origin_of(std::string_view url) {
  const size_t scheme = url.find("://");
  const size_t start = scheme == std::string_view::npos ? 0 : scheme + 3;
  const size_t end = url.find_first_of("/?#", start);
  std::string_view origin = url.substr(0, end);
  // Never show credentials embedded in a URL.
  if (const size_t at = origin.rfind('@'); at != std::string_view::npos && at > start)
    return std::string(url.substr(0, start)) + std::string(origin.substr(at + 1));
  return std::string(origin);
}

Error statement_failed(const StatementStatus& status, std::string_view statement_id) {
  std::string sqlstate;
  if (is_sqlstate(status.sql_state))
    sqlstate = status.sql_state;
  else if (auto found = sqlstate_in_message(status.message))
    sqlstate = *found;
  else if (status.error_code == "BAD_REQUEST")
    sqlstate = "42000";
  else
    sqlstate = "HY000";
  std::string message = trim(status.message);
  if (message.empty())
    message = "The statement failed on the server" +
              (status.error_code.empty() ? std::string() : " (" + status.error_code + ")") + ".";
  return Error(sqlstate, message + " (statement id " + std::string(statement_id) + ")")
      .for_statement(std::string(statement_id));
}

Error http_error(const http::Response& response, Operation op, std::string_view subject,
                 std::string_view origin) {
  const int status = static_cast<int>(response.status);
  const std::string code = "HTTP " + std::to_string(status);
  const std::string server = server_message(response, op);
  const bool connecting = op == Operation::kConnect;

  if ((status == 401 || status == 403) && op != Operation::kDownload)
    return Error("28000",
                 with_server_text("Authentication failed (" + code + ") at " + std::string(origin) +
                                      ": check the token (PWD or Auth_AccessToken) or sign in "
                                      "again, and that it may use Databricks SQL.",
                                  server),
                 status);
  if (status == 404 && connecting)
    return Error("08001",
                 with_server_text("Warehouse " + std::string(subject) + " not found at " +
                                      std::string(origin) + ": check HTTPPath or WarehouseId.",
                                  server),
                 status);
  if (status == 404 &&
      (op == Operation::kPoll || op == Operation::kFetchChunk || op == Operation::kCancel))
    return Error("HY000",
                 with_server_text("Statement " + std::string(subject) +
                                      " no longer exists on the server (results are kept for one "
                                      "hour; closed statements are removed). Run it again.",
                                  server),
                 status);
  if (status == 404 && op == Operation::kSubmit)
    return Error("HY000",
                 with_server_text("The warehouse was not found at " + std::string(origin) +
                                      " (HTTP 404): it may have been deleted. Check HTTPPath "
                                      "or WarehouseId.",
                                  server),
                 status);
  if (status == 429 || status == 503)
    return Error(connecting ? "08001" : "HY000",
                 with_server_text("The warehouse is busy (" + code + ") and kept refusing while " +
                                      what_for(op) + "; try again later.",
                                  server),
                 status);
  std::string sqlstate = connecting ? "08001" : "HY000";
  if (!connecting && status == 400)
    if (auto found = sqlstate_in_message(server)) sqlstate = *found;
  std::string message = with_server_text(
      "The server answered " + code + " while " + what_for(op) + " (" + std::string(subject) + ").",
      server);
  auto then = [&message](const char* advice) {
    if (message.back() != '.') message += '.';
    message += advice;
  };
  if (op == Operation::kSubmit && status >= 500)
    then(kSubmitMayHaveRun);
  else if (op == Operation::kDownload && (status == 403 || status == 404))
    // Storage that refuses fresh links is usually a proxy or firewall in the way.
    then(" If cloud storage cannot be reached from this machine, set ResultDisposition=inline.");
  else if (status >= 500)
    then(" Try again later.");
  return Error(sqlstate, message, status);
}

Error transport_error(const http::TransportError& error, Operation op, std::string_view origin) {
  using http::TransportFailure;
  const std::string reason = error.what();
  switch (error.kind()) {
    case TransportFailure::kCancelled:
      return Error("HY008", "Operation canceled.");
    case TransportFailure::kTls:
      return Error(op == Operation::kConnect ? "08001" : "08S01",
                   "TLS failure with " + std::string(origin) + ": " + reason +
                       ". Check TrustedCerts/CAFile, or AllowSelfSignedServerCert for a server "
                       "with a self-signed certificate.");
    case TransportFailure::kDeadline:
      return Error("HYT00", http::login_timeout_message(
                                std::string(what_for(op)) + " at " + std::string(origin), reason));
    case TransportFailure::kTimeout:
      if (op != Operation::kConnect)
        return Error("HYT01", "No answer from " + std::string(origin) + " in time while " +
                                  what_for(op) + ": " + reason + "." +
                                  (op == Operation::kSubmit ? kSubmitMayHaveRun : ""));
      break;
    default:
      break;
  }
  if (op == Operation::kConnect)
    return Error("08001", "Cannot reach " + std::string(origin) + ": " + reason +
                              ". Check Host, Port and the network or proxy settings.");
  return Error("08S01", "Communication link failure with " + std::string(origin) + " while " +
                            what_for(op) + ": " + reason + "." +
                            (op == Operation::kSubmit && error.kind() != TransportFailure::kConnect
                                 ? kSubmitMayHaveRun
                                 : ""));
}

}  // namespace dbsql::sea
