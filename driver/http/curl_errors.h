#pragma once
// curl result codes → TransportError, with curl's own reason text and nothing secret.
#include <curl/curl.h>

#include <string>
#include <string_view>

#include "http/http_client.h"

namespace dbsql::http {

// `detail` is curl's error buffer (may be empty). `connected` tells a timeout while
// connecting (kConnect) from one during the transfer (kTimeout).
TransportError transport_error(CURLcode code, std::string_view detail, const Request& request,
                               bool connected);

// The text with the request's URL query (presigned signatures, tokens) and, for secret
// URLs, the whole URL replaced by a placeholder.
std::string redact_url(std::string text, const Request& request);

}  // namespace dbsql::http
