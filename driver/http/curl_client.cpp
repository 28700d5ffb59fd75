#include "http/curl_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <chrono>
#include <mutex>
#include <optional>
#include <vector>

#include "http/curl_errors.h"
#include "http/tls_self_signed.h"
#include "util/log.h"
#include "util/secrets.h"

namespace dbsql::http {

// Timers differ by a few milliseconds between curl and the deadline's clock: a request with
// less time left than this is not started, and a timeout this close to the deadline is the
// deadline's (so a request right after one that ran out also fails with kDeadline).
constexpr std::chrono::milliseconds kDeadlineSlack{100};

namespace {

void global_init_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// Body growth is guided by Content-Length but never trusts it beyond this.
constexpr size_t kMaxReserve = size_t{1} << 30;
// Slack left after the body so a parser that reads ahead in blocks (simdjson needs 64
// bytes) can use the buffer in place instead of copying it.
constexpr size_t kBodySlack = 64;

// DNS and TLS-session caches shared by every handle of one client. Connections stay
// with their handle: curl's shared connection cache adds locking for little gain here.
class Share {
 public:
  Share() : share_(curl_share_init()) {
    if (!share_) return;
    curl_share_setopt(share_, CURLSHOPT_LOCKFUNC, &Share::lock);
    curl_share_setopt(share_, CURLSHOPT_UNLOCKFUNC, &Share::unlock);
    curl_share_setopt(share_, CURLSHOPT_USERDATA, this);
    curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
    curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
  }
  ~Share() {
    if (share_) curl_share_cleanup(share_);
  }
  CURLSH* get() const { return share_; }

 private:
  static void lock(CURL*, curl_lock_data data, curl_lock_access, void* self) {
    static_cast<Share*>(self)->mutexes_[index(data)].lock();
  }
  static void unlock(CURL*, curl_lock_data data, void* self) {
    static_cast<Share*>(self)->mutexes_[index(data)].unlock();
  }
  static size_t index(curl_lock_data data) {
    return std::min<size_t>(static_cast<size_t>(data), CURL_LOCK_DATA_LAST - 1);
  }

  CURLSH* share_;
  std::array<std::mutex, CURL_LOCK_DATA_LAST> mutexes_;
};

// What one transfer collects; the callbacks' user data.
struct Transfer {
  Response response;
  const CancelToken* cancel = nullptr;

  static size_t on_body(char* data, size_t size, size_t count, void* self) {
    auto& body = static_cast<Transfer*>(self)->response.body;
    const size_t bytes = size * count;
    if (body.capacity() < body.size() + bytes + kBodySlack)
      body.reserve(std::max(body.capacity() * 2, body.size() + bytes + kBodySlack));
    body.append(data, bytes);
    return bytes;
  }

  static size_t on_header(char* data, size_t size, size_t count, void* self) {
    auto& response = static_cast<Transfer*>(self)->response;
    const size_t bytes = size * count;
    std::string_view line(data, bytes);
    // Each response (after a redirect, 100-continue or proxy CONNECT) starts afresh.
    if (line.starts_with("HTTP/")) {
      response.headers.clear();
      return bytes;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) return bytes;
    std::string name(line.substr(0, colon));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back())))
      value.remove_suffix(1);
    if (name == "content-length") reserve_for(response.body, value);
    response.headers.emplace_back(std::move(name), std::string(value));
    return bytes;
  }

  static int on_progress(void* self, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    const CancelToken* cancel = static_cast<Transfer*>(self)->cancel;
    return cancel && cancel->cancelled() ? 1 : 0;
  }

  // A buffer that must grow gets an eighth more than this answer needs: buffers are reused
  // for the next answers (Request::response_storage), which are seldom exactly as large,
  // and one reallocation per reuse would defeat the reuse.
  static void reserve_for(std::string& body, std::string_view length) {
    size_t bytes = 0;
    auto [end, ec] = std::from_chars(length.data(), length.data() + length.size(), bytes);
    if (ec != std::errc() || bytes >= kMaxReserve) return;
    if (body.capacity() < bytes + kBodySlack) body.reserve(bytes + bytes / 8 + kBodySlack);
  }
};

struct HeaderList {
  curl_slist* list = nullptr;
  ~HeaderList() { curl_slist_free_all(list); }
  void add(const std::string& line) {
    if (curl_slist* grown = curl_slist_append(list, line.c_str())) list = grown;
  }
};

}  // namespace

struct CurlClient::Impl {
  TransportOptions options;
  Share share;
  std::mutex mu;
  std::vector<CURL*> idle;

  explicit Impl(TransportOptions o) : options(std::move(o)) {}
  ~Impl() {
    for (CURL* handle : idle) curl_easy_cleanup(handle);
  }

  CURL* acquire() {
    {
      std::lock_guard lock(mu);
      if (!idle.empty()) {
        CURL* handle = idle.back();
        idle.pop_back();
        return handle;
      }
    }
    CURL* handle = curl_easy_init();
    if (!handle)
      throw TransportError(TransportFailure::kOther, "libcurl could not create a handle");
    return handle;
  }

  void release(CURL* handle) {
    {
      std::lock_guard lock(mu);
      if (idle.size() < options.max_idle_handles) {
        idle.push_back(handle);
        return;
      }
    }
    curl_easy_cleanup(handle);
  }

  void configure(CURL* h, const Request& request, std::optional<std::chrono::milliseconds> left,
                 Transfer& transfer, const HeaderList& headers, char* error_buffer) const {
    // reset keeps the handle's live connections, TLS sessions and DNS cache.
    curl_easy_reset(h);
    if (share.get()) curl_easy_setopt(h, CURLOPT_SHARE, share.get());
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_HTTP_VERSION,
                     options.http2 ? CURL_HTTP_VERSION_2TLS : CURL_HTTP_VERSION_1_1);
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
    if (!options.user_agent.empty())
      curl_easy_setopt(h, CURLOPT_USERAGENT, options.user_agent.c_str());
    auto connect_timeout = options.connect_timeout;
    auto timeout = request.timeout.count() > 0 ? request.timeout : options.request_timeout;
    if (left) {
      connect_timeout = std::min(connect_timeout, *left);
      timeout = std::min(timeout, *left);
    }
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(connect_timeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
    configure_tls(h);
    configure_proxy(h);
    configure_method(h, request);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.list);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &Transfer::on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &Transfer::on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, &Transfer::on_progress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, &transfer);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer);
  }

  void configure_tls(CURL* h) const {
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, options.ca_file.c_str());
    if (options.allow_self_signed)
      curl_easy_setopt(h, CURLOPT_SSL_CTX_FUNCTION, &accept_self_signed_ctx);
  }

  void configure_proxy(CURL* h) const {
    if (!options.proxy) return;
    const ProxyOptions& proxy = *options.proxy;
    curl_easy_setopt(h, CURLOPT_PROXY, proxy.host.c_str());
    if (proxy.port > 0) curl_easy_setopt(h, CURLOPT_PROXYPORT, static_cast<long>(proxy.port));
    if (!proxy.user.empty()) {
      curl_easy_setopt(h, CURLOPT_PROXYUSERNAME, proxy.user.c_str());
      curl_easy_setopt(h, CURLOPT_PROXYPASSWORD, proxy.password.c_str());
    }
  }

  static void configure_method(CURL* h, const Request& request) {
    if (request.method == "GET") {
      curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
      return;
    }
    if (request.method == "POST") {
      curl_easy_setopt(h, CURLOPT_POST, 1L);
    } else {
      curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
      if (request.body.empty()) return;
    }
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  }
};

CurlClient::CurlClient(TransportOptions options) {
  global_init_once();
  impl_ = std::make_unique<Impl>(std::move(options));
}

CurlClient::~CurlClient() = default;

Response CurlClient::send(const Request& request, const CancelToken* cancel) {
  if (cancel && cancel->cancelled())
    throw TransportError(TransportFailure::kCancelled, "the request was cancelled");
  HeaderList headers;
  for (const auto& [name, value] : request.headers) headers.add(name + ": " + value);
  headers.add("Expect:");  // no 100-continue round trip before POST bodies

  // The operation's deadline caps this request's timeouts.
  const std::optional<Deadline> limit = deadline();
  std::optional<std::chrono::milliseconds> left;
  if (limit) {
    left = std::chrono::duration_cast<std::chrono::milliseconds>(*limit - Deadline::clock::now());
    if (*left < kDeadlineSlack)
      throw TransportError(TransportFailure::kDeadline, "no time was left for the request");
  }
  Transfer transfer;
  transfer.cancel = cancel;
  if (request.response_storage) {
    transfer.response.body = std::move(*request.response_storage);
    transfer.response.body.clear();
  }
  char error_buffer[CURL_ERROR_SIZE] = {};
  CURL* handle = impl_->acquire();
  impl_->configure(handle, request, left, transfer, headers, error_buffer);
  const CURLcode code = curl_easy_perform(handle);
  curl_off_t pretransfer = 0;
  curl_easy_getinfo(handle, CURLINFO_PRETRANSFER_TIME_T, &pretransfer);
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &transfer.response.status);
  // The handle points at stack buffers; unhook them before it goes back to the pool.
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, nullptr);
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, nullptr);
  impl_->release(handle);

  const std::string shown =
      request.url_is_secret ? "<presigned URL>" : util::redact_url(request.url);
  if (code != CURLE_OK) {
    TransportError error = transport_error(code, error_buffer, request, pretransfer > 0);
    if (code == CURLE_OPERATION_TIMEDOUT && limit &&
        Deadline::clock::now() + kDeadlineSlack >= *limit)
      error = TransportError(TransportFailure::kDeadline, error.what());
    DBSQL_LOG(kDebug, "http") << request.method << ' ' << shown << " failed: " << error.what();
    throw error;
  }
  DBSQL_LOG(kTrace, "http") << request.method << ' ' << shown << " -> " << transfer.response.status
                            << " (" << transfer.response.body.size() << " bytes)";
  return std::move(transfer.response);
}

}  // namespace dbsql::http
