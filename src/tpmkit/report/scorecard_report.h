// The program risk scorecard for people (latest ratings, trend, suggestions with their
// reasons) and as the JSON of `tpmkit scorecard --json` (cli.md).
#pragma once

#include <optional>
#include <string>

#include "tpmkit/report/register_text.h"
#include "tpmkit/toolkit/scorecard.h"

namespace tpmkit::report {

// The latest assessment (ratings per criterion, score, band), the trend, and, when
// given, the suggested ratings with one reason each.
std::string ScorecardText(const toolkit::ScorecardResult& card,
                          const std::optional<toolkit::SuggestedRatings>& suggested,
                          const RegisterTextOptions& o);

// {"date","by","score","band","ratings":{criterion: rating},"criteria":[{"id","name",
// "weight","rating"}],"trend":[{"date","score","band","by"}],"suggested":{"ratings",
// "score","band","reasons":{criterion: sentence},"items":[{"criterion","rating",
// "reason"}]}}; "suggested" is null when not given; absent values null.
std::string ScorecardJson(const toolkit::ScorecardResult& card,
                          const std::optional<toolkit::SuggestedRatings>& suggested);

}  // namespace tpmkit::report
