// Impact statements (`tpmkit impact`): quantified outcomes a TPM can put in a review or a
// promotion case, each with its evidence (entity ids, dates, audit-trail entries). They
// come from the program as it stands and, for a workspace program, from its audit trail
// (what each entity looked like when it was first recorded). Numbers only: report/
// words them. Pure; the plan is scheduled for change and decision figures.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/model/diff.h"
#include "tpmkit/model/program.h"

namespace tpmkit::toolkit {

// One entry of the program's audit trail as the caller reads it (the store's entry
// without its hash chain).
struct TrailEntry {
  int64_t seq = 0;
  Date on;  // the UTC date of the entry's timestamp
  std::string actor;
  model::EntityChange change;
};

// The groups statements are listed in, in this order.
enum class ImpactGroup {
  kRisks,
  kChanges,
  kDecisions,
  kAudit,
  kScorecard,
  kDependencies,
  kStakeholders
};
std::string_view ImpactGroupName(ImpactGroup g);  // risks, changes, decisions, audit, ...

enum class ImpactKind {
  kRiskClosed,           // a risk closed: its expected exposure retired
  kRiskMitigated,        // a risk's expected exposure lower than when first recorded
  kRiskResidual,         // a risk under mitigation: inherent -> assessed residual exposure
  kChangeRejected,       // a rejected change kept its days and money off the plan
  kChangeApproved,       // an approved change funded within the contingency
  kDecisionTaken,        // a decided decision and the chosen option's measured advantage
  kReadinessRaised,      // audit readiness higher than when the checklist was recorded
  kScorecardImproved,    // the scorecard score lower at the latest assessment than the first
  kDependencyDelivered,  // an external dependency delivered
  kStakeholderMoved,     // a stakeholder's stance better than when first recorded
};
// risk_closed, risk_mitigated, risk_residual, change_rejected, change_approved,
// decision_taken, readiness_raised, scorecard_improved, dependency_delivered,
// stakeholder_moved.
std::string_view ImpactKindName(ImpactKind k);
ImpactGroup GroupOf(ImpactKind k);

enum class ImpactUnit {
  kMoney,        // currency units of the program
  kWorkingDays,  // working days of the program's calendar
  kPercent,      // 0..100
  kScore,        // the scorecard's score, 0..100 (lower is less risk)
  kRiskScore,    // likelihood * severity, 1..25
  kRating,       // a 1..5 rating (stakeholder satisfaction)
  kTasks,        // a number of tasks
  kItems,        // a number of audit checklist items
};
// The unit's JSON spelling; kMoney spells as `currency`.
std::string ImpactUnitName(ImpactUnit u, std::string_view currency);

// Where a statement's "before" comes from.
enum class ImpactBasis {
  kData,      // the program as it stands (a file has nothing else)
  kTrail,     // the audit trail: the entity as first recorded
  kResidual,  // the risk's own residual assessment
};
std::string_view ImpactBasisName(ImpactBasis b);  // data, trail, residual

struct ImpactQuantity {
  std::string name;  // e.g. exposure_cost, exposure_days, risk_score, cost, schedule
  ImpactUnit unit = ImpactUnit::kMoney;
  std::optional<double> before;
  std::optional<double> after;
  // The size of the outcome, always > 0: before - after for a reduction, after - before
  // for a rise, the value itself for an amount without before and after.
  double amount = 0;
};

struct ImpactEntity {
  std::string entity;  // risk, change, decision, option, audit_item, assessment, ...
  std::string id;
};

struct ImpactDate {
  std::string event;  // raised, closed, requested, rejected, approved, decided, ...
  Date date;
};

struct ImpactStatement {
  ImpactKind kind = ImpactKind::kRiskClosed;
  ImpactBasis basis = ImpactBasis::kData;
  std::string id;    // the subject's id; "" for the program-wide kinds
  std::string name;  // the subject's title, name or question
  // The headline quantity first: it orders the statements of a group.
  std::vector<ImpactQuantity> quantities;
  // Words the data states, for the sentence: risk status, stance, scorecard band,
  // chosen option name ("before"/"after" as the kind needs them).
  std::string label_before;
  std::string label_after;
  std::string by;                         // who decided, rejected or approved
  std::vector<std::string> alternatives;  // decision: the names of the options not chosen
  std::vector<std::string> tasks;         // dependency: the tasks it unblocks
  std::string provider;                   // dependency: who delivered it
  std::optional<Date> from;               // the period the outcome covers
  std::optional<Date> to;
  std::vector<ImpactEntity> entities;  // the subject first
  std::vector<ImpactDate> dates;       // in date order
  std::vector<int64_t> trail;          // audit-trail seq numbers it rests on, ascending
};

struct ImpactInputs {
  Date as_of;  // the date in force; trail entries after it are left out
  // The program's audit trail, oldest first; nullopt for a program read from a file (only
  // data-derived statements are made then).
  std::optional<std::vector<TrailEntry>> trail;
};

struct ImpactReport {
  Date as_of;
  bool has_trail = false;
  std::optional<Date> trail_from;  // the date of the first trail entry used
  std::vector<ImpactStatement> statements;
};

// The statements the data supports, by group (ImpactGroup order), within a group the
// largest outcome first: money amount, then working days, then the other amounts of the
// headline, all descending, then id. A statement is made only when each of its
// quantities moved the right way (or, for amounts, is above zero), so that none needs
// correcting; movements the wrong way are not statements (the register commands show
// them). Kinds and their rules: docs/commands/impact.md. O(trail + program), plus one
// schedule per rejected change without stated days and two per decided decision.
ImpactReport ComputeImpact(const model::Program& program, const ImpactInputs& inputs);

// Audit readiness in percent (computations.md section 8) of a checklist given as item id
// -> status; the default items missing from it count as not_started. nullopt when no
// item applies.
std::optional<double> ReadinessOfStatuses(
    const std::vector<std::pair<std::string, model::AuditStatus>>& items);

}  // namespace tpmkit::toolkit
