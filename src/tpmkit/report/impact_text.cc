#include "tpmkit/report/impact_text.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <vector>

#include "tpmkit/base/text.h"
#include "tpmkit/toolkit/amounts.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::report {

namespace {

namespace words = toolkit::wording;
using toolkit::ImpactKind;
using toolkit::ImpactQuantity;
using toolkit::ImpactStatement;
using toolkit::ImpactUnit;

// A number as the unit writes it, without the unit.
std::string Bare(double v, ImpactUnit unit) {
  switch (unit) {
    case ImpactUnit::kMoney:
      return toolkit::Grouped(std::llround(v));
    case ImpactUnit::kTasks:
    case ImpactUnit::kItems:
    case ImpactUnit::kRiskScore:
    case ImpactUnit::kRating:
      return words::Number(v, 0);
    case ImpactUnit::kWorkingDays:
      return words::Number(v, 2);
    default:
      return words::Number(v, 1);
  }
}

// The unit after a number: " USD", " working days", "%", " of 25".
std::string UnitAfter(double v, ImpactUnit unit, const std::string& currency) {
  switch (unit) {
    case ImpactUnit::kMoney:
      return " " + currency;
    case ImpactUnit::kWorkingDays:
      return Bare(v, unit) == "1" ? " working day" : " working days";
    case ImpactUnit::kPercent:
      return "%";
    case ImpactUnit::kScore:
      return " of 100";
    case ImpactUnit::kRiskScore:
      return " of 25";
    case ImpactUnit::kRating:
      return " of 5";
    case ImpactUnit::kTasks:
      return Bare(v, unit) == "1" ? " task" : " tasks";
    case ImpactUnit::kItems:
      return Bare(v, unit) == "1" ? " item" : " items";
  }
  return "";
}

std::string Value(double v, ImpactUnit unit, const std::string& currency) {
  return Bare(v, unit) + UnitAfter(v, unit, currency);
}

// "from 180,000 to 40,000 USD"; a percentage on both sides: "from 40% to 90%".
std::string FromTo(const ImpactQuantity& q, const std::string& currency) {
  const double before = q.before.value_or(0);
  return fmt::format(
      "from {} to {}",
      q.unit == ImpactUnit::kPercent ? Value(before, q.unit, currency) : Bare(before, q.unit),
      Value(q.after.value_or(0), q.unit, currency));
}

const ImpactQuantity* Quantity(const ImpactStatement& s, std::string_view name) {
  for (const auto& q : s.quantities) {
    if (q.name == name) return &q;
  }
  return nullptr;
}

// " between 2026-04-01 and 2026-06-01 (9 weeks)", " on 2026-06-15", or "".
std::string Period(const ImpactStatement& s) {
  if (!s.from || !s.to) return s.to ? " on " + s.to->ToString() : "";
  const int days = *s.to - *s.from;
  if (days <= 0) return " on " + s.to->ToString();
  const std::string span = days >= 14 ? words::Count(std::lround(days / 7.0), "week", "weeks")
                                      : words::Count(days, "day", "days");
  return fmt::format(" between {} and {} ({})", s.from->ToString(), s.to->ToString(), span);
}

std::string Subject(std::string_view what, const ImpactStatement& s) {
  return s.name.empty() ? fmt::format("{} {}", what, s.id)
                        : fmt::format("{} {} ({})", what, s.id, s.name);
}

std::string On(const std::optional<Date>& d) { return d ? " on " + d->ToString() : ""; }
std::string By(const std::string& who) { return who.empty() ? "" : " by " + who; }

// The reductions of a risk: "expected exposure down from A to B USD, schedule exposure
// from A to B working days and risk score from A to B of 25" ("down" only with `down`).
std::string RiskReductions(const ImpactStatement& s, const std::string& currency, bool down) {
  std::vector<std::string> parts;
  for (const auto& q : s.quantities) {
    std::string what;
    if (q.name == "exposure_cost") what = "expected exposure";
    if (q.name == "exposure_days") what = "schedule exposure";
    if (q.name == "risk_score") what = "risk score";
    if (what.empty()) continue;
    parts.push_back(what + (down && parts.empty() ? " down " : " ") + FromTo(q, currency));
  }
  return words::JoinList(parts);
}

std::string RiskClosed(const ImpactStatement& s, const std::string& currency) {
  std::vector<std::string> retired;
  for (const auto& q : s.quantities) {
    if (q.name == "exposure_cost" || q.name == "exposure_days") {
      retired.push_back(Value(q.amount, q.unit, currency));
    }
  }
  const std::string head = Subject("Risk", s) + " closed" + On(s.to);
  if (retired.empty()) {
    return fmt::format("{}, retiring a risk scored {}.", head,
                       Value(s.quantities.front().amount, ImpactUnit::kRiskScore, currency));
  }
  return fmt::format("{}: expected exposure of {} retired.", head, words::JoinList(retired));
}

std::string ChangeRejected(const ImpactStatement& s, const std::string& currency) {
  std::vector<std::string> kept;
  if (const auto* q = Quantity(s, "schedule")) kept.push_back(Value(q->amount, q->unit, currency));
  if (const auto* q = Quantity(s, "cost")) kept.push_back(Value(q->amount, q->unit, currency));
  const toolkit::ImpactDate* on = nullptr;
  for (const auto& d : s.dates) {
    if (d.event == "rejected") on = &d;
  }
  return fmt::format("{} rejected{}{}: kept {} off the plan.", Subject("Change", s),
                     on ? " on " + on->date.ToString() : std::string(), By(s.by),
                     words::JoinList(kept));
}

std::string ChangeApproved(const ImpactStatement& s, const std::string& currency) {
  std::vector<std::string> funded;
  if (const auto* q = Quantity(s, "cost")) funded.push_back(Value(q->amount, q->unit, currency));
  if (const auto* q = Quantity(s, "schedule")) {
    funded.push_back(Value(q->amount, q->unit, currency));
  }
  const toolkit::ImpactDate* on = nullptr;
  for (const auto& d : s.dates) {
    if (d.event == "approved") on = &d;
  }
  const auto* left = Quantity(s, "contingency_left");
  return fmt::format(
      "{} approved{}{} within the contingency: its {} {} absorbed, with {} of contingency "
      "left.",
      Subject("Change", s), on ? " on " + on->date.ToString() : std::string(), By(s.by),
      words::JoinList(funded), funded.size() == 1 ? "is" : "are",
      Value(left ? left->amount : 0, ImpactUnit::kMoney, currency));
}

std::string Quoted(const std::string& text) { return "\"" + text + "\""; }

std::string DecisionTaken(const ImpactStatement& s, const std::string& currency) {
  std::vector<std::string> quoted;
  for (const auto& a : s.alternatives) quoted.push_back(Quoted(a));
  const bool several = s.alternatives.size() > 1;
  const std::string least = several ? "at least " : "";
  std::vector<std::string> gains;
  std::vector<std::string> prices;
  for (const auto& q : s.quantities) {
    const std::string v = Value(q.amount, q.unit, currency);
    if (q.name == "cost_saved") gains.push_back(least + v + " cheaper");
    if (q.name == "finish_earlier") gains.push_back("finishing " + least + v + " earlier");
    if (q.name == "cost_added") prices.push_back("costs " + v + " more");
    if (q.name == "finish_later") prices.push_back("finishes " + v + " later");
  }
  std::string text =
      fmt::format("{} taken{}{}: {} chosen over {}, {}", Subject("Decision", s), On(s.to), By(s.by),
                  Quoted(s.label_after), words::JoinList(quoted), words::JoinList(gains));
  if (!prices.empty()) {
    text += fmt::format(", though it {}", words::JoinList(prices));
  }
  return text + ", on the plan as it stands.";
}

std::string ReadinessRaised(const ImpactStatement& s, const std::string& currency) {
  const ImpactQuantity& r = s.quantities.front();
  std::string text = fmt::format("Audit readiness up {}{}", FromTo(r, currency), Period(s));
  if (const auto* items = Quantity(s, "items_done")) {
    std::vector<std::string> ids;
    for (const auto& e : s.entities) {
      if (e.entity == "audit_item") ids.push_back(e.id);
    }
    text += fmt::format(", with {} more checklist {} done", Bare(items->amount, items->unit),
                        items->amount == 1 ? "item" : "items");
    if (!ids.empty()) text += " (" + words::JoinList(ids) + ")";
  }
  return text + ".";
}

std::string ScorecardImproved(const ImpactStatement& s, const std::string& currency) {
  const ImpactQuantity& q = s.quantities.front();
  std::string bands;
  if (!s.label_before.empty() && !s.label_after.empty() && s.label_before != s.label_after) {
    bands = fmt::format(", band {} to {}", s.label_before, s.label_after);
  }
  return fmt::format("Program risk scorecard down {}{}{}.", FromTo(q, currency), bands, Period(s));
}

std::string DependencyDelivered(const ImpactStatement& s, const std::string& currency) {
  std::string text = Subject("Dependency", s) + " delivered";
  if (!s.provider.empty()) text += " by " + s.provider;
  text += On(s.to);
  std::optional<Date> needed;
  for (const auto& d : s.dates) {
    if (d.event == "needed_by") needed = d.date;
  }
  std::vector<std::string> parts;
  if (const auto* q = Quantity(s, "days_early")) {
    parts.push_back(fmt::format("{} before it was needed on {}",
                                Value(q->amount, q->unit, currency), needed->ToString()));
  }
  if (const auto* q = Quantity(s, "days_late")) {
    parts.push_back(fmt::format("{} after it was needed on {}", Value(q->amount, q->unit, currency),
                                needed->ToString()));
  }
  if (const auto* q = Quantity(s, "tasks_unblocked")) {
    parts.push_back(fmt::format("unblocking {} ({})", Value(q->amount, q->unit, currency),
                                words::JoinList(s.tasks)));
  }
  for (const auto& part : parts) text += ", " + part;
  return text + ".";
}

std::string StakeholderMoved(const ImpactStatement& s, const std::string& currency) {
  const auto* influence = Quantity(s, "influence");
  std::string text =
      fmt::format("{} (stakeholder {}, influence {}) moved from {} to {}{}", s.name, s.id,
                  Value(influence ? influence->amount : 0, ImpactUnit::kRating, currency),
                  s.label_before, s.label_after, Period(s));
  if (const auto* q = Quantity(s, "satisfaction")) {
    text += ", satisfaction up " + FromTo(*q, currency);
  }
  return text + ".";
}

std::string Joined(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? std::string(sep) : "") + items[i];
  return out;
}

std::string EventWords(std::string event) {
  for (auto& c : event) {
    if (c == '_') c = ' ';
  }
  return event;
}

struct Group {
  toolkit::ImpactGroup group;
  const char* title;
};
constexpr Group kGroups[] = {
    {toolkit::ImpactGroup::kRisks, "Risks"},
    {toolkit::ImpactGroup::kChanges, "Change control"},
    {toolkit::ImpactGroup::kDecisions, "Decisions"},
    {toolkit::ImpactGroup::kAudit, "Audit readiness"},
    {toolkit::ImpactGroup::kScorecard, "Risk scorecard"},
    {toolkit::ImpactGroup::kDependencies, "Dependencies"},
    {toolkit::ImpactGroup::kStakeholders, "Stakeholders"},
};

std::string Title(const ImpactReportInput& in) {
  const auto& r = *in.report;
  return fmt::format(
      "Impact of {} as of {}: {}.", EscapeControls(in.program_name), r.as_of.ToString(),
      words::Count(static_cast<long>(r.statements.size()), "statement", "statements"));
}

std::string Basis(const ImpactReportInput& in) {
  const auto& r = *in.report;
  if (in.from_file || !r.has_trail) {
    return "From the program file alone: a file has no audit trail, so movements over time "
           "(risks reduced, audit readiness raised, stakeholders won over) need a workspace "
           "program.";
  }
  if (!r.trail_from) return "From the program and its audit trail, which holds no entries yet.";
  return fmt::format("From the program and its audit trail since {}.", r.trail_from->ToString());
}

}  // namespace

std::string ImpactSentence(const ImpactStatement& s, const std::string& currency) {
  switch (s.kind) {
    case ImpactKind::kRiskClosed:
      return RiskClosed(s, currency);
    case ImpactKind::kRiskMitigated:
      return fmt::format("{} {}: {}{}.", Subject("Risk", s),
                         s.label_after == "mitigating" ? "mitigated" : "reduced",
                         RiskReductions(s, currency, true), Period(s));
    case ImpactKind::kRiskResidual:
      return fmt::format("{} under mitigation: the response in place is assessed to cut {}.",
                         Subject("Risk", s), RiskReductions(s, currency, false));
    case ImpactKind::kChangeRejected:
      return ChangeRejected(s, currency);
    case ImpactKind::kChangeApproved:
      return ChangeApproved(s, currency);
    case ImpactKind::kDecisionTaken:
      return DecisionTaken(s, currency);
    case ImpactKind::kReadinessRaised:
      return ReadinessRaised(s, currency);
    case ImpactKind::kScorecardImproved:
      return ScorecardImproved(s, currency);
    case ImpactKind::kDependencyDelivered:
      return DependencyDelivered(s, currency);
    case ImpactKind::kStakeholderMoved:
      return StakeholderMoved(s, currency);
  }
  return "";
}

std::string ImpactEvidence(const ImpactStatement& s) {
  std::vector<std::string> entities, dates;
  for (const auto& e : s.entities) entities.push_back(EventWords(e.entity) + " " + e.id);
  for (const auto& d : s.dates) dates.push_back(EventWords(d.event) + " " + d.date.ToString());
  std::vector<std::string> parts;
  if (!entities.empty()) parts.push_back(Joined(entities, ", "));
  if (!dates.empty()) parts.push_back(Joined(dates, ", "));
  if (!s.trail.empty()) {
    std::vector<std::string> seqs;
    for (auto q : s.trail) seqs.push_back(std::to_string(q));
    parts.push_back(fmt::format("audit trail {} {}", s.trail.size() == 1 ? "entry" : "entries",
                                words::JoinList(seqs)));
  }
  if (s.basis == toolkit::ImpactBasis::kResidual) parts.push_back("the risk's residual rating");
  return "Evidence: " + Joined(parts, "; ") + ".";
}

std::string ImpactText(const ImpactReportInput& in) {
  const auto& r = *in.report;
  std::string text = Title(in) + "\n" + Basis(in) + "\n";
  if (r.statements.empty()) {
    text +=
        "\nNothing in the data shows a quantified outcome yet: no risk closed or reduced, "
        "no change rejected or absorbed, no decision with a measured advantage, no "
        "dependency delivered.\n";
  }
  for (const auto& g : kGroups) {
    bool header = false;
    for (const auto& s : r.statements) {
      if (toolkit::GroupOf(s.kind) != g.group) continue;
      if (!header) {
        text += fmt::format("\n{}\n", g.title);
        header = true;
      }
      text += "- " + ImpactSentence(s, in.currency) + "\n";
      text += "  " + ImpactEvidence(s) + "\n";
    }
  }
  return EscapeControls(text, {.keep_newlines = true});
}

std::string ImpactMarkdown(const ImpactReportInput& in) {
  const auto& r = *in.report;
  std::string text = fmt::format("# Impact of {}\n\nAs of {}. {}\n", in.program_name,
                                 r.as_of.ToString(), Basis(in));
  if (r.statements.empty()) {
    text += "\nNothing in the data shows a quantified outcome yet.\n";
  }
  for (const auto& g : kGroups) {
    bool header = false;
    for (const auto& s : r.statements) {
      if (toolkit::GroupOf(s.kind) != g.group) continue;
      if (!header) {
        text += fmt::format("\n## {}\n\n", g.title);
        header = true;
      }
      text += "- " + ImpactSentence(s, in.currency) + "  \n";
      text += "  *" + ImpactEvidence(s) + "*\n";
    }
  }
  return EscapeControls(text, {.keep_newlines = true});
}

std::string ImpactJson(const ImpactReportInput& in) {
  using nlohmann::json;
  const auto& r = *in.report;
  auto opt = [](const std::optional<double>& v) { return v ? json(*v) : json(nullptr); };
  auto date = [](const std::optional<Date>& d) { return d ? json(d->ToString()) : json(nullptr); };
  json statements = json::array();
  for (const auto& s : r.statements) {
    json quantities = json::array();
    for (const auto& q : s.quantities) {
      quantities.push_back({{"name", q.name},
                            {"unit", toolkit::ImpactUnitName(q.unit, in.currency)},
                            {"before", opt(q.before)},
                            {"after", opt(q.after)},
                            {"amount", q.amount}});
    }
    json entities = json::array();
    for (const auto& e : s.entities) entities.push_back({{"entity", e.entity}, {"id", e.id}});
    json dates = json::array();
    for (const auto& d : s.dates)
      dates.push_back({{"event", d.event}, {"date", d.date.ToString()}});
    const auto& head = s.quantities.front();
    statements.push_back({{"kind", toolkit::ImpactKindName(s.kind)},
                          {"group", toolkit::ImpactGroupName(toolkit::GroupOf(s.kind))},
                          {"basis", toolkit::ImpactBasisName(s.basis)},
                          {"id", s.id},
                          {"name", s.name},
                          {"text", ImpactSentence(s, in.currency)},
                          {"evidence", ImpactEvidence(s)},
                          {"entities", entities},
                          {"dates", dates},
                          {"from", date(s.from)},
                          {"to", date(s.to)},
                          {"before", opt(head.before)},
                          {"after", opt(head.after)},
                          {"unit", toolkit::ImpactUnitName(head.unit, in.currency)},
                          {"amount", head.amount},
                          {"quantities", quantities},
                          {"trail", s.trail}});
  }
  return json{{"program", in.program_id},
              {"as_of", r.as_of.ToString()},
              {"has_trail", r.has_trail},
              {"trail_from", date(r.trail_from)},
              {"statements", statements}}
      .dump(2);
}

}  // namespace tpmkit::report
