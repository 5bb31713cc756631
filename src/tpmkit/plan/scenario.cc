#include "tpmkit/plan/scenario.h"

#include <algorithm>
#include <optional>
#include <unordered_set>
#include <utility>

#include "tpmkit/model/task_index.h"

namespace tpmkit::plan {

namespace {

using model::LinkType;

bool FromFinish(LinkType t) { return t == LinkType::kFS || t == LinkType::kFF; }
bool ToFinish(LinkType t) { return t == LinkType::kFF || t == LinkType::kSF; }

LinkType MakeType(bool from_finish, bool to_finish) {
  if (from_finish) return to_finish ? LinkType::kFF : LinkType::kFS;
  return to_finish ? LinkType::kSF : LinkType::kSS;
}

// The bare id of the task a link names, or nullopt when it names none.
std::optional<std::string> ResolveId(const model::Program& program, const model::TaskIndex& index,
                                     const std::string& ref) {
  auto found = index.Find(ref);
  if (!found) return std::nullopt;
  return program.projects[found->project].tasks[found->task].id;
}

model::Task* FindTask(model::Program& program, const std::string& id) {
  for (auto& p : program.projects) {
    for (auto& t : p.tasks) {
      if (t.id == id) return &t;
    }
  }
  return nullptr;
}

// Adds `link` to `task`, or raises the lag of an existing link of the same type to the
// same predecessor: of two constraints of one kind between the same tasks, only the
// larger lag can bind.
void MergeLink(const model::Program& program, const model::TaskIndex& index, model::Task& task,
               model::Link link) {
  for (auto& existing : task.depends) {
    if (existing.type != link.type) continue;
    auto id = ResolveId(program, index, existing.task);
    if (id && *id == link.task) {
      existing.lag = std::max(existing.lag, link.lag);
      return;
    }
  }
  task.depends.push_back(std::move(link));
}

void RemoveTask(model::Program& program, const std::string& id) {
  model::TaskIndex index(program);
  model::Task* removed = FindTask(program, id);
  // Predecessor links of the removed task, with their bare ids.
  std::vector<model::Link> preds;
  for (const auto& l : removed->depends) {
    if (auto pid = ResolveId(program, index, l.task); pid && *pid != id) {
      preds.push_back({*pid, l.type, l.lag});
    }
  }
  // Each successor loses its link(s) to the removed task and gains the composed ones.
  for (auto& project : program.projects) {
    for (auto& task : project.tasks) {
      if (task.id == id) continue;
      std::vector<model::Link> through;
      std::vector<model::Link> kept;
      for (auto& l : task.depends) {
        auto lid = ResolveId(program, index, l.task);
        if (lid && *lid == id) {
          through.push_back(l);
        } else {
          kept.push_back(l);
        }
      }
      if (through.empty()) continue;
      task.depends = std::move(kept);
      for (const auto& second : through) {
        for (const auto& first : preds) {
          if (first.task == task.id) continue;  // would be a self-link
          MergeLink(program, index, task,
                    {first.task, ComposeLinkType(first.type, second.type), first.lag + second.lag});
        }
      }
    }
  }
  for (auto& project : program.projects) {
    std::erase_if(project.tasks, [&](const model::Task& t) { return t.id == id; });
  }
}

// Drops references to removed tasks from the registers beside the plan.
void DropReferences(model::Program& program, const model::Program& original,
                    const std::unordered_set<std::string>& removed) {
  model::TaskIndex index(original);
  auto gone = [&](const std::string& ref) {
    auto rid = ResolveId(original, index, ref);
    return rid && removed.count(*rid) > 0;
  };
  for (auto& d : program.dependencies) std::erase_if(d.tasks, gone);
  for (auto& r : program.risks) {
    if (r.impact) std::erase_if(r.impact->tasks, gone);
  }
  for (auto& a : program.actuals) {
    if (!a.task.empty() && gone(a.task)) a.task.clear();
  }
}

}  // namespace

LinkType ComposeLinkType(LinkType first, LinkType second) {
  return MakeType(FromFinish(first), ToFinish(second));
}

Result<ScenarioProgram> ApplyScenario(const model::Program& program,
                                      const model::Scenario& scenario) {
  ScenarioProgram out{program, scenario.cost.value_or(Money{})};
  model::Program& p = out.program;
  model::TaskIndex index(program);

  if (scenario.duration_factor) {
    const auto& df = *scenario.duration_factor;
    if (!(df.factor > 0)) {
      return Error::Invalid("scenario: duration_factor.factor must be greater than 0, got " +
                            std::to_string(df.factor));
    }
    for (const auto& ref : df.tasks) {
      auto id = ResolveId(program, index, ref);
      if (!id) return Error::Invalid("scenario: duration_factor names no task '" + ref + "'");
      model::Task* t = FindTask(p, *id);
      if (t->duration) *t->duration *= df.factor;
      if (t->estimate) {
        t->estimate->optimistic *= df.factor;
        t->estimate->likely *= df.factor;
        t->estimate->pessimistic *= df.factor;
      }
    }
  }

  std::unordered_set<std::string> removed;
  for (const auto& ref : scenario.remove_tasks) {
    auto id = ResolveId(program, index, ref);
    if (!id) return Error::Invalid("scenario: remove_tasks names no task '" + ref + "'");
    if (!removed.insert(*id).second) continue;  // listed twice: removed once
    RemoveTask(p, *id);
  }
  if (!removed.empty()) DropReferences(p, program, removed);

  if (scenario.target) p.target = scenario.target;
  return out;
}

Money ScenarioCost(const ScenarioProgram& scenario_program) {
  return scenario_program.program.TotalTaskCost() + scenario_program.extra_cost;
}

model::Program WithRiskHappening(const model::Program& program, const model::Risk& risk) {
  model::Program copy = program;
  if (!risk.impact || !risk.impact->schedule) return copy;
  const double days = *risk.impact->schedule;
  for (auto& project : copy.projects) {
    for (auto& t : project.tasks) {
      bool hit = false;
      for (const auto& id : risk.impact->tasks) {
        hit |= id == t.id || id == project.id + "." + t.id;
      }
      if (!hit) continue;
      if (t.milestone) {
        t.milestone = false;
        t.duration = days;
      } else if (t.estimate) {
        t.estimate->optimistic += days;
        t.estimate->likely += days;
        t.estimate->pessimistic += days;
      } else {
        t.duration = t.duration.value_or(0) + days;
      }
    }
  }
  return copy;
}

}  // namespace tpmkit::plan
