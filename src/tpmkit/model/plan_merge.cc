#include "tpmkit/model/plan_merge.h"

#include <fmt/format.h>

#include <unordered_set>

#include "tpmkit/model/task_index.h"

namespace tpmkit::model {

namespace {

// Visits every register reference to a task, in file order. `found` is called for each
// one the plan does not have; with `prune`, the reference is dropped as well.
class ReferenceWalk {
 public:
  ReferenceWalk(Program& program, bool prune) : program_(program), index_(program), prune_(prune) {}

  std::vector<TaskReference> Run() {
    auto& p = program_;
    for (size_t i = 0; i < p.dependencies.size(); ++i) {
      auto& d = p.dependencies[i];
      List(d.tasks, fmt::format("dependencies[{}].tasks", i), "dependency " + d.id);
    }
    for (size_t i = 0; i < p.actuals.size(); ++i) {
      auto& a = p.actuals[i];
      if (a.task.empty() || Known(a.task)) continue;
      found_.push_back(
          {fmt::format("actuals[{}].task", i), "actual of " + a.date.ToString(), a.task});
      if (prune_) a.task.clear();
    }
    for (size_t i = 0; i < p.risks.size(); ++i) {
      auto& r = p.risks[i];
      if (r.impact) {
        List(r.impact->tasks, fmt::format("risks[{}].impact.tasks", i), "risk " + r.id);
      }
    }
    for (size_t i = 0; i < p.decisions.size(); ++i) {
      auto& d = p.decisions[i];
      for (size_t j = 0; j < d.options.size(); ++j) {
        auto& o = d.options[j];
        if (!o.scenario) continue;
        const std::string base = fmt::format("decisions[{}].options[{}].scenario", i, j);
        const std::string owner = "decision " + d.id + " option " + o.id;
        if (o.scenario->duration_factor) {
          List(o.scenario->duration_factor->tasks, base + ".duration_factor.tasks", owner);
        }
        List(o.scenario->remove_tasks, base + ".remove_tasks", owner);
      }
    }
    for (size_t i = 0; i < p.changes.size(); ++i) AddedTasks(p.changes[i], i);
    return std::move(found_);
  }

 private:
  bool Known(const std::string& ref) const { return index_.Find(ref).has_value(); }

  void List(std::vector<std::string>& refs, const std::string& path, const std::string& owner) {
    std::vector<std::string> kept;
    for (size_t k = 0; k < refs.size(); ++k) {
      if (Known(refs[k])) {
        kept.push_back(std::move(refs[k]));
        continue;
      }
      found_.push_back({fmt::format("{}[{}]", path, k), owner, refs[k]});
      if (!prune_) kept.push_back(std::move(refs[k]));
    }
    refs = std::move(kept);
  }

  // The links of a change's added tasks to the plan; links between its own tasks stay.
  void AddedTasks(Change& c, size_t ci) {
    std::unordered_set<std::string_view> own;
    for (const auto& t : c.adds_tasks) own.insert(t.id);
    for (size_t k = 0; k < c.adds_tasks.size(); ++k) {
      auto& t = c.adds_tasks[k];
      std::vector<Link> kept;
      for (size_t l = 0; l < t.depends.size(); ++l) {
        const auto& ref = t.depends[l].task;
        if (own.count(ref) != 0 || Known(ref)) {
          kept.push_back(t.depends[l]);
          continue;
        }
        found_.push_back({fmt::format("changes[{}].adds_tasks[{}].depends[{}].task", ci, k, l),
                          "change " + c.id + " task " + t.id, ref});
        if (!prune_) kept.push_back(t.depends[l]);
      }
      t.depends = std::move(kept);
    }
  }

  Program& program_;
  TaskIndex index_;
  bool prune_;
  std::vector<TaskReference> found_;
};

}  // namespace

Program MergePlan(const Program& program, const Program& plan, const PlanMergeOptions& options) {
  Program merged = program;
  merged.projects = plan.projects;
  if (options.schedule_settings) {
    merged.start = plan.start;
    if (plan.status_date) merged.status_date = plan.status_date;
    merged.calendar = plan.calendar;
    merged.resources = plan.resources;
    std::unordered_set<std::string_view> named;
    for (const auto& r : plan.resources) named.insert(r.id);
    for (const auto& r : program.resources) {
      if (named.count(r.id) == 0) merged.resources.push_back(r);
    }
  }
  return merged;
}

std::vector<TaskReference> DanglingTaskReferences(const Program& program) {
  // The walk moves list entries around even when it keeps them all: it runs on a copy.
  Program copy = program;
  return ReferenceWalk(copy, false).Run();
}

std::vector<TaskReference> PruneTaskReferences(Program& program) {
  return ReferenceWalk(program, true).Run();
}

}  // namespace tpmkit::model
