#pragma once
// PKCE (RFC 7636) with S256, and the random values of an authorization request.
#include <string>
#include <string_view>

namespace dbsql::auth {

struct Pkce {
  std::string verifier;   // secret: never logged
  std::string challenge;  // base64url(SHA-256(verifier))
};

// `bytes` bytes from OpenSSL's CSPRNG, base64url-encoded. Throws Error HY000 when the
// generator fails (never falls back to a weak source).
std::string random_base64url(size_t bytes);
// The S256 code challenge of a verifier.
std::string code_challenge(std::string_view verifier);
// A fresh verifier of 32 random bytes (43 characters) and its challenge.
Pkce make_pkce();

}  // namespace dbsql::auth
