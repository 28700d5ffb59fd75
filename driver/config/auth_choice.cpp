#include "config/auth_choice.h"

#include "util/error.h"
#include "util/strings.h"

namespace dbsql::config {
namespace {

constexpr int kAuthMechPat = 3;
constexpr int kAuthMechOAuth = 11;

struct Method {
  int mech = 0;
  std::optional<int> flow;  // when the choice implies one
  std::string reason;       // how it was chosen, for error messages
};

[[noreturn]] void fail(const std::string& message) {
  throw Error("08001", message);
}

std::string where(const Found& f) {
  return f.origin.empty() ? std::string() : " in " + f.origin;
}

const Found* given_by_application(const MergedKeys& keys, std::string_view name) {
  const Found* f = keys.find(name);
  return f != nullptr && f->from_application() ? f : nullptr;
}

Method from_auth_type(const Entry& auth_type) {
  const std::string reason = "auth_type=" + auth_type.value + " in " + auth_type.origin;
  if (auth_type.value == "pat") return {kAuthMechPat, std::nullopt, reason};
  if (auth_type.value == "oauth-m2m") return {kAuthMechOAuth, 1, reason};
  if (auth_type.value == "external-browser") return {kAuthMechOAuth, 2, reason};
  fail("auth_type '" + auth_type.value + "' (" + auth_type.origin +
       ") is not supported by this driver; it supports pat, oauth-m2m and external-browser. Set "
       "AuthMech (3 = personal access token, 11 = OAuth with Auth_Flow) in the connection string "
       "or DSN, or use another profile");
}

Method choose_method(const MergedKeys& keys, const std::optional<Entry>& auth_type) {
  if (const Found* f = keys.find("AuthMech")) {
    if (f->value != "3" && f->value != "11") {
      bad_value(f->kv(),
                "3 (personal access token: UID=token;PWD=<token>) or 11 (OAuth 2.0, "
                "with Auth_Flow)");
    }
    return {f->value == "3" ? kAuthMechPat : kAuthMechOAuth, std::nullopt, "AuthMech=" + f->value};
  }
  if (const Found* f = given_by_application(keys, "Auth_Flow"))
    return {kAuthMechOAuth, std::nullopt, f->key + "=" + f->value};
  if (given_by_application(keys, "Auth_AccessToken"))
    return {kAuthMechOAuth, 0, "Auth_AccessToken was given"};
  if (given_by_application(keys, "PWD") || given_by_application(keys, "Token"))
    return {kAuthMechPat, std::nullopt, "a token was given"};
  if (given_by_application(keys, "Auth_Client_Secret"))
    return {kAuthMechOAuth, 1, "Auth_Client_Secret was given"};
  if (auth_type) return from_auth_type(*auth_type);
  // Credentials from a profile or the environment: the higher-precedence source decides,
  // so a profile's service principal is not overridden by a DATABRICKS_TOKEN variable.
  const Found* token = keys.find("Token");
  const Found* secret = keys.find("Auth_Client_Secret");
  if (token != nullptr && (secret == nullptr || token->layer <= secret->layer))
    return {kAuthMechPat, std::nullopt, "a token was given" + where(*token)};
  if (secret != nullptr) return {kAuthMechOAuth, 1, "a client secret was given" + where(*secret)};
  fail(
      "No credentials: set AuthMech=3;UID=token;PWD=<personal access token> (or "
      "Token=<personal access token>), or AuthMech=11 with Auth_Flow=0 (Auth_AccessToken), "
      "1 (Auth_Client_ID and Auth_Client_Secret) or 2 (browser sign-in), in the connection "
      "string, the DSN, a ~/.databrickscfg profile or DATABRICKS_TOKEN");
}

int choose_flow(const MergedKeys& keys, const Method& method) {
  const Found* f = keys.find("Auth_Flow");
  if (f == nullptr) return method.flow.value_or(0);
  if (f->value == "3") {
    fail(
        "Auth_Flow=3 (Azure managed identity) is not supported: use 0 (Auth_AccessToken), 1 "
        "(client credentials) or 2 (browser sign-in)");
  }
  if (f->value != "0" && f->value != "1" && f->value != "2") {
    bad_value(f->kv(), "0 (token pass-through), 1 (client credentials) or 2 (browser sign-in)");
  }
  return f->value[0] - '0';
}

// PWD and Token both carry a PAT; the one from the higher-precedence source wins.
const Found* personal_access_token(const MergedKeys& keys) {
  const Found* pwd = keys.find("PWD");
  const Found* token = keys.find("Token");
  if (pwd == nullptr) return token;
  if (token == nullptr) return pwd;
  return token->layer < pwd->layer ? token : pwd;
}

void use_pat(const MergedKeys& keys, const Method& method, Settings& s) {
  if (const Found* uid = keys.find("UID"); uid != nullptr && !util::iequals(uid->value, "token")) {
    fail(
        "AuthMech=3 signs in with a personal access token: set UID=token and PWD=<token> (got "
        "UID='" +
        uid->value + "'" + where(*uid) +
        "; user name and password sign-in is not supported by Databricks SQL)");
  }
  const Found* token = personal_access_token(keys);
  if (token == nullptr) {
    fail("A personal access token is needed (" + method.reason +
         "): set PWD=<token> with UID=token, or Token=<token>");
  }
  s.auth = AuthKind::kPat;
  s.token = token->value;
}

void require(const MergedKeys& keys, std::string_view name, const std::string& flow_name) {
  if (keys.find(name) == nullptr) {
    fail(flow_name + " needs " + std::string(name) + ": set " + std::string(name) +
         " in the connection string or DSN");
  }
}

}  // namespace

void resolve_auth(const MergedKeys& keys, const std::optional<Entry>& auth_type, Settings& s) {
  const Method method = choose_method(keys, auth_type);
  if (method.mech == kAuthMechPat) {
    use_pat(keys, method, s);
    return;
  }
  switch (choose_flow(keys, method)) {
    case 0: {
      const Found* token = keys.find("Auth_AccessToken");
      if (token == nullptr) {
        fail(
            "AuthMech=11 with Auth_Flow=0 needs Auth_AccessToken=<OAuth access token>; for "
            "client credentials set Auth_Flow=1, for browser sign-in Auth_Flow=2");
      }
      s.auth = AuthKind::kAccessToken;
      s.token = token->value;
      return;
    }
    case 1:
      require(keys, "Auth_Client_ID", "OAuth client credentials (Auth_Flow=1)");
      require(keys, "Auth_Client_Secret", "OAuth client credentials (Auth_Flow=1)");
      s.auth = AuthKind::kClientCredentials;
      return;
    default:
      s.auth = AuthKind::kBrowser;
      return;
  }
}

}  // namespace dbsql::config
