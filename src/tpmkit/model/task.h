// Projects, tasks, their links and estimates: the plan as the program file states it.
// Optional text fields use the empty string for "absent".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/base/money.h"
#include "tpmkit/model/enums.h"

namespace tpmkit::model {

// Durations and lags are in working days; estimates may be fractional.
struct Estimate {
  double optimistic = 0;
  double likely = 0;
  double pessimistic = 0;
  Distribution distribution = Distribution::kPert;
  friend bool operator==(const Estimate&, const Estimate&) = default;
};

struct Link {
  std::string task;  // a task id, or "project.task", as written
  LinkType type = LinkType::kFS;
  double lag = 0;  // working days; negative is a lead
  friend bool operator==(const Link&, const Link&) = default;
};

struct Baseline {
  std::optional<Date> start;
  std::optional<Date> finish;
  friend bool operator==(const Baseline&, const Baseline&) = default;
};

struct Task {
  std::string id;
  std::string name;
  std::string owner;
  std::optional<double> duration;  // exclusive with estimate
  std::optional<Estimate> estimate;
  bool milestone = false;  // duration 0
  std::vector<Link> depends;
  std::vector<std::string> resources;
  std::optional<Money> cost;
  std::optional<double> percent_complete;
  std::optional<Date> actual_start;
  std::optional<Date> actual_finish;
  std::optional<Baseline> baseline;
  std::optional<Date> start_no_earlier_than;
  std::optional<Date> deadline;
  friend bool operator==(const Task&, const Task&) = default;

  // The deterministic duration in working days: 0 for a milestone, else `duration`,
  // else the estimate's `likely`, else 0.
  double PlannedDuration() const;
  // percent_complete, with actual_finish implying 100 (0 when neither is given).
  double PercentComplete() const;
};

struct Project {
  std::string id;
  std::string name;
  std::string owner;
  std::vector<Task> tasks;
  friend bool operator==(const Project&, const Project&) = default;
};

struct Calendar {
  std::vector<Weekday> workweek = {Weekday::kMon, Weekday::kTue, Weekday::kWed, Weekday::kThu,
                                   Weekday::kFri};
  std::vector<Date> holidays;
  friend bool operator==(const Calendar&, const Calendar&) = default;
};

// An external dependency: something another team or a vendor must deliver.
struct Dependency {
  std::string id;
  std::string name;
  std::string provider;
  std::string owner;
  std::optional<Date> needed_by;
  DependencyStatus status = DependencyStatus::kOnTrack;
  std::vector<std::string> tasks;
  std::optional<Date> expected;
  friend bool operator==(const Dependency&, const Dependency&) = default;
};

struct Resource {
  std::string id;
  std::string name;
  std::optional<Money> rate;  // per working day
  std::optional<double> capacity;
  friend bool operator==(const Resource&, const Resource&) = default;
};

struct Actual {
  Date date;
  Money amount;
  std::string task;
  std::string note;
  friend bool operator==(const Actual&, const Actual&) = default;
};

}  // namespace tpmkit::model
