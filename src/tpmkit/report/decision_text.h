// What `decide` says besides the analysis and the memo (decision_memo.h): the memo
// written to a file, and the choice recorded by `decide --choose`, in words and as JSON.
#pragma once

#include <cstddef>
#include <string>

namespace tpmkit::report {

// "Wrote the decision memo to PATH"
std::string MemoWrittenText(const std::string& path);

// What recording a choice did.
struct RecordedChoice {
  std::string decision;
  std::string option;
  std::string by;
  size_t changed = 0;  // audit entries written
};
// "Recorded decision D-01: OPTION, decided by NAME (N entry in the audit trail)."
std::string ChoiceText(const RecordedChoice& choice);
// {"id","chosen","changed"}
std::string ChoiceJson(const RecordedChoice& choice);

}  // namespace tpmkit::report
