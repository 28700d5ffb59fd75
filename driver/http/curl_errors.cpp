#include "http/curl_errors.h"

namespace dbsql::http {
namespace {

TransportFailure kind_of(CURLcode code, bool connected) {
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
      return TransportFailure::kConnect;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_USE_SSL_FAILED:
      return TransportFailure::kTls;
    case CURLE_OPERATION_TIMEDOUT:
      return connected ? TransportFailure::kTimeout : TransportFailure::kConnect;
    case CURLE_ABORTED_BY_CALLBACK:
      return TransportFailure::kCancelled;
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_BAD_CONTENT_ENCODING:
      return TransportFailure::kDropped;
    default:
      return TransportFailure::kOther;
  }
}

void replace_all(std::string& text, std::string_view what, std::string_view with) {
  if (what.empty()) return;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size()))
    text.replace(at, what.size(), with);
}

}  // namespace

std::string redact_url(std::string text, const Request& request) {
  const std::string_view url = request.url;
  if (request.url_is_secret) replace_all(text, url, "<presigned URL>");
  if (const size_t query = url.find('?'); query != std::string_view::npos)
    replace_all(text, url.substr(query), "?<redacted>");
  return text;
}

TransportError transport_error(CURLcode code, std::string_view detail, const Request& request,
                               bool connected) {
  std::string message = curl_easy_strerror(code);
  // The error buffer usually says more (host, port, OpenSSL's reason); keep both.
  if (!detail.empty() && detail != message) {
    while (!detail.empty() && (detail.back() == '\n' || detail.back() == '\r'))
      detail.remove_suffix(1);
    message += ": ";
    message += detail;
  }
  return TransportError(kind_of(code, connected), redact_url(std::move(message), request));
}

}  // namespace dbsql::http
