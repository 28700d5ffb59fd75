#pragma once
// AllowSelfSignedServerCert, done narrowly: rather than switching peer verification off,
// the OpenSSL context accepts exactly the "self-signed" chain errors, so host-name
// checks, validity dates and signatures are still enforced.
#include <curl/curl.h>

namespace dbsql::http {

// CURLOPT_SSL_CTX_FUNCTION callback installing that policy on curl's SSL_CTX.
CURLcode accept_self_signed_ctx(CURL* curl, void* ssl_ctx, void* user);

}  // namespace dbsql::http
