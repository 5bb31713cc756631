// Reading the program file: YAML (yaml_tree) -> typed model with per-key type checks,
// then model::Validate, with each problem located at the line:column of its node. One
// Reader::Read<Entity> per key of the root mapping, called by ReadRoot in key order.
#include "tpmkit/formats/program_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <unordered_set>

#include "tpmkit/base/check.h"
#include "tpmkit/base/limits.h"
#include "tpmkit/formats/program_keys.h"
#include "tpmkit/formats/yaml_tree.h"
#include "tpmkit/model/validate.h"

namespace tpmkit::formats {

namespace {

using internal::KeySet;
using internal::KeysOf;
using internal::YamlKind;
using internal::YamlNode;
using internal::YamlTree;

std::string_view KindName(const YamlNode& n) {
  switch (n.kind) {
    case YamlKind::kNull:
      return "nothing";
    case YamlKind::kScalar:
      return "a scalar";
    case YamlKind::kSequence:
      return "a list";
    case YamlKind::kMap:
      return "a mapping";
  }
  return "?";
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// -?D+(.D+)?([eE][+-]?D+)?  (no inf, nan, hex, leading '+' or '.').
bool IsDecimal(std::string_view s, bool allow_exponent) {
  size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  size_t digits = i;
  while (i < s.size() && IsDigit(s[i])) ++i;
  if (i == digits) return false;
  if (i < s.size() && s[i] == '.') {
    size_t frac = ++i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == frac) return false;
  }
  if (allow_exponent && i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t exp = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == exp) return false;
  }
  return i == s.size();
}

std::optional<double> ParseNumber(std::string_view s, bool allow_exponent = true) {
  if (!IsDecimal(s, allow_exponent)) return std::nullopt;
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// Why `s` (or `s` without a d/w suffix, for days) is not a number: a YAML or C spelling
// of infinity or NaN (.inf, -.Inf, .nan, inf, nan), or digits beyond a double (1e400).
// nullopt: neither (an ordinary syntax error).
std::optional<std::string> NumberProblem(std::string_view s, bool days) {
  if (days && !s.empty() && (s.back() == 'd' || s.back() == 'w')) s.remove_suffix(1);
  std::string_view t = s;
  if (!t.empty() && (t.front() == '+' || t.front() == '-')) t.remove_prefix(1);
  if (!t.empty() && t.front() == '.') t.remove_prefix(1);
  std::string lower;
  for (char c : t) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lower == "inf" || lower == "infinity" || lower == "nan") return "a finite number";
  if (IsDecimal(s, /*allow_exponent=*/!days)) return "a number within range (see docs/limits.md)";
  return std::nullopt;
}

std::optional<int> ParseInt(std::string_view s) {
  if (s.empty()) return std::nullopt;
  int v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

// 10d, 2w (= 10d), 2.5d, -2d, or a bare number of days.
std::optional<double> ParseDays(std::string_view s) {
  double factor = 1;
  if (!s.empty() && (s.back() == 'd' || s.back() == 'w')) {
    if (s.back() == 'w') factor = 5;
    s.remove_suffix(1);
  }
  auto v = ParseNumber(s, /*allow_exponent=*/false);
  if (!v) return std::nullopt;
  return *v * factor;
}

std::string JoinNames(std::span<const std::string_view> names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += ", ";
    out += names[i];
  }
  return out;
}

class Reader;

std::string_view DisplayName(const KeySet& keys) {
  return keys.object == "root" ? "the program file" : keys.object;
}

// The keys of one mapping, checked against its KeySet: unknown, duplicate and missing
// required keys are reported when it is built.
class Fields {
 public:
  Fields(Reader& r, const YamlNode& map, const KeySet& keys);
  // The value of `key` (which must be in the key set), nullptr when absent or null.
  const YamlNode* Get(std::string_view key) const {
    int i = internal::KeyIndex(keys_, key);
    TPMKIT_CHECK(i >= 0);
    return values_[static_cast<size_t>(i)];
  }

 private:
  const KeySet& keys_;
  std::array<const YamlNode*, 16> values_{};
};

class Reader {
 public:
  Reader(const YamlTree& tree, const std::string& file) : tree_(tree), file_(file) {}

  model::Program ReadRoot();
  std::vector<Diagnostic>& diagnostics() { return diags_; }

  // True when the reader already reported a problem at `path` or one of its ancestors:
  // validation issues there would repeat it.
  bool Covered(std::string_view path) const;
  // The node a validation path points at (or its nearest present ancestor).
  const YamlNode& Locate(std::string_view path) const;

  void Report(const YamlNode& at, std::string message, std::string_view sub_path = {}) {
    diags_.push_back({file_, at.line, at.column, std::move(message)});
    std::string p = path_;
    p += sub_path;
    error_paths_.insert(std::move(p));
  }
  // A problem that leaves the values read so far trustworthy (unknown or duplicate key):
  // validation issues on the same element still count.
  void Note(const YamlNode& at, std::string message) {
    diags_.push_back({file_, at.line, at.column, std::move(message)});
  }
  const YamlTree& tree() const { return tree_; }

  // Appends ".key" or "[i]" to the current path for the scope's lifetime.
  class Scope {
   public:
    Scope(Reader& r, std::string_view key) : r_(r), size_(r.path_.size()) {
      if (!r.path_.empty()) r.path_ += '.';
      r.path_ += key;
    }
    Scope(Reader& r, size_t index) : r_(r), size_(r.path_.size()) {
      r.path_ += '[';
      char buf[24];
      auto res = std::to_chars(buf, buf + sizeof buf, index);
      r.path_.append(buf, res.ptr);
      r.path_ += ']';
    }
    ~Scope() { r_.path_.resize(size_); }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    Reader& r_;
    size_t size_;
  };

  // --- typed values; each reports under the current path + key and leaves `out` alone
  // on error.
  bool ExpectScalar(const YamlNode& n, std::string_view key, std::string_view what) {
    if (n.kind == YamlKind::kScalar) return true;
    Report(n, fmt::format("{} must be {}, got {}", key, what, KindName(n)));
    return false;
  }
  void String(const Fields& f, std::string_view key, std::string& out) {
    const YamlNode* n = f.Get(key);
    if (!n) return;
    Scope s(*this, key);
    if (ExpectScalar(*n, key, "a string")) out = tree_.Text(*n);
  }
  bool DateValue(const YamlNode& n, std::string_view key, Date& out) {
    if (!ExpectScalar(n, key, "a date (YYYY-MM-DD)")) return false;
    auto d = Date::Parse(tree_.Text(n));
    if (!d) {
      Report(n, fmt::format("{} must be a date (YYYY-MM-DD), got '{}'", key, tree_.Text(n)));
      return false;
    }
    out = *d;
    return true;
  }
  void DateField(const Fields& f, std::string_view key, std::optional<Date>& out) {
    const YamlNode* n = f.Get(key);
    if (!n) return;
    Scope s(*this, key);
    Date d;
    if (DateValue(*n, key, d)) out = d;
  }
  void DateField(const Fields& f, std::string_view key, Date& out) {
    const YamlNode* n = f.Get(key);
    if (!n) return;
    Scope s(*this, key);
    DateValue(*n, key, out);
  }
  bool DaysValue(const YamlNode& n, std::string_view key, double& out) {
    if (!ExpectScalar(n, key, "a number of days (e.g. 10d, 2w)")) return false;
    auto v = ParseDays(tree_.Text(n));
    if (!v) {
      auto problem = NumberProblem(tree_.Text(n), /*days=*/true);
      Report(n, fmt::format("{} must be {}, got '{}'", key,
                            problem ? *problem + " of days" : "a number of days (e.g. 10d, 2w)",
                            tree_.Text(n)));
      return false;
    }
    out = *v;
    return true;
  }
  void DaysField(const Fields& f, std::string_view key, std::optional<double>& out) {
    const YamlNode* n = f.Get(key);
    if (!n) return;
    Scope s(*this, key);
    double v = 0;
    if (DaysValue(*n, key, v)) out = v;
  }
  void DaysField(const Fields& f, std::string_view key, double& out) {
    const YamlNode* n = f.Get(key);
    if (!n) return;
    Scope s(*this, key);
    DaysValue(*n, key, out);
  }
  bool NumberValue(const YamlNode& n, std::string_view key, double& out) {
    if (!ExpectScalar(n, key, "a number")) return false;
    auto v = ParseNumber(tree_.Text(n));
    if (!v) {
      auto problem = NumberProblem(tree_.Text(n), /*days=*/false);
      Report(n, fmt::format("{} must be {}, got '{}'", key, problem.value_or("a number"),
                            tree_.Text(n)));
      return false;
    }
    out = *v;
    return true;
  }
  void NumberField(const Fields& f, std::string_view key, std::optional<double>& out) {
    const YamlNode* n = f.Get(key);
    if (!n) return;
    Scope s(*this, key);
    double v = 0;
    if (NumberValue(*n, key, v)) out = v;
  }
  void NumberField(const Fields& f, std::string_view key, double& out) {
    const YamlNode* n = f.Get(key);
    if (!n) return;
    Scope s(*this, key);
    NumberValue(*n, key, out);
  }
  void MoneyField(const Fields& f, std::string_view key, std::optional<Money>& out) {
    const YamlNode* n = f.Get(key);
    if (!n) return;
    Scope s(*this, key);
    Money m;
    if (MoneyValue(*n, key, m)) out = m;
  }
  void MoneyField(const Fields& f, std::string_view key, Money& out) {
    const YamlNode* n = f.Get(key);
    if (!n) return;
    Scope s(*this, key);
    MoneyValue(*n, key, out);
  }
  bool MoneyValue(const YamlNode& n, std::string_view key, Money& out) {
    if (!ExpectScalar(n, key, "an amount of money")) return false;
    auto v = ParseNumber(tree_.Text(n));
    if (!v) {
      auto problem = NumberProblem(tree_.Text(n), /*days=*/false);
      Report(n, fmt::format(
                    "{} must be {}, got '{}'", key,
                    problem ? "an amount of money: " + *problem : "an amount of money (a number)",
                    tree_.Text(n)));
      return false;
    }
    // Amounts beyond the money limit that int64 can still hold are model::Validate's to
    // report (the same message for every door); beyond int64 they cannot be held at all.
    auto m = Money::FromUnits(*v);
    if (!m) {
      Report(n, fmt::format("{} must be at most {} in absolute value, got '{}'", key,
                            limits::kMaxMoneyUnits, tree_.Text(n)));
      return false;
    }
    out = *m;
    return true;
  }
  // Ratings: the type message is the range message, so that "3.5" and "7" read alike.
  bool RatingValue(const YamlNode& n, std::string_view what, int& out) {
    std::optional<int> v;
    if (n.kind == YamlKind::kScalar) v = ParseInt(tree_.Text(n));
    if (!v) {
      Report(n, fmt::format("{} must be an integer from 1 to 5, got {}", what,
                            n.kind == YamlKind::kScalar ? tree_.Text(n) : KindName(n)));
      return false;
    }
    out = *v;
    return true;
  }
  void RatingField(const Fields& f, std::string_view key, int& out) {
    const YamlNode* n = f.Get(key);
    if (!n) return;
    Scope s(*this, key);
    RatingValue(*n, key, out);
  }
  void RatingField(const Fields& f, std::string_view key, std::optional<int>& out) {
    const YamlNode* n = f.Get(key);
    if (!n) return;
    Scope s(*this, key);
    int v = 0;
    if (RatingValue(*n, key, v)) out = v;
  }
  void BoolField(const Fields& f, std::string_view key, bool& out) {
    const YamlNode* n = f.Get(key);
    if (!n) return;
    Scope s(*this, key);
    if (!ExpectScalar(*n, key, "true or false")) return;
    std::string_view t = tree_.Text(*n);
    if (t == "true" || t == "True" || t == "TRUE") {
      out = true;
    } else if (t == "false" || t == "False" || t == "FALSE") {
      out = false;
    } else {
      Report(*n, fmt::format("{} must be true or false, got '{}'", key, t));
    }
  }
  template <typename E>
  bool EnumValue(const YamlNode& n, std::string_view key, E& out) {
    auto names = model::Names<E>();
    std::string_view t = n.kind == YamlKind::kScalar ? tree_.Text(n) : KindName(n);
    std::optional<E> v;
    if (n.kind == YamlKind::kScalar) v = model::Parse<E>(t);
    if (!v) {
      Report(n, fmt::format("{} must be one of: {}; got '{}'", key, JoinNames(names), t));
      return false;
    }
    out = *v;
    return true;
  }
  template <typename E>
  void EnumField(const Fields& f, std::string_view key, E& out) {
    const YamlNode* n = f.Get(key);
    if (!n) return;
    Scope s(*this, key);
    EnumValue(*n, key, out);
  }
  template <typename E>
  void EnumField(const Fields& f, std::string_view key, std::optional<E>& out) {
    const YamlNode* n = f.Get(key);
    if (!n) return;
    Scope s(*this, key);
    E v{};
    if (EnumValue(*n, key, v)) out = v;
  }

  // A list under `key`: calls item(node) for each entry, inside a "[i]" scope.
  template <typename F>
  void List(const Fields& f, std::string_view key, F&& item) {
    const YamlNode* n = f.Get(key);
    if (!n) return;
    Scope s(*this, key);
    if (n->kind != YamlKind::kSequence) {
      Report(*n, fmt::format("{} must be a list, got {}", key, KindName(*n)));
      return;
    }
    for (size_t i = 0; i < n->size; ++i) {
      Scope si(*this, i);
      item(tree_.Item(*n, i));
    }
  }
  void StringList(const Fields& f, std::string_view key, std::vector<std::string>& out) {
    List(f, key, [&](const YamlNode& n) {
      out.emplace_back();
      if (ExpectScalar(n, key, "a list of strings")) out.back() = tree_.Text(n);
    });
  }
  // A mapping under `key` read with `read(fields)`; returns false when absent.
  template <typename F>
  bool Object(const Fields& f, std::string_view key, std::string_view object, F&& read) {
    const YamlNode* n = f.Get(key);
    if (!n) return false;
    Scope s(*this, key);
    return ObjectValue(*n, key, object, read);
  }
  template <typename F>
  bool ObjectValue(const YamlNode& n, std::string_view what, std::string_view object, F&& read) {
    if (n.kind != YamlKind::kMap) {
      Report(n, fmt::format("{} must be a mapping, got {}", what, KindName(n)));
      return false;
    }
    Fields fields(*this, n, KeysOf(object));
    read(fields);
    return true;
  }
  // A mapping whose keys are data (ratings, scores, stakeholder_weights): value(key, node)
  // per entry; duplicate keys reported. Validation issues on its entries point at keys.
  template <typename F>
  void DataMap(const Fields& f, std::string_view key, F&& value) {
    const YamlNode* n = f.Get(key);
    if (!n) return;
    Scope s(*this, key);
    DataMapValue(*n, key, value);
  }
  template <typename F>
  void DataMapValue(const YamlNode& n, std::string_view what, F&& value) {
    if (n.kind != YamlKind::kMap) {
      Report(n, fmt::format("{} must be a mapping, got {}", what, KindName(n)));
      return;
    }
    key_marked_.insert(tree_.IdOf(n));
    std::unordered_set<std::string_view> seen;
    for (size_t i = 0; i < n.size; ++i) {
      const YamlNode& k = tree_.Key(n, i);
      if (k.kind != YamlKind::kScalar) {
        Note(k, fmt::format("keys of {} must be strings, got {}", what, KindName(k)));
        continue;
      }
      std::string_view name = tree_.Text(k);
      Scope sk(*this, name);
      if (!seen.insert(name).second) {
        Note(k, fmt::format("duplicate key '{}' in {}", name, what));
        continue;
      }
      value(name, tree_.Value(n, i));
    }
  }

  // --- the format's objects
  model::Task ReadTask(const YamlNode& n);
  model::Link ReadLink(const YamlNode& n);
  void ReadOption(const YamlNode& n, model::Option& opt);
  // One per entry of the root mapping, in the order of program_keys: each reads its key
  // of `f` (the root's fields) into `p`.
  void ReadFormatVersion(const Fields& f);
  void ReadProgram(const Fields& f, model::Program& p);
  void ReadCalendar(const Fields& f, model::Program& p);
  void ReadAssumptions(const Fields& f, model::Program& p);
  void ReadProjects(const Fields& f, model::Program& p);
  void ReadDependencies(const Fields& f, model::Program& p);
  void ReadResources(const Fields& f, model::Program& p);
  void ReadActuals(const Fields& f, model::Program& p);
  void ReadScorecard(const Fields& f, model::Program& p);
  void ReadRisks(const Fields& f, model::Program& p);
  void ReadStakeholders(const Fields& f, model::Program& p);
  void ReadDecisions(const Fields& f, model::Program& p);
  void ReadChanges(const Fields& f, model::Program& p);
  void ReadAudit(const Fields& f, model::Program& p);
  void ReadTargets(const Fields& f, model::Program& p);

 private:
  friend class Fields;
  const YamlTree& tree_;
  const std::string& file_;
  std::string path_;
  std::vector<Diagnostic> diags_;
  std::unordered_set<std::string> error_paths_;
  std::unordered_set<uint32_t> key_marked_;
};

Fields::Fields(Reader& r, const YamlNode& map, const KeySet& keys) : keys_(keys) {
  TPMKIT_CHECK(keys.keys.size() <= values_.size());
  const YamlTree& tree = r.tree();
  std::array<bool, 16> present{};
  for (size_t i = 0; i < map.size; ++i) {
    const YamlNode& k = tree.Key(map, i);
    if (k.kind != YamlKind::kScalar) {
      r.Note(k, fmt::format("keys of {} must be strings, got {}", DisplayName(keys), KindName(k)));
      continue;
    }
    std::string_view name = tree.Text(k);
    int idx = internal::KeyIndex(keys, name);
    if (idx < 0) {
      r.Note(k, fmt::format("unknown key '{}' in {}; expected one of: {}", name, DisplayName(keys),
                            JoinNames(keys.keys)));
      continue;
    }
    auto u = static_cast<size_t>(idx);
    if (present[u]) {
      r.Note(k, fmt::format("duplicate key '{}' in {}", name, DisplayName(keys)));
      continue;
    }
    present[u] = true;
    const YamlNode& v = tree.Value(map, i);
    // A key with no value (`owner:`) counts as absent.
    values_[u] = v.kind == YamlKind::kNull ? nullptr : &v;
  }
  for (std::string_view req : keys.required) {
    auto u = static_cast<size_t>(internal::KeyIndex(keys, req));
    if (values_[u]) continue;
    r.Report(map, fmt::format("missing required key '{}' in {}", req, DisplayName(keys)),
             r.path_.empty() ? std::string(req) : "." + std::string(req));
  }
}

model::Link Reader::ReadLink(const YamlNode& n) {
  model::Link l;
  if (n.kind == YamlKind::kScalar) {
    l.task = tree_.Text(n);
    return l;
  }
  ObjectValue(n, "a depends entry", "link", [&](const Fields& f) {
    String(f, "task", l.task);
    EnumField(f, "type", l.type);
    DaysField(f, "lag", l.lag);
  });
  return l;
}

model::Task Reader::ReadTask(const YamlNode& n) {
  model::Task t;
  ObjectValue(n, "a task", "task", [&](const Fields& f) {
    String(f, "id", t.id);
    String(f, "name", t.name);
    String(f, "owner", t.owner);
    DaysField(f, "duration", t.duration);
    Object(f, "estimate", "estimate", [&](const Fields& e) {
      model::Estimate est;
      DaysField(e, "optimistic", est.optimistic);
      DaysField(e, "likely", est.likely);
      DaysField(e, "pessimistic", est.pessimistic);
      EnumField(e, "distribution", est.distribution);
      t.estimate = est;
    });
    BoolField(f, "milestone", t.milestone);
    List(f, "depends", [&](const YamlNode& item) { t.depends.push_back(ReadLink(item)); });
    StringList(f, "resources", t.resources);
    MoneyField(f, "cost", t.cost);
    NumberField(f, "percent_complete", t.percent_complete);
    DateField(f, "actual_start", t.actual_start);
    DateField(f, "actual_finish", t.actual_finish);
    Object(f, "baseline", "baseline", [&](const Fields& b) {
      model::Baseline base;
      DateField(b, "start", base.start);
      DateField(b, "finish", base.finish);
      t.baseline = base;
    });
    DateField(f, "start_no_earlier_than", t.start_no_earlier_than);
    DateField(f, "deadline", t.deadline);
  });
  return t;
}

model::Program Reader::ReadRoot() {
  model::Program p;
  const YamlNode& root = tree_.root();
  if (root.kind == YamlKind::kNull) {
    Report(root, "the program file is empty; expected a mapping with 'tpmkit: 1' and 'program'");
    return p;
  }
  if (root.kind != YamlKind::kMap) {
    Report(root, fmt::format("a program file must be a mapping, got {}", KindName(root)));
    return p;
  }
  Fields f(*this, root, KeysOf("root"));
  ReadFormatVersion(f);
  ReadProgram(f, p);
  ReadCalendar(f, p);
  ReadAssumptions(f, p);
  ReadProjects(f, p);
  ReadDependencies(f, p);
  ReadResources(f, p);
  ReadActuals(f, p);
  ReadScorecard(f, p);
  ReadRisks(f, p);
  ReadStakeholders(f, p);
  ReadDecisions(f, p);
  ReadChanges(f, p);
  ReadAudit(f, p);
  ReadTargets(f, p);
  return p;
}

void Reader::ReadFormatVersion(const Fields& f) {
  if (const YamlNode* v = f.Get("tpmkit")) {
    Scope s(*this, "tpmkit");
    std::optional<int> version;
    if (v->kind == YamlKind::kScalar) version = ParseInt(tree_.Text(*v));
    if (version != model::kFormatVersion) {
      Report(*v, fmt::format("unsupported format version '{}'; this tpmkit reads tpmkit: {}",
                             v->kind == YamlKind::kScalar ? tree_.Text(*v) : KindName(*v),
                             model::kFormatVersion));
    }
  }
}

void Reader::ReadProgram(const Fields& f, model::Program& p) {
  Object(f, "program", "program", [&](const Fields& g) {
    String(g, "id", p.id);
    String(g, "name", p.name);
    String(g, "objective", p.objective);
    String(g, "sponsor", p.sponsor);
    String(g, "currency", p.currency);
    DateField(g, "start", p.start);
    DateField(g, "target", p.target);
    DateField(g, "status_date", p.status_date);
    MoneyField(g, "budget", p.budget);
  });
}

void Reader::ReadCalendar(const Fields& f, model::Program& p) {
  Object(f, "calendar", "calendar", [&](const Fields& g) {
    model::Calendar cal;
    if (g.Get("workweek")) cal.workweek.clear();
    List(g, "workweek", [&](const YamlNode& n) {
      cal.workweek.emplace_back();
      if (!ExpectScalar(n, "workweek", "a day (mon..sun)")) return;
      auto d = ParseWeekday(tree_.Text(n));
      if (!d) {
        Report(n, fmt::format("workweek must list days from: mon, tue, wed, thu, fri, sat, sun; "
                              "got '{}'",
                              tree_.Text(n)));
        return;
      }
      cal.workweek.back() = *d;
    });
    List(g, "holidays", [&](const YamlNode& n) {
      cal.holidays.emplace_back();
      DateValue(n, "holidays", cal.holidays.back());
    });
    p.calendar = std::move(cal);
  });
}

void Reader::ReadAssumptions(const Fields& f, model::Program& p) {
  StringList(f, "assumptions", p.assumptions);
}

void Reader::ReadProjects(const Fields& f, model::Program& p) {
  List(f, "projects", [&](const YamlNode& n) {
    auto& pr = p.projects.emplace_back();
    ObjectValue(n, "a project", "project", [&](const Fields& g) {
      String(g, "id", pr.id);
      String(g, "name", pr.name);
      String(g, "owner", pr.owner);
      if (const YamlNode* tasks = g.Get("tasks"); tasks && tasks->kind == YamlKind::kSequence) {
        pr.tasks.reserve(tasks->size);
      }
      List(g, "tasks", [&](const YamlNode& t) { pr.tasks.push_back(ReadTask(t)); });
    });
  });
}

void Reader::ReadDependencies(const Fields& f, model::Program& p) {
  List(f, "dependencies", [&](const YamlNode& n) {
    auto& d = p.dependencies.emplace_back();
    ObjectValue(n, "a dependency", "dependency", [&](const Fields& g) {
      String(g, "id", d.id);
      String(g, "name", d.name);
      String(g, "provider", d.provider);
      String(g, "owner", d.owner);
      DateField(g, "needed_by", d.needed_by);
      EnumField(g, "status", d.status);
      StringList(g, "tasks", d.tasks);
      DateField(g, "expected", d.expected);
    });
  });
}

void Reader::ReadResources(const Fields& f, model::Program& p) {
  List(f, "resources", [&](const YamlNode& n) {
    auto& r = p.resources.emplace_back();
    ObjectValue(n, "a resource", "resource", [&](const Fields& g) {
      String(g, "id", r.id);
      String(g, "name", r.name);
      MoneyField(g, "rate", r.rate);
      NumberField(g, "capacity", r.capacity);
    });
  });
}

void Reader::ReadActuals(const Fields& f, model::Program& p) {
  List(f, "actuals", [&](const YamlNode& n) {
    auto& a = p.actuals.emplace_back();
    ObjectValue(n, "an actual", "actual", [&](const Fields& g) {
      DateField(g, "date", a.date);
      MoneyField(g, "amount", a.amount);
      String(g, "task", a.task);
      String(g, "note", a.note);
    });
  });
}

void Reader::ReadScorecard(const Fields& f, model::Program& p) {
  Object(f, "scorecard", "scorecard", [&](const Fields& g) {
    model::Scorecard sc;
    if (g.Get("criteria")) sc.criteria.emplace();
    List(g, "criteria", [&](const YamlNode& n) {
      auto& c = sc.criteria->emplace_back();
      ObjectValue(n, "a criterion", "criterion", [&](const Fields& h) {
        String(h, "id", c.id);
        String(h, "name", c.name);
        NumberField(h, "weight", c.weight);
      });
    });
    List(g, "assessments", [&](const YamlNode& n) {
      auto& a = sc.assessments.emplace_back();
      ObjectValue(n, "an assessment", "assessment", [&](const Fields& h) {
        DateField(h, "date", a.date);
        String(h, "by", a.by);
        DataMap(h, "ratings", [&](std::string_view key, const YamlNode& v) {
          int r = 0;
          if (RatingValue(v, fmt::format("rating '{}'", key), r)) a.ratings[std::string(key)] = r;
        });
        String(h, "notes", a.notes);
      });
    });
    p.scorecard = std::move(sc);
  });
}

void Reader::ReadRisks(const Fields& f, model::Program& p) {
  List(f, "risks", [&](const YamlNode& n) {
    auto& r = p.risks.emplace_back();
    ObjectValue(n, "a risk", "risk", [&](const Fields& g) {
      String(g, "id", r.id);
      String(g, "title", r.title);
      String(g, "category", r.category);
      String(g, "owner", r.owner);
      EnumField(g, "status", r.status);
      DateField(g, "raised", r.raised);
      NumberField(g, "probability", r.probability);
      RatingField(g, "severity", r.severity);
      Object(g, "impact", "risk_impact", [&](const Fields& h) {
        model::RiskImpact im;
        DaysField(h, "schedule", im.schedule);
        MoneyField(h, "cost", im.cost);
        StringList(h, "tasks", im.tasks);
        r.impact = std::move(im);
      });
      String(g, "mitigation", r.mitigation);
      String(g, "trigger", r.trigger);
      DateField(g, "response_due", r.response_due);
      Object(g, "residual", "residual", [&](const Fields& h) {
        model::Residual res;
        NumberField(h, "probability", res.probability);
        RatingField(h, "severity", res.severity);
        r.residual = res;
      });
    });
  });
}

void Reader::ReadStakeholders(const Fields& f, model::Program& p) {
  List(f, "stakeholders", [&](const YamlNode& n) {
    auto& s = p.stakeholders.emplace_back();
    ObjectValue(n, "a stakeholder", "stakeholder", [&](const Fields& g) {
      String(g, "id", s.id);
      String(g, "name", s.name);
      String(g, "role", s.role);
      RatingField(g, "influence", s.influence);
      RatingField(g, "impact", s.impact);
      EnumField(g, "stance", s.stance);
      String(g, "channel", s.channel);
      DaysField(g, "cadence", s.cadence);
      DateField(g, "last_contact", s.last_contact);
      RatingField(g, "satisfaction", s.satisfaction);
      List(g, "contacts", [&](const YamlNode& c) {
        auto& contact = s.contacts.emplace_back();
        ObjectValue(c, "a contact", "contact", [&](const Fields& h) {
          DateField(h, "on", contact.on);
          String(h, "note", contact.note);
        });
      });
    });
  });
}

// An option of a decision, with its scores and scenario.
void Reader::ReadOption(const YamlNode& n, model::Option& opt) {
  ObjectValue(n, "an option", "option", [&](const Fields& h) {
    String(h, "id", opt.id);
    String(h, "name", opt.name);
    DataMap(h, "scores", [&](std::string_view key, const YamlNode& v) {
      int r = 0;
      if (RatingValue(v, fmt::format("score '{}'", key), r)) opt.scores[std::string(key)] = r;
    });
    Object(h, "scenario", "scenario", [&](const Fields& sf) {
      model::Scenario sc;
      MoneyField(sf, "cost", sc.cost);
      Object(sf, "duration_factor", "duration_factor", [&](const Fields& df) {
        model::DurationFactor dfac;
        StringList(df, "tasks", dfac.tasks);
        NumberField(df, "factor", dfac.factor);
        sc.duration_factor = std::move(dfac);
      });
      StringList(sf, "remove_tasks", sc.remove_tasks);
      DateField(sf, "target", sc.target);
      opt.scenario = std::move(sc);
    });
  });
}

void Reader::ReadDecisions(const Fields& f, model::Program& p) {
  List(f, "decisions", [&](const YamlNode& n) {
    auto& d = p.decisions.emplace_back();
    ObjectValue(n, "a decision", "decision", [&](const Fields& g) {
      String(g, "id", d.id);
      String(g, "question", d.question);
      EnumField(g, "status", d.status);
      String(g, "decision_rule", d.decision_rule);
      List(g, "criteria", [&](const YamlNode& c) {
        auto& crit = d.criteria.emplace_back();
        ObjectValue(c, "a criterion", "decision_criterion", [&](const Fields& h) {
          String(h, "id", crit.id);
          String(h, "name", crit.name);
          NumberField(h, "weight", crit.weight);
          EnumField(h, "measure", crit.measure);
        });
      });
      List(g, "options", [&](const YamlNode& o) { ReadOption(o, d.options.emplace_back()); });
      DataMap(g, "stakeholder_weights", [&](std::string_view who, const YamlNode& v) {
        auto& weights = d.stakeholder_weights[std::string(who)];
        DataMapValue(v, fmt::format("stakeholder_weights of '{}'", who),
                     [&](std::string_view crit, const YamlNode& w) {
                       double x = 0;
                       if (NumberValue(w, "weight", x)) weights[std::string(crit)] = x;
                     });
      });
      String(g, "chosen", d.chosen);
      String(g, "rationale", d.rationale);
      String(g, "decided_by", d.decided_by);
      DateField(g, "decided_on", d.decided_on);
    });
  });
}

void Reader::ReadChanges(const Fields& f, model::Program& p) {
  List(f, "changes", [&](const YamlNode& n) {
    auto& c = p.changes.emplace_back();
    ObjectValue(n, "a change", "change", [&](const Fields& g) {
      String(g, "id", c.id);
      String(g, "title", c.title);
      String(g, "requested_by", c.requested_by);
      DateField(g, "requested_on", c.requested_on);
      EnumField(g, "status", c.status);
      Object(g, "impact", "change_impact", [&](const Fields& h) {
        model::ChangeImpact im;
        DaysField(h, "schedule", im.schedule);
        MoneyField(h, "cost", im.cost);
        c.impact = im;
      });
      List(g, "adds_tasks", [&](const YamlNode& t) { c.adds_tasks.push_back(ReadTask(t)); });
      List(g, "approvals", [&](const YamlNode& a) {
        auto& ap = c.approvals.emplace_back();
        ObjectValue(a, "an approval", "approval", [&](const Fields& h) {
          String(h, "by", ap.by);
          DateField(h, "on", ap.on);
          EnumField(h, "decision", ap.decision);
          String(h, "note", ap.note);
        });
      });
    });
  });
}

void Reader::ReadAudit(const Fields& f, model::Program& p) {
  Object(f, "audit", "audit", [&](const Fields& g) {
    model::Audit audit;
    if (const YamlNode* v = g.Get("retention_years")) {
      Scope s(*this, "retention_years");
      std::optional<int> years;
      if (v->kind == YamlKind::kScalar) years = ParseInt(tree_.Text(*v));
      if (years) {
        audit.retention_years = years;
      } else {
        Report(*v, fmt::format("retention_years must be a whole number of years, got '{}'",
                               v->kind == YamlKind::kScalar ? tree_.Text(*v) : KindName(*v)));
      }
    }
    List(g, "items", [&](const YamlNode& n) {
      auto& item = audit.items.emplace_back();
      ObjectValue(n, "an audit item", "audit_item", [&](const Fields& h) {
        String(h, "id", item.id);
        EnumField(h, "status", item.status);
        String(h, "owner", item.owner);
        DateField(h, "due", item.due);
        List(h, "evidence", [&](const YamlNode& e) {
          auto& ev = item.evidence.emplace_back();
          ObjectValue(e, "an evidence entry", "evidence", [&](const Fields& ef) {
            String(ef, "path", ev.path);
            String(ef, "sha256", ev.sha256);
            String(ef, "url", ev.url);
          });
        });
        Object(h, "signoff", "signoff", [&](const Fields& sf) {
          model::Signoff so;
          String(sf, "by", so.by);
          DateField(sf, "on", so.on);
          item.signoff = std::move(so);
        });
        String(h, "note", item.note);
      });
    });
    p.audit = std::move(audit);
  });
}

void Reader::ReadTargets(const Fields& f, model::Program& p) {
  Object(f, "targets", "targets", [&](const Fields& g) {
    model::Targets t;
    NumberField(g, "spi", t.spi);
    NumberField(g, "cpi", t.cpi);
    NumberField(g, "p_on_time", t.p_on_time);
    NumberField(g, "readiness", t.readiness);
    NumberField(g, "satisfaction", t.satisfaction);
    NumberField(g, "risk_score", t.risk_score);
    p.targets = t;
  });
}

bool Reader::Covered(std::string_view path) const {
  if (error_paths_.empty()) return false;
  std::string prefix;
  for (size_t i = 0; i <= path.size(); ++i) {
    if (i == path.size() || path[i] == '.' || path[i] == '[') {
      prefix.assign(path.substr(0, i));
      if (error_paths_.count(prefix)) return true;
    }
  }
  return false;
}

const YamlNode& Reader::Locate(std::string_view path) const {
  const YamlNode* cur = &tree_.root();
  size_t pos = 0;
  while (pos < path.size()) {
    if (path[pos] == '[') {
      size_t close = path.find(']', pos);
      if (close == std::string_view::npos || cur->kind != YamlKind::kSequence) break;
      size_t index = 0;
      auto [ptr, ec] = std::from_chars(path.data() + pos + 1, path.data() + close, index);
      if (ec != std::errc() || index >= cur->size) break;
      cur = &tree_.Item(*cur, index);
      pos = close + 1;
      continue;
    }
    if (path[pos] == '.') ++pos;
    if (cur->kind != YamlKind::kMap) break;
    // The longest key that the rest of the path starts with (data keys may hold dots).
    std::string_view rest = path.substr(pos);
    const YamlNode* key = nullptr;
    const YamlNode* value = nullptr;
    size_t best = 0;
    for (size_t i = 0; i < cur->size; ++i) {
      const YamlNode& k = tree_.Key(*cur, i);
      if (k.kind != YamlKind::kScalar) continue;
      std::string_view name = tree_.Text(k);
      if (name.size() < best || !rest.starts_with(name)) continue;
      if (name.size() < rest.size() && rest[name.size()] != '.' && rest[name.size()] != '[') {
        continue;
      }
      if (key && name.size() == best) continue;  // first of duplicate keys
      key = &k;
      value = &tree_.Value(*cur, i);
      best = name.size();
    }
    if (!key) break;
    pos += best;
    bool last = pos >= path.size();
    if (value->kind == YamlKind::kNull || (last && key_marked_.count(tree_.IdOf(*cur)))) {
      cur = key;
      break;
    }
    cur = value;
  }
  return *cur;
}

}  // namespace

Result<ProgramFileRead> ReadProgramFileWithWarnings(std::string_view text,
                                                    const std::string& file_name) {
  TPMKIT_ASSIGN_OR_RETURN(YamlTree tree, YamlTree::Parse(text, file_name));
  Reader reader(tree, file_name);
  model::Program program = reader.ReadRoot();
  auto& diags = reader.diagnostics();
  if (tree.root().kind == YamlKind::kMap) {
    for (auto& issue : model::Validate(program)) {
      if (reader.Covered(issue.path)) continue;
      const YamlNode& at = reader.Locate(issue.path);
      diags.push_back({file_name, at.line, at.column, std::move(issue.message)});
    }
  }
  auto by_position = [](const Diagnostic& a, const Diagnostic& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  };
  if (diags.empty()) {
    ProgramFileRead read;
    for (auto& issue : model::ValidationWarnings(program)) {
      const YamlNode& at = reader.Locate(issue.path);
      read.warnings.push_back({file_name, at.line, at.column, std::move(issue.message)});
    }
    std::stable_sort(read.warnings.begin(), read.warnings.end(), by_position);
    read.program = std::move(program);
    return read;
  }
  std::stable_sort(diags.begin(), diags.end(), by_position);
  diags.erase(std::unique(diags.begin(), diags.end()), diags.end());
  Error error = Error::Invalid(
      fmt::format("{} error{} in {}", diags.size(), diags.size() == 1 ? "" : "s", file_name));
  error.diagnostics = std::move(diags);
  return error;
}

Result<model::Program> ReadProgramFile(std::string_view text, const std::string& file_name) {
  TPMKIT_ASSIGN_OR_RETURN(auto read, ReadProgramFileWithWarnings(text, file_name));
  return std::move(read.program);
}

}  // namespace tpmkit::formats
