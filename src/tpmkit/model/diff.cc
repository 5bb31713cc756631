// DiffPrograms: entity-by-entity, field-by-field differences between two programs.
//
// Canonical text of a value (the old/new strings of a FieldChange):
//   text        as is; the empty string means absent (nullopt)
//   number      shortest decimal that reads back to the same double ("0.4", "25")
//   days        number + "d" ("10d", "2.5d", "-2d")
//   money       currency units, at most two decimals ("120000", "1234.5", "0.05")
//   date        YYYY-MM-DD
//   bool        "true"; false is absent (the program file cannot tell them apart)
//   enum        the program-file spelling ("at_risk", "SS")
//   list        "[a, b]" in YAML flow style; an empty list is absent. Items that hold
//               one of  [ ] { } , : " ' #  or spaces at either end are JSON-quoted
//               (AppendJsonString, the audit trail's RFC 8785 form).
//   link        "id" for finish-to-start without lag, else "{task: id, type: SS, lag: 5d}"
//   small maps  "{on: 2026-06-10, note: Kickoff}" (approvals, contacts, evidence),
//               empty text members left out
// Nested structs become dotted field names ("estimate.likely", "impact.cost"); a nested
// optional struct that is present but has nothing set shows as its own field with "{}".
// Keyed sub-lists inside one entity are flattened by id ("options.add.scenario.cost")
// and listed in order by a field holding their ids ("options": "[add, move]").
//
// Keys (entity_id): the id for entities that have one; the program id for the
// singletons (calendar, assumptions, scorecard, audit, targets); "DATE/TASK/AMOUNT" for
// actuals and "DATE/BY" for assessments. Equal keys in one list (two identical
// actuals) get "#2", "#3", ... in list order.
//
// Reordering without other change shows as an update of the parent: the program's
// "<list>.order" (projects, dependencies, resources, actuals, risks, stakeholders,
// decisions, changes), a project's "tasks.order", the scorecard's "assessments.order",
// the audit's "items.order", each holding the keys in order. So the diff is empty
// exactly when the programs are equal.
#include "tpmkit/model/diff.h"

#include <charconv>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "tpmkit/base/json_text.h"

namespace tpmkit::model {

std::string_view Name(ChangeAction a) {
  switch (a) {
    case ChangeAction::kCreate:
      return "create";
    case ChangeAction::kUpdate:
      return "update";
    case ChangeAction::kDelete:
      return "delete";
  }
  return "update";
}

namespace {

using OptText = std::optional<std::string>;

std::string Num(double v) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}

std::string Days(double v) { return Num(v) + "d"; }

std::string MoneyText(Money m) {
  int64_t c = m.cents();
  bool neg = c < 0;
  uint64_t a = neg ? uint64_t(0) - static_cast<uint64_t>(c) : static_cast<uint64_t>(c);
  std::string out = neg ? "-" : "";
  out += std::to_string(a / 100);
  uint64_t frac = a % 100;
  if (frac != 0) {
    out += '.';
    out += static_cast<char>('0' + frac / 10);
    if (frac % 10 != 0) out += static_cast<char>('0' + frac % 10);
  }
  return out;
}

bool NeedsQuotes(std::string_view s) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ') return true;
  for (char c : s) {
    switch (c) {
      case '[':
      case ']':
      case '{':
      case '}':
      case ',':
      case ':':
      case '"':
      case '\'':
      case '#':
        return true;
      default:
        if (static_cast<unsigned char>(c) < 0x20) return true;
    }
  }
  return false;
}

void AppendItem(std::string& out, std::string_view s) {
  if (NeedsQuotes(s)) {
    AppendJsonString(out, s);
  } else {
    out += s;
  }
}

// "[a, b]" from items rendered by `item` (which appends one item); absent when empty.
template <typename Range, typename Fn>
OptText ListText(const Range& items, Fn item) {
  if (items.empty()) return std::nullopt;
  std::string out = "[";
  bool first = true;
  for (const auto& x : items) {
    if (!first) out += ", ";
    first = false;
    item(out, x);
  }
  out += ']';
  return out;
}

OptText Strings(const std::vector<std::string>& v) {
  return ListText(v, [](std::string& out, const std::string& s) { AppendItem(out, s); });
}

// A flow map "{k: v, ...}" of text members, leaving out empty ones.
class FlowMap {
 public:
  FlowMap& Add(std::string_view key, std::string_view value) {
    if (value.empty()) return *this;
    text_ += text_.size() > 1 ? ", " : "";
    text_ += key;
    text_ += ": ";
    AppendItem(text_, value);
    return *this;
  }
  void AppendTo(std::string& out) const {
    out += text_;
    out += '}';
  }

 private:
  std::string text_ = "{";
};

void AppendLink(std::string& out, const Link& l) {
  if (l.type == LinkType::kFS && l.lag == 0) {
    AppendItem(out, l.task);
    return;
  }
  FlowMap().Add("task", l.task).Add("type", Name(l.type)).Add("lag", Days(l.lag)).AppendTo(out);
}

struct Field {
  std::string name;
  OptText value;
};

// The flattened fields of one entity, in schema order. Absent fields are kept (as
// nullopt) so that two records of the same kind usually line up position by position.
class Rec {
 public:
  explicit Rec(std::string prefix = {}) : prefix_(std::move(prefix)) {}

  // A record of an entity created or deleted needs no absent fields (nothing to line up).
  void SkipAbsent() { skip_absent_ = true; }

  void Put(std::string_view name, OptText v) {
    if (skip_absent_ && !v) return;
    fields_.push_back(
        {prefix_.empty() ? std::string(name) : prefix_ + std::string(name), std::move(v)});
  }
  void Text(std::string_view name, const std::string& s) {
    Put(name, s.empty() ? OptText() : OptText(s));
  }
  void Number(std::string_view name, std::optional<double> v) {
    Put(name, v ? OptText(Num(*v)) : OptText());
  }
  void Int(std::string_view name, std::optional<int> v) {
    Put(name, v ? OptText(std::to_string(*v)) : OptText());
  }
  void DaysField(std::string_view name, std::optional<double> v) {
    Put(name, v ? OptText(Days(*v)) : OptText());
  }
  void MoneyField(std::string_view name, std::optional<Money> v) {
    Put(name, v ? OptText(MoneyText(*v)) : OptText());
  }
  void DateField(std::string_view name, std::optional<Date> v) {
    Put(name, v ? OptText(v->ToString()) : OptText());
  }
  void Bool(std::string_view name, bool v) { Put(name, v ? OptText("true") : OptText()); }
  template <typename E>
  void Enum(std::string_view name, E v) {
    Put(name, std::string(model::Name(v)));
  }
  // The "{}" marker of a present nested struct with nothing set.
  void Marker(std::string_view name, bool present, size_t fields_since) {
    bool any = false;
    for (size_t i = fields_since; i < fields_.size(); ++i) any = any || fields_[i].value;
    Put(name, present && !any ? OptText("{}") : OptText());
  }
  size_t size() const { return fields_.size(); }
  std::vector<Field>& fields() { return fields_; }

 private:
  std::string prefix_;
  std::vector<Field> fields_;
  bool skip_absent_ = false;
};

void TaskFields(Rec& r, const Task& t) {
  r.Text("name", t.name);
  r.Text("owner", t.owner);
  r.DaysField("duration", t.duration);
  const Estimate* e = t.estimate ? &*t.estimate : nullptr;
  r.DaysField("estimate.optimistic", e ? std::optional(e->optimistic) : std::nullopt);
  r.DaysField("estimate.likely", e ? std::optional(e->likely) : std::nullopt);
  r.DaysField("estimate.pessimistic", e ? std::optional(e->pessimistic) : std::nullopt);
  r.Put("estimate.distribution", e ? OptText(std::string(Name(e->distribution))) : OptText());
  r.Bool("milestone", t.milestone);
  r.Put("depends", ListText(t.depends, AppendLink));
  r.Put("resources", Strings(t.resources));
  r.MoneyField("cost", t.cost);
  r.Number("percent_complete", t.percent_complete);
  r.DateField("actual_start", t.actual_start);
  r.DateField("actual_finish", t.actual_finish);
  size_t mark = r.size();
  r.DateField("baseline.start", t.baseline ? t.baseline->start : std::nullopt);
  r.DateField("baseline.finish", t.baseline ? t.baseline->finish : std::nullopt);
  r.Marker("baseline", t.baseline.has_value(), mark);
  r.DateField("start_no_earlier_than", t.start_no_earlier_than);
  r.DateField("deadline", t.deadline);
}

// Field changes between two records of the same kind (either may be null: create,
// delete). Only fields whose text differs are reported.
std::vector<FieldChange> DiffFields(Rec* before, Rec* after) {
  std::vector<FieldChange> out;
  if (!before || !after) {
    Rec* r = before ? before : after;
    for (auto& f : r->fields()) {
      if (!f.value) continue;
      if (before) {
        out.push_back({std::move(f.name), std::move(f.value), std::nullopt});
      } else {
        out.push_back({std::move(f.name), std::nullopt, std::move(f.value)});
      }
    }
    return out;
  }
  auto& b = before->fields();
  auto& a = after->fields();
  bool aligned = a.size() == b.size();
  for (size_t i = 0; aligned && i < a.size(); ++i) aligned = a[i].name == b[i].name;
  if (aligned) {
    for (size_t i = 0; i < a.size(); ++i) {
      if (a[i].value != b[i].value) {
        out.push_back({std::move(a[i].name), std::move(b[i].value), std::move(a[i].value)});
      }
    }
    return out;
  }
  // Keyed sub-lists (ratings, options...) give records with different field names.
  std::unordered_map<std::string_view, size_t> in_after;
  for (size_t i = 0; i < a.size(); ++i) in_after.emplace(a[i].name, i);
  std::vector<bool> seen(a.size());
  for (auto& f : b) {
    auto it = in_after.find(f.name);
    OptText now;
    if (it != in_after.end()) {
      seen[it->second] = true;
      now = a[it->second].value;
    }
    if (now != f.value) out.push_back({f.name, std::move(f.value), std::move(now)});
  }
  for (size_t i = 0; i < a.size(); ++i) {
    if (!seen[i] && a[i].value)
      out.push_back({std::move(a[i].name), std::nullopt, std::move(a[i].value)});
  }
  return out;
}

class Differ {
 public:
  explicit Differ(std::vector<EntityChange>& out) : out_(out) {}

  // Emits create/update/delete for one entity given its records.
  void Emit(std::string_view entity, std::string id, Rec* before, Rec* after,
            std::vector<FieldChange> extra = {}) {
    auto changes = DiffFields(before, after);
    for (auto& e : extra) changes.push_back(std::move(e));
    ChangeAction action = !before  ? ChangeAction::kCreate
                          : !after ? ChangeAction::kDelete
                                   : ChangeAction::kUpdate;
    if (action == ChangeAction::kUpdate && changes.empty()) return;
    out_.push_back({std::string(entity), std::move(id), action, std::move(changes)});
  }

 private:
  std::vector<EntityChange>& out_;
};

// Keys of a list, "#n" added to repeated keys.
template <typename T, typename KeyFn>
std::vector<std::string> Keys(const std::vector<T>* list, KeyFn key) {
  std::vector<std::string> keys;
  if (!list) return keys;
  keys.reserve(list->size());
  std::unordered_map<std::string, int> seen;
  for (const auto& x : *list) {
    std::string k = key(x);
    int n = ++seen[k];
    if (n > 1) k += "#" + std::to_string(n);
    keys.push_back(std::move(k));
  }
  return keys;
}

std::string IdKey(const auto& x) { return x.id; }

// The "X.order" change when the entities present in both lists changed relative order.
std::optional<FieldChange> OrderChange(std::string field, const std::vector<std::string>& before,
                                       const std::vector<std::string>& after,
                                       const std::vector<std::optional<size_t>>& match) {
  size_t last = 0;
  bool first = true, reordered = false;
  for (const auto& m : match) {
    if (!m) continue;
    if (!first && *m < last) reordered = true;
    last = *m;
    first = false;
  }
  if (!reordered) return std::nullopt;
  auto item = [](std::string& out, const std::string& s) { AppendItem(out, s); };
  return FieldChange{std::move(field), ListText(before, item), ListText(after, item)};
}

// Diffs a list of keyed entities; returns the order change (if any) for the parent.
template <typename T, typename KeyFn, typename RecFn>
std::optional<FieldChange> DiffList(Differ& d, std::string_view entity, std::string order_field,
                                    const std::vector<T>* before, const std::vector<T>* after,
                                    KeyFn key, RecFn fill) {
  auto bkeys = Keys(before, key);
  auto akeys = Keys(after, key);
  std::unordered_map<std::string_view, size_t> in_before;
  in_before.reserve(bkeys.size());
  for (size_t i = 0; i < bkeys.size(); ++i) in_before.emplace(bkeys[i], i);
  std::vector<bool> kept(bkeys.size());
  std::vector<std::optional<size_t>> match(akeys.size());
  for (size_t i = 0; i < akeys.size(); ++i) {
    const T& a = (*after)[i];
    auto it = in_before.find(akeys[i]);
    Rec ra;
    if (it == in_before.end()) {
      ra.SkipAbsent();
      fill(ra, a);
      d.Emit(entity, akeys[i], nullptr, &ra);
      continue;
    }
    kept[it->second] = true;
    match[i] = it->second;
    const T& b = (*before)[it->second];
    if (a == b) continue;
    Rec rb;
    fill(rb, b);
    fill(ra, a);
    d.Emit(entity, akeys[i], &rb, &ra);
  }
  for (size_t i = 0; i < bkeys.size(); ++i) {
    if (kept[i]) continue;
    Rec rb;
    rb.SkipAbsent();
    fill(rb, (*before)[i]);
    d.Emit(entity, bkeys[i], &rb, nullptr);
  }
  return OrderChange(std::move(order_field), bkeys, akeys, match);
}

void ProgramFields(Rec& r, const Program& p) {
  r.Text("name", p.name);
  r.Text("objective", p.objective);
  r.Text("sponsor", p.sponsor);
  r.Text("currency", p.currency);
  r.DateField("start", p.start);
  r.DateField("target", p.target);
  r.DateField("status_date", p.status_date);
  r.MoneyField("budget", p.budget);
}

void CalendarFields(Rec& r, const Calendar& c) {
  // The workweek is kept even when empty so that "[]" differs from absent.
  std::string ww = "[";
  for (size_t i = 0; i < c.workweek.size(); ++i) {
    if (i) ww += ", ";
    ww += WeekdayName(c.workweek[i]);
  }
  r.Put("workweek", ww + "]");
  r.Put("holidays", ListText(c.holidays, [](std::string& out, Date d) { out += d.ToString(); }));
}

void DependencyFields(Rec& r, const Dependency& x) {
  r.Text("name", x.name);
  r.Text("provider", x.provider);
  r.Text("owner", x.owner);
  r.DateField("needed_by", x.needed_by);
  r.Enum("status", x.status);
  r.Put("tasks", Strings(x.tasks));
  r.DateField("expected", x.expected);
}

void ResourceFields(Rec& r, const Resource& x) {
  r.Text("name", x.name);
  r.MoneyField("rate", x.rate);
  r.Number("capacity", x.capacity);
}

std::string ActualKey(const Actual& a) {
  return a.date.ToString() + "/" + a.task + "/" + MoneyText(a.amount);
}

void ActualFields(Rec& r, const Actual& x) {
  r.DateField("date", x.date);
  r.MoneyField("amount", x.amount);
  r.Text("task", x.task);
  r.Text("note", x.note);
}

void CriterionFields(Rec& r, const Criterion& x) {
  r.Text("name", x.name);
  r.Number("weight", x.weight);
}

std::string AssessmentKey(const Assessment& a) { return a.date.ToString() + "/" + a.by; }

void AssessmentFields(Rec& r, const Assessment& x) {
  r.DateField("date", x.date);
  r.Text("by", x.by);
  for (const auto& [crit, rating] : x.ratings) r.Int("ratings." + crit, rating);
  r.Text("notes", x.notes);
}

void RiskFields(Rec& r, const Risk& x) {
  r.Text("title", x.title);
  r.Text("category", x.category);
  r.Text("owner", x.owner);
  r.Enum("status", x.status);
  r.DateField("raised", x.raised);
  r.Number("probability", x.probability);
  r.Int("severity", x.severity);
  size_t mark = r.size();
  const RiskImpact* im = x.impact ? &*x.impact : nullptr;
  r.DaysField("impact.schedule", im ? im->schedule : std::nullopt);
  r.MoneyField("impact.cost", im ? im->cost : std::nullopt);
  r.Put("impact.tasks", im ? Strings(im->tasks) : OptText());
  r.Marker("impact", im != nullptr, mark);
  r.Text("mitigation", x.mitigation);
  r.Text("trigger", x.trigger);
  r.DateField("response_due", x.response_due);
  r.Number("residual.probability",
           x.residual ? std::optional(x.residual->probability) : std::nullopt);
  r.Int("residual.severity", x.residual ? std::optional(x.residual->severity) : std::nullopt);
}

void StakeholderFields(Rec& r, const Stakeholder& x) {
  r.Text("name", x.name);
  r.Text("role", x.role);
  r.Int("influence", x.influence);
  r.Int("impact", x.impact);
  r.Enum("stance", x.stance);
  r.Text("channel", x.channel);
  r.DaysField("cadence", x.cadence);
  r.DateField("last_contact", x.last_contact);
  r.Int("satisfaction", x.satisfaction);
  r.Put("contacts", ListText(x.contacts, [](std::string& out, const Contact& c) {
          FlowMap().Add("on", c.on.ToString()).Add("note", c.note).AppendTo(out);
        }));
}

template <typename T>
OptText IdList(const std::vector<T>& v) {
  return ListText(v, [](std::string& out, const T& x) { AppendItem(out, x.id); });
}

void DecisionFields(Rec& r, const Decision& x) {
  r.Text("question", x.question);
  r.Enum("status", x.status);
  r.Text("decision_rule", x.decision_rule);
  r.Put("criteria", IdList(x.criteria));
  for (const auto& c : x.criteria) {
    std::string p = "criteria." + c.id + ".";
    r.Text(p + "name", c.name);
    r.Number(p + "weight", c.weight);
    r.Put(p + "measure", c.measure ? OptText(std::string(Name(*c.measure))) : OptText());
  }
  r.Put("options", IdList(x.options));
  for (const auto& o : x.options) {
    std::string p = "options." + o.id + ".";
    r.Text(p + "name", o.name);
    for (const auto& [crit, score] : o.scores) r.Int(p + "scores." + crit, score);
    size_t mark = r.size();
    const Scenario* s = o.scenario ? &*o.scenario : nullptr;
    r.MoneyField(p + "scenario.cost", s ? s->cost : std::nullopt);
    const DurationFactor* f = s && s->duration_factor ? &*s->duration_factor : nullptr;
    r.Put(p + "scenario.duration_factor.tasks", f ? Strings(f->tasks) : OptText());
    r.Number(p + "scenario.duration_factor.factor", f ? std::optional(f->factor) : std::nullopt);
    r.Put(p + "scenario.remove_tasks", s ? Strings(s->remove_tasks) : OptText());
    r.DateField(p + "scenario.target", s ? s->target : std::nullopt);
    r.Marker(p + "scenario", s != nullptr, mark);
  }
  for (const auto& [who, weights] : x.stakeholder_weights) {
    // An empty weight map still shows, so that it differs from no entry.
    if (weights.empty()) r.Put("stakeholder_weights." + who, "{}");
    for (const auto& [crit, w] : weights) r.Number("stakeholder_weights." + who + "." + crit, w);
  }
  r.Text("chosen", x.chosen);
  r.Text("rationale", x.rationale);
  r.Text("decided_by", x.decided_by);
  r.DateField("decided_on", x.decided_on);
}

void ChangeFields(Rec& r, const Change& x) {
  r.Text("title", x.title);
  r.Text("requested_by", x.requested_by);
  r.DateField("requested_on", x.requested_on);
  r.Enum("status", x.status);
  size_t mark = r.size();
  r.DaysField("impact.schedule", x.impact ? x.impact->schedule : std::nullopt);
  r.MoneyField("impact.cost", x.impact ? x.impact->cost : std::nullopt);
  r.Marker("impact", x.impact.has_value(), mark);
  r.Put("adds_tasks", IdList(x.adds_tasks));
  for (const auto& t : x.adds_tasks) {
    Rec sub("adds_tasks." + t.id + ".");
    TaskFields(sub, t);
    for (auto& f : sub.fields()) r.Put(f.name, std::move(f.value));
  }
  r.Put("approvals", ListText(x.approvals, [](std::string& out, const Approval& a) {
          FlowMap()
              .Add("by", a.by)
              .Add("on", a.on.ToString())
              .Add("decision", Name(a.decision))
              .Add("note", a.note)
              .AppendTo(out);
        }));
}

void AuditItemFields(Rec& r, const AuditItem& x) {
  r.Enum("status", x.status);
  r.Text("owner", x.owner);
  r.DateField("due", x.due);
  r.Put("evidence", ListText(x.evidence, [](std::string& out, const Evidence& e) {
          FlowMap().Add("path", e.path).Add("sha256", e.sha256).Add("url", e.url).AppendTo(out);
        }));
  r.Text("signoff.by", x.signoff ? x.signoff->by : std::string());
  r.DateField("signoff.on", x.signoff ? std::optional(x.signoff->on) : std::nullopt);
  r.Text("note", x.note);
}

void TargetsFields(Rec& r, const Targets& x) {
  r.Number("spi", x.spi);
  r.Number("cpi", x.cpi);
  r.Number("p_on_time", x.p_on_time);
  r.Number("readiness", x.readiness);
  r.Number("satisfaction", x.satisfaction);
  r.Number("risk_score", x.risk_score);
}

// A singleton entity (present or not on each side).
template <typename T, typename Fn>
void DiffSingleton(Differ& d, std::string_view entity, const std::string& id, const T* before,
                   const T* after, Fn fill, std::vector<FieldChange> extra = {}) {
  if (!before && !after) return;
  Rec rb, ra;
  if (before) fill(rb, *before);
  if (after) fill(ra, *after);
  d.Emit(entity, id, before ? &rb : nullptr, after ? &ra : nullptr, std::move(extra));
}

template <typename T>
const T* Ptr(const std::optional<T>* o) {
  return o && o->has_value() ? &**o : nullptr;
}

// Projects and tasks: tasks are keyed by id across the program, so a task that moves
// to another project is an update of its "project" field.
void DiffPlan(Differ& d, const Program* before, const Program* after,
              std::vector<FieldChange>& program_extra) {
  struct Where {
    const Task* task;
    const Project* project;
    size_t flat;
  };
  std::unordered_map<std::string_view, Where> old_tasks;
  std::unordered_map<std::string_view, const Project*> old_projects;
  if (before) {
    old_tasks.reserve(before->TaskCount());
    size_t flat = 0;
    for (const auto& p : before->projects) {
      old_projects.emplace(p.id, &p);
      for (const auto& t : p.tasks) old_tasks.emplace(t.id, Where{&t, &p, flat++});
    }
  }
  std::vector<bool> kept(before ? before->TaskCount() : 0);  // by flat position before
  std::unordered_map<std::string_view, bool> new_projects;
  std::vector<std::string> bproj, aproj;
  std::vector<std::optional<size_t>> proj_match;
  if (before) {
    for (const auto& p : before->projects) bproj.push_back(p.id);
  }
  if (after) {
    std::unordered_map<std::string_view, size_t> bproj_index;
    for (size_t i = 0; i < bproj.size(); ++i) bproj_index.emplace(bproj[i], i);
    for (const auto& p : after->projects) {
      new_projects.emplace(p.id, true);
      aproj.push_back(p.id);
      auto bp = old_projects.find(p.id);
      const Project* old = bp == old_projects.end() ? nullptr : bp->second;
      proj_match.push_back(old ? std::optional(bproj_index[p.id]) : std::nullopt);
      // Relative order of the tasks that stay in this project.
      std::vector<std::string> border, aorder;
      bool reordered = false;
      size_t last = 0;
      bool first = true;
      for (const auto& t : p.tasks) {
        auto it = old_tasks.find(t.id);
        if (it == old_tasks.end() || it->second.project != old) continue;
        if (!first && it->second.flat < last) reordered = true;
        last = it->second.flat;
        first = false;
      }
      std::vector<FieldChange> extra;
      if (reordered) {
        for (const auto& t : old->tasks) border.push_back(t.id);
        for (const auto& t : p.tasks) aorder.push_back(t.id);
        auto item = [](std::string& s, const std::string& x) { AppendItem(s, x); };
        extra.push_back({"tasks.order", ListText(border, item), ListText(aorder, item)});
      }
      Rec rb, ra;
      auto fill = [](Rec& r, const Project& x) {
        r.Text("name", x.name);
        r.Text("owner", x.owner);
      };
      fill(ra, p);
      if (old) fill(rb, *old);
      d.Emit("project", p.id, old ? &rb : nullptr, &ra, std::move(extra));

      for (const auto& t : p.tasks) {
        auto it = old_tasks.find(t.id);
        Rec ta;
        if (it == old_tasks.end()) {
          ta.SkipAbsent();
          ta.Text("project", p.id);
          TaskFields(ta, t);
          d.Emit("task", t.id, nullptr, &ta);
          continue;
        }
        const Where& w = it->second;
        kept[w.flat] = true;
        if (w.project->id == p.id && *w.task == t) continue;
        Rec tb;
        tb.Text("project", w.project->id);
        TaskFields(tb, *w.task);
        ta.Text("project", p.id);
        TaskFields(ta, t);
        d.Emit("task", t.id, &tb, &ta);
      }
    }
  }
  if (before) {
    size_t flat = 0;
    for (const auto& p : before->projects) {
      for (const auto& t : p.tasks) {
        if (kept[flat++]) continue;
        Rec tb;
        tb.SkipAbsent();
        tb.Text("project", p.id);
        TaskFields(tb, t);
        d.Emit("task", t.id, &tb, nullptr);
      }
    }
    for (const auto& p : before->projects) {
      if (new_projects.count(p.id)) continue;
      Rec rb;
      rb.SkipAbsent();
      rb.Text("name", p.name);
      rb.Text("owner", p.owner);
      d.Emit("project", p.id, &rb, nullptr);
    }
  }
  if (before && after) {
    if (auto o = OrderChange("projects.order", bproj, aproj, proj_match)) {
      program_extra.push_back(std::move(*o));
    }
  }
}

std::vector<EntityChange> Diff(const Program* before, const Program* after) {
  std::vector<EntityChange> out;
  Differ d(out);
  const std::string& pid = after ? after->id : before->id;
  std::vector<FieldChange> program_extra;
  if (before && after && before->id != after->id) {
    program_extra.push_back({"id", before->id, after->id});
  }
  auto add_order = [&](std::optional<FieldChange> o) {
    if (o && before && after) program_extra.push_back(std::move(*o));
  };
  auto list = [](const Program* p, auto member) { return p ? &(p->*member) : nullptr; };

  DiffSingleton(d, "calendar", pid, Ptr(list(before, &Program::calendar)),
                Ptr(list(after, &Program::calendar)), CalendarFields);
  {
    const auto* ba = list(before, &Program::assumptions);
    const auto* aa = list(after, &Program::assumptions);
    auto fill = [](Rec& r, const std::vector<std::string>& v) { r.Put("items", Strings(v)); };
    DiffSingleton(d, "assumptions", pid, ba && !ba->empty() ? ba : nullptr,
                  aa && !aa->empty() ? aa : nullptr, fill);
  }
  DiffPlan(d, before, after, program_extra);
  add_order(DiffList(d, "dependency", "dependencies.order", list(before, &Program::dependencies),
                     list(after, &Program::dependencies), IdKey<Dependency>, DependencyFields));
  add_order(DiffList(d, "resource", "resources.order", list(before, &Program::resources),
                     list(after, &Program::resources), IdKey<Resource>, ResourceFields));
  add_order(DiffList(d, "actual", "actuals.order", list(before, &Program::actuals),
                     list(after, &Program::actuals), ActualKey, ActualFields));
  {
    const Scorecard* bs = Ptr(list(before, &Program::scorecard));
    const Scorecard* as = Ptr(list(after, &Program::scorecard));
    auto fill = [](Rec& r, const Scorecard& s) {
      // "[]" for an explicit empty list: it replaces the defaults, absence keeps them.
      r.Put("criteria", s.criteria ? IdList(*s.criteria).value_or("[]") : OptText());
    };
    std::vector<Assessment> none;
    const auto* bas = bs ? &bs->assessments : nullptr;
    const auto* aas = as ? &as->assessments : nullptr;
    // The scorecard's own entry comes first unless it is deleted (children go first).
    std::vector<EntityChange> children;
    Differ cd(children);
    const std::vector<Criterion>* bc = bs && bs->criteria ? &*bs->criteria : nullptr;
    const std::vector<Criterion>* ac = as && as->criteria ? &*as->criteria : nullptr;
    DiffList(cd, "criterion", "", bc, ac, IdKey<Criterion>, CriterionFields);
    auto order =
        DiffList(cd, "assessment", "assessments.order", bas, aas, AssessmentKey, AssessmentFields);
    std::vector<FieldChange> extra;
    if (order && bs && as) extra.push_back(std::move(*order));
    if (as) DiffSingleton(d, "scorecard", pid, bs, as, fill, std::move(extra));
    for (auto& c : children) out.push_back(std::move(c));
    if (!as) DiffSingleton(d, "scorecard", pid, bs, as, fill);
  }
  add_order(DiffList(d, "risk", "risks.order", list(before, &Program::risks),
                     list(after, &Program::risks), IdKey<Risk>, RiskFields));
  add_order(DiffList(d, "stakeholder", "stakeholders.order", list(before, &Program::stakeholders),
                     list(after, &Program::stakeholders), IdKey<Stakeholder>, StakeholderFields));
  add_order(DiffList(d, "decision", "decisions.order", list(before, &Program::decisions),
                     list(after, &Program::decisions), IdKey<Decision>, DecisionFields));
  add_order(DiffList(d, "change", "changes.order", list(before, &Program::changes),
                     list(after, &Program::changes), IdKey<Change>, ChangeFields));
  {
    const Audit* ba = Ptr(list(before, &Program::audit));
    const Audit* aa = Ptr(list(after, &Program::audit));
    auto fill = [](Rec& r, const Audit& a) { r.Int("retention_years", a.retention_years); };
    std::vector<EntityChange> children;
    Differ cd(children);
    auto order = DiffList(cd, "audit_item", "items.order", ba ? &ba->items : nullptr,
                          aa ? &aa->items : nullptr, IdKey<AuditItem>, AuditItemFields);
    std::vector<FieldChange> extra;
    if (order && ba && aa) extra.push_back(std::move(*order));
    if (aa) DiffSingleton(d, "audit", pid, ba, aa, fill, std::move(extra));
    for (auto& c : children) out.push_back(std::move(c));
    if (!aa) DiffSingleton(d, "audit", pid, ba, aa, fill);
  }
  DiffSingleton(d, "targets", pid, Ptr(list(before, &Program::targets)),
                Ptr(list(after, &Program::targets)), TargetsFields);

  // The program's own entry goes first; it also carries the order changes found above.
  std::vector<EntityChange> head;
  Differ hd(head);
  Rec rb, ra;
  if (before) ProgramFields(rb, *before);
  if (after) ProgramFields(ra, *after);
  hd.Emit("program", pid, before ? &rb : nullptr, after ? &ra : nullptr, std::move(program_extra));
  if (!head.empty()) out.insert(out.begin(), std::move(head.front()));
  return out;
}

}  // namespace

std::vector<EntityChange> DiffPrograms(const Program* before, const Program& after) {
  return Diff(before, &after);
}

std::vector<EntityChange> DiffDeletion(const Program& before) { return Diff(&before, nullptr); }

}  // namespace tpmkit::model
