#include "config/keys.h"

#include "util/error.h"
#include "util/strings.h"
#include "util/user_agent.h"

namespace dbsql::config {
namespace {

using K = KeyKind;
using S = Settings;
using V = KeyValue;

std::string text(const V& v) {
  return std::string(v.value);
}

Disposition parse_disposition(const V& v) {
  if (util::iequals(v.value, "external_links")) return Disposition::kExternalLinks;
  if (util::iequals(v.value, "inline")) return Disposition::kInline;
  bad_value(v, "external_links or inline");
}

std::string parse_user_agent_entry(const V& v) {
  if (!util::valid_user_agent_entry(v.value)) {
    bad_value(v, "up to " + std::to_string(util::kMaxUserAgentEntry) +
                     " printable ASCII characters, e.g. Tableau/2024.1");
  }
  return text(v);
}

// Keys of the vendor driver with no meaning here (Thrift transport, Arrow/CloudFetch
// tuning, type reporting, TLS revocation knobs): accepted so existing DSNs keep working.
#define IGNORED(name) \
  { name, "", K::kIgnored, false, "", nullptr }

constexpr KeySpec kKeys[] = {
    // Where.
    {"Host", "", K::kResolver, false, "", nullptr},
    {"Port", "", K::kSetting, false, "443",
     [](S& s, const V& v) { s.port = parse_int(v, 1, 65535); }},
    {"HTTPPath", "", K::kResolver, false, "", nullptr},
    {"WarehouseId", "", K::kResolver, false, "", nullptr},
    {"SSL", "", K::kSetting, false, "1", [](S& s, const V& v) { s.ssl = parse_bool(v); }},
    {"TrustedCerts", "CAFile", K::kSetting, false, "",
     [](S& s, const V& v) { s.ca_file = text(v); }},
    {"AllowSelfSignedServerCert", "", K::kSetting, false, "0",
     [](S& s, const V& v) { s.allow_self_signed = parse_bool(v); }},
    {"Catalog", "Database", K::kSetting, false, "", [](S& s, const V& v) { s.catalog = text(v); }},
    {"Schema", "", K::kSetting, false, "", [](S& s, const V& v) { s.schema = text(v); }},

    // Who.
    {"AuthMech", "", K::kResolver, false, "3", nullptr},
    {"Auth_Flow", "", K::kResolver, false, "0", nullptr},
    {"UID", "", K::kResolver, false, "token", nullptr},
    {"PWD", "", K::kResolver, true, "", nullptr},
    {"Token", "", K::kResolver, true, "", nullptr},
    {"Auth_AccessToken", "", K::kResolver, true, "", nullptr},
    {"Auth_Client_ID", "", K::kSetting, false, "",
     [](S& s, const V& v) { s.oauth.client_id = text(v); }},
    {"Auth_Client_Secret", "", K::kSetting, true, "",
     [](S& s, const V& v) { s.oauth.client_secret = text(v); }},
    {"Auth_Scope", "", K::kSetting, false, "", [](S& s, const V& v) { s.oauth.scope = text(v); }},
    {"OAuth2RedirectUrlPort", "", K::kSetting, false, "8020",
     [](S& s, const V& v) { s.oauth.redirect_port = parse_int(v, 0, 65535); }},
    {"OAuth2RedirectUrl", "", K::kSetting, false, "",
     [](S& s, const V& v) { s.oauth.redirect_url = parse_url(v, true); }},
    {"OAuth2AuthorizationEndPoint", "", K::kSetting, false, "",
     [](S& s, const V& v) { s.oauth.authorization_endpoint = parse_url(v, false); }},
    {"OAuth2TokenEndPoint", "", K::kSetting, false, "",
     [](S& s, const V& v) { s.oauth.token_endpoint = parse_url(v, false); }},
    {"BrowserCommand", "", K::kSetting, false, "",
     [](S& s, const V& v) { s.oauth.browser_command = text(v); }},
    {"Auth_Timeout", "", K::kSetting, false, "120",
     [](S& s, const V& v) {
       s.oauth.sign_in_timeout = std::chrono::seconds(parse_int(v, 1, 86400));
     }},
    {"EnableTokenCache", "", K::kSetting, false, "1",
     [](S& s, const V& v) { s.oauth.token_cache = parse_bool(v); }},

    // Behaviour.
    {"ResultDisposition", "", K::kSetting, false, "external_links",
     [](S& s, const V& v) { s.disposition = parse_disposition(v); }},
    {"UserAgentEntry", "", K::kSetting, false, "",
     [](S& s, const V& v) { s.user_agent_entry = parse_user_agent_entry(v); }},
    {"SocketTimeout", "", K::kSetting, false, "900",
     [](S& s, const V& v) { s.socket_timeout = std::chrono::seconds(parse_int(v, 0, 86400)); }},
    {"RetryTimeout", "", K::kSetting, false, "120",
     [](S& s, const V& v) { s.retry_timeout = std::chrono::seconds(parse_int(v, 0, 86400)); }},
    // How result columns are described (SQLDescribeCol, SQLColAttribute).
    {"UseUnicodeSqlCharacterTypes", "", K::kSetting, false, "1",
     [](S& s, const V& v) { s.types.unicode_strings = parse_bool(v); }},
    {"DefaultStringColumnLength", "", K::kSetting, false, "65535",
     [](S& s, const V& v) { s.types.string_column_length = parse_int(v, 1, 2147483647); }},
    {"IntervalsAsText", "", K::kSetting, false, "1",
     [](S& s, const V& v) { s.types.intervals_as_text = parse_bool(v); }},
    // 0 sends SQL text as written (the default of SQL_ATTR_NOSCAN for every statement).
    {"EscapeProcessing", "", K::kSetting, false, "1",
     [](S& s, const V& v) { s.escape_processing = parse_bool(v); }},
    // The vendor drivers' key: 0 = the application writes ANSI SQL ("..." are quoted
    // identifiers), 1 = Databricks SQL as written; their 2 (decide per query) is taken as 1.
    {"UseNativeQuery", "", K::kSetting, false, "1",
     [](S& s, const V& v) { s.ansi_quoted_identifiers = parse_int(v, 0, 2) == 0; }},
    {"MetadataCacheTTL", "", K::kSetting, false, "300",
     [](S& s, const V& v) { s.metadata_cache_ttl = std::chrono::seconds(parse_int(v, 0, 86400)); }},
    {"MetadataCacheBytes", "", K::kSetting, false, "16777216",
     [](S& s, const V& v) { s.metadata_cache_bytes = parse_int(v, 0, 2147483647); }},
    // Result download: the memory budget of a result being read, and how many of its
    // chunks download at once within it (the vendor's key, here for EXTERNAL_LINKS).
    {"ResultBufferBytes", "", K::kSetting, false, "67108864",
     [](S& s, const V& v) { s.result_buffer_bytes = parse_int(v, 0, 2147483647); }},
    {"MaxNumResultFileDownloadThreads", "", K::kSetting, false, "4",
     [](S& s, const V& v) { s.download_threads = parse_int(v, 1, 64); }},
    {"LogLevel", "", K::kSetting, false, "0",
     [](S& s, const V& v) { s.log_level = parse_int(v, 0, 6); }},
    {"LogPath", "", K::kSetting, false, "", [](S& s, const V& v) { s.log_path = text(v); }},
    {"UseProxy", "", K::kSetting, false, "0",
     [](S& s, const V& v) { s.proxy.enabled = parse_bool(v); }},
    {"ProxyHost", "", K::kSetting, false, "", [](S& s, const V& v) { s.proxy.host = text(v); }},
    {"ProxyPort", "", K::kSetting, false, "",
     [](S& s, const V& v) { s.proxy.port = parse_int(v, 1, 65535); }},
    {"ProxyUID", "", K::kSetting, false, "", [](S& s, const V& v) { s.proxy.user = text(v); }},
    {"ProxyPWD", "", K::kSetting, true, "", [](S& s, const V& v) { s.proxy.password = text(v); }},

    // Read by the driver manager or the resolver; no Settings field of their own.
    {"Driver", "", K::kResolver, false, "", nullptr},
    {"DSN", "", K::kResolver, false, "", nullptr},
    {"FILEDSN", "", K::kResolver, false, "", nullptr},
    {"SAVEFILE", "", K::kResolver, false, "", nullptr},
    {"Description", "", K::kResolver, false, "", nullptr},
    {"Profile", "", K::kResolver, false, "", nullptr},

    // Secrets of vendor features this driver does without (the token cache is protected
    // by file permissions; refresh tokens are never taken from connection strings).
    {"TokenCachePassPhrase", "", K::kIgnored, true, "", nullptr},
    {"Auth_RefreshToken", "", K::kIgnored, true, "", nullptr},

    IGNORED("ThriftTransport"),
    IGNORED("SparkServerType"),
    IGNORED("AutoReconnect"),
    IGNORED("AsyncExecPollInterval"),
    IGNORED("EnableArrow"),
    IGNORED("EnableQueryResultDownload"),
    IGNORED("EnableQueryResultLZ4Compression"),
    IGNORED("MaxConsecutiveResultFileDownloadRetries"),
    IGNORED("MaxBytesPerFetchRequest"),
    IGNORED("EnableFetchHeartbeat"),
    IGNORED("FetchHeartbeatInterval"),
    IGNORED("RowsFetchedPerBlock"),
    IGNORED("DecimalColumnScale"),
    IGNORED("UseSystemTrustStore"),
    IGNORED("Min_TLS"),
    IGNORED("CheckCertRevocation"),
    IGNORED("AllowMissingCRLDistributionPoints"),
    IGNORED("ApplySSPWithQueries"),
    IGNORED("LCaseSspKeyName"),
    IGNORED("EnableMultipleCatalogsSupport"),
    IGNORED("TokenRenewLimit"),
    IGNORED("EnablePKFK"),
    IGNORED("EnableNativeParameterizedQuery"),
    IGNORED("PopulateParametersForNativeQuery"),
    IGNORED("ShowLocalTempSchemasInSQLTablesSchemasOnly"),
    IGNORED("ShowGlobalTempSchemasInSQLTablesSchemasOnly"),
    IGNORED("StagingAllowedLocalPaths"),
    IGNORED("EnableOIDCDiscovery"),
    IGNORED("OIDCDiscoveryEndpoint"),
    IGNORED("Trusted_Connection"),
};

#undef IGNORED

constexpr KeySpec kServerSideProperty = {"SSP_", "", K::kIgnored, false, "", nullptr};

}  // namespace

std::span<const KeySpec> key_table() {
  return kKeys;
}

const KeySpec* find_key(std::string_view name) {
  for (const KeySpec& spec : kKeys) {
    if (util::iequals(name, spec.name) || (!spec.alias.empty() && util::iequals(name, spec.alias)))
      return &spec;
  }
  if (name.size() > 4 && util::istarts_with(name, "SSP_")) return &kServerSideProperty;
  return nullptr;
}

}  // namespace dbsql::config
