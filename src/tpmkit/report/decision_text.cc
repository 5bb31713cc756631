#include "tpmkit/report/decision_text.h"

#include <nlohmann/json.hpp>

namespace tpmkit::report {

std::string MemoWrittenText(const std::string& path) {
  return "Wrote the decision memo to " + path;
}

std::string ChoiceText(const RecordedChoice& c) {
  // A choice changes one decision, hence "entry" (the sentence is kept as it always was).
  return "Recorded decision " + c.decision + ": " + c.option + ", decided by " + c.by + " (" +
         std::to_string(c.changed) + " entry in the audit trail).";
}

std::string ChoiceJson(const RecordedChoice& c) {
  return nlohmann::json{{"id", c.decision}, {"chosen", c.option}, {"changed", c.changed}}.dump(2);
}

}  // namespace tpmkit::report
