// Ids for what an import brings in (MS Project XML, Jira CSV): tpmkit ids made from names
// and file names, kept unique within their list.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

namespace tpmkit::formats {

// Lower-case letters and digits, runs of anything else as one '-', '_' kept:
// "Core Platform (v2)" -> "core-platform-v2". May be empty.
std::string Slug(std::string_view text);
// Whether `s` is a program id: [a-z0-9][a-z0-9_-]*.
bool IsSlug(std::string_view s);
// Whether `s` can stand as a task or project id as it is: valid text of at most 200 bytes,
// no space, control character or '.' (dots separate "project.task" references).
bool IsPlainId(std::string_view s);
// The file name without its folder and its last extension: "dir/plan.v2.xml" -> "plan.v2".
std::string FileStem(const std::string& file_name);

// The ids taken so far in one list.
class IdPool {
 public:
  // `wanted` if free, else wanted-2, wanted-3, ...
  std::string Take(const std::string& wanted);
  bool Has(const std::string& id) const { return used_.count(id) > 0; }

 private:
  std::unordered_set<std::string> used_;
};

}  // namespace tpmkit::formats
