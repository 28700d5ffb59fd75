#pragma once
// Retry policy for requests to the workspace and to cloud storage: exponential backoff
// with jitter, Retry-After honoured (seconds or HTTP-date), a bounded total budget. Time
// goes through a Clock so tests run without sleeping.
#include <chrono>
#include <optional>
#include <string_view>

#include "http/http_client.h"
#include "util/cancel.h"

namespace dbsql::http {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::steady_clock::time_point now() = 0;
  // Wall-clock time, for absolute times sent by servers (Retry-After dates, link expiry).
  virtual std::chrono::system_clock::time_point wall_now() = 0;
  // Waits `duration`, returning early once `cancel` fires.
  virtual void sleep_for(std::chrono::milliseconds duration, const CancelToken* cancel) = 0;
};

// The process's real clock (stateless, shared).
Clock& system_clock();

// How a request may be repeated.
enum class Replay {
  // GET, DELETE, cancel: repeating is harmless. Retried on 429/500/502/503/504 and on
  // transport failures that produced no response (bounded by max_transport_retries).
  kIdempotent,
  // A statement submit: the server may already have started it, so it is repeated only
  // when the server said it did not take it (429, 503), never after a transport failure.
  kOnlyIfRefused,
};

struct RetryPolicy {
  std::chrono::milliseconds initial_backoff{250};
  std::chrono::milliseconds max_backoff{10'000};
  // Total time from the first attempt after which no new attempt starts.
  std::chrono::milliseconds budget{120'000};
  int max_transport_retries = 2;
};

// Whether an HTTP status is worth another attempt under `replay`.
bool is_retryable_status(long status, Replay replay);

// Retry-After as a delay: delta-seconds or an HTTP-date relative to `now`. nullopt when
// absent or unparseable; a date in the past gives zero.
std::optional<std::chrono::milliseconds> parse_retry_after(
    std::string_view value, std::chrono::system_clock::time_point now);

// Sends `request`, repeating it per `policy`. Returns the last response (which may still
// be a 429/503 once the budget is spent); rethrows the last TransportError. A cancel
// during a wait ends it with TransportError kCancelled.
Response send_with_retry(HttpClient& http, const Request& request, Replay replay,
                         const RetryPolicy& policy, Clock& clock,
                         const CancelToken* cancel = nullptr);

}  // namespace dbsql::http
