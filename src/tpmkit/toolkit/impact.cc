#include "tpmkit/toolkit/impact.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <utility>

#include "tpmkit/model/replay.h"
#include "tpmkit/plan/calendar.h"
#include "tpmkit/plan/scenario.h"
#include "tpmkit/plan/schedule.h"
#include "tpmkit/toolkit/audit_readiness.h"
#include "tpmkit/toolkit/change_control.h"
#include "tpmkit/toolkit/risk_register.h"
#include "tpmkit/toolkit/scorecard.h"

namespace tpmkit::toolkit {

std::string_view ImpactGroupName(ImpactGroup g) {
  switch (g) {
    case ImpactGroup::kRisks:
      return "risks";
    case ImpactGroup::kChanges:
      return "changes";
    case ImpactGroup::kDecisions:
      return "decisions";
    case ImpactGroup::kAudit:
      return "audit";
    case ImpactGroup::kScorecard:
      return "scorecard";
    case ImpactGroup::kDependencies:
      return "dependencies";
    case ImpactGroup::kStakeholders:
      return "stakeholders";
  }
  return "risks";
}

std::string_view ImpactKindName(ImpactKind k) {
  switch (k) {
    case ImpactKind::kRiskClosed:
      return "risk_closed";
    case ImpactKind::kRiskMitigated:
      return "risk_mitigated";
    case ImpactKind::kRiskResidual:
      return "risk_residual";
    case ImpactKind::kChangeRejected:
      return "change_rejected";
    case ImpactKind::kChangeApproved:
      return "change_approved";
    case ImpactKind::kDecisionTaken:
      return "decision_taken";
    case ImpactKind::kReadinessRaised:
      return "readiness_raised";
    case ImpactKind::kScorecardImproved:
      return "scorecard_improved";
    case ImpactKind::kDependencyDelivered:
      return "dependency_delivered";
    case ImpactKind::kStakeholderMoved:
      return "stakeholder_moved";
  }
  return "risk_closed";
}

ImpactGroup GroupOf(ImpactKind k) {
  switch (k) {
    case ImpactKind::kRiskClosed:
    case ImpactKind::kRiskMitigated:
    case ImpactKind::kRiskResidual:
      return ImpactGroup::kRisks;
    case ImpactKind::kChangeRejected:
    case ImpactKind::kChangeApproved:
      return ImpactGroup::kChanges;
    case ImpactKind::kDecisionTaken:
      return ImpactGroup::kDecisions;
    case ImpactKind::kReadinessRaised:
      return ImpactGroup::kAudit;
    case ImpactKind::kScorecardImproved:
      return ImpactGroup::kScorecard;
    case ImpactKind::kDependencyDelivered:
      return ImpactGroup::kDependencies;
    case ImpactKind::kStakeholderMoved:
      return ImpactGroup::kStakeholders;
  }
  return ImpactGroup::kRisks;
}

std::string ImpactUnitName(ImpactUnit u, std::string_view currency) {
  switch (u) {
    case ImpactUnit::kMoney:
      return std::string(currency);
    case ImpactUnit::kWorkingDays:
      return "working_days";
    case ImpactUnit::kPercent:
      return "percent";
    case ImpactUnit::kScore:
      return "score_0_100";
    case ImpactUnit::kRiskScore:
      return "risk_score_1_25";
    case ImpactUnit::kRating:
      return "rating_1_5";
    case ImpactUnit::kTasks:
      return "tasks";
    case ImpactUnit::kItems:
      return "items";
  }
  return "";
}

std::string_view ImpactBasisName(ImpactBasis b) {
  switch (b) {
    case ImpactBasis::kData:
      return "data";
    case ImpactBasis::kTrail:
      return "trail";
    case ImpactBasis::kResidual:
      return "residual";
  }
  return "data";
}

std::optional<double> ReadinessOfStatuses(
    const std::vector<std::pair<std::string, model::AuditStatus>>& items) {
  std::map<std::string, model::AuditStatus> all;
  for (const auto& id : model::DefaultAuditItemIds()) all[id] = model::AuditStatus::kNotStarted;
  for (const auto& [id, status] : items) all[id] = status;
  int done = 0, applicable = 0;
  for (const auto& [id, status] : all) {
    if (status == model::AuditStatus::kNotApplicable) continue;
    ++applicable;
    if (status == model::AuditStatus::kDone) ++done;
  }
  if (applicable == 0) return std::nullopt;
  return 100.0 * done / applicable;
}

namespace {

using Fields = std::map<std::string, std::string>;

// One entity as the trail first recorded it, and the entries that changed it since.
struct Recorded {
  int64_t first_seq = 0;
  Date first_on;
  Fields first;
  std::vector<const TrailEntry*> later;  // updates after the creation, oldest first
};

using Histories = std::map<model::EntityKey, Recorded>;

// The kinds of entity the statements read from the trail.
bool Tracked(const std::string& entity) {
  return entity == "risk" || entity == "change" || entity == "decision" || entity == "audit_item" ||
         entity == "dependency" || entity == "stakeholder";
}

Histories BuildHistories(const std::vector<TrailEntry>& trail, Date as_of) {
  Histories h;
  for (const auto& e : trail) {
    if (e.on > as_of) continue;
    const auto& c = e.change;
    if (c.entity == "program" && c.action == model::ChangeAction::kDelete) {
      // The program was deleted: what comes after is a new history.
      h.clear();
      continue;
    }
    if (!Tracked(c.entity)) continue;
    model::EntityKey key{c.entity, c.entity_id};
    if (c.action == model::ChangeAction::kDelete) {
      h.erase(key);
      continue;
    }
    auto it = h.find(key);
    if (it == h.end() || c.action == model::ChangeAction::kCreate) {
      Recorded r;
      r.first_seq = e.seq;
      r.first_on = e.on;
      for (const auto& f : c.changes) {
        if (f.new_value) r.first[f.field] = *f.new_value;
      }
      h[key] = std::move(r);
      continue;
    }
    it->second.later.push_back(&e);
  }
  return h;
}

const Recorded* Find(const Histories& h, std::string_view entity, const std::string& id) {
  auto it = h.find(model::EntityKey{std::string(entity), id});
  return it == h.end() ? nullptr : &it->second;
}

std::optional<std::string> Field(const Fields& f, const std::string& name) {
  auto it = f.find(name);
  if (it == f.end()) return std::nullopt;
  return it->second;
}

// The canonical numbers of diff.h: "0.4", "25", "10d" (days), "1234.5" (money).
std::optional<double> NumberOf(std::optional<std::string> text) {
  if (!text || text->empty()) return std::nullopt;
  std::string s = *text;
  if (s.back() == 'd') s.pop_back();
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

template <typename E>
std::optional<E> EnumOf(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return model::Parse<E>(*text);
}

// The entries among `r.later` that changed one of `fields` (a field ending in '.'
// matches every field with that prefix), and, when `value` is given, set it to that.
std::vector<const TrailEntry*> ChangesOf(const Recorded& r,
                                         std::initializer_list<std::string_view> fields,
                                         std::optional<std::string_view> value = std::nullopt) {
  std::vector<const TrailEntry*> out;
  for (const auto* e : r.later) {
    for (const auto& f : e->change.changes) {
      const bool match = std::any_of(fields.begin(), fields.end(), [&](std::string_view name) {
        return name.ends_with('.') ? std::string_view(f.field).starts_with(name) : f.field == name;
      });
      if (match && (!value || (f.new_value && *f.new_value == *value))) {
        out.push_back(e);
        break;
      }
    }
  }
  return out;
}

void AddTrail(ImpactStatement& s, int64_t seq) {
  if (std::find(s.trail.begin(), s.trail.end(), seq) == s.trail.end()) s.trail.push_back(seq);
}

void AddDate(ImpactStatement& s, std::string event, std::optional<Date> date) {
  if (date) s.dates.push_back({std::move(event), *date});
}

// A reduction from `before` to `after` as a quantity; nullopt unless it is one.
std::optional<ImpactQuantity> Reduction(std::string name, ImpactUnit unit,
                                        std::optional<double> before, std::optional<double> after) {
  if (!before || !after || !(*after < *before)) return std::nullopt;
  return ImpactQuantity{std::move(name), unit, before, after, *before - *after};
}

ImpactQuantity Amount(std::string name, ImpactUnit unit, double amount) {
  return ImpactQuantity{std::move(name), unit, std::nullopt, std::nullopt, amount};
}

// A risk's exposure figures from its probability, severity and impact.
struct Exposure {
  std::optional<double> cost;
  std::optional<double> days;
  int score = 1;
};

Exposure ExposureOf(double probability, int severity, const std::optional<double>& impact_cost,
                    const std::optional<double>& impact_days) {
  model::Risk r;
  r.probability = probability;
  r.severity = severity;
  Exposure x;
  if (impact_cost) x.cost = probability * *impact_cost;
  if (impact_days) x.days = probability * *impact_days;
  x.score = RiskScore(r);
  return x;
}

Exposure ExposureNow(const model::Risk& r) {
  std::optional<double> cost, days;
  if (r.impact && r.impact->cost) cost = r.impact->cost->ToDouble();
  if (r.impact && r.impact->schedule) days = *r.impact->schedule;
  return ExposureOf(r.probability, r.severity, cost, days);
}

std::optional<Exposure> ExposureFirst(const Fields& f) {
  auto p = NumberOf(Field(f, "probability"));
  auto s = NumberOf(Field(f, "severity"));
  if (!p || !s) return std::nullopt;
  return ExposureOf(*p, static_cast<int>(*s), NumberOf(Field(f, "impact.cost")),
                    NumberOf(Field(f, "impact.schedule")));
}

void RiskSubject(ImpactStatement& s, const model::Risk& r) {
  s.id = r.id;
  s.name = r.title;
  s.entities.push_back({"risk", r.id});
  s.label_after = std::string(model::Name(r.status));
}

std::optional<ImpactStatement> ClosedRisk(const model::Risk& r, const Recorded* rec) {
  ImpactStatement s;
  s.kind = ImpactKind::kRiskClosed;
  RiskSubject(s, r);
  Exposure before = ExposureNow(r);
  std::optional<Date> closed_on;
  if (rec) {
    auto first_status = EnumOf<model::RiskStatus>(Field(rec->first, "status"));
    auto first = ExposureFirst(rec->first);
    if (first_status && *first_status != model::RiskStatus::kClosed && first) {
      before = *first;
      s.basis = ImpactBasis::kTrail;
      s.label_before = std::string(model::Name(*first_status));
      AddTrail(s, rec->first_seq);
      auto closing = ChangesOf(*rec, {"status"}, "closed");
      if (!closing.empty()) {
        closed_on = closing.back()->on;
        AddTrail(s, closing.back()->seq);
      }
    }
  }
  if (before.cost && *before.cost > 0) {
    s.quantities.push_back({"exposure_cost", ImpactUnit::kMoney, before.cost, 0.0, *before.cost});
  }
  if (before.days && *before.days > 0) {
    s.quantities.push_back(
        {"exposure_days", ImpactUnit::kWorkingDays, before.days, 0.0, *before.days});
  }
  if (s.quantities.empty()) {
    s.quantities.push_back(Amount("risk_score", ImpactUnit::kRiskScore, before.score));
  }
  s.from = r.raised ? r.raised : (rec ? std::optional(rec->first_on) : std::nullopt);
  s.to = closed_on;
  AddDate(s, "raised", r.raised);
  AddDate(s, "closed", closed_on);
  return s;
}

std::optional<ImpactStatement> MitigatedRisk(const model::Risk& r, const Recorded& rec) {
  auto first = ExposureFirst(rec.first);
  if (!first) return std::nullopt;
  const Exposure now = ExposureNow(r);
  // A figure that rose would make the statement one-sided: none then.
  auto rose = [](const std::optional<double>& b, const std::optional<double>& a) {
    return b && a && *a > *b;
  };
  if (rose(first->cost, now.cost) || rose(first->days, now.days) || now.score > first->score) {
    return std::nullopt;
  }
  ImpactStatement s;
  s.kind = ImpactKind::kRiskMitigated;
  s.basis = ImpactBasis::kTrail;
  RiskSubject(s, r);
  if (auto st = Field(rec.first, "status")) s.label_before = *st;
  if (auto q = Reduction("exposure_cost", ImpactUnit::kMoney, first->cost, now.cost)) {
    s.quantities.push_back(*q);
  }
  if (auto q = Reduction("exposure_days", ImpactUnit::kWorkingDays, first->days, now.days)) {
    s.quantities.push_back(*q);
  }
  if (auto q = Reduction("risk_score", ImpactUnit::kRiskScore, first->score, now.score)) {
    s.quantities.push_back(*q);
  }
  if (s.quantities.empty()) return std::nullopt;
  AddTrail(s, rec.first_seq);
  auto changes = ChangesOf(rec, {"probability", "severity", "impact.", "impact", "status"});
  for (const auto* e : changes) AddTrail(s, e->seq);
  s.from = rec.first_on;
  s.to = changes.empty() ? rec.first_on : changes.back()->on;
  AddDate(s, "raised", r.raised);
  AddDate(s, "recorded", rec.first_on);
  if (!changes.empty()) AddDate(s, "reduced", changes.back()->on);
  return s;
}

std::optional<ImpactStatement> ResidualRisk(const model::Risk& r) {
  if (r.status != model::RiskStatus::kMitigating || !r.residual) return std::nullopt;
  const Exposure now = ExposureNow(r);
  std::optional<double> cost, days;
  if (r.impact && r.impact->cost) cost = r.impact->cost->ToDouble();
  if (r.impact && r.impact->schedule) days = *r.impact->schedule;
  const Exposure residual = ExposureOf(r.residual->probability, r.residual->severity, cost, days);
  auto rose = [](const std::optional<double>& b, const std::optional<double>& a) {
    return b && a && *a > *b;
  };
  if (rose(now.cost, residual.cost) || rose(now.days, residual.days) ||
      residual.score > now.score) {
    return std::nullopt;
  }
  ImpactStatement s;
  s.kind = ImpactKind::kRiskResidual;
  s.basis = ImpactBasis::kResidual;
  RiskSubject(s, r);
  if (auto q = Reduction("exposure_cost", ImpactUnit::kMoney, now.cost, residual.cost)) {
    s.quantities.push_back(*q);
  }
  if (auto q = Reduction("exposure_days", ImpactUnit::kWorkingDays, now.days, residual.days)) {
    s.quantities.push_back(*q);
  }
  if (auto q = Reduction("risk_score", ImpactUnit::kRiskScore, now.score, residual.score)) {
    s.quantities.push_back(*q);
  }
  if (s.quantities.empty()) return std::nullopt;
  s.from = r.raised;
  AddDate(s, "raised", r.raised);
  AddDate(s, "response_due", r.response_due);
  return s;
}

void RiskStatements(const model::Program& p, const Histories* h,
                    std::vector<ImpactStatement>& out) {
  for (const auto& r : p.risks) {
    const Recorded* rec = h ? Find(*h, "risk", r.id) : nullptr;
    std::optional<ImpactStatement> s;
    if (r.status == model::RiskStatus::kClosed) {
      s = ClosedRisk(r, rec);
    } else if (r.status != model::RiskStatus::kRealized) {
      if (rec) s = MitigatedRisk(r, *rec);
      if (!s) s = ResidualRisk(r);
    }
    if (s) out.push_back(std::move(*s));
  }
}

std::optional<int> WorkingDaysBetween(const model::Program& p, Date from, Date to) {
  auto cal = plan::WorkCalendar::ForProgram(p);
  if (!cal.ok()) return std::nullopt;
  return static_cast<int>(cal->PosEnd(to) - cal->PosEnd(from));
}

// How many working days the change would have moved the deterministic finish.
std::optional<int> SimulatedDelay(const model::Program& p, const model::Change& c, Date as_of) {
  auto with = ProgramWithChange(p, c);
  if (!with.ok()) return std::nullopt;
  auto before = plan::ComputeSchedule(p, {as_of});
  auto after = plan::ComputeSchedule(*with, {as_of});
  if (!before.ok() || !after.ok()) return std::nullopt;
  return WorkingDaysBetween(p, before->finish, after->finish);
}

const model::Approval* LastApproval(const model::Change& c, model::ApprovalDecision d) {
  const model::Approval* last = nullptr;
  for (const auto& a : c.approvals) {
    if (a.decision == d && (!last || a.on >= last->on)) last = &a;
  }
  return last;
}

void ChangeSubject(ImpactStatement& s, const model::Change& c, const Recorded* rec,
                   std::string_view status, const model::Approval* decision) {
  s.id = c.id;
  s.name = c.title;
  s.entities.push_back({"change", c.id});
  AddDate(s, "requested", c.requested_on);
  if (decision) {
    s.by = decision->by;
    AddDate(s, std::string(status), decision->on);
  }
  s.from = c.requested_on;
  s.to = decision ? std::optional(decision->on) : std::nullopt;
  if (rec) {
    auto set = ChangesOf(*rec, {"status"}, status);
    if (!set.empty()) {
      s.basis = ImpactBasis::kTrail;
      AddTrail(s, set.back()->seq);
      if (!s.to) s.to = set.back()->on;
    }
  }
}

void ChangeStatements(const model::Program& p, const Histories* h, Date as_of,
                      std::vector<ImpactStatement>& out) {
  const BudgetPosition budget = ComputeBudgetPosition(p);
  for (const auto& c : p.changes) {
    const Recorded* rec = h ? Find(*h, "change", c.id) : nullptr;
    const double cost = ChangeCost(c).ToDouble();
    std::optional<double> days;
    if (c.impact && c.impact->schedule) days = *c.impact->schedule;
    if (c.status == model::ChangeStatus::kRejected) {
      if (!days && !c.adds_tasks.empty()) {
        if (auto d = SimulatedDelay(p, c, as_of)) days = *d;
      }
      ImpactStatement s;
      s.kind = ImpactKind::kChangeRejected;
      if (cost > 0) s.quantities.push_back(Amount("cost", ImpactUnit::kMoney, cost));
      if (days && *days > 0) {
        s.quantities.push_back(Amount("schedule", ImpactUnit::kWorkingDays, *days));
      }
      if (s.quantities.empty()) continue;
      ChangeSubject(s, c, rec, "rejected", LastApproval(c, model::ApprovalDecision::kRejected));
      out.push_back(std::move(s));
    } else if (c.status == model::ChangeStatus::kApproved) {
      // Within the contingency: the program states a budget and it still covers every
      // committed cost, this change's included.
      if (!p.budget || budget.remaining < Money{} || cost <= 0) continue;
      ImpactStatement s;
      s.kind = ImpactKind::kChangeApproved;
      s.quantities.push_back(Amount("cost", ImpactUnit::kMoney, cost));
      if (days && *days > 0) {
        s.quantities.push_back(Amount("schedule", ImpactUnit::kWorkingDays, *days));
      }
      const double left = budget.remaining.ToDouble();
      s.quantities.push_back({"contingency_left", ImpactUnit::kMoney, std::nullopt, left, left});
      ChangeSubject(s, c, rec, "approved", LastApproval(c, model::ApprovalDecision::kApproved));
      out.push_back(std::move(s));
    }
  }
}

struct OptionFigures {
  double cost = 0;
  int64_t finish = 0;  // working-day position of the deterministic finish
};

std::optional<OptionFigures> FiguresOf(const model::Program& p, const model::Option& o,
                                       const plan::WorkCalendar& cal, Date as_of) {
  auto applied = plan::ApplyScenario(p, o.scenario.value_or(model::Scenario{}));
  if (!applied.ok()) return std::nullopt;
  auto schedule = plan::ComputeSchedule(applied->program, {as_of});
  if (!schedule.ok()) return std::nullopt;
  return OptionFigures{plan::ScenarioCost(*applied).ToDouble(), cal.PosEnd(schedule->finish)};
}

void DecisionStatements(const model::Program& p, const Histories* h, Date as_of,
                        std::vector<ImpactStatement>& out) {
  auto cal = plan::WorkCalendar::ForProgram(p);
  if (!cal.ok()) return;
  for (const auto& d : p.decisions) {
    if (d.status != model::DecisionStatus::kDecided || d.options.size() < 2) continue;
    auto chosen_it = std::find_if(d.options.begin(), d.options.end(),
                                  [&](const model::Option& o) { return o.id == d.chosen; });
    if (chosen_it == d.options.end()) continue;
    auto chosen = FiguresOf(p, *chosen_it, *cal, as_of);
    if (!chosen) continue;
    // The best alternative on each figure: the advantage holds against every option.
    std::optional<double> min_cost;
    std::optional<int64_t> min_finish;
    ImpactStatement s;
    bool measured = true;
    for (const auto& o : d.options) {
      if (o.id == d.chosen) continue;
      auto f = FiguresOf(p, o, *cal, as_of);
      if (!f) {
        measured = false;
        break;
      }
      min_cost = min_cost ? std::min(*min_cost, f->cost) : f->cost;
      min_finish = min_finish ? std::min(*min_finish, f->finish) : f->finish;
      s.alternatives.push_back(o.name.empty() ? o.id : o.name);
      s.entities.push_back({"option", o.id});
    }
    if (!measured) continue;
    const double cost_gain = *min_cost - chosen->cost;
    const double days_gain = static_cast<double>(*min_finish - chosen->finish);
    std::vector<ImpactQuantity> gains, prices;
    if (cost_gain > 0) {
      gains.push_back({"cost_saved", ImpactUnit::kMoney, *min_cost, chosen->cost, cost_gain});
    } else if (cost_gain < 0) {
      prices.push_back({"cost_added", ImpactUnit::kMoney, *min_cost, chosen->cost, -cost_gain});
    }
    if (days_gain > 0) {
      gains.push_back(Amount("finish_earlier", ImpactUnit::kWorkingDays, days_gain));
    } else if (days_gain < 0) {
      prices.push_back(Amount("finish_later", ImpactUnit::kWorkingDays, -days_gain));
    }
    if (gains.empty()) continue;
    s.kind = ImpactKind::kDecisionTaken;
    s.id = d.id;
    s.name = d.question;
    s.label_after = chosen_it->name.empty() ? chosen_it->id : chosen_it->name;
    s.by = d.decided_by;
    s.quantities = std::move(gains);
    s.quantities.insert(s.quantities.end(), prices.begin(), prices.end());
    s.entities.insert(s.entities.begin(), {{"decision", d.id}, {"option", chosen_it->id}});
    s.from = d.decided_on;
    s.to = d.decided_on;
    AddDate(s, "decided", d.decided_on);
    if (const Recorded* rec = h ? Find(*h, "decision", d.id) : nullptr) {
      auto set = ChangesOf(*rec, {"chosen"});
      if (!set.empty()) {
        s.basis = ImpactBasis::kTrail;
        AddTrail(s, set.back()->seq);
      }
    }
    out.push_back(std::move(s));
  }
}

void ReadinessStatement(const model::Program& p, const Histories& h, Date as_of,
                        std::vector<ImpactStatement>& out) {
  AuditInputs in;
  in.as_of = as_of;
  const AuditReadiness now = ComputeAuditReadiness(p, in);
  if (!now.readiness) return;
  std::vector<std::pair<std::string, model::AuditStatus>> first;
  std::optional<Date> from, to;
  ImpactStatement s;
  int done_before = 0;
  for (const auto& item : now.items) {
    if (!item.in_file) continue;
    const Recorded* rec = Find(h, "audit_item", item.id);
    auto status = rec ? EnumOf<model::AuditStatus>(Field(rec->first, "status")) : std::nullopt;
    // An item the trail does not know keeps its status: no movement is credited to it.
    first.emplace_back(item.id, status.value_or(item.status));
    if (status == model::AuditStatus::kDone) ++done_before;
    if (!rec) continue;
    from = from ? std::min(*from, rec->first_on) : rec->first_on;
    auto changes = ChangesOf(*rec, {"status"});
    for (const auto* e : changes) {
      AddTrail(s, e->seq);
      to = to ? std::max(*to, e->on) : e->on;
    }
    if (!changes.empty() && item.status == model::AuditStatus::kDone &&
        status != model::AuditStatus::kDone) {
      s.entities.push_back({"audit_item", item.id});
    }
  }
  const auto before = ReadinessOfStatuses(first);
  if (!before || !from || !(*now.readiness > *before)) return;
  s.kind = ImpactKind::kReadinessRaised;
  s.basis = ImpactBasis::kTrail;
  s.quantities.push_back(
      {"readiness", ImpactUnit::kPercent, *before, *now.readiness, *now.readiness - *before});
  if (now.done > done_before) {
    s.quantities.push_back({"items_done", ImpactUnit::kItems, static_cast<double>(done_before),
                            static_cast<double>(now.done),
                            static_cast<double>(now.done - done_before)});
  }
  s.from = from;
  s.to = to ? to : from;
  AddDate(s, "recorded", from);
  AddDate(s, "latest_change", to);
  std::sort(s.trail.begin(), s.trail.end());
  out.push_back(std::move(s));
}

void ScorecardStatement(const model::Program& p, std::vector<ImpactStatement>& out) {
  const ScorecardResult sc = ComputeScorecard(p);
  if (sc.trend.size() < 2 || !sc.score || !sc.date) return;
  const TrendPoint& first = sc.trend.front();
  if (!first.score || !(first.date < *sc.date) || !(*sc.score < *first.score)) return;
  ImpactStatement s;
  s.kind = ImpactKind::kScorecardImproved;
  s.quantities.push_back(
      {"score", ImpactUnit::kScore, *first.score, *sc.score, *first.score - *sc.score});
  if (first.band) s.label_before = std::string(BandName(*first.band));
  if (sc.band) s.label_after = std::string(BandName(*sc.band));
  s.by = sc.by;
  s.from = first.date;
  s.to = *sc.date;
  s.entities.push_back({"assessment", first.date.ToString() + "/" + first.by});
  s.entities.push_back({"assessment", sc.date->ToString() + "/" + sc.by});
  AddDate(s, "first_assessment", first.date);
  AddDate(s, "latest_assessment", *sc.date);
  out.push_back(std::move(s));
}

void DependencyStatements(const model::Program& p, const Histories* h,
                          std::vector<ImpactStatement>& out) {
  for (const auto& d : p.dependencies) {
    if (d.status != model::DependencyStatus::kDelivered) continue;
    ImpactStatement s;
    s.kind = ImpactKind::kDependencyDelivered;
    s.id = d.id;
    s.name = d.name;
    s.provider = d.provider;
    s.tasks = d.tasks;
    s.entities.push_back({"dependency", d.id});
    std::optional<Date> delivered = d.expected;
    if (const Recorded* rec = h ? Find(*h, "dependency", d.id) : nullptr) {
      auto set = ChangesOf(*rec, {"status"}, "delivered");
      if (!set.empty()) {
        s.basis = ImpactBasis::kTrail;
        AddTrail(s, set.back()->seq);
        // The provider's last promise is the better delivery date; the trail's is when
        // it was recorded.
        if (!delivered) delivered = set.back()->on;
      }
    }
    if (!d.tasks.empty()) {
      s.quantities.push_back(
          Amount("tasks_unblocked", ImpactUnit::kTasks, static_cast<double>(d.tasks.size())));
    }
    if (delivered && d.needed_by) {
      if (auto days = WorkingDaysBetween(p, *delivered, *d.needed_by)) {
        if (*days > 0) {
          s.quantities.push_back(Amount("days_early", ImpactUnit::kWorkingDays, *days));
        } else if (*days < 0) {
          s.quantities.push_back(Amount("days_late", ImpactUnit::kWorkingDays, -*days));
        }
      }
    }
    if (s.quantities.empty()) continue;
    s.to = delivered;
    AddDate(s, "needed_by", d.needed_by);
    AddDate(s, "delivered", delivered);
    out.push_back(std::move(s));
  }
}

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

void StakeholderStatements(const model::Program& p, const Histories& h,
                           std::vector<ImpactStatement>& out) {
  for (const auto& k : p.stakeholders) {
    const Recorded* rec = Find(h, "stakeholder", k.id);
    if (!rec) continue;
    auto first = EnumOf<model::Stance>(Field(rec->first, "stance"));
    if (!first || StanceRank(k.stance) <= StanceRank(*first)) continue;
    ImpactStatement s;
    s.kind = ImpactKind::kStakeholderMoved;
    s.basis = ImpactBasis::kTrail;
    s.id = k.id;
    s.name = k.name;
    s.label_before = std::string(model::Name(*first));
    s.label_after = std::string(model::Name(k.stance));
    s.entities.push_back({"stakeholder", k.id});
    s.quantities.push_back(Amount("influence", ImpactUnit::kRating, k.influence));
    auto sat_before = NumberOf(Field(rec->first, "satisfaction"));
    if (k.satisfaction && sat_before && *k.satisfaction > *sat_before) {
      s.quantities.push_back({"satisfaction", ImpactUnit::kRating, *sat_before,
                              static_cast<double>(*k.satisfaction), *k.satisfaction - *sat_before});
    }
    AddTrail(s, rec->first_seq);
    auto moves = ChangesOf(*rec, {"stance"});
    for (const auto* e : moves) AddTrail(s, e->seq);
    s.from = rec->first_on;
    s.to = moves.empty() ? rec->first_on : moves.back()->on;
    AddDate(s, "recorded", rec->first_on);
    if (!moves.empty()) AddDate(s, "moved", moves.back()->on);
    out.push_back(std::move(s));
  }
}

// Money headlines first, then working days, then the rest.
int UnitRank(ImpactUnit u) {
  if (u == ImpactUnit::kMoney) return 0;
  if (u == ImpactUnit::kWorkingDays) return 1;
  return 2;
}

}  // namespace

ImpactReport ComputeImpact(const model::Program& program, const ImpactInputs& inputs) {
  ImpactReport report;
  report.as_of = inputs.as_of;
  std::optional<Histories> histories;
  if (inputs.trail) {
    report.has_trail = true;
    histories = BuildHistories(*inputs.trail, inputs.as_of);
    for (const auto& e : *inputs.trail) {
      if (e.on <= inputs.as_of) {
        report.trail_from = e.on;
        break;
      }
    }
  }
  const Histories* h = histories ? &*histories : nullptr;
  auto& out = report.statements;
  RiskStatements(program, h, out);
  ChangeStatements(program, h, inputs.as_of, out);
  DecisionStatements(program, h, inputs.as_of, out);
  if (h) ReadinessStatement(program, *h, inputs.as_of, out);
  ScorecardStatement(program, out);
  DependencyStatements(program, h, out);
  if (h) StakeholderStatements(program, *h, out);
  for (auto& s : out) {
    std::sort(s.dates.begin(), s.dates.end(),
              [](const ImpactDate& a, const ImpactDate& b) { return a.date < b.date; });
    std::sort(s.trail.begin(), s.trail.end());
  }
  std::stable_sort(out.begin(), out.end(), [](const ImpactStatement& a, const ImpactStatement& b) {
    const auto ga = GroupOf(a.kind), gb = GroupOf(b.kind);
    if (ga != gb) return ga < gb;
    const auto& qa = a.quantities.front();
    const auto& qb = b.quantities.front();
    if (UnitRank(qa.unit) != UnitRank(qb.unit)) return UnitRank(qa.unit) < UnitRank(qb.unit);
    if (qa.amount != qb.amount) return qa.amount > qb.amount;
    return a.id < b.id;
  });
  return report;
}

}  // namespace tpmkit::toolkit
