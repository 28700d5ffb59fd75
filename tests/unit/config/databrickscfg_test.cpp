#include "config/databrickscfg.h"

#include <gtest/gtest.h>

#include "config_test_support.h"

namespace dbsql::config {
namespace {

using testing::error_of;
using testing::FakeSources;

TEST(DatabricksCfgTest, ParsesSectionsCommentsAndBothSeparators) {
  const auto sections = parse_ini(
      "; comment\n# another\n[DEFAULT]\nHost = https://h/\r\ntoken: abc\n\n"
      "not a pair\n[ prod ]\nclient_id=x\nclient_id=second\n");
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_EQ(sections[0].name, "DEFAULT");
  ASSERT_EQ(sections[0].entries.size(), 2u);
  EXPECT_EQ(sections[0].entries[0].key, "host");  // keys lower-cased
  EXPECT_EQ(sections[0].entries[0].value, "https://h/");
  EXPECT_EQ(sections[0].entries[1].value, "abc");
  EXPECT_EQ(sections[1].name, "prod");
  ASSERT_EQ(sections[1].entries.size(), 1u);
  EXPECT_EQ(sections[1].entries[0].value, "x");  // first wins
}

TEST(DatabricksCfgTest, EntriesBeforeAnySectionAreSkipped) {
  EXPECT_TRUE(parse_ini("host=h\n").empty());
}

TEST(DatabricksCfgTest, ProfileSelectionOrder) {
  FakeSources fake;
  const std::string file = fake.write_config(
      "[DEFAULT]\nhost=d\n[a]\nhost=a\n[b]\nhost=b\n[__settings__]\ndefault_profile=b\n");
  auto explicit_profile = load_profile(file, "a");
  ASSERT_TRUE(explicit_profile);
  EXPECT_EQ(explicit_profile->name, "a");
  EXPECT_TRUE(explicit_profile->named_explicitly);
  auto settings_default = load_profile(file, "");
  ASSERT_TRUE(settings_default);
  EXPECT_EQ(settings_default->name, "b");
  EXPECT_FALSE(settings_default->named_explicitly);
  EXPECT_EQ(*settings_default->find("host"), "b");
}

TEST(DatabricksCfgTest, DefaultSectionOnlyWhenItHasEntries) {
  FakeSources fake;
  EXPECT_FALSE(load_profile(fake.write_config("[DEFAULT]\n[other]\nhost=o\n"), ""));
  const auto p = load_profile(fake.write_config("[DEFAULT]\nhost=d\n"), "");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->name, "DEFAULT");
}

TEST(DatabricksCfgTest, DefaultIsNotMergedIntoOtherProfiles) {
  FakeSources fake;
  const auto p = load_profile(fake.write_config("[DEFAULT]\ntoken=t\n[a]\nhost=a\n"), "a");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->find("token"), nullptr);
}

TEST(DatabricksCfgTest, MissingFileIsOnlyAnErrorWhenAProfileIsNamed) {
  FakeSources fake;
  const std::string missing = (fake.home() / "absent.cfg").string();
  EXPECT_FALSE(load_profile(missing, ""));
  EXPECT_EQ(error_of([&] { load_profile(missing, "x"); }).sqlstate(), "08001");
}

TEST(DatabricksCfgTest, SettingsDefaultProfileThatDoesNotExist) {
  FakeSources fake;
  const std::string file = fake.write_config("[a]\nhost=a\n[__settings__]\ndefault_profile=zzz\n");
  const Error e = error_of([&] { load_profile(file, ""); });
  EXPECT_THAT(e.what(), ::testing::HasSubstr("default_profile 'zzz' of [__settings__]"));
  EXPECT_THAT(e.what(), ::testing::HasSubstr("(profiles there: a)"));
}

TEST(DatabricksCfgTest, EmptyValuesCountAsAbsent) {
  FakeSources fake;
  const auto p = load_profile(fake.write_config("[DEFAULT]\nhost=\ntoken=t\n"), "");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->find("host"), nullptr);
  EXPECT_EQ(*p->find("token"), "t");
}

}  // namespace
}  // namespace dbsql::config
