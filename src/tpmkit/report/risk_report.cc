#include "tpmkit/report/risk_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "tpmkit/toolkit/wording.h"

namespace tpmkit::report {

namespace {

namespace rt = register_text;
namespace words = toolkit::wording;

std::string_view ScoreColour(int score) {
  if (score >= 12) return rt::kRed;
  if (score >= 5) return rt::kYellow;
  return rt::kGreen;
}

}  // namespace

std::string RiskHeatmapText(const toolkit::Heatmap& heatmap, const RegisterTextOptions& o) {
  int total = 0;
  int most = 0;
  for (const auto& row : heatmap) {
    for (int v : row) {
      total += v;
      most = std::max(most, v);
    }
  }
  const size_t w = std::max<size_t>(2, fmt::format("{}", most).size());
  const std::string prefix_label = "likelihood ";
  const std::string indent(prefix_label.size() + 3, ' ');  // "likelihood " + "5 " + space
  std::string rule = indent + "+";
  for (int s = 0; s < 5; ++s) rule += std::string(w + 2, '-') + "+";

  std::string out = fmt::format(
      "Risk heat map: {} open or mitigating, by likelihood and "
      "severity.\n\n",
      words::Count(total, "risk", "risks"));
  const size_t grid = 1 + 5 * (w + 3);
  const std::string axis = "severity";
  out += indent + std::string((grid - axis.size()) / 2, ' ') + axis + "\n";
  std::string numbers = indent + " ";
  for (int s = 1; s <= 5; ++s) numbers += fmt::format(" {:>{}}  ", s, w);
  while (numbers.back() == ' ') numbers.pop_back();
  out += numbers + "\n" + rule + "\n";
  for (int l = 5; l >= 1; --l) {
    std::string line =
        (l == 5 ? prefix_label : std::string(prefix_label.size(), ' ')) + fmt::format("{}  |", l);
    for (int s = 1; s <= 5; ++s) {
      const int v = heatmap[l - 1][s - 1];
      const std::string text = v == 0 ? "." : fmt::format("{}", v);
      const std::string padded = std::string(w - text.size(), ' ') +
                                 (v == 0 ? text : rt::Paint(text, ScoreColour(l * s), o));
      line += " " + padded + " |";
    }
    out += line + "\n";
  }
  out += rule + "\n";
  return out;
}

std::string RiskRegisterText(const toolkit::RiskRegister& reg, std::string_view currency,
                             const RegisterTextOptions& o) {
  std::string out =
      fmt::format("Risk register: {}, {} open or mitigating.\n\n",
                  words::Count(static_cast<long>(reg.risks.size()), "risk", "risks"), reg.active);
  if (!reg.risks.empty()) {
    rt::Table t;
    t.header = {"ID",
                "SCORE",
                "L",
                "S",
                "RESIDUAL",
                "STATUS",
                "CATEGORY",
                "OWNER",
                fmt::format("EXPOSURE ({})", currency),
                "EXPOSURE (DAYS)",
                "TITLE"};
    t.right_aligned = {false, true, true, true, true, false, false, false, true, true, false};
    for (const auto& r : reg.risks) {
      t.rows.push_back({
          {r.id, {}},
          {fmt::format("{}", r.score), ScoreColour(r.score)},
          {fmt::format("{}", r.likelihood), {}},
          {fmt::format("{}", r.severity), {}},
          {r.residual_score ? fmt::format("{}", *r.residual_score) : "-", {}},
          {std::string(model::Name(r.status)), {}},
          {rt::OrDash(r.category), {}},
          {rt::OrDash(r.owner), {}},
          {r.exposure_cost ? fmt::format("{:.2f}", *r.exposure_cost) : "-", {}},
          {r.exposure_days ? fmt::format("{:.1f}", *r.exposure_days) : "-", {}},
          {r.title, {}},
      });
    }
    out += rt::Render(t, o) + "\n";
  }
  out += RiskHeatmapText(reg.heatmap, o);
  return out;
}

std::string RiskRegisterJson(const toolkit::RiskRegister& reg) {
  using nlohmann::json;
  json risks = json::array();
  for (const auto& r : reg.risks) {
    json j;
    j["id"] = r.id;
    j["title"] = r.title;
    j["category"] = r.category.empty() ? json(nullptr) : json(r.category);
    j["owner"] = r.owner.empty() ? json(nullptr) : json(r.owner);
    j["status"] = model::Name(r.status);
    j["probability"] = r.probability;
    j["likelihood"] = r.likelihood;
    j["severity"] = r.severity;
    j["score"] = r.score;
    j["residual_score"] = r.residual_score ? json(*r.residual_score) : json(nullptr);
    j["exposure_cost"] = r.exposure_cost ? json(*r.exposure_cost) : json(nullptr);
    j["exposure_days"] = r.exposure_days ? json(*r.exposure_days) : json(nullptr);
    j["response_due"] = r.response_due ? json(r.response_due->ToString()) : json(nullptr);
    risks.push_back(std::move(j));
  }
  json heatmap = json::array();
  for (const auto& row : reg.heatmap) heatmap.push_back(json(row));
  return json{{"risks", std::move(risks)}, {"heatmap", std::move(heatmap)}}.dump(2);
}

}  // namespace tpmkit::report
