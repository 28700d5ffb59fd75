// The key table itself: names resolve, aliases and prefixes work, and every documented
// default is what Settings really starts with.
#include "config/keys.h"

#include "config/connection_string.h"

#include <gtest/gtest.h>

#include <set>

#include "util/error.h"
#include "util/strings.h"

namespace dbsql::config {
namespace {

TEST(KeysTest, FindsByNameAndAliasIgnoringCase) {
  EXPECT_EQ(find_key("httppath")->name, "HTTPPath");
  EXPECT_EQ(find_key("DATABASE")->name, "Catalog");
  EXPECT_EQ(find_key("cafile")->name, "TrustedCerts");
  EXPECT_EQ(find_key("NoSuchKey"), nullptr);
}

TEST(KeysTest, ServerSidePropertiesAreIgnored) {
  const KeySpec* spec = find_key("SSP_spark.sql.thriftserver.metadata.table.singleschema");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->kind, KeyKind::kIgnored);
  EXPECT_EQ(find_key("SSP_"), nullptr);
}

TEST(KeysTest, NamesAndAliasesAreUnique) {
  std::set<std::string> seen;
  for (const KeySpec& spec : key_table()) {
    EXPECT_TRUE(seen.insert(util::to_lower(spec.name)).second) << spec.name;
    if (!spec.alias.empty()) {
      EXPECT_TRUE(seen.insert(util::to_lower(spec.alias)).second) << spec.alias;
    }
  }
}

TEST(KeysTest, SettingKeysHaveAnApplyFunctionOthersDoNot) {
  for (const KeySpec& spec : key_table()) {
    EXPECT_EQ(spec.apply != nullptr, spec.kind == KeyKind::kSetting) << spec.name;
  }
}

TEST(KeysTest, DocumentedDefaultsMatchSettingsDefaults) {
  int checked = 0;
  for (const KeySpec& spec : key_table()) {
    if (spec.kind != KeyKind::kSetting || spec.default_value.empty()) continue;
    Settings applied;
    spec.apply(applied, {spec.name, spec.default_value, ""});
    EXPECT_EQ(applied, Settings{}) << spec.name << "=" << spec.default_value;
    ++checked;
  }
  EXPECT_GE(checked, 10);
}

TEST(KeysTest, VendorKeysBiToolsSendAreKnown) {
  for (const char* key :
       {"ThriftTransport", "SparkServerType", "AutoReconnect",
        "AsyncExecPollInterval", "EnableArrow", "EnableQueryResultDownload", "RowsFetchedPerBlock",
        "DecimalColumnScale", "UseSystemTrustStore", "Min_TLS", "CheckCertRevocation",
        "AllowMissingCRLDistributionPoints", "EnableQueryResultLZ4Compression",
        "LCaseSspKeyName", "ApplySSPWithQueries"}) {
    const KeySpec* spec = find_key(key);
    ASSERT_NE(spec, nullptr) << key;
    EXPECT_EQ(spec->kind, KeyKind::kIgnored) << key;
  }
}

TEST(KeysTest, ResultDownloadKeysSetTheBudgetAndTheThreads) {
  Settings s;
  find_key("ResultBufferBytes")->apply(s, KeyValue{"ResultBufferBytes", "1048576", ""});
  find_key("maxnumresultfiledownloadthreads")
      ->apply(s, KeyValue{"MaxNumResultFileDownloadThreads", "8", ""});
  EXPECT_EQ(s.result_buffer_bytes, 1048576);
  EXPECT_EQ(s.download_threads, 8);
  EXPECT_THROW(find_key("MaxNumResultFileDownloadThreads")
                   ->apply(s, KeyValue{"MaxNumResultFileDownloadThreads", "0", ""}),
               dbsql::Error);
}

TEST(KeysTest, UseNativeQueryZeroMakesDoubleQuotesIdentifiers) {
  const KeySpec* spec = find_key("usenativequery");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->kind, KeyKind::kSetting);
  for (const auto& [value, ansi] : {std::pair{"0", true}, {"1", false}, {"2", false}}) {
    Settings s;
    spec->apply(s, KeyValue{"UseNativeQuery", value, ""});
    EXPECT_EQ(s.ansi_quoted_identifiers, ansi) << value;
  }
}

TEST(KeysTest, TypeReportingKeysSetTheirSettings) {
  Settings s;
  find_key("usEUnicodeSqlCharacterTypes")
      ->apply(s, KeyValue{"UseUnicodeSqlCharacterTypes", "0", ""});
  find_key("DefaultStringColumnLength")->apply(s, KeyValue{"DefaultStringColumnLength", "255", ""});
  find_key("IntervalsAsText")->apply(s, KeyValue{"IntervalsAsText", "0", ""});
  EXPECT_FALSE(s.types.unicode_strings);
  EXPECT_EQ(s.types.string_column_length, 255);
  EXPECT_FALSE(s.types.intervals_as_text);
  EXPECT_THROW(find_key("DefaultStringColumnLength")
                   ->apply(s, KeyValue{"DefaultStringColumnLength", "0", ""}),
               dbsql::Error);
}

TEST(KeysTest, SecretFlagsMatchTheCompletedStringMasking) {
  for (const KeySpec& spec : key_table()) {
    EXPECT_EQ(spec.secret, is_secret_key(spec.name)) << spec.name;
  }
}

}  // namespace
}  // namespace dbsql::config
