#include "auth/pkce.h"

#include <openssl/rand.h>
#include <openssl/sha.h>

#include <vector>

#include "auth/encoding.h"
#include "util/error.h"

namespace dbsql::auth {

std::string random_base64url(size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  if (RAND_bytes(buf.data(), static_cast<int>(buf.size())) != 1)
    throw Error("HY000", "The system's random generator failed; OAuth sign-in cannot proceed.");
  return base64url_encode(std::string_view(reinterpret_cast<const char*>(buf.data()), buf.size()));
}

std::string code_challenge(std::string_view verifier) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(verifier.data()), verifier.size(), digest);
  return base64url_encode(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

Pkce make_pkce() {
  Pkce p;
  p.verifier = random_base64url(32);
  p.challenge = code_challenge(p.verifier);
  return p;
}

}  // namespace dbsql::auth
