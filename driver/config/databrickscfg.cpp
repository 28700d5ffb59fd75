#include "config/databrickscfg.h"

#include <fstream>
#include <sstream>

#include "util/error.h"
#include "util/strings.h"

namespace dbsql::config {
namespace {

constexpr std::string_view kSettingsSection = "__settings__";
constexpr std::string_view kDefaultSection = "DEFAULT";

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const IniSection* find_section(const std::vector<IniSection>& sections, std::string_view name) {
  for (const IniSection& s : sections) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::string profile_names(const std::vector<IniSection>& sections) {
  std::string names;
  for (const IniSection& s : sections) {
    if (s.name == kSettingsSection) continue;
    if (!names.empty()) names += ", ";
    names += s.name;
  }
  return names.empty() ? "none" : names;
}

Profile make_profile(const IniSection& section, const std::string& file, bool named_explicitly) {
  return Profile{section.name, file, section.entries, named_explicitly};
}

}  // namespace

const std::string* Profile::find(std::string_view key) const {
  for (const Attribute& a : entries) {
    if (a.key == key) return a.value.empty() ? nullptr : &a.value;
  }
  return nullptr;
}

std::vector<IniSection> parse_ini(std::string_view text) {
  std::vector<IniSection> sections;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = util::trim(text.substr(pos, end - pos));
    pos = end + 1;
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;
    if (line.front() == '[' && line.back() == ']') {
      sections.push_back({std::string(util::trim(line.substr(1, line.size() - 2))), {}});
      continue;
    }
    const size_t sep = line.find_first_of("=:");
    if (sep == std::string_view::npos || sections.empty()) continue;
    const std::string key = util::to_lower(util::trim(line.substr(0, sep)));
    if (key.empty()) continue;
    auto& entries = sections.back().entries;
    bool seen = false;
    for (const Attribute& a : entries) seen = seen || a.key == key;
    if (!seen) entries.push_back({key, std::string(util::trim(line.substr(sep + 1)))});
  }
  return sections;
}

std::optional<Profile> load_profile(const std::string& file, const std::string& explicit_name) {
  const std::optional<std::string> text = read_file(file);
  if (!text) {
    if (explicit_name.empty()) return std::nullopt;
    throw Error("08001", "Profile '" + explicit_name +
                             "' was asked for but the configuration file " + file +
                             " cannot be read: create it (e.g. with 'databricks configure') "
                             "or remove the Profile key / DATABRICKS_CONFIG_PROFILE");
  }
  const std::vector<IniSection> sections = parse_ini(*text);
  if (!explicit_name.empty()) {
    if (const IniSection* s = find_section(sections, explicit_name)) {
      return make_profile(*s, file, true);
    }
    throw Error("08001", "Profile '" + explicit_name + "' is not in " + file +
                             " (profiles there: " + profile_names(sections) + ")");
  }
  if (const IniSection* settings = find_section(sections, kSettingsSection)) {
    for (const Attribute& a : settings->entries) {
      if (a.key != "default_profile" || a.value.empty()) continue;
      if (const IniSection* s = find_section(sections, a.value))
        return make_profile(*s, file, false);
      throw Error("08001", "default_profile '" + a.value + "' of [__settings__] in " + file +
                               " is not a profile in that file (profiles there: " +
                               profile_names(sections) + ")");
    }
  }
  const IniSection* fallback = find_section(sections, kDefaultSection);
  if (fallback && !fallback->entries.empty()) return make_profile(*fallback, file, false);
  return std::nullopt;
}

}  // namespace dbsql::config
