// The program: the root aggregate of the program file (format version 1).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/base/money.h"
#include "tpmkit/model/registers.h"
#include "tpmkit/model/task.h"

namespace tpmkit::model {

inline constexpr int kFormatVersion = 1;

struct Program {
  std::string id;
  std::string name;
  std::string objective;
  std::string sponsor;
  std::string currency = "USD";
  Date start;
  std::optional<Date> target;
  std::optional<Date> status_date;
  std::optional<Money> budget;

  std::optional<Calendar> calendar;  // absent: Mon-Fri, no holidays
  std::vector<std::string> assumptions;
  std::vector<Project> projects;
  std::vector<Dependency> dependencies;
  std::vector<Resource> resources;
  std::vector<Actual> actuals;
  std::optional<Scorecard> scorecard;
  std::vector<Risk> risks;
  std::vector<Stakeholder> stakeholders;
  std::vector<Decision> decisions;
  std::vector<Change> changes;
  std::optional<Audit> audit;
  std::optional<Targets> targets;

  friend bool operator==(const Program&, const Program&) = default;

  // The calendar in force (the default one when none is given).
  Calendar EffectiveCalendar() const;
  // The scorecard criteria in force (the default six when none are given).
  std::vector<Criterion> EffectiveCriteria() const;
  // Sum of task costs (BAC).
  Money TotalTaskCost() const;
  // budget when given, else TotalTaskCost().
  Money EffectiveBudget() const;
  size_t TaskCount() const;
};

}  // namespace tpmkit::model
