#include "tpmkit/model/task_index.h"

namespace tpmkit::model {

TaskIndex::TaskIndex(const Program& program) : program_(&program) {
  size_t flat = 0;
  by_id_.reserve(program.TaskCount());
  for (size_t p = 0; p < program.projects.size(); ++p) {
    const auto& tasks = program.projects[p].tasks;
    for (size_t t = 0; t < tasks.size(); ++t) {
      by_id_.emplace(tasks[t].id, TaskRef{p, t, flat++});  // first wins on duplicates
    }
  }
}

std::optional<TaskRef> TaskIndex::Find(std::string_view ref) const {
  if (auto it = by_id_.find(ref); it != by_id_.end()) return it->second;
  // "project.task": task ids may themselves contain dots only via this form.
  auto dot = ref.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string_view project = ref.substr(0, dot), task = ref.substr(dot + 1);
  auto it = by_id_.find(task);
  if (it == by_id_.end()) return std::nullopt;
  if (program_->projects[it->second.project].id != project) return std::nullopt;
  return it->second;
}

}  // namespace tpmkit::model
