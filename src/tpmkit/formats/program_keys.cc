#include "tpmkit/formats/program_keys.h"

#include <array>

#include "tpmkit/base/check.h"

namespace tpmkit::formats::internal {

namespace {

using K = std::string_view;

constexpr std::array<K, 15> kRoot = {"tpmkit",    "program",      "calendar",     "assumptions",
                                     "projects",  "dependencies", "resources",    "actuals",
                                     "scorecard", "risks",        "stakeholders", "decisions",
                                     "changes",   "audit",        "targets"};
constexpr std::array<K, 2> kRootReq = {"tpmkit", "program"};
constexpr std::array<K, 9> kProgram = {"id",    "name",   "objective",   "sponsor", "currency",
                                       "start", "target", "status_date", "budget"};
constexpr std::array<K, 3> kProgramReq = {"id", "name", "start"};
constexpr std::array<K, 2> kCalendar = {"workweek", "holidays"};
constexpr std::array<K, 4> kProject = {"id", "name", "owner", "tasks"};
constexpr std::array<K, 2> kIdName = {"id", "name"};
constexpr std::array<K, 15> kTask = {"id",           "name",
                                     "owner",        "duration",
                                     "estimate",     "milestone",
                                     "depends",      "resources",
                                     "cost",         "percent_complete",
                                     "actual_start", "actual_finish",
                                     "baseline",     "start_no_earlier_than",
                                     "deadline"};
constexpr std::array<K, 4> kEstimate = {"optimistic", "likely", "pessimistic", "distribution"};
constexpr std::array<K, 3> kEstimateReq = {"optimistic", "likely", "pessimistic"};
constexpr std::array<K, 3> kLink = {"task", "type", "lag"};
constexpr std::array<K, 1> kLinkReq = {"task"};
constexpr std::array<K, 2> kBaseline = {"start", "finish"};
constexpr std::array<K, 8> kDependency = {"id",        "name",   "provider", "owner",
                                          "needed_by", "status", "tasks",    "expected"};
constexpr std::array<K, 4> kResource = {"id", "name", "rate", "capacity"};
constexpr std::array<K, 4> kActual = {"date", "amount", "task", "note"};
constexpr std::array<K, 2> kActualReq = {"date", "amount"};
constexpr std::array<K, 2> kScorecard = {"criteria", "assessments"};
constexpr std::array<K, 3> kCriterion = {"id", "name", "weight"};
constexpr std::array<K, 2> kIdWeight = {"id", "weight"};
constexpr std::array<K, 4> kAssessment = {"date", "by", "ratings", "notes"};
constexpr std::array<K, 2> kAssessmentReq = {"date", "ratings"};
constexpr std::array<K, 13> kRisk = {"id",      "title",        "category", "owner",  "status",
                                     "raised",  "probability",  "severity", "impact", "mitigation",
                                     "trigger", "response_due", "residual"};
constexpr std::array<K, 4> kRiskReq = {"id", "title", "probability", "severity"};
constexpr std::array<K, 3> kRiskImpact = {"schedule", "cost", "tasks"};
constexpr std::array<K, 2> kResidual = {"probability", "severity"};
constexpr std::array<K, 11> kStakeholder = {"id",           "name",         "role",    "influence",
                                            "impact",       "stance",       "channel", "cadence",
                                            "last_contact", "satisfaction", "contacts"};
constexpr std::array<K, 4> kStakeholderReq = {"id", "name", "influence", "impact"};
constexpr std::array<K, 2> kContact = {"on", "note"};
constexpr std::array<K, 1> kContactReq = {"on"};
constexpr std::array<K, 11> kDecision = {"id",
                                         "question",
                                         "status",
                                         "decision_rule",
                                         "criteria",
                                         "options",
                                         "stakeholder_weights",
                                         "chosen",
                                         "rationale",
                                         "decided_by",
                                         "decided_on"};
constexpr std::array<K, 2> kDecisionReq = {"id", "question"};
constexpr std::array<K, 4> kDecisionCriterion = {"id", "name", "weight", "measure"};
constexpr std::array<K, 4> kOption = {"id", "name", "scores", "scenario"};
constexpr std::array<K, 4> kScenario = {"cost", "duration_factor", "remove_tasks", "target"};
constexpr std::array<K, 2> kDurationFactor = {"tasks", "factor"};
constexpr std::array<K, 8> kChange = {"id",     "title",  "requested_by", "requested_on",
                                      "status", "impact", "adds_tasks",   "approvals"};
constexpr std::array<K, 2> kChangeReq = {"id", "title"};
constexpr std::array<K, 2> kChangeImpact = {"schedule", "cost"};
constexpr std::array<K, 4> kApproval = {"by", "on", "decision", "note"};
constexpr std::array<K, 3> kApprovalReq = {"by", "on", "decision"};
constexpr std::array<K, 2> kAudit = {"retention_years", "items"};
constexpr std::array<K, 7> kAuditItem = {"id",       "status",  "owner", "due",
                                         "evidence", "signoff", "note"};
constexpr std::array<K, 1> kIdOnly = {"id"};
constexpr std::array<K, 3> kEvidence = {"path", "sha256", "url"};
constexpr std::array<K, 2> kSignoff = {"by", "on"};
constexpr std::array<K, 6> kTargets = {"spi",       "cpi",          "p_on_time",
                                       "readiness", "satisfaction", "risk_score"};
constexpr std::span<const K> kNone;

const std::array<KeySet, 32> kSets = {{
    {"root", kRoot, kRootReq},
    {"program", kProgram, kProgramReq},
    {"calendar", kCalendar, kNone},
    {"project", kProject, kIdName},
    {"task", kTask, kIdName},
    {"estimate", kEstimate, kEstimateReq},
    {"link", kLink, kLinkReq},
    {"baseline", kBaseline, kNone},
    {"dependency", kDependency, kIdName},
    {"resource", kResource, kIdName},
    {"actual", kActual, kActualReq},
    {"scorecard", kScorecard, kNone},
    {"criterion", kCriterion, kIdWeight},
    {"assessment", kAssessment, kAssessmentReq},
    {"risk", kRisk, kRiskReq},
    {"risk_impact", kRiskImpact, kNone},
    {"residual", kResidual, kResidual},
    {"stakeholder", kStakeholder, kStakeholderReq},
    {"contact", kContact, kContactReq},
    {"decision", kDecision, kDecisionReq},
    {"decision_criterion", kDecisionCriterion, kIdWeight},
    {"option", kOption, kIdName},
    {"scenario", kScenario, kNone},
    {"duration_factor", kDurationFactor, kDurationFactor},
    {"change", kChange, kChangeReq},
    {"change_impact", kChangeImpact, kNone},
    {"approval", kApproval, kApprovalReq},
    {"audit", kAudit, kNone},
    {"audit_item", kAuditItem, kIdOnly},
    {"evidence", kEvidence, kNone},
    {"signoff", kSignoff, kSignoff},
    {"targets", kTargets, kNone},
}};

}  // namespace

std::span<const KeySet> ProgramFileKeySets() { return kSets; }

const KeySet& KeysOf(std::string_view object) {
  for (const auto& s : kSets) {
    if (s.object == object) return s;
  }
  TPMKIT_CHECK(false && "unknown key set");
  return kSets[0];
}

int KeyIndex(const KeySet& set, std::string_view key) {
  for (size_t i = 0; i < set.keys.size(); ++i) {
    if (set.keys[i] == key) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace tpmkit::formats::internal
