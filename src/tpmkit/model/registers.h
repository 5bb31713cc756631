// The registers a TPM keeps beside the plan: scorecard, risks, stakeholders,
// decisions, change requests, audit checklist and KPI targets.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/base/money.h"
#include "tpmkit/model/enums.h"
#include "tpmkit/model/task.h"

namespace tpmkit::model {

struct Criterion {
  std::string id;
  std::string name;
  double weight = 0;
  friend bool operator==(const Criterion&, const Criterion&) = default;
};

struct Assessment {
  Date date;
  std::string by;
  std::map<std::string, int> ratings;  // criterion id -> 1 (no concern) .. 5 (severe)
  std::string notes;
  friend bool operator==(const Assessment&, const Assessment&) = default;
};

struct Scorecard {
  std::optional<std::vector<Criterion>> criteria;  // absent: DefaultCriteria()
  std::vector<Assessment> assessments;
  friend bool operator==(const Scorecard&, const Scorecard&) = default;
};

// The six default criteria with their weights (program-file.md).
const std::vector<Criterion>& DefaultCriteria();

struct RiskImpact {
  std::optional<double> schedule;  // working days added to each task in `tasks`
  std::optional<Money> cost;
  std::vector<std::string> tasks;
  friend bool operator==(const RiskImpact&, const RiskImpact&) = default;
};

struct Residual {
  double probability = 0;
  int severity = 1;
  friend bool operator==(const Residual&, const Residual&) = default;
};

struct Risk {
  std::string id;
  std::string title;
  std::string category;  // a scorecard criterion id
  std::string owner;
  RiskStatus status = RiskStatus::kOpen;
  std::optional<Date> raised;
  double probability = 0;
  int severity = 1;
  std::optional<RiskImpact> impact;
  std::string mitigation;
  std::string trigger;
  std::optional<Date> response_due;
  std::optional<Residual> residual;
  friend bool operator==(const Risk&, const Risk&) = default;
};

// One logged engagement with a stakeholder (tpmkit extension: `contacts`).
struct Contact {
  Date on;
  std::string note;
  friend bool operator==(const Contact&, const Contact&) = default;
};

struct Stakeholder {
  std::string id;
  std::string name;
  std::string role;
  int influence = 1;
  int impact = 1;
  Stance stance = Stance::kNeutral;
  std::string channel;
  std::optional<double> cadence;  // calendar days
  std::optional<Date> last_contact;
  std::optional<int> satisfaction;
  std::vector<Contact> contacts;
  friend bool operator==(const Stakeholder&, const Stakeholder&) = default;
};

struct DecisionCriterion {
  std::string id;
  std::string name;
  double weight = 0;
  std::optional<Measure> measure;  // filled from the option's simulated scenario
  friend bool operator==(const DecisionCriterion&, const DecisionCriterion&) = default;
};

struct DurationFactor {
  std::vector<std::string> tasks;
  double factor = 1;
  friend bool operator==(const DurationFactor&, const DurationFactor&) = default;
};

struct Scenario {
  std::optional<Money> cost;
  std::optional<DurationFactor> duration_factor;
  std::vector<std::string> remove_tasks;
  std::optional<Date> target;
  friend bool operator==(const Scenario&, const Scenario&) = default;
};

struct Option {
  std::string id;
  std::string name;
  std::map<std::string, int> scores;  // manual criterion id -> 1..5, 5 = best
  std::optional<Scenario> scenario;
  friend bool operator==(const Option&, const Option&) = default;
};

struct Decision {
  std::string id;
  std::string question;
  DecisionStatus status = DecisionStatus::kOpen;
  std::string decision_rule;
  std::vector<DecisionCriterion> criteria;
  std::vector<Option> options;
  // stakeholder id -> criterion id -> weight
  std::map<std::string, std::map<std::string, double>> stakeholder_weights;
  std::string chosen;
  std::string rationale;
  std::string decided_by;
  std::optional<Date> decided_on;
  friend bool operator==(const Decision&, const Decision&) = default;
};

struct ChangeImpact {
  std::optional<double> schedule;  // working days
  std::optional<Money> cost;
  friend bool operator==(const ChangeImpact&, const ChangeImpact&) = default;
};

struct Approval {
  std::string by;
  Date on;
  ApprovalDecision decision = ApprovalDecision::kApproved;
  std::string note;
  friend bool operator==(const Approval&, const Approval&) = default;
};

struct Change {
  std::string id;
  std::string title;
  std::string requested_by;
  std::optional<Date> requested_on;
  ChangeStatus status = ChangeStatus::kProposed;
  std::optional<ChangeImpact> impact;
  std::vector<Task> adds_tasks;
  std::vector<Approval> approvals;
  friend bool operator==(const Change&, const Change&) = default;
};

struct Evidence {
  std::string path;    // relative to the program file's folder (or --evidence-root)
  std::string sha256;  // lowercase hex, expected hash of `path`
  std::string url;
  friend bool operator==(const Evidence&, const Evidence&) = default;
};

struct Signoff {
  std::string by;
  Date on;
  friend bool operator==(const Signoff&, const Signoff&) = default;
};

struct AuditItem {
  std::string id;
  AuditStatus status = AuditStatus::kNotStarted;
  std::string owner;
  std::optional<Date> due;
  std::vector<Evidence> evidence;
  std::optional<Signoff> signoff;
  std::string note;
  friend bool operator==(const AuditItem&, const AuditItem&) = default;
};

struct Audit {
  std::optional<int> retention_years;
  std::vector<AuditItem> items;
  friend bool operator==(const Audit&, const Audit&) = default;
};

// The ten ids of the default audit checklist, in order.
const std::vector<std::string>& DefaultAuditItemIds();

struct Targets {
  std::optional<double> spi;
  std::optional<double> cpi;
  std::optional<double> p_on_time;
  std::optional<double> readiness;
  std::optional<double> satisfaction;
  std::optional<double> risk_score;
  friend bool operator==(const Targets&, const Targets&) = default;
};

}  // namespace tpmkit::model
