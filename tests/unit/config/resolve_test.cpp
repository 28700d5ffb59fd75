// Host, warehouse and sign-in resolution, key aliases, unknown and ignored keys.
#include "config/resolve.h"

#include <gtest/gtest.h>

#include "config_test_support.h"
#include "util/secrets.h"

namespace dbsql::config {
namespace {

using ::testing::ElementsAre;
using testing::error_of;
using testing::FakeSources;
using ::testing::HasSubstr;
using testing::kBase;

constexpr const char* kWhere = "Host=h.example;HTTPPath=/sql/1.0/warehouses/w1;";

TEST(ResolveTest, MinimalPatConnection) {
  FakeSources fake;
  const Settings s = fake.resolve(kBase);
  EXPECT_EQ(s.host, "adb-1.azuredatabricks.net");
  EXPECT_EQ(s.port, 443);
  EXPECT_TRUE(s.ssl);
  EXPECT_EQ(s.warehouse_id, "abc123");
  EXPECT_EQ(s.http_path, "/sql/1.0/warehouses/abc123");
  EXPECT_EQ(s.auth, AuthKind::kPat);
  EXPECT_EQ(s.token, "dapi-base-token");
  EXPECT_EQ(s.disposition, Disposition::kExternalLinks);
  EXPECT_EQ(s.base_url(), "https://adb-1.azuredatabricks.net");
  EXPECT_TRUE(s.unknown_keys.empty());
  EXPECT_TRUE(s.ignored_keys.empty());
}

TEST(ResolveTest, HostFormsAreNormalised) {
  FakeSources fake;
  const std::string rest = "HTTPPath=/sql/1.0/warehouses/w;Token=t;";
  EXPECT_EQ(fake.resolve("Host=https://h.example/;" + rest).host, "h.example");
  EXPECT_EQ(fake.resolve("Host=HTTP://h.example//;" + rest).host, "h.example");
  const Settings with_port = fake.resolve("Host=https://h.example:8443/;" + rest);
  EXPECT_EQ(with_port.host, "h.example");
  EXPECT_EQ(with_port.port, 8443);
  EXPECT_EQ(with_port.base_url(), "https://h.example:8443");
  // An explicit Port wins over the one in Host.
  EXPECT_EQ(fake.resolve("Host=h.example:8443;Port=9443;" + rest).port, 9443);
  EXPECT_EQ(fake.resolve("Host=[::1]:8443;" + rest).host, "[::1]");
  // ... but a DSN's Port loses to a port written into the connection string's Host.
  fake.dsn("d", {{"Port", "9443"}});
  EXPECT_EQ(fake.resolve("DSN=d;Host=h.example:8443;" + rest).port, 8443);
  EXPECT_EQ(fake.resolve("DSN=d;Host=h.example;" + rest).port, 9443);
}

TEST(ResolveTest, BadHostsAreRefused) {
  FakeSources fake;
  const std::string rest = "HTTPPath=/sql/1.0/warehouses/w;Token=t;";
  for (const char* host :
       {"h.example/sql/1.0", "user@h.example", "h example", "h.example:x", "https://", ":443"}) {
    const Error e = error_of([&] { fake.resolve(std::string("Host={") + host + "};" + rest); });
    EXPECT_EQ(e.sqlstate(), "08001") << host;
    EXPECT_THAT(e.what(), HasSubstr("Host must be")) << host;
  }
}

TEST(ResolveTest, MissingHost) {
  FakeSources fake;
  const Error e = error_of([&] { fake.resolve("HTTPPath=/sql/1.0/warehouses/w;Token=t"); });
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_THAT(e.what(), HasSubstr("Host is missing: set Host=<workspace host>"));
}

TEST(ResolveTest, HttpPathForms) {
  FakeSources fake;
  const auto id = [&](const std::string& path) {
    return fake.resolve("Host=h;Token=t;HTTPPath={" + path + "}").warehouse_id;
  };
  EXPECT_EQ(id("/sql/1.0/warehouses/5f2a9c0d1e3b4a67"), "5f2a9c0d1e3b4a67");
  EXPECT_EQ(id("sql/1.0/warehouses/abc"), "abc");
  EXPECT_EQ(id("/sql/1.0/endpoints/legacy01"), "legacy01");
  EXPECT_EQ(id("/sql/1.0/warehouses/abc?o=1234567890"), "abc");
  EXPECT_EQ(id("/sql/1.0/warehouses/abc/"), "abc");
  EXPECT_EQ(id("/sql/1.0/warehouses/abc&x=1"), "abc");
}

TEST(ResolveTest, ClusterHttpPathIsRefusedClearly) {
  FakeSources fake;
  const Error e = error_of([&] {
    fake.resolve("Host=h;Token=t;HTTPPath=sql/protocolv1/o/1234567890/0123-456789-abcdefgh");
  });
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_THAT(e.what(), HasSubstr("Only SQL warehouses are supported"));
  EXPECT_THAT(e.what(), HasSubstr("HTTPPath must be /sql/1.0/warehouses/<id>"));
}

TEST(ResolveTest, OtherBadHttpPaths) {
  FakeSources fake;
  for (const char* path : {"/sql/1.0/", "/sql/1.0/warehouses/", "/sql/1.0/warehouses/a/b",
                           "/sql/1.0/warehouses/a%2Fb", "/something/else"}) {
    const Error e =
        error_of([&] { fake.resolve(std::string("Host=h;Token=t;HTTPPath={") + path + "}"); });
    EXPECT_THAT(e.what(), HasSubstr("HTTPPath must be /sql/1.0/warehouses/<warehouse id>")) << path;
  }
}

TEST(ResolveTest, WarehouseIdKeyAndConflicts) {
  FakeSources fake;
  const Settings s = fake.resolve("Host=h;Token=t;WarehouseId=w42");
  EXPECT_EQ(s.warehouse_id, "w42");
  EXPECT_EQ(s.http_path, "/sql/1.0/warehouses/w42");
  EXPECT_THAT(error_of([&] { fake.resolve("Host=h;Token=t;WarehouseId=w/../x"); }).what(),
              HasSubstr("WarehouseId must be a warehouse id"));
  EXPECT_THAT(error_of([&] {
                fake.resolve("Host=h;Token=t;WarehouseId=a;HTTPPath=/sql/1.0/warehouses/b");
              }).what(),
              HasSubstr("HTTPPath names warehouse b but WarehouseId is a"));
  // The same warehouse twice is fine; a DSN's HTTPPath loses to the string's WarehouseId.
  EXPECT_EQ(
      fake.resolve("Host=h;Token=t;WarehouseId=a;HTTPPath=/sql/1.0/warehouses/a").warehouse_id,
      "a");
  fake.dsn("d", {{"HTTPPath", "/sql/1.0/warehouses/from-dsn"}});
  EXPECT_EQ(fake.resolve("DSN=d;Host=h;Token=t;WarehouseId=from-string").warehouse_id,
            "from-string");
}

TEST(ResolveTest, MissingWarehouse) {
  FakeSources fake;
  const Error e = error_of([&] { fake.resolve("Host=h;Token=t"); });
  EXPECT_THAT(e.what(),
              HasSubstr("SQL warehouse is missing: set HTTPPath=/sql/1.0/warehouses/<id>"));
}

TEST(ResolveTest, Aliases) {
  FakeSources fake;
  const auto ca = fake.write_config("cert", "ca.pem");
  const Settings s = fake.resolve(std::string(kWhere) + "Token=t;Database=main;CAFile=" + ca);
  EXPECT_EQ(s.catalog, "main");
  EXPECT_EQ(s.ca_file, ca);
  // Catalog and its alias: the first one written wins, as for a repeated key.
  EXPECT_EQ(fake.resolve(std::string(kWhere) + "Token=t;Database=d1;Catalog=c1").catalog, "d1");
}

TEST(ResolveTest, UnknownAndIgnoredKeysAreListed) {
  FakeSources fake;
  fake.dsn("d", {{"Driver", "/usr/lib/libdbsqlodbc.so"},
                 {"Description", "prod"},
                 {"RowsFetchedPerBlock", "200000"},
                 {"MadeUpDsnKey", "1"}});
  const Settings s = fake.resolve(std::string(kBase) +
                                  "DSN=d;ThriftTransport=2;SparkServerType=3;UseNativeQuery=1;"
                                  "SSP_spark.sql.ansi.enabled=true;thrifttransport=2;Bogus=1;"
                                  "AutoReconnect=1;TokenCachePassPhrase=pp");
  EXPECT_THAT(s.ignored_keys, ElementsAre("ThriftTransport", "SparkServerType",
                                          "SSP_spark.sql.ansi.enabled", "AutoReconnect",
                                          "TokenCachePassPhrase", "RowsFetchedPerBlock"));
  EXPECT_THAT(s.unknown_keys, ElementsAre("Bogus"));
  EXPECT_THAT(s.unknown_dsn_keys, ElementsAre("MadeUpDsnKey"));
}

TEST(ResolveTest, EmptyValueCountsAsNotGiven) {
  FakeSources fake;
  fake.dsn("d", {{"PWD", "dsn-token"}, {"Catalog", "dsn_catalog"}});
  const Settings s = fake.resolve(std::string(kWhere) + "DSN=d;UID=token;PWD=;Catalog=");
  EXPECT_EQ(s.token, "dsn-token");
  EXPECT_EQ(s.catalog, "dsn_catalog");
}

TEST(ResolveTest, PatRequiresUidToken) {
  FakeSources fake;
  EXPECT_EQ(fake.resolve(std::string(kWhere) + "AuthMech=3;UID=Token;PWD=p").token, "p");
  const Error e =
      error_of([&] { fake.resolve(std::string(kWhere) + "AuthMech=3;UID=alice;PWD=p"); });
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_THAT(e.what(), HasSubstr("set UID=token and PWD=<token> (got UID='alice'"));
}

TEST(ResolveTest, PatFromTokenKeyOrPwd) {
  FakeSources fake;
  EXPECT_EQ(fake.resolve(std::string(kWhere) + "Token=tok").token, "tok");
  EXPECT_EQ(fake.resolve(std::string(kWhere) + "PWD=pwd").auth, AuthKind::kPat);
  // Both in one string: PWD, the Simba spelling, wins.
  EXPECT_EQ(fake.resolve(std::string(kWhere) + "Token=tok;PWD=pwd").token, "pwd");
  // Token in the string beats PWD in the DSN.
  fake.dsn("d", {{"PWD", "from-dsn"}});
  EXPECT_EQ(fake.resolve(std::string(kWhere) + "DSN=d;Token=from-string").token, "from-string");
}

TEST(ResolveTest, PatMissing) {
  FakeSources fake;
  const Error e = error_of([&] { fake.resolve(std::string(kWhere) + "AuthMech=3;UID=token"); });
  EXPECT_THAT(e.what(),
              HasSubstr("A personal access token is needed (AuthMech=3): set PWD=<token>"));
}

TEST(ResolveTest, NoCredentialsAtAll) {
  FakeSources fake;
  const Error e = error_of([&] { fake.resolve(kWhere); });
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_THAT(e.what(),
              HasSubstr("No credentials: set AuthMech=3;UID=token;PWD=<personal access token>"));
}

TEST(ResolveTest, OAuthPassThrough) {
  FakeSources fake;
  const Settings s =
      fake.resolve(std::string(kWhere) + "AuthMech=11;Auth_Flow=0;Auth_AccessToken=at");
  EXPECT_EQ(s.auth, AuthKind::kAccessToken);
  EXPECT_EQ(s.token, "at");
  // Auth_Flow defaults to 0, and an access token alone implies it.
  EXPECT_EQ(fake.resolve(std::string(kWhere) + "AuthMech=11;Auth_AccessToken=at").auth,
            AuthKind::kAccessToken);
  EXPECT_EQ(fake.resolve(std::string(kWhere) + "Auth_AccessToken=at").auth, AuthKind::kAccessToken);
  EXPECT_THAT(error_of([&] { fake.resolve(std::string(kWhere) + "AuthMech=11"); }).what(),
              HasSubstr("Auth_Flow=0 needs Auth_AccessToken=<OAuth access token>"));
}

TEST(ResolveTest, OAuthClientCredentials) {
  FakeSources fake;
  const Settings s = fake.resolve(std::string(kWhere) +
                                  "AuthMech=11;Auth_Flow=1;Auth_Client_ID=sp;Auth_Client_Secret=cs;"
                                  "Auth_Scope=all-apis;OAuth2TokenEndPoint=https://idp/token");
  EXPECT_EQ(s.auth, AuthKind::kClientCredentials);
  EXPECT_EQ(s.oauth.client_id, "sp");
  EXPECT_EQ(s.oauth.client_secret, "cs");
  EXPECT_EQ(s.oauth.scope, "all-apis");
  EXPECT_EQ(s.oauth.token_endpoint, "https://idp/token");
  EXPECT_TRUE(s.token.empty());
  EXPECT_EQ(
      fake.resolve(std::string(kWhere) + "Auth_Flow=1;Auth_Client_ID=sp;Auth_Client_Secret=cs")
          .auth,
      AuthKind::kClientCredentials);
  EXPECT_EQ(fake.resolve(std::string(kWhere) + "Auth_Client_ID=sp;Auth_Client_Secret=cs").auth,
            AuthKind::kClientCredentials);
  EXPECT_THAT(error_of([&] {
                fake.resolve(std::string(kWhere) + "AuthMech=11;Auth_Flow=1;Auth_Client_ID=sp");
              }).what(),
              HasSubstr("OAuth client credentials (Auth_Flow=1) needs Auth_Client_Secret"));
  EXPECT_THAT(error_of([&] {
                fake.resolve(std::string(kWhere) + "AuthMech=11;Auth_Flow=1;Auth_Client_Secret=cs");
              }).what(),
              HasSubstr("needs Auth_Client_ID"));
}

TEST(ResolveTest, OAuthBrowser) {
  FakeSources fake;
  const Settings s = fake.resolve(std::string(kWhere) +
                                  "AuthMech=11;Auth_Flow=2;OAuth2RedirectUrlPort=0;"
                                  "BrowserCommand=/usr/bin/true;EnableTokenCache=0");
  EXPECT_EQ(s.auth, AuthKind::kBrowser);
  EXPECT_EQ(s.oauth.client_id, "");  // the auth layer's public client
  EXPECT_EQ(s.oauth.redirect_port, 0);
  EXPECT_EQ(s.oauth.browser_command, "/usr/bin/true");
  EXPECT_FALSE(s.oauth.token_cache);
  const Settings defaults = fake.resolve(std::string(kWhere) + "AuthMech=11;Auth_Flow=2");
  EXPECT_EQ(defaults.oauth.redirect_port, 8020);
  EXPECT_EQ(defaults.oauth.sign_in_timeout, std::chrono::seconds(120));
  EXPECT_TRUE(defaults.oauth.token_cache);
}

TEST(ResolveTest, ProxySettings) {
  FakeSources fake;
  const Settings s = fake.resolve(std::string(kBase) +
                                  "UseProxy=1;ProxyHost=proxy.corp;ProxyPort=3128;ProxyUID=bob;"
                                  "ProxyPWD=proxy-pass");
  EXPECT_TRUE(s.proxy.enabled);
  EXPECT_EQ(s.proxy.host, "proxy.corp");
  EXPECT_EQ(s.proxy.port, 3128);
  EXPECT_EQ(s.proxy.user, "bob");
  EXPECT_EQ(s.proxy.password, "proxy-pass");
  // Proxy keys without UseProxy=1 leave the proxy off, as in the vendor driver.
  EXPECT_FALSE(fake.resolve(std::string(kBase) + "ProxyHost=p;ProxyPort=1").proxy.enabled);
}

TEST(ResolveTest, SecretsAreRegisteredForMasking) {
  util::clear_registered_secrets();
  FakeSources fake;
  fake.resolve(std::string(kWhere) +
               "AuthMech=11;Auth_Flow=1;Auth_Client_ID=sp;Auth_Client_Secret=client-secret-1;"
               "UseProxy=1;ProxyHost=p;ProxyPort=1;ProxyPWD=proxy-secret-1");
  fake.resolve(std::string(kWhere) + "Token=personal-token-1");
  const std::string masked = util::mask_secrets("client-secret-1 proxy-secret-1 personal-token-1");
  EXPECT_EQ(masked, "***** ***** *****");
  util::clear_registered_secrets();
}

TEST(ResolveTest, DescribeMasksSecrets) {
  FakeSources fake;
  const Settings s = fake.resolve(std::string(kBase) + "Catalog=main;Bogus=1");
  const std::string text = describe(s);
  EXPECT_THAT(text, HasSubstr("host=adb-1.azuredatabricks.net"));
  EXPECT_THAT(text, HasSubstr("warehouse=abc123"));
  EXPECT_THAT(text, HasSubstr("auth=pat token=*****"));
  EXPECT_THAT(text, HasSubstr("unknown_keys=[Bogus]"));
  EXPECT_THAT(text, ::testing::Not(HasSubstr("dapi-base-token")));
}

}  // namespace
}  // namespace dbsql::config
