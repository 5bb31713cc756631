// Writing the canonical program file: keys in the order of program-file.md (the order
// of program_keys), absent and empty values omitted, small records in flow style. One
// Writer::Write<Entity> per key of the root mapping, called by Writer::Program in order.
#include <charconv>
#include <cstdio>
#include <string>

#include "tpmkit/formats/program_file.h"

namespace tpmkit::formats {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Plain scalars that a YAML 1.1/1.2 loader would read as something other than a string
// (null, booleans, numbers, dates) are quoted, so that other tools (editors, the schema
// check) see strings too. Our reader types by key and would not need it, except for null.
bool LooksTyped(std::string_view s) {
  static constexpr std::string_view kWords[] = {
      "null", "Null", "NULL",  "~",     "true",  "True",  "TRUE",  "false", "False", "FALSE",
      "yes",  "Yes",  "YES",   "no",    "No",    "NO",    "on",    "On",    "ON",    "off",
      "Off",  "OFF",  "y",     "Y",     "n",     "N",     ".inf",  ".Inf",  ".INF",  ".nan",
      ".NaN", ".NAN", "-.inf", "-.Inf", "-.INF", "+.inf", "+.Inf", "+.INF", "<<",    "="};
  for (std::string_view w : kWords) {
    if (s == w) return true;
  }
  size_t i = 0;
  if (s[0] == '+' || s[0] == '-' || s[0] == '.') i = 1;
  return i < s.size() && IsDigit(s[i]);
}

enum class Context { kBlock, kFlow };

// The escape for a character that YAML readers refuse raw (C1 controls, U+FFFE, U+FFFF)
// or take for a line break (NEL, LS, PS), or "" for any other character at s[i].
std::string_view UnsafeEscape(std::string_view s, size_t i) {
  auto at = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
  static constexpr std::string_view kC1[] = {
      "\\x80", "\\x81", "\\x82", "\\x83", "\\x84", "\\x85", "\\x86", "\\x87",
      "\\x88", "\\x89", "\\x8a", "\\x8b", "\\x8c", "\\x8d", "\\x8e", "\\x8f",
      "\\x90", "\\x91", "\\x92", "\\x93", "\\x94", "\\x95", "\\x96", "\\x97",
      "\\x98", "\\x99", "\\x9a", "\\x9b", "\\x9c", "\\x9d", "\\x9e", "\\x9f"};
  if (at(0) == 0xc2 && at(1) >= 0x80 && at(1) <= 0x9f) return kC1[at(1) - 0x80];
  if (at(0) == 0xe2 && at(1) == 0x80 && at(2) == 0xa8) return "\\u2028";
  if (at(0) == 0xe2 && at(1) == 0x80 && at(2) == 0xa9) return "\\u2029";
  if (at(0) == 0xef && at(1) == 0xbf && at(2) == 0xbe) return "\\ufffe";
  if (at(0) == 0xef && at(1) == 0xbf && at(2) == 0xbf) return "\\uffff";
  return {};
}

// True when `s` can be written as a plain scalar in `context`.
bool PlainSafe(std::string_view s, Context context) {
  if (s.empty() || LooksTyped(s)) return false;
  static constexpr std::string_view kFirst = "-?:,[]{}#&*!|>'\"%@`";
  if (kFirst.find(s.front()) != std::string_view::npos) return false;
  if (s.front() == ' ' || s.back() == ' ') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f || !UnsafeEscape(s, i).empty()) return false;
    if (c == '#' && s[i - 1] == ' ') return false;
    if (c == ':' && (i + 1 == s.size() || s[i + 1] == ' ')) return false;
    // Flow indicators, and ':' anywhere, end or split a plain scalar in flow context.
    if (context == Context::kFlow &&
        (c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == ':')) {
      return false;
    }
  }
  return true;
}

void AppendScalar(std::string& out, std::string_view s, Context context = Context::kFlow) {
  if (PlainSafe(s, context)) {
    out += s;
    return;
  }
  out += '"';
  for (size_t i = 0; i < s.size(); ++i) {
    char ch = s[i];
    auto c = static_cast<unsigned char>(ch);
    if (std::string_view escape = UnsafeEscape(s, i); !escape.empty()) {
      out += escape;
      i += (c == 0xc2 ? 2 : 3) - 1;
      continue;
    }
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

// Shortest fixed-point text that reads back to the same double ("0.1", "25",
// "0.00001"): no exponent, which days do not accept and YAML 1.1 tools read as text.
void AppendNumber(std::string& out, double v) {
  char buf[400];  // the longest fixed form of a double is ~330 characters
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  out.append(buf, res.ptr);
}

void AppendDays(std::string& out, double v) {
  AppendNumber(out, v);
  out += 'd';
}

// Units, then cents only when there are some: 120000, 12.50, -3.05.
void AppendMoney(std::string& out, Money m) {
  int64_t c = m.cents();
  uint64_t abs = c < 0 ? 0 - static_cast<uint64_t>(c) : static_cast<uint64_t>(c);
  if (c < 0) out += '-';
  out += std::to_string(abs / 100);
  if (uint64_t cents = abs % 100) {
    out += '.';
    out += static_cast<char>('0' + cents / 10);
    out += static_cast<char>('0' + cents % 10);
  }
}

class Writer {
 public:
  std::string Take() { return std::move(out_); }

  // --- block mappings. A key at `indent`; the first key of a list item takes the "- ".
  void Key(int indent, std::string_view key) {
    if (dash_) {
      out_.append(static_cast<size_t>(indent - 2), ' ');
      out_ += "- ";
      dash_ = false;
    } else {
      out_.append(static_cast<size_t>(indent), ' ');
    }
    out_ += key;
    out_ += ':';
  }
  void Item() { dash_ = true; }
  // "- " then a value on the same line (lists of flow maps or scalars).
  void ItemLine(int indent) {
    out_.append(static_cast<size_t>(indent), ' ');
    out_ += "- ";
  }
  void Str(int indent, std::string_view key, std::string_view v) {
    if (v.empty()) return;
    Key(indent, key);
    out_ += ' ';
    AppendScalar(out_, v, Context::kBlock);
    out_ += '\n';
  }
  void RawLine(int indent, std::string_view key, std::string_view v) {
    Key(indent, key);
    out_ += ' ';
    out_ += v;
    out_ += '\n';
  }
  void DateLine(int indent, std::string_view key, const std::optional<Date>& d) {
    if (d) RawLine(indent, key, d->ToString());
  }
  void NumLine(int indent, std::string_view key, const std::optional<double>& v) {
    if (!v) return;
    Key(indent, key);
    out_ += ' ';
    AppendNumber(out_, *v);
    out_ += '\n';
  }
  void DaysLine(int indent, std::string_view key, const std::optional<double>& v) {
    if (!v) return;
    Key(indent, key);
    out_ += ' ';
    AppendDays(out_, *v);
    out_ += '\n';
  }
  void MoneyLine(int indent, std::string_view key, const std::optional<Money>& v) {
    if (!v) return;
    Key(indent, key);
    out_ += ' ';
    AppendMoney(out_, *v);
    out_ += '\n';
  }
  void IntLine(int indent, std::string_view key, const std::optional<int>& v) {
    if (v) RawLine(indent, key, std::to_string(*v));
  }
  template <typename Range, typename F>
  void FlowList(int indent, std::string_view key, const Range& items, F&& each) {
    Key(indent, key);
    out_ += " [";
    bool first = true;
    for (const auto& x : items) {
      if (!first) out_ += ", ";
      first = false;
      each(x);
    }
    out_ += "]\n";
  }
  void StrList(int indent, std::string_view key, const std::vector<std::string>& v) {
    if (v.empty()) return;
    FlowList(indent, key, v, [&](const std::string& s) { AppendScalar(out_, s); });
  }

  // --- flow mappings: {a: 1, b: x}
  class Flow {
   public:
    explicit Flow(std::string& out) : out_(out) { out_ += '{'; }
    ~Flow() { out_ += '}'; }
    Flow(const Flow&) = delete;
    Flow& operator=(const Flow&) = delete;
    std::string& Key(std::string_view key) {
      if (!first_) out_ += ", ";
      first_ = false;
      out_ += key;
      out_ += ": ";
      return out_;
    }
    void Str(std::string_view key, std::string_view v) {
      if (!v.empty()) AppendScalar(Key(key), v);
    }
    void Raw(std::string_view key, std::string_view v) { Key(key) += v; }
    void Date(std::string_view key, const std::optional<tpmkit::Date>& d) {
      if (d) Key(key) += d->ToString();
    }
    void Num(std::string_view key, const std::optional<double>& v) {
      if (v) AppendNumber(Key(key), *v);
    }
    void Days(std::string_view key, const std::optional<double>& v) {
      if (v) AppendDays(Key(key), *v);
    }
    void Cash(std::string_view key, const std::optional<Money>& v) {
      if (v) AppendMoney(Key(key), *v);
    }
    void StrList(std::string_view key, const std::vector<std::string>& v) {
      if (v.empty()) return;
      std::string& o = Key(key);
      o += '[';
      for (size_t i = 0; i < v.size(); ++i) {
        if (i) o += ", ";
        AppendScalar(o, v[i]);
      }
      o += ']';
    }

   private:
    std::string& out_;
    bool first_ = true;
  };
  // key: {flow mapping}\n
  template <typename F>
  void FlowLine(int indent, std::string_view key, F&& fill) {
    Key(indent, key);
    out_ += ' ';
    {
      Flow f(out_);
      fill(f);
    }
    out_ += '\n';
  }
  // - {flow mapping}\n
  template <typename F>
  void FlowItem(int indent, F&& fill) {
    ItemLine(indent);
    {
      Flow f(out_);
      fill(f);
    }
    out_ += '\n';
  }
  // key: {a: 1, b: 2} for data-keyed maps.
  template <typename Map, typename F>
  void DataMapLine(int indent, std::string_view key, const Map& map, F&& value) {
    Key(indent, key);
    out_ += " {";
    bool first = true;
    for (const auto& [k, v] : map) {
      if (!first) out_ += ", ";
      first = false;
      AppendScalar(out_, k);
      out_ += ": ";
      value(v);
    }
    out_ += "}\n";
  }
  std::string& out() { return out_; }

  void WriteTask(int indent, const model::Task& t);
  void WriteOption(const model::Option& o);
  // The whole file: one Write<Entry> per entry of the root mapping, in canonical order.
  void Program(const model::Program& p);
  void WriteProgram(const model::Program& p);
  void WriteCalendar(const model::Program& p);
  void WriteAssumptions(const model::Program& p);
  void WriteProjects(const model::Program& p);
  void WriteDependencies(const model::Program& p);
  void WriteResources(const model::Program& p);
  void WriteActuals(const model::Program& p);
  void WriteScorecard(const model::Program& p);
  void WriteRisks(const model::Program& p);
  void WriteStakeholders(const model::Program& p);
  void WriteDecisions(const model::Program& p);
  void WriteChanges(const model::Program& p);
  void WriteAudit(const model::Program& p);
  void WriteTargets(const model::Program& p);

 private:
  std::string out_;
  bool dash_ = false;
};

void Writer::WriteTask(int in, const model::Task& t) {
  Item();
  Str(in, "id", t.id);
  Str(in, "name", t.name);
  Str(in, "owner", t.owner);
  DaysLine(in, "duration", t.duration);
  if (t.estimate) {
    FlowLine(in, "estimate", [&](Flow& f) {
      f.Days("optimistic", t.estimate->optimistic);
      f.Days("likely", t.estimate->likely);
      f.Days("pessimistic", t.estimate->pessimistic);
      f.Raw("distribution", model::Name(t.estimate->distribution));
    });
  }
  if (t.milestone) RawLine(in, "milestone", "true");
  if (!t.depends.empty()) {
    FlowList(in, "depends", t.depends, [&](const model::Link& l) {
      if (l.type == model::LinkType::kFS && l.lag == 0) {
        AppendScalar(out_, l.task);
        return;
      }
      Flow f(out_);
      f.Str("task", l.task);
      if (l.type != model::LinkType::kFS) f.Raw("type", model::Name(l.type));
      if (l.lag != 0) f.Days("lag", l.lag);
    });
  }
  StrList(in, "resources", t.resources);
  MoneyLine(in, "cost", t.cost);
  NumLine(in, "percent_complete", t.percent_complete);
  DateLine(in, "actual_start", t.actual_start);
  DateLine(in, "actual_finish", t.actual_finish);
  if (t.baseline) {
    FlowLine(in, "baseline", [&](Flow& f) {
      f.Date("start", t.baseline->start);
      f.Date("finish", t.baseline->finish);
    });
  }
  DateLine(in, "start_no_earlier_than", t.start_no_earlier_than);
  DateLine(in, "deadline", t.deadline);
  // A task with nothing set still needs a line for its "- ".
  if (dash_) {
    dash_ = false;
    ItemLine(in - 2);
    out_ += "{}\n";
  }
}

void Writer::Program(const model::Program& p) {
  WriteProgram(p);
  WriteCalendar(p);
  WriteAssumptions(p);
  WriteProjects(p);
  WriteDependencies(p);
  WriteResources(p);
  WriteActuals(p);
  WriteScorecard(p);
  WriteRisks(p);
  WriteStakeholders(p);
  WriteDecisions(p);
  WriteChanges(p);
  WriteAudit(p);
  WriteTargets(p);
}

void Writer::WriteProgram(const model::Program& p) {
  out_ += "tpmkit: 1\nprogram:\n";
  Str(2, "id", p.id);
  Str(2, "name", p.name);
  Str(2, "objective", p.objective);
  Str(2, "sponsor", p.sponsor);
  Key(2, "currency");
  out_ += ' ';
  AppendScalar(out_, p.currency);
  out_ += '\n';
  DateLine(2, "start", p.start);
  DateLine(2, "target", p.target);
  DateLine(2, "status_date", p.status_date);
  MoneyLine(2, "budget", p.budget);
}

void Writer::WriteCalendar(const model::Program& p) {
  if (!p.calendar) return;
  out_ += "calendar:\n";
  FlowList(2, "workweek", p.calendar->workweek, [&](Weekday d) { out_ += WeekdayName(d); });
  if (!p.calendar->holidays.empty()) {
    FlowList(2, "holidays", p.calendar->holidays, [&](Date d) { out_ += d.ToString(); });
  }
}

void Writer::WriteAssumptions(const model::Program& p) {
  if (p.assumptions.empty()) return;
  out_ += "assumptions:\n";
  for (const auto& a : p.assumptions) {
    ItemLine(2);
    AppendScalar(out_, a, Context::kBlock);
    out_ += '\n';
  }
}

void Writer::WriteProjects(const model::Program& p) {
  if (p.projects.empty()) return;
  out_ += "projects:\n";
  for (const auto& pr : p.projects) {
    Item();
    Str(4, "id", pr.id);
    Str(4, "name", pr.name);
    Str(4, "owner", pr.owner);
    if (!pr.tasks.empty()) {
      Key(4, "tasks");
      out_ += '\n';
      for (const auto& t : pr.tasks) WriteTask(8, t);
    }
    if (dash_) {
      dash_ = false;
      out_ += "  - {}\n";
    }
  }
}

void Writer::WriteDependencies(const model::Program& p) {
  if (p.dependencies.empty()) return;
  out_ += "dependencies:\n";
  for (const auto& d : p.dependencies) {
    Item();
    Str(4, "id", d.id);
    Str(4, "name", d.name);
    Str(4, "provider", d.provider);
    Str(4, "owner", d.owner);
    DateLine(4, "needed_by", d.needed_by);
    RawLine(4, "status", model::Name(d.status));
    StrList(4, "tasks", d.tasks);
    DateLine(4, "expected", d.expected);
  }
}

void Writer::WriteResources(const model::Program& p) {
  if (p.resources.empty()) return;
  out_ += "resources:\n";
  for (const auto& r : p.resources) {
    FlowItem(2, [&](Flow& f) {
      f.Str("id", r.id);
      f.Str("name", r.name);
      f.Cash("rate", r.rate);
      f.Num("capacity", r.capacity);
    });
  }
}

void Writer::WriteActuals(const model::Program& p) {
  if (p.actuals.empty()) return;
  out_ += "actuals:\n";
  for (const auto& a : p.actuals) {
    FlowItem(2, [&](Flow& f) {
      f.Raw("date", a.date.ToString());
      f.Cash("amount", a.amount);
      f.Str("task", a.task);
      f.Str("note", a.note);
    });
  }
}

void Writer::WriteScorecard(const model::Program& p) {
  if (!p.scorecard) return;
  const auto& sc = *p.scorecard;
  if (!sc.criteria && sc.assessments.empty()) {
    out_ += "scorecard: {}\n";
  } else {
    out_ += "scorecard:\n";
    if (sc.criteria) {
      if (sc.criteria->empty()) {
        out_ += "  criteria: []\n";
      } else {
        out_ += "  criteria:\n";
        for (const auto& c : *sc.criteria) {
          FlowItem(4, [&](Flow& f) {
            f.Str("id", c.id);
            f.Str("name", c.name);
            f.Num("weight", c.weight);
          });
        }
      }
    }
    if (!sc.assessments.empty()) {
      out_ += "  assessments:\n";
      for (const auto& a : sc.assessments) {
        Item();
        DateLine(6, "date", a.date);
        Str(6, "by", a.by);
        DataMapLine(6, "ratings", a.ratings, [&](int r) { out_ += std::to_string(r); });
        Str(6, "notes", a.notes);
      }
    }
  }
}

void Writer::WriteRisks(const model::Program& p) {
  if (p.risks.empty()) return;
  out_ += "risks:\n";
  for (const auto& r : p.risks) {
    Item();
    Str(4, "id", r.id);
    Str(4, "title", r.title);
    Str(4, "category", r.category);
    Str(4, "owner", r.owner);
    RawLine(4, "status", model::Name(r.status));
    DateLine(4, "raised", r.raised);
    NumLine(4, "probability", r.probability);
    IntLine(4, "severity", r.severity);
    if (r.impact) {
      FlowLine(4, "impact", [&](Flow& f) {
        f.Days("schedule", r.impact->schedule);
        f.Cash("cost", r.impact->cost);
        f.StrList("tasks", r.impact->tasks);
      });
    }
    Str(4, "mitigation", r.mitigation);
    Str(4, "trigger", r.trigger);
    DateLine(4, "response_due", r.response_due);
    if (r.residual) {
      FlowLine(4, "residual", [&](Flow& f) {
        f.Num("probability", r.residual->probability);
        f.Raw("severity", std::to_string(r.residual->severity));
      });
    }
  }
}

void Writer::WriteStakeholders(const model::Program& p) {
  if (p.stakeholders.empty()) return;
  out_ += "stakeholders:\n";
  for (const auto& s : p.stakeholders) {
    Item();
    Str(4, "id", s.id);
    Str(4, "name", s.name);
    Str(4, "role", s.role);
    IntLine(4, "influence", s.influence);
    IntLine(4, "impact", s.impact);
    RawLine(4, "stance", model::Name(s.stance));
    Str(4, "channel", s.channel);
    DaysLine(4, "cadence", s.cadence);
    DateLine(4, "last_contact", s.last_contact);
    IntLine(4, "satisfaction", s.satisfaction);
    if (!s.contacts.empty()) {
      out_ += "    contacts:\n";
      for (const auto& c : s.contacts) {
        FlowItem(6, [&](Flow& f) {
          f.Raw("on", c.on.ToString());
          f.Str("note", c.note);
        });
      }
    }
  }
}

// One option of a decision, with its scores and scenario, as a list item.
void Writer::WriteOption(const model::Option& o) {
  Item();
  Str(8, "id", o.id);
  Str(8, "name", o.name);
  if (!o.scores.empty()) {
    DataMapLine(8, "scores", o.scores, [&](int v) { out_ += std::to_string(v); });
  }
  if (o.scenario) {
    const auto& sc = *o.scenario;
    if (!sc.cost && !sc.duration_factor && sc.remove_tasks.empty() && !sc.target) {
      RawLine(8, "scenario", "{}");
    } else {
      Key(8, "scenario");
      out_ += '\n';
      MoneyLine(10, "cost", sc.cost);
      if (sc.duration_factor) {
        FlowLine(10, "duration_factor", [&](Flow& f) {
          f.StrList("tasks", sc.duration_factor->tasks);
          f.Num("factor", sc.duration_factor->factor);
        });
      }
      StrList(10, "remove_tasks", sc.remove_tasks);
      DateLine(10, "target", sc.target);
    }
  }
  if (dash_) {
    dash_ = false;
    out_ += "      - {}\n";
  }
}

void Writer::WriteDecisions(const model::Program& p) {
  if (p.decisions.empty()) return;
  out_ += "decisions:\n";
  for (const auto& d : p.decisions) {
    Item();
    Str(4, "id", d.id);
    Str(4, "question", d.question);
    RawLine(4, "status", model::Name(d.status));
    Str(4, "decision_rule", d.decision_rule);
    if (!d.criteria.empty()) {
      out_ += "    criteria:\n";
      for (const auto& c : d.criteria) {
        FlowItem(6, [&](Flow& f) {
          f.Str("id", c.id);
          f.Str("name", c.name);
          f.Num("weight", c.weight);
          if (c.measure) f.Raw("measure", model::Name(*c.measure));
        });
      }
    }
    if (!d.options.empty()) {
      out_ += "    options:\n";
      for (const auto& o : d.options) WriteOption(o);
    }
    if (!d.stakeholder_weights.empty()) {
      out_ += "    stakeholder_weights:\n";
      for (const auto& [who, weights] : d.stakeholder_weights) {
        out_ += "      ";
        AppendScalar(out_, who);
        if (weights.empty()) {
          out_ += ": {}\n";
          continue;
        }
        out_ += ": {";
        bool first = true;
        for (const auto& [crit, w] : weights) {
          if (!first) out_ += ", ";
          first = false;
          AppendScalar(out_, crit);
          out_ += ": ";
          AppendNumber(out_, w);
        }
        out_ += "}\n";
      }
    }
    Str(4, "chosen", d.chosen);
    Str(4, "rationale", d.rationale);
    Str(4, "decided_by", d.decided_by);
    DateLine(4, "decided_on", d.decided_on);
  }
}

void Writer::WriteChanges(const model::Program& p) {
  if (p.changes.empty()) return;
  out_ += "changes:\n";
  for (const auto& c : p.changes) {
    Item();
    Str(4, "id", c.id);
    Str(4, "title", c.title);
    Str(4, "requested_by", c.requested_by);
    DateLine(4, "requested_on", c.requested_on);
    RawLine(4, "status", model::Name(c.status));
    if (c.impact) {
      FlowLine(4, "impact", [&](Flow& f) {
        f.Days("schedule", c.impact->schedule);
        f.Cash("cost", c.impact->cost);
      });
    }
    if (!c.adds_tasks.empty()) {
      out_ += "    adds_tasks:\n";
      for (const auto& t : c.adds_tasks) WriteTask(8, t);
    }
    if (!c.approvals.empty()) {
      out_ += "    approvals:\n";
      for (const auto& a : c.approvals) {
        FlowItem(6, [&](Flow& f) {
          f.Str("by", a.by);
          f.Raw("on", a.on.ToString());
          f.Raw("decision", model::Name(a.decision));
          f.Str("note", a.note);
        });
      }
    }
  }
}

void Writer::WriteAudit(const model::Program& p) {
  if (!p.audit) return;
  const auto& a = *p.audit;
  if (!a.retention_years && a.items.empty()) {
    out_ += "audit: {}\n";
  } else {
    out_ += "audit:\n";
    IntLine(2, "retention_years", a.retention_years);
    if (!a.items.empty()) {
      out_ += "  items:\n";
      for (const auto& item : a.items) {
        Item();
        Str(6, "id", item.id);
        RawLine(6, "status", model::Name(item.status));
        Str(6, "owner", item.owner);
        DateLine(6, "due", item.due);
        if (!item.evidence.empty()) {
          out_ += "      evidence:\n";
          for (const auto& e : item.evidence) {
            FlowItem(8, [&](Flow& f) {
              f.Str("path", e.path);
              f.Str("sha256", e.sha256);
              f.Str("url", e.url);
            });
          }
        }
        if (item.signoff) {
          FlowLine(6, "signoff", [&](Flow& f) {
            f.Str("by", item.signoff->by);
            f.Raw("on", item.signoff->on.ToString());
          });
        }
        Str(6, "note", item.note);
      }
    }
  }
}

void Writer::WriteTargets(const model::Program& p) {
  if (!p.targets) return;
  const auto& t = *p.targets;
  if (!t.spi && !t.cpi && !t.p_on_time && !t.readiness && !t.satisfaction && !t.risk_score) {
    out_ += "targets: {}\n";
  } else {
    out_ += "targets:\n";
    NumLine(2, "spi", t.spi);
    NumLine(2, "cpi", t.cpi);
    NumLine(2, "p_on_time", t.p_on_time);
    NumLine(2, "readiness", t.readiness);
    NumLine(2, "satisfaction", t.satisfaction);
    NumLine(2, "risk_score", t.risk_score);
  }
}

}  // namespace

std::string WriteProgramFile(const model::Program& program) {
  Writer w;
  // About 120 bytes per task in canonical form.
  w.out().reserve(4096 + program.TaskCount() * 128);
  w.Program(program);
  return w.Take();
}

}  // namespace tpmkit::formats
