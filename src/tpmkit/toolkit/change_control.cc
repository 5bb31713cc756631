#include "tpmkit/toolkit/change_control.h"

#include <algorithm>
#include <set>

#include "tpmkit/model/task_index.h"
#include "tpmkit/plan/calendar.h"
#include "tpmkit/toolkit/amounts.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::toolkit {

namespace {

model::Change* FindChange(model::Program& program, const std::string& id) {
  for (auto& c : program.changes) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

Error UnknownChange(const model::Program& program, const std::string& id) {
  std::vector<std::string> ids;
  for (const auto& c : program.changes) ids.push_back(c.id);
  return Error::NotFound(
      "no change request '" + id + "' in program " + program.id +
      (ids.empty() ? " (it has none)" : " (known: " + wording::JoinList(ids) + ")"));
}

Status AddTasks(model::Program& program, const model::Change& change) {
  model::TaskIndex index(program);
  for (const auto& t : change.adds_tasks) {
    if (index.Find(t.id)) {
      return Error::Invalid("change " + change.id + " adds task '" + t.id +
                            "', but the plan already has a task with that id");
    }
  }
  size_t project = TargetProject(program, change);
  auto& tasks = program.projects[project].tasks;
  tasks.insert(tasks.end(), change.adds_tasks.begin(), change.adds_tasks.end());
  return OkStatus();
}

std::string Dated(const std::optional<Date>& d) { return d ? d->ToString() : "unknown"; }

}  // namespace

Money ChangeCost(const model::Change& change) {
  if (change.impact && change.impact->cost) return *change.impact->cost;
  Money sum;
  for (const auto& t : change.adds_tasks) sum += t.cost.value_or(Money{});
  return sum;
}

BudgetPosition ComputeBudgetPosition(const model::Program& program) {
  BudgetPosition b;
  b.budget = program.EffectiveBudget();
  b.planned = program.TotalTaskCost();
  for (const auto& c : program.changes) {
    if (c.status == model::ChangeStatus::kApproved) b.approved_changes += ChangeCost(c);
  }
  b.remaining = b.budget - b.planned - b.approved_changes;
  return b;
}

size_t TargetProject(const model::Program& program, const model::Change& change) {
  model::TaskIndex index(program);
  for (const auto& t : change.adds_tasks) {
    for (const auto& l : t.depends) {
      if (auto ref = index.Find(l.task)) return ref->project;
    }
  }
  return program.projects.empty() ? 0 : program.projects.size() - 1;
}

Result<model::Program> ProgramWithChange(const model::Program& program,
                                         const model::Change& change) {
  model::Program out = program;
  if (out.projects.empty()) {
    return Error::Invalid("program " + program.id + " has no project to add change " + change.id +
                          "'s work to");
  }
  if (!change.adds_tasks.empty()) {
    TPMKIT_RETURN_IF_ERROR(AddTasks(out, change));
    return out;
  }
  double days = change.impact ? change.impact->schedule.value_or(0) : 0;
  if (days <= 0) return out;

  model::TaskIndex index(out);
  std::set<size_t> has_successor;
  for (const auto& p : out.projects) {
    for (const auto& t : p.tasks) {
      for (const auto& l : t.depends) {
        if (auto ref = index.Find(l.task)) has_successor.insert(ref->flat);
      }
    }
  }
  model::Task extra;
  std::string base = "change-" + wording::Lower(change.id);
  extra.id = base;
  for (int n = 2; index.Find(extra.id); ++n) extra.id = base + "-" + std::to_string(n);
  extra.name = "Change " + change.id + ": " + change.title;
  extra.duration = days;
  size_t flat = 0;
  for (const auto& p : out.projects) {
    for (const auto& t : p.tasks) {
      if (!has_successor.count(flat++)) extra.depends.push_back({t.id, model::LinkType::kFS, 0});
    }
  }
  out.projects.back().tasks.push_back(std::move(extra));
  return out;
}

Status ImplementChange(model::Program& program, const std::string& change_id) {
  model::Change* change = FindChange(program, change_id);
  if (!change) return UnknownChange(program, change_id);
  if (change->status != model::ChangeStatus::kApproved) {
    return Error::Conflict("change " + change_id + " is " +
                           std::string(model::Name(change->status)) +
                           "; only an approved change can be implemented");
  }
  model::Change copy = *change;
  TPMKIT_RETURN_IF_ERROR(AddTasks(program, copy));
  // The tasks now live in the plan; kept on the change too, they would be the same task
  // ids twice, which the validator rejects. The audit trail records what was added.
  model::Change* done = FindChange(program, change_id);
  done->adds_tasks.clear();
  done->status = model::ChangeStatus::kImplemented;
  return OkStatus();
}

Status RecordChangeDecision(model::Program& program, const std::string& change_id,
                            const model::Approval& approval) {
  model::Change* change = FindChange(program, change_id);
  if (!change) return UnknownChange(program, change_id);
  if (approval.by.empty()) return Error::Invalid("by: say who decides (a name)");
  if (change->status == model::ChangeStatus::kRejected ||
      change->status == model::ChangeStatus::kImplemented) {
    return Error::Conflict("change " + change_id + " is already " +
                           std::string(model::Name(change->status)) +
                           "; its decision can no longer change");
  }
  change->approvals.push_back(approval);
  change->status = approval.decision == model::ApprovalDecision::kApproved
                       ? model::ChangeStatus::kApproved
                       : model::ChangeStatus::kRejected;
  return OkStatus();
}

std::string_view ChangeRecommendationName(ChangeRecommendation r) {
  return r == ChangeRecommendation::kApprove ? "approve" : "reject";
}

ChangeAssessment AssessChange(const model::Program& program, const model::Change& change,
                              const ChangeMetrics& before, const ChangeMetrics& after) {
  return AssessChange(program, change, before, after, ComputeMoneyPosition(program, std::nullopt));
}

ChangeAssessment AssessChange(const model::Program& program, const model::Change& change,
                              const ChangeMetrics& before, const ChangeMetrics& after,
                              const MoneyPosition& money) {
  ChangeAssessment a;
  a.id = change.id;
  a.title = change.title;
  a.requested_by = change.requested_by;
  a.before = before;
  a.after = after;
  a.cost_delta = ChangeCost(change);
  a.budget = ComputeBudgetPosition(program);
  a.money = money;
  if (program.targets) a.p_on_time_target = program.targets->p_on_time;
  if (auto cal = plan::WorkCalendar::ForProgram(program); cal.ok()) {
    a.finish_delay_days = static_cast<int>(cal->PosEnd(after.finish) - cal->PosEnd(before.finish));
    if (before.p80_finish && after.p80_finish) {
      a.p80_delay_days =
          static_cast<int>(cal->PosEnd(*after.p80_finish) - cal->PosEnd(*before.p80_finish));
    }
  }
  const std::string& cur = program.currency;
  a.below_p_on_time_target =
      a.p_on_time_target && after.p_on_time && *after.p_on_time < *a.p_on_time_target;
  // The change must fit in what the budget has left both on paper (contingency left) and
  // at the forecast (headroom): a program overrunning its plan has less than its
  // contingency left to give.
  const double room = std::min(money.contingency_left.ToDouble(), money.headroom);
  const bool headroom_binds = money.headroom < money.contingency_left.ToDouble();
  a.over_budget = a.cost_delta.ToDouble() > room + 0.005;
  a.recommendation = (a.below_p_on_time_target || a.over_budget) ? ChangeRecommendation::kReject
                                                                 : ChangeRecommendation::kApprove;

  // The numbers every sentence stands on.
  std::string p80_words =
      a.p80_delay_days
          ? (*a.p80_delay_days == 0
                 ? "leaves the P80 finish at " + Dated(after.p80_finish)
                 : "moves the P80 finish from " + Dated(before.p80_finish) + " to " +
                       Dated(after.p80_finish) + " (" +
                       wording::Count(*a.p80_delay_days, "working day", "working days") + ")")
          : "leaves the P80 finish unknown";
  std::string chance_words;
  if (before.p_on_time && after.p_on_time && program.target) {
    chance_words = "the chance of finishing by " + program.target->ToString() + " goes from " +
                   wording::Percent(*before.p_on_time) + " to " +
                   wording::Percent(*after.p_on_time);
  }
  const std::string room_words =
      "a contingency left of " + Amount(money.contingency_left, cur) + " and a headroom of " +
      WholeAmount(money.headroom, cur) + " (the approved budget " + Amount(money.budget, cur) +
      " less the forecast final cost " + WholeAmount(money.forecast_final_cost, cur) + ")";
  std::string cost_words = "it costs " + Amount(a.cost_delta, cur) + " against " + room_words;

  std::vector<std::string> why;
  if (a.below_p_on_time_target) {
    why.push_back("the chance of finishing by " + program.target->ToString() + " would be " +
                  wording::Percent(*after.p_on_time) + ", below the target of " +
                  wording::Percent(*a.p_on_time_target) +
                  (before.p_on_time && *before.p_on_time < *a.p_on_time_target
                       ? " (it is " + wording::Percent(*before.p_on_time) +
                             " already, and the change must not add to the shortfall)"
                       : ""));
  }
  if (a.over_budget) {
    why.push_back("its cost of " + Amount(a.cost_delta, cur) + " exceeds the " +
                  (headroom_binds ? "headroom of " + WholeAmount(money.headroom, cur)
                                  : "contingency left of " + Amount(money.contingency_left, cur)));
  }
  std::string facts = "Change " + change.id + " " + p80_words +
                      (chance_words.empty() ? "" : "; " + chance_words) + "; " + cost_words + ".";
  if (a.recommendation == ChangeRecommendation::kReject) {
    a.reason = facts + " Recommendation: reject, because " + wording::JoinList(why) + ".";
  } else {
    std::string ok = "the budget covers it";
    if (a.p_on_time_target && after.p_on_time && program.target) {
      ok = "the chance of finishing on time stays at or above the target of " +
           wording::Percent(*a.p_on_time_target) + " and " + ok;
    }
    a.reason = facts + " Recommendation: approve, because " + ok + ".";
  }

  std::string who = change.requested_by.empty() ? "Hello" : "Dear " + change.requested_by;
  std::string subject = change.id + " (" + change.title + ")";
  if (a.recommendation == ChangeRecommendation::kReject) {
    a.reply = who + ",\n\nThank you for change request " + subject +
              ". We simulated it against the current plan: it " + p80_words +
              (chance_words.empty() ? "" : ", " + chance_words) + ", and it would cost " +
              Amount(a.cost_delta, cur) + ". We cannot take it into the current plan, because " +
              wording::JoinList(why) +
              ". We would be glad to look at it again for the next release, or to bring it to "
              "the steering committee together with the date or funding it would need.\n";
  } else {
    a.reply = who + ",\n\nThank you for change request " + subject +
              ". We simulated it against the current plan: it " + p80_words +
              (chance_words.empty() ? "" : ", " + chance_words) + ", and it costs " +
              Amount(a.cost_delta, cur) + ", which " + room_words +
              " cover. We can accept it; once it is approved we will add the work to the "
              "plan and confirm the dates with you.\n";
  }
  return a;
}

}  // namespace tpmkit::toolkit
