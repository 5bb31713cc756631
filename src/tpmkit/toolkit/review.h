// The plan review of computations.md section 10: a language bank of eight themes, each
// with the question a senior TPM asks and follow-up phrases, and the rules that raise a
// theme's question against a program. The bank is data; the rules are code.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/model/program.h"
#include "tpmkit/plan/schedule.h"
#include "tpmkit/toolkit/health.h"

namespace tpmkit::toolkit {

enum class Theme {
  kAssumptions,
  kRisks,
  kAccountability,
  kDependencies,
  kCriticalPath,
  kWorstCase,
  kKpis,
  kDecisionRule,
};
inline constexpr int kThemeCount = 8;

// assumptions, risks, accountability, dependencies, critical_path, worst_case, kpis,
// decision_rule.
std::string_view ThemeName(Theme t);
// The theme in words, for headings: "Assumptions", "Critical path", "Measures (KPIs)", ...
std::string_view ThemeTitle(Theme t);
std::optional<Theme> ParseTheme(std::string_view name);
std::span<const Theme> AllThemes();

// A follow-up that only makes sense when one rule raised the theme ("set a target" only
// when no target is set). Rule keys are Finding::rules values.
struct RulePhrase {
  std::string rule;
  std::string text;
  friend bool operator==(const RulePhrase&, const RulePhrase&) = default;
};

struct BankEntry {
  Theme theme = Theme::kAssumptions;
  std::string question;                  // one question, ending with '?'
  std::vector<std::string> phrases;      // follow-ups a TPM can say as they are, whatever the rule
  std::vector<RulePhrase> rule_phrases;  // follow-ups for one rule each
};

struct Finding;
// The follow-ups for a theme's findings: its phrases, then the rule phrases of the rules
// that raised them (each once, in bank order).
std::vector<std::string> PhrasesFor(const BankEntry& entry, std::span<const Finding> findings);

// One entry per theme, in AllThemes() order.
struct LanguageBank {
  std::vector<BankEntry> entries;
  const BankEntry& Entry(Theme t) const { return entries[static_cast<size_t>(t)]; }
};

// tpmkit's own bank.
const LanguageBank& DefaultLanguageBank();

// Changes to a bank, as a bank file states them (formats/language_bank).
struct BankOverride {
  Theme theme = Theme::kAssumptions;
  std::optional<std::string> question;  // replaces the question when set
  std::vector<std::string> phrases;     // added after the bank's phrases (or replacing)
  bool replace_phrases = false;
};
LanguageBank ApplyBankOverrides(LanguageBank bank, const std::vector<BankOverride>& overrides);

// What the rules read besides the program; the caller computes it.
struct ReviewInputs {
  // The schedule with progress as of the review date (critical tasks, float to target).
  const plan::Schedule* schedule = nullptr;
  // The forecast's p90 finish date; nullopt when no forecast ran.
  std::optional<Date> p90_finish;
  // KPI health (section 9) from the caller's values.
  std::optional<Health> health;
  // The date in force: overdue audit items and stakeholder contacts are measured from it.
  std::optional<Date> as_of;
};

enum class SubjectKind {
  kProgram,
  kTask,
  kRisk,
  kDependency,
  kDecision,
  kChange,
  kKpi,
  kAuditItem,
  kStakeholder,
};
std::string_view SubjectKindName(SubjectKind k);  // program, task, risk, audit item, ...

struct Finding {
  Theme theme = Theme::kAssumptions;
  std::string question;
  SubjectKind subject_kind = SubjectKind::kProgram;
  std::string subject;             // "task billing-build", "risk R-01", "program phoenix"
  std::string detail;              // one or two sentences with the numbers
  std::vector<std::string> rules;  // which rules raised it ("no_owner", "red", ...)
};

// The rules of section 10, theme by theme in AllThemes() order; within a theme, in file
// order of the subjects. One finding per subject and theme (several reasons are joined
// in its detail). Rules that need an input the caller did not give are skipped
// (critical_path without a schedule, worst_case's p90 rule without a p90 or a target,
// overdue items and contacts without as_of). Besides the spec's rules, it raises what is
// late as of the date: a task's missed deadline (critical_path), an overdue audit item
// and an overdue stakeholder contact (accountability).
std::vector<Finding> ReviewProgram(const model::Program& program, const ReviewInputs& inputs,
                                   const LanguageBank& bank = DefaultLanguageBank());

}  // namespace tpmkit::toolkit
