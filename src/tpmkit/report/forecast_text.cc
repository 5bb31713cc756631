#include "tpmkit/report/forecast_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <nlohmann/json.hpp>
#include <numeric>

#include "tpmkit/report/register_text.h"

namespace tpmkit::report {

namespace {

// Up to `top` task indices with a non-zero key, largest first, ties in file order.
std::vector<size_t> Top(size_t n, int top, const std::function<double(size_t)>& key) {
  std::vector<size_t> idx;
  for (size_t i = 0; i < n; ++i) {
    if (key(i) > 0) idx.push_back(i);
  }
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return key(a) > key(b); });
  if (idx.size() > static_cast<size_t>(std::max(0, top))) idx.resize(std::max(0, top));
  return idx;
}

}  // namespace

std::string ForecastText(const model::Program& program, const plan::Forecast& forecast,
                         const ForecastTextOptions& options) {
  const auto tasks = plan::TasksInFileOrder(program);
  std::string out = fmt::format("Forecast of the finish: {} iterations, seed {}\n\n",
                                forecast.iterations, forecast.seed);
  const std::pair<const char*, const plan::FinishValue*> rows[] = {{"p10", &forecast.p10},
                                                                   {"p50", &forecast.p50},
                                                                   {"p80", &forecast.p80},
                                                                   {"p90", &forecast.p90},
                                                                   {"mean", &forecast.mean}};
  for (auto [name, v] : rows) {
    out += fmt::format("  {:<5} {}  (working day {:.1f})\n", name, v->date.ToString(), v->position);
  }
  if (forecast.target && forecast.p_on_time) {
    std::string pct = fmt::format("{:.1f} %", 100 * *forecast.p_on_time);
    if (options.color) {
      const char* sgr = *forecast.p_on_time >= 0.8   ? "32"
                        : *forecast.p_on_time >= 0.5 ? "33"
                                                     : "31";
      pct = fmt::format("\x1b[{}m{}\x1b[0m", sgr, pct);
    }
    out += fmt::format("\nChance of finishing by the target {}: {}\n", forecast.target->ToString(),
                       pct);
  } else {
    out += "\nNo target is set: no chance of finishing on time to tell.\n";
  }

  const int width = std::max(options.width, 40);
  size_t label_w = 4;
  for (const auto* t : tasks)
    label_w = std::max(label_w, std::min<size_t>(register_text::Width(t->id), 20));
  const int bar_w = std::max(10, width - static_cast<int>(label_w) - 12);
  auto bar = [&](double fraction, bool red) {
    int len = static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * bar_w));
    std::string b(static_cast<size_t>(len), '#');
    return options.color && red && len > 0 ? "\x1b[31m" + b + "\x1b[0m" : b;
  };
  const size_t n = std::min(tasks.size(), forecast.tasks.size());

  auto critical = Top(n, options.top, [&](size_t i) { return forecast.tasks[i].criticality; });
  out += "\nMost critical tasks (share of iterations on the critical path)\n";
  if (critical.empty()) out += "  none\n";
  for (size_t i : critical) {
    double c = forecast.tasks[i].criticality;
    out += fmt::format("  {} {:>6.1f} % {}\n",
                       register_text::PadRight(register_text::Fit(tasks[i]->id, label_w), label_w),
                       100 * c, bar(c, c >= 0.5));
  }
  auto sensitive =
      Top(n, options.top, [&](size_t i) { return std::abs(forecast.tasks[i].sensitivity); });
  out += "\nMost sensitive tasks (correlation of the task's duration with the finish)\n";
  if (sensitive.empty()) out += "  none\n";
  for (size_t i : sensitive) {
    double s = forecast.tasks[i].sensitivity;
    out += fmt::format("  {} {:>+7.2f}  {}\n",
                       register_text::PadRight(register_text::Fit(tasks[i]->id, label_w), label_w),
                       s, bar(std::abs(s), false));
  }
  return out;
}

std::string ForecastJson(const model::Program& program, const plan::Forecast& forecast) {
  using Json = nlohmann::ordered_json;
  const auto tasks = plan::TasksInFileOrder(program);
  Json doc;
  doc["iterations"] = forecast.iterations;
  doc["seed"] = forecast.seed;
  doc["target"] = forecast.target ? Json(forecast.target->ToString()) : Json(nullptr);
  doc["p_on_time"] = forecast.p_on_time ? Json(*forecast.p_on_time) : Json(nullptr);
  Json finish, positions;
  const std::pair<const char*, const plan::FinishValue*> rows[] = {{"p10", &forecast.p10},
                                                                   {"p50", &forecast.p50},
                                                                   {"p80", &forecast.p80},
                                                                   {"p90", &forecast.p90},
                                                                   {"mean", &forecast.mean}};
  for (auto [name, v] : rows) {
    finish[name] = v->date.ToString();
    positions[name] = v->position;
  }
  doc["finish"] = std::move(finish);
  doc["finish_positions"] = std::move(positions);
  Json list = Json::array();
  const size_t n = std::min(tasks.size(), forecast.tasks.size());
  for (size_t i = 0; i < n; ++i) {
    Json t;
    t["id"] = tasks[i]->id;
    t["criticality"] = forecast.tasks[i].criticality;
    t["sensitivity"] = forecast.tasks[i].sensitivity;
    list.push_back(std::move(t));
  }
  doc["tasks"] = std::move(list);
  return doc.dump(2);
}

}  // namespace tpmkit::report
