#include "tpmkit/report/status_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "tpmkit/base/text.h"
#include "tpmkit/report/money_text.h"
#include "tpmkit/report/prose.h"
#include "tpmkit/toolkit/amounts.h"
#include "tpmkit/toolkit/money_position.h"
#include "tpmkit/toolkit/risk_register.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::report {

namespace {

namespace wording = toolkit::wording;
using toolkit::StatusFigures;
using toolkit::StatusReport;

constexpr size_t kTopRisks = 5;
constexpr size_t kListedOverdueItems = 5;

std::string Money(double v, const std::string& currency) {
  return toolkit::WholeAmount(v, currency);
}

std::string Days(int64_t n) {
  return wording::Count(static_cast<long>(n), "working day", "working days");
}

std::string RagOf(const std::optional<toolkit::Rag>& rag) {
  return rag ? std::string(toolkit::RagName(*rag)) : "";
}

// "is 10 working days after the target 2026-09-30"
std::string SlipPhrase(int64_t slip, Date target) {
  if (slip == 0) return fmt::format("falls on the target {}", target.ToString());
  return fmt::format("is {} {} the target {}", Days(std::llabs(slip)),
                     slip > 0 ? "after" : "before", target.ToString());
}

std::string ScheduleReason(const model::Program& p, const StatusReport& r) {
  const StatusFigures& f = r.now;
  std::string out;
  if (p.target && f.p80_slip) {
    out =
        fmt::format("The P80 finish {} {}", f.p80->ToString(), SlipPhrase(*f.p80_slip, *p.target));
    if (f.p_on_time)
      out += fmt::format("; the chance of making it is {}", wording::Percent(*f.p_on_time));
    out += ".";
  } else {
    out = fmt::format("No target date is set; the P80 finish is {}.", f.p80->ToString());
  }
  return out;
}

std::string CostReason(const model::Program& p, const StatusReport& r) {
  const StatusFigures& f = r.now;
  const std::string& c = p.currency;
  if (!f.eac) {
    return fmt::format(
        "Nothing has been both spent and earned yet, so there is no estimate at completion; "
        "the budget is {}.",
        Money(f.budget, c));
  }
  const double diff = *f.eac - f.budget;
  std::string out =
      fmt::format("The estimate at completion {} is {} {} the budget of {}", Money(*f.eac, c),
                  Money(std::fabs(diff), c), diff > 0 ? "over" : "under", Money(f.budget, c));
  if (f.cpi) out += fmt::format(" (CPI {})", wording::Number(*f.cpi, 2));
  if (f.approved_changes != 0) {
    // The one money model (toolkit/money_position.h): approved changes are not in the EAC.
    const double final_cost = *f.eac + f.approved_changes;
    out += fmt::format(
        "; with {} of approved changes not yet in the plan, the forecast final "
        "cost is {}, a headroom of {}",
        Money(f.approved_changes, c), Money(final_cost, c), Money(f.budget - final_cost, c));
  }
  return out + ".";
}

std::string ScopeReason(const model::Program& p, const StatusReport& r) {
  const std::string& c = p.currency;
  const double approved = r.health.inputs.approved_change_cost;
  if (approved == 0) {
    return fmt::format("No approved change adds cost to the planned {}.", Money(r.now.bac, c));
  }
  std::string share = r.now.bac > 0
                          ? fmt::format(", {} of the planned cost of {}",
                                        wording::Percent(approved / r.now.bac), Money(r.now.bac, c))
                          : "";
  return fmt::format("Approved changes add {}{}.", Money(approved, c), share);
}

std::string RiskReason(const model::Program& p, const StatusReport& r) {
  std::string out;
  if (r.scorecard.score) {
    out = fmt::format("The scorecard scores {} ({})", wording::Number(*r.scorecard.score, 0),
                      toolkit::BandName(*r.scorecard.band));
  } else {
    out = "No scorecard assessment yet";
  }
  const toolkit::RiskRow* top = nullptr;
  for (const auto& risk : r.risks.risks) {
    if (!toolkit::IsActive(risk.status)) continue;
    if (risk.exposure_cost && (!top || *risk.exposure_cost > *top->exposure_cost)) top = &risk;
  }
  if (top) {
    out += fmt::format("; the largest expected cost is {} at {}", top->id,
                       Money(*top->exposure_cost, p.currency));
  }
  out += fmt::format("; {} open or mitigating.",
                     wording::Count(r.risks.active, "risk is", "risks are"));
  return out;
}

std::string ComplianceReason(const StatusReport& r) {
  const auto& a = r.readiness;
  if (!a.readiness) return "No checklist item applies, so audit readiness cannot be measured.";
  std::string out = fmt::format("Audit readiness is {} ({} of {} applicable items done)",
                                wording::Percent(*a.readiness / 100), a.done, a.applicable);
  if (a.overdue > 0)
    out += fmt::format("; {} overdue", wording::Count(a.overdue, "item is", "items are"));
  return out + ".";
}

std::string StakeholderReason(const StatusReport& r) {
  const int overdue_key = r.health.inputs.overdue_key_stakeholders;
  std::string out =
      overdue_key > 0
          ? fmt::format("{} overdue for contact.",
                        wording::Count(overdue_key, "key stakeholder is", "key stakeholders are"))
      : r.stakeholders.stakeholders.empty()
          ? "No stakeholders are listed."
          : "Every key stakeholder has been contacted on cadence.";
  return out;
}

const char* AreaTitle(toolkit::HealthArea a) {
  switch (a) {
    case toolkit::HealthArea::kSchedule:
      return "Schedule";
    case toolkit::HealthArea::kCost:
      return "Cost";
    case toolkit::HealthArea::kScope:
      return "Scope";
    case toolkit::HealthArea::kRisk:
      return "Risk";
    case toolkit::HealthArea::kCompliance:
      return "Audit readiness";
    case toolkit::HealthArea::kStakeholders:
      return "Stakeholders";
  }
  return "";
}

struct KpiSpec {
  const char* name;
  const char* label;
};
constexpr KpiSpec kKpis[] = {
    {"spi", "SPI"},
    {"cpi", "CPI"},
    {"p_on_time", "the chance of making the target"},
    {"readiness", "audit readiness"},
    {"satisfaction", "stakeholder satisfaction"},
    {"risk_score", "the risk score"},
};

std::string KpiValue(std::string_view name, double v) {
  if (name == "p_on_time") return wording::Percent(v);
  if (name == "readiness") return wording::Percent(v / 100);
  if (name == "risk_score") return wording::Number(v, 0);
  if (name == "satisfaction") return wording::Number(v, 1);
  return wording::Number(v, 2);
}

// The KPI's value in a snapshot (satisfaction is not kept).
std::optional<double> SnapshotKpi(const StatusFigures& f, std::string_view name) {
  if (name == "spi") return f.spi;
  if (name == "cpi") return f.cpi;
  if (name == "p_on_time") return f.p_on_time;
  if (name == "readiness") return f.readiness;
  if (name == "risk_score") return f.score;
  return std::nullopt;
}

std::string Capitalized(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

const char* KpiLabel(std::string_view name) {
  for (const auto& spec : kKpis) {
    if (name == spec.name) return spec.label;
  }
  return "";
}

// The KPI that set an area's colour and its target. The area's reason already quotes the
// value of every KPI but SPI and satisfaction.
std::string KpiSentence(const StatusReport& r, const std::string& name) {
  for (const auto& k : r.health.kpis.kpis) {
    if (k.name != name || !k.value) continue;
    const std::string target = fmt::format("{} {}", k.lower_is_better ? "at most" : "at least",
                                           KpiValue(k.name, k.target));
    if (name == "spi" || name == "satisfaction") {
      return fmt::format("{} is {}; its KPI target is {}.", Capitalized(KpiLabel(k.name)),
                         KpiValue(k.name, *k.value), target);
    }
    return fmt::format("The KPI target for {} is {}.", KpiLabel(k.name), target);
  }
  return "";
}

std::string Trend(std::string_view name, std::optional<double> now,
                  const std::optional<StatusFigures>& previous) {
  if (!previous || !now) return "";
  auto before = SnapshotKpi(*previous, name);
  if (!before) return "";
  const std::string was = KpiValue(name, *before);
  if (was == KpiValue(name, *now)) return "unchanged";
  return fmt::format("{} from {}", *now > *before ? "up" : "down", was);
}

std::string Headline(const model::Program& p, const StatusReport& r, const StatusWords& w) {
  const StatusFigures& f = r.now;
  const std::string name = EscapeControls(p.name);
  std::string state = !f.health                           ? "has too little data to rate its health"
                      : *f.health == toolkit::Rag::kGreen ? "is on track"
                      : *f.health == toolkit::Rag::kAmber ? "needs attention"
                                                          : "is off track";
  std::vector<std::string> clauses;
  if (p.target && f.p80_slip) {
    std::string c =
        fmt::format("the P80 finish {} {}", f.p80->ToString(), SlipPhrase(*f.p80_slip, *p.target));
    if (f.p_on_time) c += fmt::format(" ({} chance of making it)", wording::Percent(*f.p_on_time));
    clauses.push_back(c);
  }
  if (f.eac) {
    const double diff = *f.eac + f.approved_changes - f.budget;
    clauses.push_back(fmt::format("the forecast final cost is {} {} budget",
                                  Money(std::fabs(diff), p.currency), diff > 0 ? "over" : "under"));
  }
  std::string out = name + " " + state;
  if (!clauses.empty()) out += ": " + wording::JoinList(clauses);
  out += ".";
  // What is needed: the first decision or change waiting, else the areas not green.
  std::vector<std::string> needs;
  for (const auto& d : p.decisions) {
    if (d.status == model::DecisionStatus::kOpen) {
      needs.push_back(fmt::format("a decision on {} ({})", d.id, EscapeControls(d.question)));
      break;
    }
  }
  std::vector<std::string> proposed;
  for (const auto& c : p.changes) {
    if (c.status == model::ChangeStatus::kProposed) proposed.push_back(c.id);
  }
  if (!proposed.empty()) {
    needs.push_back(fmt::format("a decision on change {} {}",
                                proposed.size() == 1 ? "request" : "requests",
                                wording::JoinList(proposed)));
  }
  if (needs.empty()) {
    std::vector<std::string> red;
    for (const auto& a : w.areas) {
      if (a.rag == "red") red.push_back(wording::Lower(a.name));
    }
    if (!red.empty()) needs.push_back("a recovery plan for " + wording::JoinList(red));
  }
  out += needs.empty() ? " Nothing is needed from you this week."
                       : " Needed: " + wording::JoinList(needs) + ".";
  return out;
}

std::vector<std::string> FinishLines(const model::Program& p, const StatusReport& r) {
  const StatusFigures& f = r.now;
  std::vector<std::string> out;
  out.push_back(fmt::format(
      "The critical-path schedule finishes {}, if every task takes its planned duration.",
      f.finish->ToString()));
  out.push_back(fmt::format("The forecast ({} runs) gives P50 {}, P80 {} and P90 {}.",
                            toolkit::Grouped(r.forecast.iterations), f.p50->ToString(),
                            f.p80->ToString(), r.forecast.p90.date.ToString()));
  if (p.target && f.p_on_time) {
    out.push_back(fmt::format("The target is {}; the chance of making it is {}.",
                              p.target->ToString(), wording::Percent(*f.p_on_time)));
  }
  if (r.previous && r.previous->p80) {
    const auto& prev = *r.previous;
    if (*prev.p80 == *f.p80) {
      out.push_back(
          fmt::format("The P80 has not moved since the snapshot of {}.", prev.as_of.ToString()));
    } else if (prev.p80_slip && f.p80_slip && prev.target == f.target) {
      const int64_t moved = *f.p80_slip - *prev.p80_slip;
      out.push_back(fmt::format("On {} the P80 was {}: it moved {} {}.", prev.as_of.ToString(),
                                prev.p80->ToString(), Days(std::llabs(moved)),
                                moved > 0 ? "later" : "earlier"));
    } else {
      const int moved = *f.p80 - *prev.p80;
      out.push_back(fmt::format("On {} the P80 was {}: it moved {} {}.", prev.as_of.ToString(),
                                prev.p80->ToString(),
                                wording::Count(std::abs(moved), "calendar day", "calendar days"),
                                moved > 0 ? "later" : "earlier"));
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> MoneyRows(const model::Program& p,
                                                           const StatusReport& r) {
  const StatusFigures& f = r.now;
  const std::string& c = p.currency;
  std::vector<std::pair<std::string, std::string>> out;
  // The rows every money table shows (report/money_text.h), then what was spent and earned.
  out = report::MoneyRows(toolkit::ComputeMoneyPosition(p, r.evm), c);
  out.emplace_back("Spent to date (AC)", Money(f.ac, c));
  out.emplace_back("Earned to date (EV)", Money(f.ev, c));
  return out;
}

std::vector<StatusWords::Risk> TopRisks(const model::Program& p, const StatusReport& r) {
  std::vector<StatusWords::Risk> out;
  for (const auto& risk : r.risks.risks) {
    if (out.size() == kTopRisks) break;
    if (!toolkit::IsActive(risk.status)) continue;
    StatusWords::Risk w{risk.id,
                        EscapeControls(risk.title),
                        EscapeControls(risk.owner),
                        "",
                        risk.exposure_cost ? Money(*risk.exposure_cost, p.currency) : "-",
                        risk.score};
    if (r.previous) {
      auto before = r.previous->risk_scores.find(risk.id);
      w.movement = before == r.previous->risk_scores.end() ? "new"
                   : before->second == risk.score
                       ? "unchanged"
                       : fmt::format("{} from {}", risk.score > before->second ? "up" : "down",
                                     before->second);
    }
    out.push_back(std::move(w));
  }
  return out;
}

std::vector<std::string> Awaiting(const model::Program& p) {
  std::vector<std::string> out;
  for (const auto& d : p.decisions) {
    if (d.status != model::DecisionStatus::kOpen) continue;
    out.push_back(fmt::format("Decision {} is open: {}", d.id, EscapeControls(d.question)));
  }
  for (const auto& c : p.changes) {
    const std::string title = EscapeControls(c.title);
    if (c.status == model::ChangeStatus::kProposed) {
      std::vector<std::string> adds;
      const double cost = toolkit::ChangeCost(c).ToDouble();
      if (cost != 0) adds.push_back(Money(cost, p.currency));
      if (c.impact && c.impact->schedule && *c.impact->schedule != 0) {
        adds.push_back(wording::Number(*c.impact->schedule, 1) + " working days");
      }
      out.push_back(fmt::format("Change {} ({}) awaits a decision{}.", c.id, title,
                                adds.empty() ? "" : "; it adds " + wording::JoinList(adds)));
    } else if (c.status == model::ChangeStatus::kApproved) {
      out.push_back(
          fmt::format("Change {} ({}) is approved and waits to be implemented.", c.id, title));
    }
  }
  return out;
}

std::vector<std::string> ReadinessLines(const StatusReport& r) {
  std::vector<std::string> out{ComplianceReason(r)};
  const auto& a = r.readiness;
  if (a.unsupported > 0) {
    out.push_back(fmt::format("{} done without evidence or sign-off.",
                              wording::Count(a.unsupported, "item is", "items are")));
  }
  size_t listed = 0;
  for (const auto& item : a.items) {
    if (!item.overdue || listed == kListedOverdueItems) continue;
    ++listed;
    out.push_back(
        fmt::format("{} was due {}{}.", item.id, item.due->ToString(),
                    item.owner.empty() ? "" : " (owner " + EscapeControls(item.owner) + ")"));
  }
  return out;
}

std::vector<std::string> Changed(const model::Program& p, const StatusReport& r) {
  std::vector<std::string> out;
  const std::string& c = p.currency;
  if (r.previous) {
    const StatusFigures& was = *r.previous;
    const StatusFigures& now = r.now;
    if (was.health != now.health && was.health && now.health) {
      out.push_back(
          fmt::format("Health went from {} to {}.", RagOf(was.health), RagOf(now.health)));
    }
    if (was.eac && now.eac && std::llround(*was.eac) != std::llround(*now.eac)) {
      out.push_back(fmt::format("The estimate at completion went from {} to {}.",
                                Money(*was.eac, c), Money(*now.eac, c)));
    }
    if (was.readiness && now.readiness && *was.readiness != *now.readiness) {
      out.push_back(fmt::format("Audit readiness went from {} to {}.",
                                wording::Percent(*was.readiness / 100),
                                wording::Percent(*now.readiness / 100)));
    }
    if (was.score && now.score && *was.score != *now.score) {
      out.push_back(fmt::format("The scorecard went from {} to {}.", wording::Number(*was.score, 0),
                                wording::Number(*now.score, 0)));
    }
    std::vector<std::string> added, gone;
    for (const auto& [id, score] : now.risk_scores) {
      if (!was.risk_scores.count(id)) added.push_back(id);
    }
    for (const auto& [id, score] : was.risk_scores) {
      if (!now.risk_scores.count(id)) gone.push_back(id);
    }
    if (!added.empty()) {
      out.push_back(fmt::format("New active {}: {}.", added.size() == 1 ? "risk" : "risks",
                                wording::JoinList(added)));
    }
    if (!gone.empty()) {
      out.push_back(
          fmt::format("No longer active (closed or realized): {}.", wording::JoinList(gone)));
    }
  }
  if (r.changes_total > 0) {
    std::map<std::string, int> by_entity;
    for (const auto& e : r.changes) ++by_entity[e.entity];
    std::vector<std::string> parts;
    for (const auto& [entity, n] : by_entity) {
      parts.push_back(fmt::format("{} {}", n, n == 1 ? entity : entity + "s"));
    }
    std::string line =
        fmt::format("{} recorded in the audit trail",
                    wording::Count(static_cast<long>(r.changes_total), "edit", "edits"));
    if (r.changes.size() == r.changes_total) line += ": " + wording::JoinList(parts);
    out.push_back(line + ".");
  }
  if (out.empty()) {
    out.push_back(r.has_history ? "Nothing changed."
                                : "A program file has no history: apply it to a workspace and "
                                  "take a snapshot each week to see what changed.");
  }
  return out;
}

}  // namespace

StatusWords BuildStatusWords(const model::Program& p, const StatusReport& r) {
  StatusWords w;
  w.title =
      fmt::format("Weekly status of {}, as of {}", EscapeControls(p.name), r.as_of.ToString());
  w.overall = RagOf(r.health.overall);
  for (const auto& a : r.health.areas) {
    std::string reason;
    switch (a.area) {
      case toolkit::HealthArea::kSchedule:
        reason = ScheduleReason(p, r);
        break;
      case toolkit::HealthArea::kCost:
        reason = CostReason(p, r);
        break;
      case toolkit::HealthArea::kScope:
        reason = ScopeReason(p, r);
        break;
      case toolkit::HealthArea::kRisk:
        reason = RiskReason(p, r);
        break;
      case toolkit::HealthArea::kCompliance:
        reason = ComplianceReason(r);
        break;
      case toolkit::HealthArea::kStakeholders:
        reason = StakeholderReason(r);
        break;
    }
    if (a.rule == toolkit::HealthRule::kKpi) reason += " " + KpiSentence(r, a.kpi);
    w.areas.push_back({AreaTitle(a.area), RagOf(a.rag), std::move(reason)});
  }
  for (const auto& k : r.health.kpis.kpis) {
    StatusWords::Kpi row;
    row.name = k.name;
    std::string label = KpiLabel(k.name);
    if (label.starts_with("the ")) label.erase(0, 4);
    row.label = Capitalized(label);
    row.value = k.value ? KpiValue(k.name, *k.value) : "unknown";
    row.target = (k.lower_is_better ? "at most " : "at least ") + KpiValue(k.name, k.target);
    row.rag = RagOf(k.rag);
    row.trend = Trend(k.name, k.value, r.previous);
    w.kpis.push_back(std::move(row));
  }
  w.headline = Headline(p, r, w);
  w.finish = FinishLines(p, r);
  w.money = MoneyRows(p, r);
  w.money_note =
      "Contingency left is the budget not yet committed to planned work or to approved changes; "
      "headroom is what the budget leaves at the forecast final cost.";
  w.top_risks = TopRisks(p, r);
  w.awaiting = Awaiting(p);
  for (const auto& s : r.stakeholders.stakeholders) {
    if (!s.overdue) continue;
    w.overdue_contacts.push_back({s.id, EscapeControls(s.name),
                                  std::string(toolkit::QuadrantName(s.quadrant)),
                                  s.last_contact ? s.last_contact->ToString() : "never",
                                  s.next_contact ? s.next_contact->ToString() : "now"});
  }
  w.readiness = ReadinessLines(r);
  w.changed = Changed(p, r);
  w.changed_since = r.previous      ? "since the snapshot of " + r.previous->as_of.ToString()
                    : r.has_history ? "in the 7 days up to " + r.as_of.ToString()
                                    : "since last week";
  return w;
}

std::string StatusText(const StatusWords& w) {
  constexpr size_t kWidth = 100;
  std::string out = w.title + "\n";
  out +=
      std::string(std::min(kWidth, CodePointCount(w.title).value_or(w.title.size())), '=') + "\n\n";
  out += Wrap(w.headline, kWidth) + "\n";
  out += fmt::format("Health: {}\n", w.overall.empty() ? "not rated" : w.overall);
  for (const auto& a : w.areas) {
    out +=
        Wrap(a.reason, kWidth, fmt::format("  {:<16} {:<6} ", a.name, a.rag.empty() ? "-" : a.rag),
             std::string(26, ' '));
  }
  if (!w.kpis.empty()) {
    out += "\nKPIs\n";
    out +=
        fmt::format("  {:<28} {:>8}  {:<14} {:<6} {}\n", "kpi", "value", "target", "rag", "trend");
    for (const auto& k : w.kpis) {
      out += fmt::format("  {:<28} {:>8}  {:<14} {:<6} {}\n", k.label, k.value, k.target,
                         k.rag.empty() ? "-" : k.rag, k.trend);
    }
  }
  out += "\nFinish\n";
  for (const auto& s : w.finish) out += Wrap(s, kWidth, "  ", "  ");
  out += "\nMoney\n";
  for (const auto& [label, value] : w.money) out += fmt::format("  {:<44} {:>16}\n", label, value);
  out += Wrap(w.money_note, kWidth, "  ", "  ");
  out += "\nTop risks\n";
  if (w.top_risks.empty()) out += "  No risk is open or mitigating.\n";
  if (!w.top_risks.empty()) {
    size_t id_w = 4, owner_w = 5, move_w = 8, exp_w = 13;
    for (const auto& r : w.top_risks) {
      id_w = std::max(id_w, r.id.size());
      owner_w = std::max(owner_w, CodePointCount(r.owner).value_or(r.owner.size()));
      move_w = std::max(move_w, r.movement.size());
      exp_w = std::max(exp_w, r.exposure.size());
    }
    auto prefix = [&](const std::string& id, const std::string& score, const std::string& move,
                      const std::string& exposure, const std::string& owner) {
      return fmt::format("  {:<{}}  {:>5}  {:<{}}  {:>{}}  {:<{}}  ", id, id_w, score, move, move_w,
                         exposure, exp_w, owner, owner_w);
    };
    const std::string head = prefix("risk", "score", "movement", "expected cost", "owner");
    out += head + "title\n";
    const std::string indent(CodePointCount(head).value_or(head.size()), ' ');
    for (const auto& r : w.top_risks) {
      out += Wrap(r.title, kWidth,
                  prefix(r.id, std::to_string(r.score), r.movement.empty() ? "-" : r.movement,
                         r.exposure, r.owner.empty() ? "(no owner)" : r.owner),
                  indent);
    }
  }
  out += "\nWaiting for a decision or action\n";
  if (w.awaiting.empty()) out += "  Nothing is waiting.\n";
  for (const auto& s : w.awaiting) out += Wrap(s, kWidth, "  - ", "    ");
  out += "\nStakeholders overdue for contact\n";
  if (w.overdue_contacts.empty()) out += "  None.\n";
  size_t id_w = 2, name_w = 4;
  for (const auto& s : w.overdue_contacts) {
    id_w = std::max(id_w, s.id.size());
    name_w = std::max(name_w, CodePointCount(s.name).value_or(s.name.size()));
  }
  for (const auto& s : w.overdue_contacts) {
    out += fmt::format("  {:<{}}  {:<{}}  {:<14}  last contact {:<10}  due {}\n", s.id, id_w,
                       s.name, name_w, s.quadrant, s.last_contact, s.next_contact);
  }
  out += "\nAudit readiness\n";
  for (const auto& s : w.readiness) out += Wrap(s, kWidth, "  ", "  ");
  out += "\nChanged " + w.changed_since + "\n";
  for (const auto& s : w.changed) out += Wrap(s, kWidth, "  - ", "    ");
  return out;
}

namespace {

// Markdown table cells: a pipe would end the cell.
std::string Cell(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '|') out += '\\';
    out += ch;
  }
  return out;
}

}  // namespace

std::string StatusMarkdown(const StatusWords& w) {
  std::string out = "# " + w.title + "\n\n" + w.headline + "\n\n";
  out += "## Health: " + (w.overall.empty() ? std::string("not rated") : w.overall) + "\n\n";
  out += "| Area | RAG | Why |\n|---|---|---|\n";
  for (const auto& a : w.areas) {
    out += fmt::format("| {} | {} | {} |\n", a.name, a.rag.empty() ? "-" : a.rag, Cell(a.reason));
  }
  if (!w.kpis.empty()) {
    out += "\n## KPIs\n\n| KPI | Value | Target | RAG | Trend |\n|---|---:|---|---|---|\n";
    for (const auto& k : w.kpis) {
      out += fmt::format("| {} | {} | {} | {} | {} |\n", k.label, k.value, k.target,
                         k.rag.empty() ? "-" : k.rag, k.trend.empty() ? "-" : k.trend);
    }
  }
  out += "\n## Finish\n\n";
  for (const auto& s : w.finish) out += "- " + s + "\n";
  out += "\n## Money\n\n| | Amount |\n|---|---:|\n";
  for (const auto& [label, value] : w.money) out += fmt::format("| {} | {} |\n", label, value);
  out += "\n" + w.money_note + "\n\n## Top risks\n\n";
  if (w.top_risks.empty()) {
    out += "No risk is open or mitigating.\n";
  } else {
    out +=
        "| Risk | Score | Movement | Expected cost | Owner | Title "
        "|\n|---|---:|---|---:|---|---|\n";
    for (const auto& r : w.top_risks) {
      out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", r.id, r.score,
                         r.movement.empty() ? "-" : r.movement, r.exposure, Cell(r.owner),
                         Cell(r.title));
    }
  }
  out += "\n## Waiting for a decision or action\n\n";
  if (w.awaiting.empty()) out += "Nothing is waiting.\n";
  for (const auto& s : w.awaiting) out += "- " + s + "\n";
  out += "\n## Stakeholders overdue for contact\n\n";
  if (w.overdue_contacts.empty()) {
    out += "None.\n";
  } else {
    out += "| Stakeholder | Quadrant | Last contact | Due |\n|---|---|---|---|\n";
    for (const auto& s : w.overdue_contacts) {
      out += fmt::format("| {} ({}) | {} | {} | {} |\n", Cell(s.name), s.id, s.quadrant,
                         s.last_contact, s.next_contact);
    }
  }
  out += "\n## Audit readiness\n\n";
  for (const auto& s : w.readiness) out += "- " + s + "\n";
  out += "\n## Changed " + w.changed_since + "\n\n";
  for (const auto& s : w.changed) out += "- " + s + "\n";
  return out;
}

std::string StatusJson(const model::Program& p, const StatusReport& r, const StatusWords& w) {
  using nlohmann::json;
  auto opt = [](const auto& v) -> json { return v ? json(*v) : json(nullptr); };
  auto date = [](const std::optional<Date>& d) -> json {
    return d ? json(d->ToString()) : json(nullptr);
  };
  const StatusFigures& f = r.now;
  json j;
  j["program"] = p.id;
  j["name"] = p.name;
  j["as_of"] = r.as_of.ToString();
  j["currency"] = p.currency;
  j["health"] = w.overall.empty() ? json(nullptr) : json(w.overall);
  j["headline"] = w.headline;
  j["areas"] = json::array();
  for (size_t i = 0; i < r.health.areas.size(); ++i) {
    const auto& a = r.health.areas[i];
    j["areas"].push_back({{"area", toolkit::HealthAreaName(a.area)},
                          {"rag", w.areas[i].rag.empty() ? json(nullptr) : json(w.areas[i].rag)},
                          {"rule", toolkit::HealthRuleName(a.rule)},
                          {"kpi", a.kpi.empty() ? json(nullptr) : json(a.kpi)},
                          {"reason", w.areas[i].reason}});
  }
  j["kpis"] = json::array();
  for (const auto& k : r.health.kpis.kpis) {
    json trend = json::array();
    for (const auto& h : r.history) {
      if (auto v = SnapshotKpi(h, k.name))
        trend.push_back({{"date", h.as_of.ToString()}, {"value", *v}});
    }
    j["kpis"].push_back({{"name", k.name},
                         {"group", k.group},
                         {"value", opt(k.value)},
                         {"target", k.target},
                         {"lower_is_better", k.lower_is_better},
                         {"rag", k.rag ? json(toolkit::RagName(*k.rag)) : json(nullptr)},
                         {"trend", trend}});
  }
  j["finish"] = {{"schedule", date(f.finish)},
                 {"p10", r.forecast.p10.date.ToString()},
                 {"p50", date(f.p50)},
                 {"p80", date(f.p80)},
                 {"p90", r.forecast.p90.date.ToString()},
                 {"target", date(p.target)},
                 {"p_on_time", opt(f.p_on_time)},
                 {"p80_slip_days", opt(f.p80_slip)},
                 {"previous_p80", r.previous ? date(r.previous->p80) : json(nullptr)},
                 {"iterations", r.forecast.iterations},
                 {"seed", r.forecast.seed}};
  j["money"] = {{"budget", f.budget},
                {"bac", f.bac},
                {"eac", opt(f.eac)},
                {"variance", f.eac ? json(f.budget - *f.eac) : json(nullptr)},
                {"contingency", f.budget - f.bac},
                {"forecast_final_cost", f.eac ? json(*f.eac + f.approved_changes) : json(nullptr)},
                {"headroom", f.eac ? json(f.budget - *f.eac - f.approved_changes) : json(nullptr)},
                {"ac", f.ac},
                {"ev", f.ev},
                {"pv", f.pv},
                {"cpi", opt(f.cpi)},
                {"spi", opt(f.spi)},
                {"spi_t", opt(f.spi_t)},
                {"approved_changes", f.approved_changes},
                {"contingency_left", f.contingency_left}};
  j["top_risks"] = json::array();
  for (const auto& risk : w.top_risks) {
    std::optional<int> before;
    if (r.previous) {
      auto it = r.previous->risk_scores.find(risk.id);
      if (it != r.previous->risk_scores.end()) before = it->second;
    }
    const toolkit::RiskRow* row = nullptr;
    for (const auto& rr : r.risks.risks) {
      if (rr.id == risk.id) row = &rr;
    }
    j["top_risks"].push_back(
        {{"id", risk.id},
         {"title", row->title},
         {"owner", row->owner},
         {"status", model::Name(row->status)},
         {"score", risk.score},
         {"previous_score", opt(before)},
         {"movement", risk.movement.empty() ? json(nullptr) : json(risk.movement)},
         {"exposure_cost", opt(row->exposure_cost)}});
  }
  j["awaiting"] = w.awaiting;
  j["stakeholders_overdue"] = json::array();
  for (const auto& s : r.stakeholders.stakeholders) {
    if (!s.overdue) continue;
    j["stakeholders_overdue"].push_back({{"id", s.id},
                                         {"name", s.name},
                                         {"quadrant", toolkit::QuadrantName(s.quadrant)},
                                         {"last_contact", date(s.last_contact)},
                                         {"next_contact", date(s.next_contact)}});
  }
  j["readiness"] = {{"readiness", opt(r.readiness.readiness)},
                    {"done", r.readiness.done},
                    {"applicable", r.readiness.applicable},
                    {"overdue", r.readiness.overdue},
                    {"unsupported", r.readiness.unsupported}};
  j["changed"] = w.changed;
  j["previous"] = r.previous ? json(r.previous->as_of.ToString()) : json(nullptr);
  j["trail_entries"] = r.changes_total;
  j["snapshot_taken"] = r.snapshot_taken;
  return j.dump(2) + "\n";
}

}  // namespace tpmkit::report
