#include "tpmkit/toolkit/decision_rule.h"

#include <cctype>
#include <cstdlib>

#include "tpmkit/toolkit/wording.h"

namespace tpmkit::toolkit {

namespace {

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Whether `word` occurs at `i` in `s` and does not run on into a longer word.
bool At(const std::string& s, size_t i, std::string_view word) {
  if (s.compare(i, word.size(), word) != 0) return false;
  size_t end = i + word.size();
  return end >= s.size() || !IsWordChar(word.back()) || !IsWordChar(s[end]);
}

// Positions right after each whole-word occurrence of `key`.
std::vector<size_t> FindKey(const std::string& s, std::string_view key) {
  std::vector<size_t> out;
  for (size_t at = s.find(key); at != std::string::npos; at = s.find(key, at + 1)) {
    if ((at == 0 || !IsWordChar(s[at - 1])) && At(s, at, key)) out.push_back(at + key.size());
  }
  return out;
}

// Skips spaces, colons and the small words people put between a metric and its bound
// ("p_on_time of at least", "cost must be under", "p80 finish date on or before").
size_t SkipFiller(const std::string& s, size_t i) {
  static constexpr std::string_view kFiller[] = {
      "of",      "is",        "be",      "must",     "should",  "stay",     "stays",  "remain",
      "remains", "the",       "a",       "an",       "its",     "own",      "finish", "date",
      "total",   "program's", "program", "approved", "current", "committed"};
  for (;;) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ':' || s[i] == '\n' || s[i] == '\t')) ++i;
    bool skipped = false;
    for (auto w : kFiller) {
      if (At(s, i, w)) {
        i += w.size();
        skipped = true;
        break;
      }
    }
    if (!skipped) return i;
  }
}

// Matches one of `options` at `i` after filler; advances past it.
bool MatchAny(const std::string& s, size_t& i, std::initializer_list<std::string_view> options) {
  size_t j = SkipFiller(s, i);
  for (auto o : options) {
    if (At(s, j, o)) {
      i = j + o.size();
      return true;
    }
  }
  return false;
}

struct ParsedNumber {
  double value = 0;
  bool percent = false;
};

// "0.4", "40%", "2,300,000", "2.3m", "150k", "$150,000", "150,000 usd".
std::optional<ParsedNumber> ParseNumber(const std::string& s, size_t& i,
                                        const std::string& currency) {
  size_t j = SkipFiller(s, i);
  if (j < s.size() && s[j] == '$') ++j;
  if (!currency.empty() && At(s, j, currency)) j = SkipFiller(s, j + currency.size());
  std::string digits;
  size_t k = j;
  while (k < s.size() &&
         (std::isdigit(static_cast<unsigned char>(s[k])) || s[k] == ',' || s[k] == '.')) {
    if (s[k] != ',') digits += s[k];
    ++k;
  }
  while (k > j && (s[k - 1] == '.' || s[k - 1] == ',')) {  // the sentence's punctuation
    --k;
    if (!digits.empty() && digits.back() == '.') digits.pop_back();
  }
  if (digits.empty() || !std::isdigit(static_cast<unsigned char>(digits[0]))) return std::nullopt;
  ParsedNumber n;
  n.value = std::strtod(digits.c_str(), nullptr);
  if (k < s.size() && s[k] == '%') {
    n.percent = true;
    ++k;
  } else if (At(s, k, "k") || At(s, k, " thousand")) {
    n.value *= 1e3;
    k += At(s, k, "k") ? 1 : 9;
  } else if (At(s, k, "m") || At(s, k, " million")) {
    n.value *= 1e6;
    k += At(s, k, "m") ? 1 : 8;
  }
  i = k;
  return n;
}

void AddCondition(std::vector<RuleCondition>& out, const RuleCondition& c) {
  for (const auto& x : out) {
    if (x.kind == c.kind && x.value == c.value && x.date == c.date &&
        x.against_target == c.against_target) {
      return;
    }
  }
  out.push_back(c);
}

}  // namespace

RuleOutcome ReadDecisionRule(const model::Program& program, const model::Decision& decision) {
  RuleOutcome r;
  const std::string s = wording::Lower(decision.decision_rule);
  const std::string currency = wording::Lower(program.currency);
  if (s.find_first_not_of(" \t\n") == std::string::npos) return r;

  for (auto key : {"p_on_time", "p(on time)", "chance of finishing on time",
                   "probability of finishing on time", "on-time probability"}) {
    for (size_t i : FindKey(s, key)) {
      if (!MatchAny(s, i,
                    {">=", "\u2265", "at least", "no less than", "not less than", "not below"})) {
        continue;
      }
      auto n = ParseNumber(s, i, "");
      if (!n) continue;
      // p_on_time is a fraction: "40%" and a bare "40" both mean 0.4.
      double v = n->percent || n->value > 1 ? n->value / 100 : n->value;
      AddCondition(r.conditions, {RuleConditionKind::kPOnTimeAtLeast, v, std::nullopt, false});
    }
  }
  for (auto key : {"p80_finish", "p80"}) {
    for (size_t i : FindKey(s, key)) {
      if (!MatchAny(s, i,
                    {"on or before", "no later than", "not later than", "<=", "\u2264", "by"})) {
        continue;
      }
      size_t j = SkipFiller(s, i);
      if (auto d = Date::Parse(std::string_view(s).substr(j, 10)); d && s.size() >= j + 10) {
        AddCondition(r.conditions, {RuleConditionKind::kP80OnOrBefore, 0, d, false});
      } else if (At(s, j, "target")) {
        AddCondition(r.conditions, {RuleConditionKind::kP80OnOrBefore, 0, std::nullopt, true});
      }
    }
  }
  for (size_t i : FindKey(s, "cost")) {
    RuleConditionKind kind;
    if (MatchAny(s, i,
                 {"at most", "no more than", "not more than", "<=", "\u2264", "within", "up to"})) {
      kind = RuleConditionKind::kCostAtMost;
    } else if (MatchAny(s, i, {"under", "below", "less than", "<"})) {
      kind = RuleConditionKind::kCostBelow;
    } else {
      continue;
    }
    size_t j = SkipFiller(s, i);
    if (At(s, j, "budget")) {
      AddCondition(r.conditions, {kind, program.EffectiveBudget().ToDouble(), std::nullopt, false});
    } else if (auto n = ParseNumber(s, j, currency); n && !n->percent) {
      AddCondition(r.conditions, {kind, n->value, std::nullopt, false});
    }
  }
  for (auto key : {"highest weighted score", "highest score", "best weighted score", "best score",
                   "top of the ranking", "highest-ranked", "highest ranked", "top-ranked",
                   "top ranked", "best-ranked", "best ranked"}) {
    if (!FindKey(s, key).empty()) r.names_ranking = true;
  }
  r.reading =
      r.conditions.empty() && !r.names_ranking ? RuleReading::kUnreadable : RuleReading::kRead;
  return r;
}

bool MeetsCondition(const RuleCondition& c, const OptionMetrics& m) {
  // Money is in cents: half a cent forgives the binary noise of amounts read as text.
  constexpr double kHalfCent = 0.005;
  switch (c.kind) {
    case RuleConditionKind::kPOnTimeAtLeast:
      return m.p_on_time && *m.p_on_time >= c.value - 1e-12;
    case RuleConditionKind::kP80OnOrBefore:
      if (!m.p80_finish) return false;
      if (c.against_target) return m.target && *m.p80_finish <= *m.target;
      return *m.p80_finish <= *c.date;
    case RuleConditionKind::kCostAtMost:
      return m.cost.ToDouble() <= c.value + kHalfCent;
    case RuleConditionKind::kCostBelow:
      return m.cost.ToDouble() < c.value - kHalfCent;
  }
  return false;
}

RuleOutcome ApplyDecisionRule(const model::Program& program, const model::Decision& decision,
                              const DecisionAnalysis& analysis) {
  RuleOutcome r = ReadDecisionRule(program, decision);
  for (const auto& o : analysis.ranking) {
    bool ok = true;
    for (const auto& c : r.conditions) ok = ok && o.metrics && MeetsCondition(c, *o.metrics);
    if (ok) r.qualifying.push_back(o.option);
  }
  r.none_qualifies = !r.conditions.empty() && r.qualifying.empty();
  if (!r.qualifying.empty()) {
    r.recommended = r.qualifying[0];
  } else if (!analysis.ranking.empty()) {
    r.recommended = analysis.ranking[0].option;
  }
  return r;
}

std::string_view Name(RuleConditionKind k) {
  switch (k) {
    case RuleConditionKind::kPOnTimeAtLeast:
      return "p_on_time_at_least";
    case RuleConditionKind::kP80OnOrBefore:
      return "p80_finish_on_or_before";
    case RuleConditionKind::kCostAtMost:
      return "cost_at_most";
    case RuleConditionKind::kCostBelow:
      return "cost_below";
  }
  return "";
}

std::string_view Name(RuleReading r) {
  switch (r) {
    case RuleReading::kNone:
      return "none";
    case RuleReading::kRead:
      return "read";
    case RuleReading::kUnreadable:
      return "unreadable";
  }
  return "";
}

}  // namespace tpmkit::toolkit
