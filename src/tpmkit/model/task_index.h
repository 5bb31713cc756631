// Resolves task references ("task" or "project.task") to positions in a Program.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "tpmkit/model/program.h"

namespace tpmkit::model {

struct TaskRef {
  size_t project = 0;  // index into Program::projects
  size_t task = 0;     // index into Project::tasks
  size_t flat = 0;     // index in file order over all tasks
};

class TaskIndex {
 public:
  explicit TaskIndex(const Program& program);
  // nullopt when the reference names no task.
  std::optional<TaskRef> Find(std::string_view ref) const;
  size_t size() const { return by_id_.size(); }

 private:
  const Program* program_;
  std::unordered_map<std::string_view, TaskRef> by_id_;
};

}  // namespace tpmkit::model
