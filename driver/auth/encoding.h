#pragma once
// The encodings OAuth needs: application/x-www-form-urlencoded bodies and query strings
// (RFC 6749 appendix B), and base64 / base64url (RFC 4648) for HTTP Basic and PKCE.
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dbsql::auth {

using FormFields = std::vector<std::pair<std::string, std::string>>;

// Percent-encodes everything but RFC 3986 unreserved characters (space becomes %20, which
// every form decoder accepts).
std::string url_encode(std::string_view text);
// Decodes %XX and '+' (space). Malformed escapes are kept literally.
std::string url_decode(std::string_view text);
// "a=1&b=2", each name and value encoded.
std::string form_encode(const FormFields& fields);
// The query of a request target ("/cb?code=x&state=y") or a form body ("code=x&state=y"); the first
// occurrence of a repeated name wins.
std::map<std::string, std::string> parse_query(std::string_view target);

std::string base64_encode(std::string_view bytes);
// base64url without '=' padding.
std::string base64url_encode(std::string_view bytes);

}  // namespace dbsql::auth
