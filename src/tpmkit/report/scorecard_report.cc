#include "tpmkit/report/scorecard_report.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "tpmkit/toolkit/wording.h"

namespace tpmkit::report {

namespace {

namespace rt = register_text;
namespace words = toolkit::wording;

std::string_view BandColour(toolkit::Band b) {
  switch (b) {
    case toolkit::Band::kLow:
      return rt::kGreen;
    case toolkit::Band::kModerate:
      return rt::kYellow;
    case toolkit::Band::kHigh:
    case toolkit::Band::kCritical:
      return rt::kRed;
  }
  return {};
}

std::string ScoreWords(std::optional<double> score, std::optional<toolkit::Band> band,
                       const RegisterTextOptions& o) {
  if (!score) return "no score (no criterion is rated)";
  return fmt::format("{} of 100, {}", words::Number(*score, 2),
                     rt::Paint(toolkit::BandName(*band), BandColour(*band), o));
}

std::string NameOf(const toolkit::ScorecardResult& card, const std::string& id) {
  for (const auto& c : card.criteria) {
    if (c.id == id) return c.name.empty() ? id : c.name;
  }
  return id;
}

nlohmann::json ScoreJson(std::optional<double> score) {
  return score ? nlohmann::json(*score) : nlohmann::json(nullptr);
}

nlohmann::json BandJson(std::optional<toolkit::Band> band) {
  return band ? nlohmann::json(toolkit::BandName(*band)) : nlohmann::json(nullptr);
}

}  // namespace

std::string ScorecardText(const toolkit::ScorecardResult& card,
                          const std::optional<toolkit::SuggestedRatings>& suggested,
                          const RegisterTextOptions& o) {
  std::string out;
  if (!card.date) {
    out += "Risk scorecard: no assessment has been recorded yet.\n";
  } else {
    out +=
        fmt::format("Risk scorecard: latest assessment on {}{}, score {}.\n", card.date->ToString(),
                    card.by.empty() ? "" : " by " + card.by, ScoreWords(card.score, card.band, o));
    if (!card.notes.empty()) out += "Notes: " + card.notes + "\n";
    out += "\n";
    rt::Table t;
    t.header = {"CRITERION", "WEIGHT", "RATING"};
    t.right_aligned = {false, true, true};
    for (const auto& r : card.rows) {
      t.rows.push_back({{r.name.empty() ? r.id : r.name, {}},
                        {words::Number(r.weight), {}},
                        {r.rating ? fmt::format("{}", *r.rating) : "-", {}}});
    }
    out += rt::Render(t, o);
    out += fmt::format("\nTrend ({}):\n", words::Count(static_cast<long>(card.trend.size()),
                                                       "assessment", "assessments"));
    rt::Table trend;
    trend.header = {"DATE", "SCORE", "BAND", "BY"};
    trend.right_aligned = {false, true, false, false};
    for (const auto& p : card.trend) {
      trend.rows.push_back({{p.date.ToString(), {}},
                            {p.score ? fmt::format("{:.2f}", *p.score) : "-", {}},
                            {p.band ? std::string(toolkit::BandName(*p.band)) : "-",
                             p.band ? BandColour(*p.band) : std::string_view()},
                            {rt::OrDash(p.by), {}}});
    }
    out += rt::Render(trend, o);
  }
  if (suggested) {
    out += fmt::format("\nSuggested from the data: score {}.\n",
                       ScoreWords(suggested->score, suggested->band, o));
    for (const auto& s : suggested->items) {
      out += fmt::format("- {}: {}. {}\n", NameOf(card, s.criterion),
                         s.rating ? fmt::format("{}", *s.rating) : "no suggestion", s.reason);
    }
  }
  return out;
}

std::string ScorecardJson(const toolkit::ScorecardResult& card,
                          const std::optional<toolkit::SuggestedRatings>& suggested) {
  using nlohmann::json;
  json criteria = json::array();
  for (const auto& r : card.rows) {
    criteria.push_back({{"id", r.id},
                        {"name", r.name},
                        {"weight", r.weight},
                        {"rating", r.rating ? json(*r.rating) : json(nullptr)}});
  }
  json trend = json::array();
  for (const auto& p : card.trend) {
    trend.push_back({{"date", p.date.ToString()},
                     {"score", ScoreJson(p.score)},
                     {"band", BandJson(p.band)},
                     {"by", p.by.empty() ? json(nullptr) : json(p.by)}});
  }
  json out = {{"date", card.date ? json(card.date->ToString()) : json(nullptr)},
              {"by", card.by.empty() ? json(nullptr) : json(card.by)},
              {"score", ScoreJson(card.score)},
              {"band", BandJson(card.band)},
              {"ratings", json(card.ratings)},
              {"criteria", std::move(criteria)},
              {"trend", std::move(trend)}};
  if (suggested) {
    json reasons = json::object();
    json items = json::array();
    for (const auto& s : suggested->items) {
      reasons[s.criterion] = s.reason;
      items.push_back({{"criterion", s.criterion},
                       {"rating", s.rating ? json(*s.rating) : json(nullptr)},
                       {"reason", s.reason}});
    }
    out["suggested"] = {{"ratings", json(suggested->ratings)},
                        {"score", ScoreJson(suggested->score)},
                        {"band", BandJson(suggested->band)},
                        {"reasons", std::move(reasons)},
                        {"items", std::move(items)}};
  } else {
    out["suggested"] = nullptr;
  }
  return out.dump(2);
}

}  // namespace tpmkit::report
