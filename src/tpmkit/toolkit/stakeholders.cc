#include "tpmkit/toolkit/stakeholders.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <tuple>

#include "tpmkit/toolkit/amounts.h"
#include "tpmkit/toolkit/risk_register.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::toolkit {

namespace {

int StanceRank(model::Stance s) {
  switch (s) {
    case model::Stance::kResistant:
      return 0;
    case model::Stance::kNeutral:
      return 1;
    case model::Stance::kSupportive:
      return 2;
  }
  return 1;
}

const std::vector<RoleKeywords>& Keywords() {
  static const std::vector<RoleKeywords> kTable = {
      {"budget", {"financ", "cfo", "budget", "controller", "treasur"}},
      {"regulatory", {"complian", "legal", "audit", "regulat", "counsel", "privacy"}},
      {"vendor", {"procure", "vendor", "supplier", "purchas", "sourcing"}},
      {"technical_feasibility", {"engineer", "architect", "cto", "technical", "technolog"}},
      {"schedule", {"ops", "operation", "delivery", "schedul", "pmo", "planning"}},
  };
  return kTable;
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string cur;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c)) {
      cur += static_cast<char>(std::tolower(c));
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

// The role word that matches the category's stems, or "" when none does.
std::string RoleMatch(std::string_view category, std::string_view role) {
  const auto words = Words(role);
  for (const auto& k : Keywords()) {
    if (k.category != category) continue;
    for (const auto& w : words) {
      for (auto stem : k.stems) {
        if (w.starts_with(stem)) return w;
      }
    }
  }
  return "";
}

bool SamePerson(std::string_view who, const StakeholderRow& s) {
  if (who.empty()) return false;
  const auto w = wording::Lower(who);
  return w == wording::Lower(s.name) || w == wording::Lower(s.id);
}

// Ends a sentence unless the text already ends with a full stop, question or exclamation mark.
std::string Sentence(std::string text) {
  if (!text.empty() && text.back() != '.' && text.back() != '?' && text.back() != '!') {
    text += '.';
  }
  return text;
}

// What to say about a risk, and what to ask of this stakeholder.
std::string RiskMessage(const RiskRow& r, Tie tie, std::string_view currency) {
  std::vector<std::string> cost;
  if (r.exposure_cost) cost.push_back(WholeAmount(*r.exposure_cost, currency));
  if (r.exposure_days) cost.push_back(wording::Number(*r.exposure_days, 1) + " working days");
  std::string text = fmt::format("risk {} ({}) scores {} of 25", r.id, r.title, r.score);
  if (!cost.empty()) text += ", an expected cost of " + wording::JoinList(cost);
  if (tie == Tie::kTheirs) {
    return text + fmt::format(
                      "; it is theirs: ask what the mitigation has achieved and what "
                      "they need to bring it down{}.",
                      r.response_due ? " by " + r.response_due->ToString() : "");
  }
  if (tie == Tie::kRole) return text + "; tell them where it stands and what is being done.";
  return text + "; tell them where it stands and what we need from them.";
}

std::string DecisionMessage(const model::Decision& d, Tie tie) {
  const std::string text =
      fmt::format("decision {} is open with {}: {}", d.id,
                  wording::Count(static_cast<long>(d.options.size()), "option", "options"),
                  Sentence(d.question));
  if (tie == Tie::kWeights) return text + " Ask for their view before it is decided.";
  return text + " Tell them the options and when it will be decided.";
}

std::string ChangeMessage(const model::Change& c, Tie tie, std::string_view currency) {
  std::vector<std::string> impact;
  if (c.impact && c.impact->schedule) {
    impact.push_back(wording::Number(*c.impact->schedule) + " working days");
  }
  if (c.impact && c.impact->cost) impact.push_back(Amount(*c.impact->cost, currency));
  std::string text = fmt::format("change request {} ({}) is proposed", c.id, c.title);
  if (!impact.empty()) text += " and would add " + wording::JoinList(impact);
  if (tie == Tie::kTheirs) {
    return text +
           "; they asked for it: tell them what it costs the program and when it will "
           "be decided.";
  }
  return text + "; ask for their view before it is decided.";
}

// Each stakeholder's lead topic: the most direct tie, then a topic nobody before them
// leads with (so that one big risk does not crowd out everything else), then the score.
void ChooseKeyMessages(CommunicationPlan& plan) {
  std::vector<std::pair<TopicKind, std::string>> used;
  for (auto& e : plan.entries) {
    auto rank = [&](const Topic& t) {
      const bool fresh = std::find(used.begin(), used.end(), std::pair{t.kind, t.id}) == used.end();
      return std::tuple(static_cast<int>(t.tie), fresh, t.weight);
    };
    for (size_t i = 0; i < e.topics.size(); ++i) {
      if (!e.key || rank(e.topics[i]) > rank(e.topics[*e.key])) e.key = i;
    }
    if (e.key) used.emplace_back(e.topics[*e.key].kind, e.topics[*e.key].id);
  }
}
}  // namespace

std::string_view QuadrantName(Quadrant q) {
  switch (q) {
    case Quadrant::kManageClosely:
      return "manage_closely";
    case Quadrant::kKeepSatisfied:
      return "keep_satisfied";
    case Quadrant::kKeepInformed:
      return "keep_informed";
    case Quadrant::kMonitor:
      return "monitor";
  }
  return "";
}

std::string_view QuadrantTitle(Quadrant q) {
  switch (q) {
    case Quadrant::kManageClosely:
      return "Manage closely";
    case Quadrant::kKeepSatisfied:
      return "Keep satisfied";
    case Quadrant::kKeepInformed:
      return "Keep informed";
    case Quadrant::kMonitor:
      return "Monitor";
  }
  return "";
}

Quadrant QuadrantOf(int influence, int impact) {
  const bool hi_influence = influence >= 4;
  const bool hi_impact = impact >= 4;
  if (hi_influence && hi_impact) return Quadrant::kManageClosely;
  if (hi_influence) return Quadrant::kKeepSatisfied;
  if (hi_impact) return Quadrant::kKeepInformed;
  return Quadrant::kMonitor;
}

int DefaultCadenceDays(Quadrant q) {
  switch (q) {
    case Quadrant::kManageClosely:
      return 7;
    case Quadrant::kKeepSatisfied:
      return 14;
    case Quadrant::kKeepInformed:
      return 14;
    case Quadrant::kMonitor:
      return 30;
  }
  return 30;
}

std::span<const RoleKeywords> RoleKeywordTable() { return Keywords(); }

std::string_view TopicKindName(TopicKind k) {
  switch (k) {
    case TopicKind::kRisk:
      return "risk";
    case TopicKind::kDecision:
      return "decision";
    case TopicKind::kChange:
      return "change";
  }
  return "";
}

StakeholderMatrix ComputeStakeholderMatrix(const model::Program& program, Date as_of) {
  StakeholderMatrix out;
  out.as_of = as_of;
  for (const auto& s : program.stakeholders) {
    StakeholderRow row;
    row.id = s.id;
    row.name = s.name;
    row.role = s.role;
    row.influence = s.influence;
    row.impact = s.impact;
    row.stance = s.stance;
    row.quadrant = QuadrantOf(s.influence, s.impact);
    row.priority = s.influence * s.impact;
    row.channel = s.channel;
    if (s.cadence) {
      // Cadence is in calendar days; a fractional one is rounded up to a whole day.
      row.cadence_days = static_cast<int>(std::ceil(*s.cadence));
      row.default_cadence = false;
    } else {
      row.cadence_days = DefaultCadenceDays(row.quadrant);
    }
    row.last_contact = s.last_contact;
    for (const auto& c : s.contacts) {
      if (!row.last_contact || c.on > *row.last_contact) row.last_contact = c.on;
    }
    if (row.last_contact) {
      row.next_contact = *row.last_contact + row.cadence_days;
      row.overdue = *row.next_contact < as_of;
    } else {
      row.overdue = true;
    }
    row.satisfaction = s.satisfaction;
    out.overdue += row.overdue ? 1 : 0;
    out.stakeholders.push_back(std::move(row));
  }
  std::sort(out.stakeholders.begin(), out.stakeholders.end(),
            [](const StakeholderRow& a, const StakeholderRow& b) {
              return std::tuple(-a.priority, StanceRank(a.stance), std::string_view(a.id)) <
                     std::tuple(-b.priority, StanceRank(b.stance), std::string_view(b.id));
            });
  return out;
}

CommunicationPlan ComputeCommunicationPlan(const model::Program& program, Date as_of) {
  CommunicationPlan plan;
  plan.as_of = as_of;
  const auto matrix = ComputeStakeholderMatrix(program, as_of);
  const auto reg = ComputeRiskRegister(program);

  for (const auto& s : matrix.stakeholders) {
    CommunicationEntry e;
    e.stakeholder = s;
    e.contact_on = (s.overdue || !s.next_contact) ? as_of : *s.next_contact;
    const bool closely = s.quadrant == Quadrant::kManageClosely;

    for (const auto& r : reg.risks) {
      if (!IsActive(r.status)) {
        continue;
      }
      std::vector<std::string> why;
      std::optional<Tie> tie;
      auto tied = [&](Tie t) { tie = tie ? std::max(*tie, t) : t; };
      if (SamePerson(r.owner, s)) {
        why.push_back("they own it");
        tied(Tie::kTheirs);
      }
      if (auto word = RoleMatch(r.category, s.role); !word.empty()) {
        why.push_back(
            fmt::format("its category {} matches the role word \"{}\"", r.category, word));
        tied(Tie::kRole);
      }
      if (closely && r.score >= kHighRiskScore) {
        why.push_back(fmt::format("it scores {} of 25 and they are managed closely", r.score));
        tied(Tie::kManagedClosely);
      }
      if (why.empty()) continue;
      std::string text = fmt::format(
          "Risk {} ({}), {}, scores {} of 25 (likelihood {} x "
          "severity {})",
          r.id, r.title, model::Name(r.status), r.score, r.likelihood, r.severity);
      if (r.exposure_cost) {
        text += ", with an exposure of " +
                Amount(Money::FromDouble(*r.exposure_cost), program.currency);
      }
      if (r.exposure_days) {
        text +=
            fmt::format("{} {} working days", r.exposure_cost ? " and" : ", with an exposure of",
                        wording::Number(*r.exposure_days));
      }
      text += ".";
      e.topics.push_back({TopicKind::kRisk, r.id, r.title, wording::JoinList(why), text, *tie,
                          r.score, RiskMessage(r, *tie, program.currency)});
    }

    for (const auto& d : program.decisions) {
      if (d.status != model::DecisionStatus::kOpen) continue;
      std::vector<std::string> why;
      Tie tie = Tie::kManagedClosely;
      for (const auto& [who, weights] : d.stakeholder_weights) {
        if (SamePerson(who, s)) {
          why.push_back("their weights are in the decision");
          tie = Tie::kWeights;
          break;
        }
      }
      if (closely) why.push_back("they are managed closely");
      if (why.empty()) continue;
      std::string text = Sentence(fmt::format(
          "Decision {} is open with {} to weigh: {}", d.id,
          wording::Count(static_cast<long>(d.options.size()), "option", "options"), d.question));
      e.topics.push_back({TopicKind::kDecision, d.id, d.question, wording::JoinList(why), text, tie,
                          0, DecisionMessage(d, tie)});
    }

    for (const auto& c : program.changes) {
      if (c.status != model::ChangeStatus::kProposed) continue;
      std::vector<std::string> why;
      const Tie tie = SamePerson(c.requested_by, s) ? Tie::kTheirs : Tie::kManagedClosely;
      if (tie == Tie::kTheirs) why.push_back("they requested it");
      if (closely) why.push_back("they are managed closely");
      if (why.empty()) continue;
      std::string text = fmt::format("Change request {} ({}) is proposed", c.id, c.title);
      std::vector<std::string> impact;
      if (c.impact && c.impact->schedule) {
        impact.push_back(wording::Number(*c.impact->schedule) + " working days");
      }
      if (c.impact && c.impact->cost) {
        impact.push_back(Amount(*c.impact->cost, program.currency));
      }
      if (!impact.empty()) text += ", adding " + wording::JoinList(impact);
      text += ".";
      e.topics.push_back({TopicKind::kChange, c.id, c.title, wording::JoinList(why), text, tie, 0,
                          ChangeMessage(c, tie, program.currency)});
    }
    plan.entries.push_back(std::move(e));
  }
  ChooseKeyMessages(plan);
  return plan;
}

}  // namespace tpmkit::toolkit
