// The impact statements (toolkit/impact.h) in words: one sentence per statement, each with
// its evidence line, as plain text, Markdown and the JSON document of `impact --json`
// (docs/commands/impact.md). Every number carries its unit; text from the program has its
// control characters escaped.
#pragma once

#include <string>

#include "tpmkit/toolkit/impact.h"

namespace tpmkit::report {

struct ImpactReportInput {
  std::string program_id;
  std::string program_name;
  std::string currency;
  bool from_file = false;  // -f: no audit trail
  const toolkit::ImpactReport* report = nullptr;
};

// The statement as one sentence, ending with a full stop.
std::string ImpactSentence(const toolkit::ImpactStatement& s, const std::string& currency);
// "Evidence: risk R-04; raised 2026-05-11, closed 2026-06-10; audit trail entries 3 and 9."
std::string ImpactEvidence(const toolkit::ImpactStatement& s);

// A title line, what the statements rest on, then the statements by group, each sentence
// followed by its evidence line.
std::string ImpactText(const ImpactReportInput& input);
// The same in Markdown: a heading per group, a list item per statement.
std::string ImpactMarkdown(const ImpactReportInput& input);
// {"program","as_of","has_trail","trail_from","statements":[{"kind","group","basis","id",
//  "name","text","evidence","entities":[{"entity","id"}],"dates":[{"event","date"}],
//  "from","to","before","after","unit","amount","quantities":[{"name","unit","before",
//  "after","amount"}],"trail":[seq]}]}; before/after/unit/amount are the headline's.
std::string ImpactJson(const ImpactReportInput& input);

}  // namespace tpmkit::report
