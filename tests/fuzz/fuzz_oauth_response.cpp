// What OAuth servers answer: discovery documents and token responses, read by FlatJson,
// and a token endpoint's whole answer (status from the input) as the driver turns it into
// a token or a diagnostic.
#include <string>

#include "auth/flat_json.h"
#include "auth/token_endpoint.h"
#include "fuzz_input.h"
#include "util/error.h"

using namespace dbsql;

namespace {

// Answers every request with the fuzz input.
class AnswerWith : public http::HttpClient {
 public:
  http::Response response;
  http::Response send(const http::Request&, const CancelToken*) override { return response; }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::Input in(data, size);
  const uint8_t choice = in.take_byte();
  const std::string body(in.rest());
  if (auto json = auth::FlatJson::parse(body)) {
    (void)json->string("access_token");
    (void)json->integer("expires_in");
    (void)json->has("token_endpoint");
  }
  AnswerWith http;
  static constexpr long kStatuses[] = {200, 200, 200, 400, 401, 429, 500, 503};
  http.response.status = kStatuses[choice % 8];
  http.response.body = body;
  auth::TokenEndpointOptions options;
  options.retry.max_attempts = 1;
  options.sleep = [](std::chrono::milliseconds) {};
  auth::TokenEndpoint endpoint(http, "https://idp/token",
                               auth::OAuthClient{"client", "secret-value", auth::ClientAuth::kBasic}, options);
  try {
    auth::TokenResponse t = endpoint.client_credentials("sql");
    (void)t.access_token.size();
  } catch (const Error&) {
  }
  return 0;
}
