#include "tpmkit/report/change_text.h"

#include <nlohmann/json.hpp>

#include "tpmkit/base/text.h"
#include "tpmkit/report/money_text.h"
#include "tpmkit/toolkit/amounts.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::report {

namespace {

using nlohmann::json;
namespace rt = register_text;

json DateOrNull(const std::optional<Date>& d) { return d ? json(d->ToString()) : json(nullptr); }

json MoneyObject(const toolkit::MoneyPosition& m) {
  json out = json::object();
  for (const auto& [key, value] : MoneyJsonFields(m))
    out[key] = value ? json(*value) : json(nullptr);
  return out;
}

template <class T>
json ValueOrNull(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

std::string Entries(size_t changed) {
  return toolkit::wording::Count(static_cast<long>(changed), "entry", "entries");
}

}  // namespace

std::string ChangeListText(const model::Program& p, const toolkit::MoneyPosition& m,
                           const RegisterTextOptions& o) {
  if (p.changes.empty()) return "Program " + p.id + " has no change requests.";
  rt::Table t;
  t.header = {"ID", "STATUS", "REQUESTED BY", "ON", "DAYS", "COST", "TITLE"};
  t.right_aligned = {false, false, false, false, true, true, false};
  for (const auto& c : p.changes) {
    t.rows.push_back(
        {{c.id, {}},
         {std::string(model::Name(c.status)),
          c.status == model::ChangeStatus::kProposed ? rt::kYellow : std::string_view()},
         {rt::OrDash(c.requested_by), {}},
         {c.requested_on ? c.requested_on->ToString() : "-", {}},
         {c.impact && c.impact->schedule ? toolkit::wording::Number(*c.impact->schedule) + "d"
                                         : "-",
          {}},
         {toolkit::Amount(toolkit::ChangeCost(c), p.currency), {}},
         {c.title, {}}});
  }
  return rt::Render(t, o) + "\nMoney (the same figures as status, evm, decide and escalate):\n" +
         MoneyBlock(m, p.currency) + MoneySentence(m, p.currency) +
         " A new change must fit in the smaller of the contingency left and the headroom.";
}

std::string ChangeListJson(const model::Program& p, const toolkit::MoneyPosition& m) {
  json list = json::array();
  for (const auto& c : p.changes) {
    json tasks = json::array();
    for (const auto& t : c.adds_tasks) tasks.push_back(t.id);
    json approvals = json::array();
    for (const auto& a : c.approvals) {
      approvals.push_back({{"by", a.by},
                           {"on", a.on.ToString()},
                           {"decision", std::string(model::Name(a.decision))},
                           {"note", a.note}});
    }
    list.push_back({{"id", c.id},
                    {"title", c.title},
                    {"requested_by", c.requested_by},
                    {"requested_on", DateOrNull(c.requested_on)},
                    {"status", std::string(model::Name(c.status))},
                    {"schedule_days", c.impact ? ValueOrNull(c.impact->schedule) : json(nullptr)},
                    {"cost", toolkit::ChangeCost(c).ToDouble()},
                    {"adds_tasks", tasks},
                    {"approvals", approvals}});
  }
  return json{{"changes", list},
              {"remaining_budget", m.contingency_left.ToDouble()},
              {"money", MoneyObject(m)}}
      .dump(2);
}

std::string ChangeAssessmentText(const model::Program& p, const toolkit::ChangeAssessment& a,
                                 SimulationRun run, const RegisterTextOptions& o) {
  auto pct = [](const std::optional<double>& v) {
    return v ? toolkit::wording::Percent(*v) : std::string("-");
  };
  auto day = [](const std::optional<Date>& d) { return d ? d->ToString() : std::string("-"); };
  rt::Table t;
  t.header = {"", "WITHOUT", "WITH " + a.id};
  t.right_aligned = {false, true, true};
  t.rows.push_back(
      {{"Planned finish", {}}, {a.before.finish.ToString(), {}}, {a.after.finish.ToString(), {}}});
  t.rows.push_back(
      {{"P80 finish", {}}, {day(a.before.p80_finish), {}}, {day(a.after.p80_finish), {}}});
  t.rows.push_back(
      {{"Chance on time", {}}, {pct(a.before.p_on_time), {}}, {pct(a.after.p_on_time), {}}});
  t.rows.push_back({{"Forecast final cost", {}},
                    {toolkit::WholeAmount(a.before.cost.ToDouble(), p.currency), {}},
                    {toolkit::WholeAmount(a.after.cost.ToDouble(), p.currency), {}}});
  return "Change " + a.id + ": " + EscapeControls(a.title) + "\nSimulated with " +
         std::to_string(run.iterations) + " iterations, seed " + std::to_string(run.seed) +
         ".\n\n" + rt::Render(t, o) + "\n" + a.reason + "\n\nReply to the requester:\n\n" + a.reply;
}

std::string ChangeAssessmentJson(const toolkit::ChangeAssessment& a, SimulationRun run) {
  return json{{"id", a.id},
              {"title", a.title},
              {"finish_before", a.before.finish.ToString()},
              {"finish_after", a.after.finish.ToString()},
              {"p80_before", DateOrNull(a.before.p80_finish)},
              {"p80_after", DateOrNull(a.after.p80_finish)},
              {"p_on_time_before", ValueOrNull(a.before.p_on_time)},
              {"p_on_time_after", ValueOrNull(a.after.p_on_time)},
              {"p_on_time_target", ValueOrNull(a.p_on_time_target)},
              {"cost_before", a.before.cost.ToDouble()},
              {"cost_after", a.after.cost.ToDouble()},
              {"cost_delta", a.cost_delta.ToDouble()},
              {"remaining_budget", a.budget.remaining.ToDouble()},
              {"money", MoneyObject(a.money)},
              {"finish_delay_days", a.finish_delay_days},
              {"p80_delay_days", ValueOrNull(a.p80_delay_days)},
              {"iterations", run.iterations},
              {"seed", run.seed},
              {"recommendation", std::string(toolkit::ChangeRecommendationName(a.recommendation))},
              {"reason", a.reason},
              {"reply", a.reply}}
      .dump(2);
}

std::string ChangeEditText(const ChangeEdit& e) {
  if (e.status == model::ChangeStatus::kImplemented) {
    return "Change " + e.id + " is implemented: " +
           toolkit::wording::Count(static_cast<long>(e.tasks_added), "task", "tasks") +
           " added to the plan (" + Entries(e.changed) + " in the audit trail).";
  }
  return "Change " + e.id + " is " + std::string(model::Name(e.status)) + " by " + e.by + " (" +
         Entries(e.changed) + " in the audit trail).";
}

std::string ChangeEditJson(const ChangeEdit& e) {
  return json{{"id", e.id},
              {"status", std::string(model::Name(e.status))},
              {"tasks_added", e.tasks_added},
              {"changed", e.changed}}
      .dump(2);
}

}  // namespace tpmkit::report
