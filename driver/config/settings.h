#pragma once
// One validated value holding everything a connection needs, built by config/ from the
// connection string, the DSN, a ~/.databrickscfg profile, DATABRICKS_* variables and
// defaults (in that precedence). Layers below odbc/ read only this, never raw keys.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dbsql::config {

enum class AuthKind {
  kPat,                // AuthMech=3, UID=token, PWD=<pat>; or Token=<pat>
  kAccessToken,        // AuthMech=11, Auth_Flow=0, Auth_AccessToken
  kClientCredentials,  // AuthMech=11, Auth_Flow=1 (M2M)
  kBrowser,            // AuthMech=11, Auth_Flow=2 (U2M, authorization code + PKCE)
};

enum class Disposition { kExternalLinks, kInline };

struct ProxySettings {
  bool enabled = false;
  std::string host;
  int port = 0;
  std::string user;
  std::string password;  // secret

  bool operator==(const ProxySettings&) const = default;
};

struct OAuthSettings {
  std::string client_id;      // empty with Auth_Flow=2: the auth layer's public client id
  std::string client_secret;  // secret
  std::string scope;          // empty: flow default (M2M "all-apis", U2M "sql offline_access")
  std::string authorization_endpoint;         // override; empty = discovery
  std::string token_endpoint;                 // override; empty = discovery
  std::string redirect_url;                   // full OAuth2RedirectUrl, if given
  int redirect_port = 8020;                   // OAuth2RedirectUrlPort; 0 = any free port
  std::string browser_command;                // BrowserCommand
  std::chrono::seconds sign_in_timeout{120};  // Auth_Timeout
  bool token_cache = true;                    // EnableTokenCache

  bool operator==(const OAuthSettings&) const = default;
};

// How result columns are described to the application. The defaults suit BI tools and
// pyodbc: Unicode character types (the data is Unicode), a bounded string length, and
// INTERVAL as text, since most applications fail on the ODBC interval SQL types.
struct TypeReporting {
  bool unicode_strings = true;        // UseUnicodeSqlCharacterTypes
  long string_column_length = 65535;  // DefaultStringColumnLength
  bool intervals_as_text = true;      // IntervalsAsText
  bool operator==(const TypeReporting&) const = default;
};

struct Settings {
  // Where: https://host:port, warehouse id from HTTPPath or WarehouseId.
  std::string host;  // no scheme
  int port = 443;
  bool ssl = true;
  std::string http_path;
  std::string warehouse_id;
  std::string ca_file;             // TrustedCerts / CAFile
  bool allow_self_signed = false;  // AllowSelfSignedServerCert

  // Who.
  AuthKind auth = AuthKind::kPat;
  std::string token;  // secret: PAT or pass-through access token
  OAuthSettings oauth;

  // Session defaults.
  std::string catalog;
  std::string schema;

  // Behaviour.
  Disposition disposition = Disposition::kExternalLinks;
  TypeReporting types;
  // ODBC escapes ({d ...}, {fn ...}) translated (EscapeProcessing); a statement's
  // SQL_ATTR_NOSCAN starts from it.
  bool escape_processing = true;
  // UseNativeQuery=0: "..." in SQL text is an ANSI quoted identifier, sent as `...`. The
  // default (1) sends it as written: a string literal in Databricks SQL.
  bool ansi_quoted_identifiers = false;
  // The per-connection metadata cache (catalog functions): entries live this long
  // (MetadataCacheTTL, 0 = no cache) within this many bytes (MetadataCacheBytes).
  std::chrono::seconds metadata_cache_ttl{300};
  long metadata_cache_bytes = 16L << 20;
  // Memory a result being fetched may hold, and chunks downloaded at once within it.
  long result_buffer_bytes = 64L << 20;  // ResultBufferBytes; 0 = no background download
  int download_threads = 4;              // MaxNumResultFileDownloadThreads
  std::string user_agent_entry;
  ProxySettings proxy;
  std::chrono::seconds login_timeout{0};     // 0 = default (curl connect timeout)
  std::chrono::seconds socket_timeout{900};  // per request
  // How long a refused or failed request is retried (429, 503, 5xx, lost connections)
  // before the error is reported; 0 = no retries.
  std::chrono::seconds retry_timeout{120};

  // Logging: LogLevel 0 (off) .. 6 (trace); LogPath is a folder.
  int log_level = 0;
  std::string log_path;

  // Where the values came from: the DSN named in the connection string (also
  // SQL_DATA_SOURCE_NAME) and the ~/.databrickscfg profile used, as "name (file)".
  std::string dsn;
  std::string profile;

  // Keys of the connection string not understood (each gives warning 01S00); keys of the
  // DSN's odbc.ini section not understood (logged only: 01S00 is about the connection
  // string, and a warning at connect makes some applications open read-only); keys
  // accepted for compatibility with the vendor driver that mean nothing here (logged).
  std::vector<std::string> unknown_keys;
  std::vector<std::string> unknown_dsn_keys;
  std::vector<std::string> ignored_keys;

  bool operator==(const Settings&) const = default;

  // "https://host[:port]" (or http:// when SSL=0), no trailing slash.
  std::string base_url() const {
    std::string url = (ssl ? "https://" : "http://") + host;
    if ((ssl && port != 443) || (!ssl && port != 80)) url += ":" + std::to_string(port);
    return url;
  }
};

}  // namespace dbsql::config
