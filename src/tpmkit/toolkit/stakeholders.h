// The stakeholder matrix (computations.md section 6) and the communication plan built
// on it: quadrant, priority, order, cadence, next contact, overdue, and what to raise
// with each stakeholder.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/model/program.h"

namespace tpmkit::toolkit {

enum class Quadrant { kManageClosely, kKeepSatisfied, kKeepInformed, kMonitor };
std::string_view QuadrantName(Quadrant q);   // manage_closely, keep_satisfied, ...
std::string_view QuadrantTitle(Quadrant q);  // "Manage closely", ...

// High influence = influence >= 4; high impact = impact >= 4.
Quadrant QuadrantOf(int influence, int impact);

// 7, 14, 14 and 30 calendar days.
int DefaultCadenceDays(Quadrant q);

struct StakeholderRow {
  std::string id;
  std::string name;
  std::string role;
  int influence = 1;
  int impact = 1;
  model::Stance stance = model::Stance::kNeutral;
  Quadrant quadrant = Quadrant::kMonitor;
  int priority = 1;  // influence * impact
  std::string channel;
  // The stakeholder's own cadence rounded up to whole days, else the quadrant's default.
  int cadence_days = 30;
  bool default_cadence = true;
  // The later of last_contact and the latest logged contact.
  std::optional<Date> last_contact;
  std::optional<Date> next_contact;  // last_contact + cadence; nullopt when never contacted
  bool overdue = false;              // next_contact < as_of, or never contacted
  std::optional<int> satisfaction;
};

struct StakeholderMatrix {
  Date as_of;
  // Ordered by priority descending, resistant before neutral before supportive, then id.
  std::vector<StakeholderRow> stakeholders;
  int overdue = 0;
};

StakeholderMatrix ComputeStakeholderMatrix(const model::Program& program, Date as_of);

// A risk whose category is one of these concerns a stakeholder whose role has a word
// starting with one of the stems (case-insensitive).
struct RoleKeywords {
  std::string_view category;
  std::vector<std::string_view> stems;
};
std::span<const RoleKeywords> RoleKeywordTable();

// The risk score from which a risk concerns every manage_closely stakeholder.
inline constexpr int kHighRiskScore = 12;

enum class TopicKind { kRisk, kDecision, kChange };
std::string_view TopicKindName(TopicKind k);  // risk, decision, change

// How directly a topic concerns a stakeholder, weakest first: they are managed closely
// and it is big; it is in their line of work (role); their weights are in the decision;
// it is theirs (they own the risk or requested the change).
enum class Tie { kManagedClosely, kRole, kWeights, kTheirs };

struct Topic {
  TopicKind kind = TopicKind::kRisk;
  std::string id;
  std::string title;               // risk title, decision question, change title
  std::string why;                 // why it concerns the stakeholder, in words
  std::string text;                // one sentence to raise, with the numbers
  Tie tie = Tie::kManagedClosely;  // the strongest of the reasons in `why`
  int weight = 0;                  // the risk's score; 0 for decisions and changes
  std::string message;             // `text` with what to ask of this stakeholder: the key message
};

struct CommunicationEntry {
  StakeholderRow stakeholder;
  // When to talk next: next_contact, or as_of when overdue or never contacted.
  Date contact_on;
  std::vector<Topic> topics;  // risks (register order), then decisions, then changes
  // The one topic to lead with (an index into topics): the most direct tie, preferring a
  // topic no stakeholder earlier in the plan leads with, then the highest risk score.
  std::optional<size_t> key;
};

struct CommunicationPlan {
  Date as_of;
  std::vector<CommunicationEntry> entries;  // in the matrix's order
};

// What to raise with whom. A topic concerns a stakeholder when:
// - an open or mitigating risk: its owner is the stakeholder's name or id; or its
//   category has a stem matching a word of the stakeholder's role (RoleKeywordTable);
//   or the stakeholder is manage_closely and the risk scores >= kHighRiskScore;
// - an open decision: the stakeholder's id or name is a key of stakeholder_weights, or
//   the stakeholder is manage_closely;
// - a proposed change: requested_by is the stakeholder's name or id, or the
//   stakeholder is manage_closely.
// Names and ids compare case-insensitively.
CommunicationPlan ComputeCommunicationPlan(const model::Program& program, Date as_of);

}  // namespace tpmkit::toolkit
