// Keeps schema/program.schema.json in step with the reader: every mapping the reader
// knows (program_keys.h) is in the schema with the same keys, the same required keys,
// and additionalProperties false.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "tpmkit/formats/program_keys.h"

namespace tpmkit::formats {
namespace {

namespace fs = std::filesystem;

nlohmann::json LoadSchema() {
  fs::path root = fs::current_path();
  while (!fs::exists(root / "schema" / "program.schema.json") && root != root.parent_path()) {
    root = root.parent_path();
  }
  std::ifstream in(root / "schema" / "program.schema.json");
  EXPECT_TRUE(in.good()) << "schema/program.schema.json not found from " << fs::current_path();
  return nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
}

std::set<std::string> Strings(std::span<const std::string_view> v) { return {v.begin(), v.end()}; }

TEST(ProgramSchemaTest, EveryReaderKeySetIsInTheSchema) {
  const nlohmann::json schema = LoadSchema();
  ASSERT_TRUE(schema.is_object());
  EXPECT_EQ(schema.value("$schema", ""), "https://json-schema.org/draft/2020-12/schema");
  for (const auto& set : internal::ProgramFileKeySets()) {
    SCOPED_TRACE(std::string(set.object));
    const std::string name(set.object);
    const nlohmann::json& def = name == "root" ? schema : schema["$defs"][name];
    ASSERT_TRUE(def.is_object()) << "no $defs/" << name;
    EXPECT_EQ(def.value("additionalProperties", true), false);
    std::set<std::string> properties;
    for (const auto& [key, value] : def["properties"].items()) properties.insert(key);
    EXPECT_EQ(properties, Strings(set.keys)) << "properties of " << name;
    std::set<std::string> required;
    if (def.contains("required")) {
      for (const auto& r : def["required"]) required.insert(r.get<std::string>());
    }
    EXPECT_EQ(required, Strings(set.required)) << "required keys of " << name;
  }
}

TEST(ProgramSchemaTest, KeySetsAreWellFormed) {
  std::set<std::string_view> names;
  for (const auto& set : internal::ProgramFileKeySets()) {
    EXPECT_TRUE(names.insert(set.object).second) << set.object;
    EXPECT_LE(set.keys.size(), 16u) << set.object;  // Fields holds up to 16 values
    EXPECT_EQ(Strings(set.keys).size(), set.keys.size()) << set.object;
    for (auto r : set.required) EXPECT_GE(internal::KeyIndex(set, r), 0) << set.object << "." << r;
  }
}

}  // namespace
}  // namespace tpmkit::formats
