#include "http/retry.h"

#include <curl/curl.h>

#include <algorithm>
#include <charconv>
#include <random>
#include <string>
#include <thread>

#include "util/log.h"

namespace dbsql::http {
namespace {

using std::chrono::milliseconds;

class SystemClock final : public Clock {
 public:
  std::chrono::steady_clock::time_point now() override { return std::chrono::steady_clock::now(); }
  std::chrono::system_clock::time_point wall_now() override {
    return std::chrono::system_clock::now();
  }
  void sleep_for(milliseconds duration, const CancelToken* cancel) override {
    // CancelToken is a bare flag, so the wait polls it in short slices.
    constexpr milliseconds kSlice{20};
    const auto until = now() + duration;
    for (auto left = until - now(); left > left.zero(); left = until - now()) {
      if (cancel && cancel->cancelled()) return;
      std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(left, kSlice));
    }
  }
};

// Half the backoff fixed, half random: spreads clients that were refused together
// without ever retrying sooner than half the nominal delay.
milliseconds jittered(milliseconds backoff) {
  thread_local std::minstd_rand random{std::random_device{}()};
  const auto half = backoff.count() / 2;
  std::uniform_int_distribution<long long> spread(0, std::max<long long>(half, 0));
  return milliseconds(half + spread(random));
}

bool is_transient(TransportFailure kind) {
  return kind == TransportFailure::kConnect || kind == TransportFailure::kDropped;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

Clock& system_clock() {
  static SystemClock clock;
  return clock;
}

bool is_retryable_status(long status, Replay replay) {
  if (status == 429 || status == 503) return true;
  return replay == Replay::kIdempotent && (status == 500 || status == 502 || status == 504);
}

std::optional<milliseconds> parse_retry_after(std::string_view value,
                                              std::chrono::system_clock::time_point now) {
  value = trim(value);
  if (value.empty()) return std::nullopt;
  constexpr long long kMaxSeconds = 24 * 3600;  // a longer wait is no different from "give up"
  long long seconds = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (ec == std::errc() && end == value.data() + value.size()) {
    if (seconds < 0) return std::nullopt;
    return std::chrono::seconds(std::min(seconds, kMaxSeconds));
  }
  // An HTTP-date in any of the three formats HTTP allows; curl parses them all.
  const std::string date(value);
  const time_t at = curl_getdate(date.c_str(), nullptr);
  if (at == -1) return std::nullopt;
  const auto delay = std::chrono::system_clock::from_time_t(at) - now;
  if (delay <= delay.zero()) return milliseconds(0);
  return std::min(std::chrono::duration_cast<milliseconds>(delay),
                  milliseconds(std::chrono::seconds(kMaxSeconds)));
}

Response send_with_retry(HttpClient& http, const Request& request, Replay replay,
                         const RetryPolicy& policy, Clock& clock, const CancelToken* cancel) {
  const auto start = clock.now();
  milliseconds backoff = policy.initial_backoff;
  int transport_failures = 0;
  for (;;) {
    std::optional<Response> response;
    std::optional<TransportError> failure;
    try {
      response = http.send(request, cancel);
    } catch (const TransportError& error) {
      const bool replayable = replay == Replay::kIdempotent && is_transient(error.kind()) &&
                              transport_failures < policy.max_transport_retries;
      if (!replayable) throw;
      ++transport_failures;
      failure = error;
    }
    if (response && !is_retryable_status(response->status, replay)) return std::move(*response);

    milliseconds wait = jittered(backoff);
    if (response) {
      if (auto header = response->header("retry-after"))
        if (auto asked = parse_retry_after(*header, clock.wall_now()))
          wait = std::max(wait, *asked);
    }
    backoff = std::min(backoff * 2, policy.max_backoff);
    // No retry can finish before the operation's deadline: say so now rather than wait.
    if (const auto limit = http.deadline(); limit && clock.now() + wait >= *limit) {
      throw TransportError(TransportFailure::kDeadline,
                           response ? "HTTP " + std::to_string(response->status) +
                                          " asked to retry, with no time left to wait"
                                    : std::string(failure->what()) + ", with no time left to retry");
    }
    if (clock.now() + wait - start > policy.budget) {
      if (response) return std::move(*response);
      throw *failure;
    }
    DBSQL_LOG(kInfo, "http") << request.method << ' '
                             << (request.url_is_secret ? "download" : "request")
                             << (response ? " answered HTTP " + std::to_string(response->status)
                                          : std::string(" failed: ") + failure->what())
                             << "; retrying in " << wait.count() << " ms";
    clock.sleep_for(wait, cancel);
    if (cancel && cancel->cancelled())
      throw TransportError(TransportFailure::kCancelled, "the request was cancelled");
  }
}

}  // namespace dbsql::http
