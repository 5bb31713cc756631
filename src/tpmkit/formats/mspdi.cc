#include "tpmkit/formats/mspdi.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "tpmkit/base/check.h"
#include "tpmkit/base/limits.h"
#include "tpmkit/formats/import_ids.h"
#include "tpmkit/model/task_index.h"
#include "tpmkit/model/validate.h"

namespace tpmkit::formats {

namespace {

// Extended attributes that carry what MSPDI has no field for. The alias marks them as
// ours, so that another tool's use of Text30 is never mistaken for a tpmkit id.
constexpr std::string_view kIdFieldId = "188744016";            // Text30
constexpr std::string_view kDistributionFieldId = "188744015";  // Text29
constexpr std::string_view kOptimisticFieldId = "188743995";    // Number19
constexpr std::string_view kPessimisticFieldId = "188743996";   // Number20
constexpr std::string_view kIdAlias = "tpmkit.id";
constexpr std::string_view kDistributionAlias = "tpmkit.distribution";
constexpr std::string_view kOptimisticAlias = "tpmkit.optimistic";
constexpr std::string_view kPessimisticAlias = "tpmkit.pessimistic";

constexpr int kUnassignedResource = -65535;
constexpr double kEps = 1e-9;

// ---------------------------------------------------------------- locations

// Maps byte offsets of the input to 1-based line and column (columns count characters).
class LineMap {
 public:
  explicit LineMap(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }
  std::pair<int, int> Locate(ptrdiff_t offset) const {
    if (offset < 0) return {0, 0};
    size_t off = std::min(static_cast<size_t>(offset), text_.size());
    auto it = std::upper_bound(starts_.begin(), starts_.end(), off);
    size_t line = static_cast<size_t>(it - starts_.begin());  // 1-based
    size_t begin = starts_[line - 1];
    int column = 1;
    for (size_t i = begin; i < off; ++i) {
      // UTF-8 continuation bytes do not start a character.
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    }
    return {static_cast<int>(line), column};
  }

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
};

// Aggregates warnings: one line per kind, with a count and the first few subjects.
class Warnings {
 public:
  Warnings(const std::string& file, const LineMap& lines, int max_examples)
      : file_(file), lines_(lines), max_examples_(std::max(0, max_examples)) {}

  // `what` describes the kind ("manually scheduled tasks ..."); `subject` names the
  // element (a task name); `offset` locates it in the input (-1 when unknown).
  void Add(const std::string& what, std::string subject, ptrdiff_t offset) {
    auto [it, fresh] = kinds_.try_emplace(what);
    Kind& k = it->second;
    if (fresh) k.offset = offset;
    ++k.count;
    if (subject.empty()) subject = "(unnamed)";
    if (static_cast<int>(k.examples.size()) < max_examples_ &&
        std::find(k.examples.begin(), k.examples.end(), subject) == k.examples.end()) {
      k.examples.push_back(std::move(subject));
    }
  }

  std::vector<Diagnostic> Finish() const {
    std::vector<std::pair<size_t, Diagnostic>> out;
    for (const auto& [what, k] : kinds_) {
      std::string msg = fmt::format("{} ({})", what, k.count);
      if (!k.examples.empty()) {
        msg += ": ";
        for (size_t i = 0; i < k.examples.size(); ++i) {
          if (i) msg += ", ";
          msg += k.examples[i];
        }
        if (k.count > static_cast<int>(k.examples.size()) &&
            static_cast<int>(k.examples.size()) == max_examples_) {
          msg += ", ...";
        }
      }
      auto [line, column] = lines_.Locate(k.offset);
      size_t key = k.offset < 0 ? 0 : static_cast<size_t>(k.offset) + 1;
      out.push_back({key, Diagnostic{file_, line, column, std::move(msg)}});
    }
    // File order of the first occurrence; kinds without a location last.
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return std::make_pair(a.first == 0, a.first) < std::make_pair(b.first == 0, b.first);
    });
    std::vector<Diagnostic> result;
    for (auto& [order, d] : out) result.push_back(std::move(d));
    return result;
  }

 private:
  struct Kind {
    ptrdiff_t offset = -1;
    int count = 0;
    std::vector<std::string> examples;
  };
  const std::string& file_;
  const LineMap& lines_;
  int max_examples_;
  std::map<std::string, Kind> kinds_;
};

// ---------------------------------------------------------------- XML access

std::string_view LocalName(const pugi::xml_node& n) {
  std::string_view name = n.name();
  auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// The first child element with this local name (MSPDI uses a default namespace, but
// a prefixed document is read the same).
pugi::xml_node Child(const pugi::xml_node& n, std::string_view name) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c) == name) return c;
  }
  return {};
}

std::vector<pugi::xml_node> Children(const pugi::xml_node& n, std::string_view name) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c) == name) out.push_back(c);
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string_view Text(const pugi::xml_node& n, std::string_view name) {
  pugi::xml_node c = Child(n, name);
  return c ? Trim(c.child_value()) : std::string_view{};
}

std::optional<double> Number(const pugi::xml_node& n, std::string_view name) {
  std::string_view t = Text(n, name);
  if (t.empty()) return std::nullopt;
  std::string s(t);
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end == s.c_str() || *end != '\0' || !std::isfinite(v)) return std::nullopt;
  return v;
}

// Integers beyond 2^53 are not integers a producer meant: absent, so that arithmetic on
// the value (month + 1, counts, UIDs) never overflows.
std::optional<long long> Integer(const pugi::xml_node& n, std::string_view name) {
  auto v = Number(n, name);
  if (!v || std::fabs(*v) > 9007199254740992.0) return std::nullopt;
  return std::llround(*v);
}

bool Flag(const pugi::xml_node& n, std::string_view name) {
  std::string_view t = Text(n, name);
  return t == "1" || t == "true";
}

ptrdiff_t Offset(const pugi::xml_node& n) { return n ? n.offset_debug() : -1; }

// "2003-01-07T08:00:00[.fff]": the date and the minutes since midnight.
struct DateTime {
  Date date;
  int minutes = 0;
};

std::optional<DateTime> ParseDateTime(std::string_view t) {
  if (t.size() < 10) return std::nullopt;
  auto d = Date::Parse(t.substr(0, 10));
  if (!d) return std::nullopt;
  DateTime dt{*d, 0};
  if (t.size() >= 16 && t[10] == 'T') {
    int h = std::atoi(std::string(t.substr(11, 2)).c_str());
    int m = std::atoi(std::string(t.substr(14, 2)).c_str());
    dt.minutes = h * 60 + m;
  }
  return dt;
}

// A start-like date: the calendar day it falls on.
std::optional<Date> StartDate(const pugi::xml_node& n, std::string_view name) {
  auto dt = ParseDateTime(Text(n, name));
  if (!dt) return std::nullopt;
  return dt->date;
}

// A finish-like date: a finish at midnight ends the day before.
std::optional<Date> FinishDate(const pugi::xml_node& n, std::string_view name) {
  auto dt = ParseDateTime(Text(n, name));
  if (!dt) return std::nullopt;
  return dt->minutes == 0 ? dt->date - 1 : dt->date;
}

// ISO 8601 durations as MSPDI writes them ("PT8H0M0S", "-PT4H", "P1DT2H30M0.5S"), in
// minutes. Days count 24 hours (MSPDI itself only writes hours).
std::optional<double> ParseDurationMinutes(std::string_view t) {
  if (t.empty()) return std::nullopt;
  double sign = 1;
  if (t.front() == '-') {
    sign = -1;
    t.remove_prefix(1);
  }
  if (t.empty() || t.front() != 'P') return std::nullopt;
  t.remove_prefix(1);
  bool in_time = false;
  double minutes = 0;
  while (!t.empty()) {
    if (t.front() == 'T') {
      in_time = true;
      t.remove_prefix(1);
      continue;
    }
    size_t i = 0;
    while (i < t.size() && (std::isdigit(static_cast<unsigned char>(t[i])) || t[i] == '.')) ++i;
    if (i == 0 || i == t.size()) return std::nullopt;
    double v = std::strtod(std::string(t.substr(0, i)).c_str(), nullptr);
    char unit = t[i];
    t.remove_prefix(i + 1);
    if (!in_time) {
      if (unit == 'Y')
        minutes += v * 365 * 1440;
      else if (unit == 'M')
        minutes += v * 30 * 1440;
      else if (unit == 'W')
        minutes += v * 7 * 1440;
      else if (unit == 'D')
        minutes += v * 1440;
      else
        return std::nullopt;
    } else {
      if (unit == 'H')
        minutes += v * 60;
      else if (unit == 'M')
        minutes += v;
      else if (unit == 'S')
        minutes += v / 60;
      else
        return std::nullopt;
    }
  }
  return sign * minutes;
}

// Duration and lag formats (MSPDI): 3 m, 4 em, 5 h, 6 eh, 7 d, 8 ed, 9 w, 10 ew,
// 11 mo, 12 emo, 19 %, 20 e%, 21 none; 35..53 the same "estimated" (+32).
int BaseFormat(long long format) {
  return format >= 35 && format <= 53 ? static_cast<int>(format - 32) : static_cast<int>(format);
}
bool IsElapsedFormat(int base) {
  return base == 4 || base == 6 || base == 8 || base == 10 || base == 12 || base == 20;
}
bool IsPercentFormat(int base) { return base == 19 || base == 20; }

bool IsWhole(double v) { return std::fabs(v - std::round(v)) < kEps; }

// ---------------------------------------------------------------- ids

// ---------------------------------------------------------------- calendar

// MSPDI DayType 1 = Sunday .. 7 = Saturday.
Weekday FromDayType(int day_type) { return static_cast<Weekday>((day_type + 5) % 7); }
int SundayIndex(Date d) { return (static_cast<int>(d.weekday()) + 1) % 7; }  // Sun = 0

struct CalendarRead {
  std::vector<bool> working = std::vector<bool>(7, false);  // by Weekday
  std::set<Date> holidays;
};

pugi::xml_node FindCalendar(const pugi::xml_node& calendars, long long uid) {
  for (const auto& c : Children(calendars, "Calendar")) {
    if (Integer(c, "UID") == uid) return c;
  }
  return {};
}

// The date of the `position`-th (0..3, 4 = last) `item` of a month. Items: 0 day,
// 1 weekday, 2 weekend day, 3..9 Sunday..Saturday.
std::optional<Date> NthInMonth(int year, unsigned month, long long item, long long position) {
  Date first = Date::FromYmd(year, month, 1);
  Date next = month == 12 ? Date::FromYmd(year + 1, 1, 1) : Date::FromYmd(year, month + 1, 1);
  std::vector<Date> matches;
  for (Date d = first; d < next; d = d + 1) {
    int sun = SundayIndex(d);
    bool weekend = sun == 0 || sun == 6;
    bool match = item == 0 || (item == 1 && !weekend) || (item == 2 && weekend) ||
                 (item >= 3 && item <= 9 && sun == item - 3);
    if (match) matches.push_back(d);
  }
  if (matches.empty()) return std::nullopt;
  if (position >= 4) return matches.back();
  if (position < 0 || position >= static_cast<long long>(matches.size())) return std::nullopt;
  return matches[static_cast<size_t>(position)];
}

// The dates of one exception, clipped to the date limits.
struct ExceptionDates {
  std::vector<Date> dates;  // in date order, at most `max_dates`
  bool clipped = false;     // its period reached outside the date limits
  bool too_long = false;    // a run of days longer than kMaxExceptionSpanDays: skipped
};

// The period [from, to] of an exception or legacy WeekDay and its part within the date
// limits [lo, hi] (empty when wholly outside); nullopt when absent or inverted.
struct Period {
  Date from, to;  // as written
  Date lo, hi;    // clipped
  bool clipped() const { return lo != from || hi != to; }
  bool empty() const { return hi < lo; }
};
std::optional<Period> ReadPeriod(const pugi::xml_node& period) {
  auto from = StartDate(period, "FromDate");
  auto to = StartDate(period, "ToDate");
  if (!from || !to || *to < *from) return std::nullopt;
  return Period{*from, *to, std::max(*from, limits::kMinDate), std::min(*to, limits::kMaxDate)};
}

// Expands one Calendar/Exceptions/Exception into its dates. nullopt: unknown recurrence.
// The work is proportional to the occurrences (at most `max_dates`) and to the months or
// years of the clipped period, never to the days of the period as written; recurrences
// keep the phase of the written start, and Occurrences count from the clipped start.
std::optional<ExceptionDates> ExpandException(const pugi::xml_node& e, size_t max_dates) {
  ExceptionDates out;
  auto period = ReadPeriod(Child(e, "TimePeriod"));
  if (!period) return out;
  out.clipped = period->clipped();
  if (period->empty()) return out;
  const Date from = period->from, lo = period->lo, hi = period->hi;
  long long type = Integer(e, "Type").value_or(1);
  long long every = std::max<long long>(1, Integer(e, "Period").value_or(1));
  long long occurrences = Integer(e, "Occurrences").value_or(0);
  long long days_of_week = Integer(e, "DaysOfWeek").value_or(0);
  long long month_day = Integer(e, "MonthDay").value_or(1);
  long long month = Integer(e, "Month").value_or(0);  // 0 = January
  long long item = Integer(e, "MonthItem").value_or(0);
  long long position = Integer(e, "MonthPosition").value_or(0);
  if (type < 1 || type > 7) return std::nullopt;
  size_t limit = max_dates;
  if (occurrences > 0) limit = std::min<size_t>(limit, static_cast<size_t>(occurrences));
  // Adds `d` when in the period; false when no more dates are wanted.
  auto add = [&](Date d) {
    if (d >= lo && d <= hi) out.dates.push_back(d);
    return out.dates.size() < limit;
  };
  auto day_of = [](int y, long long m, long long day) -> std::optional<Date> {
    if (m < 1 || m > 12 || day < 1 || day > 31) return std::nullopt;
    std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(unsigned(m)),
                                    std::chrono::day(unsigned(day))};
    if (!ymd.ok()) return std::nullopt;
    return Date::FromSysDays(std::chrono::sys_days(ymd));
  };
  auto ymd_lo = lo.ToYmd(), ymd_hi = hi.ToYmd();
  const int y_lo = static_cast<int>(ymd_lo.year()), y_hi = static_cast<int>(ymd_hi.year());
  switch (type) {
    case 1:  // daily: every day of the period
      if (hi - lo >= limits::kMaxExceptionSpanDays) {
        out.too_long = true;
        break;
      }
      for (Date d = lo; d <= hi && add(d); d = d + 1) {
      }
      break;
    case 7: {  // every `every` days from the written start
      const int64_t step = every;
      for (int64_t k = (int64_t{lo - from} + step - 1) / step;; ++k) {
        int64_t d = int64_t{from.days()} + k * step;
        if (d > hi.days() || !add(Date::FromDays(static_cast<int>(d)))) break;
      }
      break;
    }
    case 6: {  // weekly: days of week (bit 0 = Sunday), every `every` weeks
      if ((days_of_week & 0x7F) == 0) break;
      const Date week0 = from - SundayIndex(from);
      const int64_t step = every;
      // The first recurring week that reaches `lo` (days before `lo` are not added).
      const int64_t first = (int64_t{lo - week0} / 7 + step - 1) / step * step;
      bool more = true;
      for (int64_t w = first; more; w += step) {
        int64_t ws = int64_t{week0.days()} + 7 * w;
        if (ws > hi.days()) break;
        for (int i = 0; i < 7 && more; ++i) {
          if ((days_of_week >> i) & 1) more = add(Date::FromDays(static_cast<int>(ws + i)));
        }
      }
      break;
    }
    case 4:    // monthly on a day of the month, every `every` months
    case 5: {  // monthly on the n-th item, every `every` months
      auto ymd0 = from.ToYmd();
      const int64_t m0 = int64_t{static_cast<int>(ymd0.year())} * 12 + unsigned(ymd0.month()) - 1;
      const int64_t m_lo = int64_t{y_lo} * 12 + unsigned(ymd_lo.month()) - 1;
      const int64_t m_hi = int64_t{y_hi} * 12 + unsigned(ymd_hi.month()) - 1;
      const int64_t step = every;
      for (int64_t m = m0 + (m_lo - m0 + step - 1) / step * step; m <= m_hi; m += step) {
        int y = static_cast<int>(m / 12);
        unsigned mon = static_cast<unsigned>(m % 12) + 1;
        auto d = type == 4 ? day_of(y, mon, month_day) : NthInMonth(y, mon, item, position);
        if (d && !add(*d)) break;
      }
      break;
    }
    case 2:    // yearly on a day of a month
    case 3: {  // yearly on the n-th item of a month
      if (month < 0 || month > 11) break;
      for (int y = y_lo; y <= y_hi; ++y) {
        auto d = type == 2 ? day_of(y, month + 1, month_day)
                           : NthInMonth(y, static_cast<unsigned>(month) + 1, item, position);
        if (d && !add(*d)) break;
      }
      break;
    }
  }
  return out;
}

// ---------------------------------------------------------------- task rows

// How many summary levels below the project a leaf's name carries ("A / B / C / task");
// deeper ones are shown as "... / ".
constexpr size_t kMaxNamePrefixLevels = 4;

struct Row {
  pugi::xml_node node;
  long long uid = 0;
  long long id = 0;
  int level = 1;
  std::string name;
  bool summary = false;
  int parent = -1;      // index into rows, -1 at top level
  int project = -1;     // index into Program::projects
  std::string task_id;  // leaves only
  // Summaries: their descendant leaf rows are leaf_rows_[leaves_begin, leaves_end) (a
  // summary's leaves are contiguous in outline order, so no summary copies them).
  size_t leaves_begin = 0;
  size_t leaves_end = 0;
  double duration_days = 0;  // as read (for percent lags)
};

struct PendingLink {
  int succ = 0;  // row index
  int pred = 0;  // row index
  model::LinkType type = model::LinkType::kFS;
  double lag = 0;
  ptrdiff_t offset = -1;
};

class Reader {
 public:
  Reader(std::string_view xml, const std::string& file_name, const MspdiReadOptions& options)
      : xml_(xml),
        file_(file_name),
        options_(options),
        lines_(xml),
        warnings_(file_, lines_, options.max_examples) {}

  Result<MspdiImport> Run();

 private:
  void ReadHeader();
  void ReadCalendar();
  void ReadAttributeDefinitions();
  void ReadRows();
  void BuildOutline();
  void ReadTask(Row& row, model::Task& task);
  void ReadSummary(Row& row);
  void ReadLinks(const Row& row, int index);
  void ResolveLinks();
  void BreakCycles();
  void ReadResources();
  void ReadAssignments();
  std::optional<double> LagDays(const pugi::xml_node& link, int pred, const std::string& name);
  double ToWorkingDays(double minutes, int base_format, const std::string& what,
                       const std::string& name, ptrdiff_t offset);
  // tpmkit extended attribute values of an element; warns about all others.
  std::map<std::string, std::string> OwnAttributes(const pugi::xml_node& n,
                                                   const std::string& name);
  // `text` as valid UTF-8: invalid sequences (character references beyond U+10FFFF, lone
  // surrogates) and non-characters replaced by U+FFFD, with a warning.
  std::string Clean(std::string_view text, ptrdiff_t offset) {
    if (!limits::CheckText(text)) return std::string(text);
    std::string clean = limits::ReplaceInvalidText(text);
    warnings_.Add(
        "text that is not valid UTF-8 (character references beyond U+10FFFF, lone "
        "surrogates, non-characters) is replaced with U+FFFD",
        clean, offset);
    return clean;
  }
  // `d` when within the date limits; else nullopt, with a warning naming `what`.
  std::optional<Date> Bounded(std::optional<Date> d, std::string_view what,
                              const std::string& subject, ptrdiff_t offset) {
    if (!d || limits::InDateRange(*d)) return d;
    warnings_.Add(fmt::format("dates outside {}..{} are dropped", limits::kMinDate.ToString(),
                              limits::kMaxDate.ToString()),
                  fmt::format("{} {} {}", subject, what, d->ToString()), offset);
    return std::nullopt;
  }
  model::Task* TaskOf(int row) {
    auto [p, t] = task_pos_.at(row);
    return &program_.projects[p].tasks[t];
  }
  int WorkdaysPerWeek() const {
    return std::max<int>(1, static_cast<int>(calendar_.workweek.size()));
  }

  std::string_view xml_;
  const std::string& file_;
  const MspdiReadOptions& options_;
  LineMap lines_;
  Warnings warnings_;
  pugi::xml_document doc_;
  pugi::xml_node root_;
  model::Program program_;
  model::Calendar calendar_;
  double minutes_per_day_ = 480;
  std::unordered_map<std::string, std::string> alias_by_field_;
  std::vector<Row> rows_;
  std::vector<int> leaf_rows_;  // every leaf row, in outline order
  std::span<const int> Leaves(const Row& r) const {
    return std::span(leaf_rows_).subspan(r.leaves_begin, r.leaves_end - r.leaves_begin);
  }
  std::unordered_map<long long, int> row_by_uid_;
  std::unordered_map<int, std::pair<size_t, size_t>> task_pos_;
  std::vector<PendingLink> links_;
  std::unordered_map<long long, std::string> resource_by_uid_;
  std::unordered_set<long long> skipped_uids_;
  std::map<std::pair<std::string, std::string>, ptrdiff_t> link_offset_;  // (task, pred)
  size_t summary_links_ = 0;  // links made by expanding links on summary tasks
  IdPool task_ids_;
  IdPool project_ids_;
  IdPool resource_ids_;
};

Result<MspdiImport> Reader::Run() {
  pugi::xml_parse_result parsed =
      doc_.load_buffer(xml_.data(), xml_.size(), pugi::parse_default, pugi::encoding_auto);
  if (!parsed) {
    auto [line, column] = lines_.Locate(parsed.offset);
    std::string msg = fmt::format("malformed XML: {}", parsed.description());
    Error e = Error::Invalid(fmt::format("{}:{}:{}: {}", file_, line, column, msg));
    e.diagnostics.push_back(Diagnostic{file_, line, column, msg});
    return e;
  }
  root_ = doc_.document_element();
  if (!root_ || LocalName(root_) != "Project") {
    auto [line, column] = lines_.Locate(Offset(root_));
    std::string msg = "not an MS Project XML (MSPDI) document: the root element is not <Project>";
    Error e = Error::Invalid(fmt::format("{}:{}:{}: {}", file_, line, column, msg));
    e.diagnostics.push_back(Diagnostic{file_, line, column, msg});
    return e;
  }
  if (!options_.program_id.empty() && !IsSlug(options_.program_id)) {
    return Error::Invalid(
        fmt::format("program id '{}' is not a slug ([a-z0-9][a-z0-9_-]*)", options_.program_id));
  }

  ReadHeader();
  ReadCalendar();
  ReadAttributeDefinitions();
  ReadRows();
  BuildOutline();
  ReadResources();
  ReadAssignments();
  ResolveLinks();
  BreakCycles();

  // The start: StartDate, else the earliest task start.
  std::optional<Date> start = Bounded(StartDate(root_, "StartDate"), "start", program_.name,
                                      Offset(Child(root_, "StartDate")));
  if (!start) {
    for (const Row& r : rows_) {
      auto s = StartDate(r.node, "Start");
      if (s && limits::InDateRange(*s) && (!start || *s < *start)) start = s;
    }
  }
  if (!start) {
    std::string msg = "no project start: neither <StartDate> nor any task <Start>";
    auto [line, column] = lines_.Locate(Offset(root_));
    Error e = Error::Invalid(fmt::format("{}:{}:{}: {}", file_, line, column, msg));
    e.diagnostics.push_back(Diagnostic{file_, line, column, msg});
    return e;
  }
  program_.start = *start;
  // A finish before the start (a header edited by hand) is no target the plan could meet.
  if (program_.target && *program_.target < program_.start) {
    warnings_.Add("a project finish before the project start is dropped",
                  fmt::format("{} finish {}", program_.name, program_.target->ToString()),
                  Offset(Child(root_, "FinishDate")));
    program_.target.reset();
  }
  if (calendar_ != model::Calendar{}) program_.calendar = calendar_;

  // The contract: what import gives, validation accepts (and export can write back). The
  // normalizations above should leave nothing here; whatever they miss is refused rather
  // than stored.
  if (auto issues = model::Validate(program_); !issues.empty()) {
    Error e = Error::Invalid(fmt::format("{}: the imported plan breaks {} rule{}", file_,
                                         issues.size(), issues.size() == 1 ? "" : "s"));
    for (const auto& issue : issues) {
      e.diagnostics.push_back(Diagnostic{file_, 0, 0, issue.path + ": " + issue.message});
    }
    return e;
  }
  MspdiImport out;
  out.program = std::move(program_);
  out.warnings = warnings_.Finish();
  return out;
}

void Reader::ReadHeader() {
  if (auto mpd = Number(root_, "MinutesPerDay"); mpd && *mpd > 0) minutes_per_day_ = *mpd;
  std::string stem = FileStem(file_);
  program_.id = options_.program_id.empty() ? Slug(stem) : options_.program_id;
  if (!IsSlug(program_.id)) program_.id = "mspdi";
  std::string title = Clean(Text(root_, "Title"), Offset(Child(root_, "Title")));
  std::string name = Clean(Text(root_, "Name"), Offset(Child(root_, "Name")));
  if (!title.empty()) {
    program_.name = title;
  } else if (!name.empty()) {
    program_.name = FileStem(name);
  } else {
    program_.name = stem.empty() ? program_.id : limits::ReplaceInvalidText(stem);
  }
  program_.status_date = Bounded(StartDate(root_, "StatusDate"), "status date", program_.name,
                                 Offset(Child(root_, "StatusDate")));
  program_.target = Bounded(FinishDate(root_, "FinishDate"), "finish", program_.name,
                            Offset(Child(root_, "FinishDate")));
  std::string_view currency = Text(root_, "CurrencyCode");
  if (currency.size() == 3 &&
      std::all_of(currency.begin(), currency.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    program_.currency = std::string(currency);
  }
}

void Reader::ReadCalendar() {
  pugi::xml_node calendars = Child(root_, "Calendars");
  long long uid = Integer(root_, "CalendarUID").value_or(1);
  pugi::xml_node cal = FindCalendar(calendars, uid);
  if (!cal) {
    for (const auto& c : Children(calendars, "Calendar")) {
      if (Flag(c, "IsBaseCalendar")) {
        cal = c;
        break;
      }
    }
  }
  if (!cal) return;  // no calendar: the default Mon-Fri

  // Working weekdays: from this calendar, or inherited from its base calendar.
  CalendarRead read;
  pugi::xml_node source = cal;
  bool found = false;
  for (int depth = 0; depth < 8 && source && !found; ++depth) {
    for (const auto& wd : Children(Child(source, "WeekDays"), "WeekDay")) {
      long long type = Integer(wd, "DayType").value_or(0);
      if (type < 1 || type > 7) continue;
      read.working[static_cast<int>(FromDayType(static_cast<int>(type)))] = Flag(wd, "DayWorking");
      found = true;
    }
    if (!found) source = FindCalendar(calendars, Integer(source, "BaseCalendarUID").value_or(-1));
  }
  if (found) {
    calendar_.workweek.clear();
    for (int d = 0; d < 7; ++d) {
      if (read.working[d]) calendar_.workweek.push_back(static_cast<Weekday>(d));
    }
  } else {
    read.working = {true, true, true, true, true, false, false};
  }

  bool full = false;  // kMaxHolidays reached: later exceptions add nothing
  auto apply = [&](const std::vector<Date>& dates, bool working, const std::string& name,
                   ptrdiff_t offset) {
    for (Date d : dates) {
      bool is_workday = read.working[static_cast<int>(d.weekday())];
      if (!working && is_workday) {
        if (read.holidays.size() >= limits::kMaxHolidays && !read.holidays.count(d)) {
          warnings_.Add(
              fmt::format("calendar holidays beyond {} are dropped", limits::kMaxHolidays), name,
              offset);
          full = true;
          return;
        }
        read.holidays.insert(d);
      } else if (working && !is_workday) {
        warnings_.Add(
            "calendar exceptions that make a non-working weekday a working day are not "
            "representable (the day stays non-working)",
            d.ToString() + (name.empty() ? "" : " (" + name + ")"), offset);
      }
    }
  };

  // Project 2007 and later write <Exceptions> (the native form, with recurrences) and,
  // for older readers, the same days expanded as <WeekDay DayType=0>. Read only one:
  // the exceptions when present, else the legacy entries.
  // Both are bounded (docs/limits.md): periods are clipped to the date limits, a run of
  // days longer than 10 years is skipped, and holidays stop at kMaxHolidays.
  const std::string clipped_what =
      fmt::format("calendar exception dates outside {}..{} are dropped",
                  limits::kMinDate.ToString(), limits::kMaxDate.ToString());
  const std::string too_long_what =
      fmt::format("calendar exceptions longer than 10 years ({} days) are skipped",
                  limits::kMaxExceptionSpanDays);
  auto exceptions = Children(Child(cal, "Exceptions"), "Exception");
  if (!exceptions.empty()) {
    for (const auto& e : exceptions) {
      if (full) break;
      std::string name = Clean(Text(e, "Name"), Offset(Child(e, "Name")));
      auto dates = ExpandException(e, limits::kMaxHolidays);
      if (!dates) {
        warnings_.Add("calendar exceptions with an unknown recurrence type are skipped", name,
                      Offset(e));
        continue;
      }
      if (dates->clipped) warnings_.Add(clipped_what, name, Offset(e));
      if (dates->too_long) warnings_.Add(too_long_what, name, Offset(e));
      apply(dates->dates, Flag(e, "DayWorking"), name, Offset(e));
    }
  } else {
    for (const auto& wd : Children(Child(cal, "WeekDays"), "WeekDay")) {
      if (full) break;
      if (Integer(wd, "DayType").value_or(-1) != 0) continue;
      auto period = ReadPeriod(Child(wd, "TimePeriod"));
      if (!period) continue;
      if (period->clipped()) warnings_.Add(clipped_what, "", Offset(wd));
      if (period->empty()) continue;
      if (period->hi - period->lo >= limits::kMaxExceptionSpanDays) {
        warnings_.Add(too_long_what, "", Offset(wd));
        continue;
      }
      std::vector<Date> dates;
      for (Date d = period->lo; d <= period->hi; d = d + 1) dates.push_back(d);
      apply(dates, Flag(wd, "DayWorking"), "", Offset(wd));
    }
  }
  calendar_.holidays.assign(read.holidays.begin(), read.holidays.end());
}

void Reader::ReadAttributeDefinitions() {
  for (const auto& def : Children(Child(root_, "ExtendedAttributes"), "ExtendedAttribute")) {
    std::string_view alias = Text(def, "Alias");
    std::string_view field = Text(def, "FieldID");
    if (alias.substr(0, 7) == "tpmkit." && !field.empty()) {
      alias_by_field_[std::string(field)] = std::string(alias);
    }
  }
}

std::map<std::string, std::string> Reader::OwnAttributes(const pugi::xml_node& n,
                                                         const std::string& name) {
  std::map<std::string, std::string> out;
  for (const auto& ea : Children(n, "ExtendedAttribute")) {
    auto it = alias_by_field_.find(std::string(Text(ea, "FieldID")));
    if (it != alias_by_field_.end()) {
      out[it->second] = std::string(Text(ea, "Value"));
    } else {
      warnings_.Add("custom field values (ExtendedAttribute) are not carried", name, Offset(ea));
    }
  }
  return out;
}

void Reader::ReadRows() {
  auto tasks = Children(Child(root_, "Tasks"), "Task");
  std::vector<Row> all;
  bool all_have_ids = true;
  for (const auto& t : tasks) {
    Row r;
    r.node = t;
    r.uid = Integer(t, "UID").value_or(-1);
    auto id = Integer(t, "ID");
    if (!id) all_have_ids = false;
    r.id = id.value_or(0);
    r.name = Clean(Text(t, "Name"), Offset(Child(t, "Name")));
    if (auto level = Integer(t, "OutlineLevel")) {
      r.level = static_cast<int>(*level);
    } else {
      std::string_view number = Text(t, "OutlineNumber");
      r.level =
          number.empty() ? 1 : 1 + static_cast<int>(std::count(number.begin(), number.end(), '.'));
    }
    all.push_back(std::move(r));
  }
  // Outline order is ID order; UIDs follow creation, not position.
  if (all_have_ids) {
    std::stable_sort(all.begin(), all.end(),
                     [](const Row& a, const Row& b) { return a.id < b.id; });
  }
  for (Row& r : all) {
    if (Flag(r.node, "IsNull")) continue;  // blank rows carry nothing
    if (r.uid == 0 || r.level <= 0) {
      skipped_uids_.insert(r.uid);  // the project summary task
      continue;
    }
    if (Text(r.node, "Active") == "0") {
      warnings_.Add("inactive tasks are skipped", r.name, Offset(r.node));
      skipped_uids_.insert(r.uid);
      continue;
    }
    if (row_by_uid_.count(r.uid)) {
      warnings_.Add("tasks with a duplicate UID are skipped", r.name, Offset(r.node));
      continue;
    }
    row_by_uid_[r.uid] = static_cast<int>(rows_.size());
    rows_.push_back(std::move(r));
  }
}

// Summary rule: a task followed by a deeper one is a summary. A top-level summary
// becomes a project; deeper summaries prefix their descendants' names ("A / B / task");
// top-level tasks outside any summary go into one default project.
void Reader::BuildOutline() {
  const int n = static_cast<int>(rows_.size());
  for (int i = 0; i < n; ++i) rows_[i].summary = i + 1 < n && rows_[i + 1].level > rows_[i].level;
  std::vector<int> stack;
  int default_project = -1;
  auto close = [&] {
    rows_[stack.back()].leaves_end = leaf_rows_.size();
    stack.pop_back();
  };
  for (int i = 0; i < n; ++i) {
    Row& r = rows_[i];
    while (!stack.empty() && rows_[stack.back()].level >= r.level) close();
    r.parent = stack.empty() ? -1 : stack.back();
    if (r.summary) {
      if (r.parent < 0) {
        auto own = OwnAttributes(r.node, r.name);
        model::Project p;
        auto it = own.find(std::string(kIdAlias));
        std::string wanted = it != own.end() && IsPlainId(it->second) ? it->second : Slug(r.name);
        if (wanted.empty()) wanted = fmt::format("p{}", r.uid);
        p.id = project_ids_.Take(wanted);
        p.name = r.name.empty() ? p.id : r.name;
        p.owner = Clean(Text(r.node, "Contact"), Offset(Child(r.node, "Contact")));
        r.project = static_cast<int>(program_.projects.size());
        program_.projects.push_back(std::move(p));
      } else {
        r.project = rows_[r.parent].project;
        OwnAttributes(r.node, r.name);
      }
      ReadSummary(r);
      r.leaves_begin = leaf_rows_.size();
      stack.push_back(i);
      continue;
    }
    if (r.parent < 0) {
      if (default_project < 0) {
        model::Project p;
        p.id = project_ids_.Take("tasks");
        p.name = "Tasks";
        default_project = static_cast<int>(program_.projects.size());
        program_.projects.push_back(std::move(p));
      }
      r.project = default_project;
    } else {
      r.project = rows_[r.parent].project;
    }
    leaf_rows_.push_back(i);
    model::Task task;
    // The path of the summaries below the project, as a name prefix: the nearest
    // kMaxNamePrefixLevels of them, so that names stay linear in a deep outline.
    std::string prefix;
    size_t from = 1;
    if (stack.size() > kMaxNamePrefixLevels + 1) {
      from = stack.size() - kMaxNamePrefixLevels;
      prefix = "... / ";
    }
    for (size_t k = from; k < stack.size(); ++k) prefix += rows_[stack[k]].name + " / ";
    if (r.name.empty()) {
      // Validation (and MS Project) want a name; the UID is what the producer shows.
      r.name = fmt::format("Task {}", r.uid);
      warnings_.Add("tasks without a name are named \"Task <UID>\"", r.name, Offset(r.node));
    }
    task.name = prefix + r.name;
    ReadTask(r, task);
    auto& tasks = program_.projects[r.project].tasks;
    task_pos_[i] = {static_cast<size_t>(r.project), tasks.size()};
    tasks.push_back(std::move(task));
  }
  while (!stack.empty()) close();
  for (int i = 0; i < n; ++i) ReadLinks(rows_[i], i);
}

double Reader::ToWorkingDays(double minutes, int base_format, const std::string& what,
                             const std::string& name, ptrdiff_t offset) {
  if (IsElapsedFormat(base_format)) {
    warnings_.Add(fmt::format("elapsed {} are approximated in working days ({} per week)", what,
                              WorkdaysPerWeek()),
                  name, offset);
    return minutes / 1440.0 * WorkdaysPerWeek() / 7.0;
  }
  return minutes / minutes_per_day_;
}

void Reader::ReadTask(Row& row, model::Task& task) {
  const pugi::xml_node& n = row.node;
  const std::string& name = task.name;
  ptrdiff_t off = Offset(n);
  auto own = OwnAttributes(n, name);
  auto id_it = own.find(std::string(kIdAlias));
  if (id_it != own.end() && IsPlainId(id_it->second) && !task_ids_.Has(id_it->second)) {
    task.id = task_ids_.Take(id_it->second);
  } else {
    task.id = task_ids_.Take(fmt::format("t{}", row.uid));
  }
  row.task_id = task.id;
  task.owner = Clean(Text(n, "Contact"), Offset(Child(n, "Contact")));

  // Duration.
  int format = BaseFormat(Integer(n, "DurationFormat").value_or(7));
  double minutes = ParseDurationMinutes(Text(n, "Duration")).value_or(0);
  double days = std::max(0.0, ToWorkingDays(minutes, format, "durations", name, off));
  if (!(days <= limits::kMaxDays)) {
    warnings_.Add(fmt::format("durations longer than {} working days (50 years) are cut to {}",
                              limits::kMaxDays, limits::kMaxDays),
                  name, off);
    days = limits::kMaxDays;
  }
  row.duration_days = days;
  auto opt = own.find(std::string(kOptimisticAlias));
  auto pess = own.find(std::string(kPessimisticAlias));
  std::optional<model::Estimate> estimate;
  if (opt != own.end() && pess != own.end()) {
    char* e1 = nullptr;
    char* e2 = nullptr;
    double o = std::strtod(opt->second.c_str(), &e1);
    double p = std::strtod(pess->second.c_str(), &e2);
    if (*e1 == '\0' && *e2 == '\0' && !(p <= limits::kMaxDays)) {
      warnings_.Add(fmt::format("estimates beyond {} working days (or not finite) are dropped",
                                limits::kMaxDays),
                    name, off);
    } else if (*e1 == '\0' && *e2 == '\0' && o <= days + kEps && days <= p + kEps && o >= 0) {
      model::Estimate est{o, days, p, model::Distribution::kPert};
      auto dist = own.find(std::string(kDistributionAlias));
      if (dist != own.end()) {
        est.distribution =
            model::Parse<model::Distribution>(dist->second).value_or(model::Distribution::kPert);
      }
      estimate = est;
    }
  }
  if (Flag(n, "Milestone") || minutes == 0) {
    task.milestone = true;
    if (days > 0) {
      warnings_.Add("milestones with a non-zero duration keep duration 0", name, off);
    }
  } else if (estimate) {
    task.estimate = estimate;
  } else {
    if (!IsWhole(days)) {
      warnings_.Add(fmt::format("durations that are not whole working days ({} minutes per "
                                "day) are rounded to the nearest day (at least 1)",
                                minutes_per_day_),
                    name, off);
      days = std::max(1.0, std::round(days));
    }
    task.duration = days;
  }

  if (Flag(n, "Manual")) {
    warnings_.Add(
        "manually scheduled tasks are scheduled from their links (their scheduled "
        "duration is kept)",
        name, off);
  }
  if (Flag(n, "Recurring")) {
    warnings_.Add("recurring tasks are imported as their individual occurrences", name, off);
  }
  if (Flag(n, "ExternalTask") || Flag(n, "IsSubproject")) {
    warnings_.Add("external tasks and inserted subprojects are imported as plain tasks", name, off);
  }
  if (auto cal = Integer(n, "CalendarUID"); cal && *cal >= 0) {
    warnings_.Add("task calendars are not carried (the project calendar applies)", name, off);
  }
  if (!Text(n, "Notes").empty()) {
    warnings_.Add("task notes are not carried", name, Offset(Child(n, "Notes")));
  }
  for (const auto& code : Children(n, "OutlineCode")) {
    warnings_.Add("outline code values are not carried", name, Offset(code));
  }

  // Progress.
  task.actual_start = Bounded(StartDate(n, "ActualStart"), "actual start", name, off);
  task.actual_finish = Bounded(FinishDate(n, "ActualFinish"), "actual finish", name, off);
  if (task.actual_finish && task.actual_start && *task.actual_finish < *task.actual_start) {
    task.actual_finish = task.actual_start;
  }
  double pc = std::clamp(Number(n, "PercentComplete").value_or(0), 0.0, 100.0);
  if (pc > 0) task.percent_complete = pc;
  if ((pc > 0 || task.actual_finish) && !task.actual_start) {
    task.actual_start = Bounded(StartDate(n, "Start"), "start", name, off);
    if (!task.actual_start) task.actual_start = task.actual_finish;
    warnings_.Add("progress without an actual start uses the scheduled start", name, off);
  }
  if (task.actual_finish && !task.percent_complete) task.percent_complete = 100;

  for (const auto& b : Children(n, "Baseline")) {
    if (Integer(b, "Number").value_or(0) == 0) {
      model::Baseline bl{Bounded(StartDate(b, "Start"), "baseline start", name, Offset(b)),
                         Bounded(FinishDate(b, "Finish"), "baseline finish", name, Offset(b))};
      if (bl.start && bl.finish && *bl.finish < *bl.start) {
        // Export could not write it back: validation refuses a finish before its start.
        warnings_.Add("baselines that finish before they start are dropped", name, Offset(b));
      } else if (bl.start || bl.finish) {
        task.baseline = bl;
      }
    } else {
      warnings_.Add("baselines other than Baseline 0 are not carried", name, Offset(b));
    }
  }
  if (auto cost = Number(n, "Cost"); cost && std::round(*cost) != 0) {
    // MSPDI currency is in cents.
    if (std::round(*cost) < 0) {
      warnings_.Add("negative costs are dropped", name, Offset(Child(n, "Cost")));
    } else if (std::round(*cost) > static_cast<double>(limits::kMaxMoneyCents)) {
      warnings_.Add(fmt::format("costs above {} are dropped", limits::kMaxMoneyUnits), name,
                    Offset(Child(n, "Cost")));
    } else {
      task.cost = Money::FromCents(std::llround(*cost));
    }
  }
  task.deadline = Bounded(FinishDate(n, "Deadline"), "deadline", name, off);

  long long constraint = Integer(n, "ConstraintType").value_or(0);
  auto constraint_date = ParseDateTime(Text(n, "ConstraintDate"));
  if (constraint_date && !Bounded(constraint_date->date, "constraint date", name, off)) {
    constraint_date.reset();
  }
  switch (constraint) {
    case 0:
      break;
    case 4:
      if (constraint_date) task.start_no_earlier_than = constraint_date->date;
      break;
    case 2:
      if (constraint_date) task.start_no_earlier_than = constraint_date->date;
      warnings_.Add("'Must Start On' constraints become start_no_earlier_than", name, off);
      break;
    case 7:
      if (constraint_date && !task.deadline) {
        task.deadline =
            constraint_date->minutes == 0 ? constraint_date->date - 1 : constraint_date->date;
      }
      warnings_.Add(
          "'Finish No Later Than' constraints become deadlines (reported, never "
          "moving the task)",
          name, off);
      break;
    default: {
      static const char* kNames[] = {"As Soon As Possible",    "As Late As Possible",
                                     "Must Start On",          "Must Finish On",
                                     "Start No Earlier Than",  "Start No Later Than",
                                     "Finish No Earlier Than", "Finish No Later Than"};
      std::string what = constraint >= 0 && constraint <= 7 ? kNames[constraint]
                                                            : fmt::format("type {}", constraint);
      warnings_.Add(fmt::format("'{}' constraints are not carried", what), name, off);
    }
  }
}

void Reader::ReadSummary(Row& row) {
  const pugi::xml_node& n = row.node;
  ptrdiff_t off = Offset(n);
  int format = BaseFormat(Integer(n, "DurationFormat").value_or(7));
  double minutes = ParseDurationMinutes(Text(n, "Duration")).value_or(0);
  row.duration_days = IsElapsedFormat(format) ? minutes / 1440.0 * WorkdaysPerWeek() / 7.0
                                              : minutes / minutes_per_day_;
  // Only percent lags use it; keep it finite and bounded.
  row.duration_days = std::clamp(row.duration_days, 0.0, limits::kMaxDays);
  if (Integer(n, "ConstraintType").value_or(0) != 0 || !Text(n, "Deadline").empty()) {
    // MPXJ writes each task's own finish as its deadline; only a real one matters, but the
    // model has nowhere to put it on a summary either way.
    warnings_.Add("constraints and deadlines on summary tasks are not carried", row.name, off);
  }
  if (!Text(n, "Notes").empty()) {
    warnings_.Add("task notes are not carried", row.name, Offset(Child(n, "Notes")));
  }
  if (Flag(n, "Recurring")) {
    warnings_.Add("recurring tasks are imported as their individual occurrences", row.name, off);
  }
  for (const auto& b : Children(n, "Baseline")) {
    if (Integer(b, "Number").value_or(0) != 0) {
      warnings_.Add("baselines other than Baseline 0 are not carried", row.name, Offset(b));
    }
  }
}

std::optional<double> Reader::LagDays(const pugi::xml_node& link, int pred,
                                      const std::string& name) {
  double raw = Number(link, "LinkLag").value_or(0);
  if (raw == 0) return 0.0;
  int format = BaseFormat(Integer(link, "LagFormat").value_or(7));
  ptrdiff_t off = Offset(link);
  double days;
  if (IsPercentFormat(format)) {
    // A percent lag is a share of the predecessor's duration; LinkLag holds the percent.
    days = raw / 100.0 * rows_[pred].duration_days;
    warnings_.Add("percent lags become the nearest whole number of working days", name, off);
    return std::round(days);
  }
  days = ToWorkingDays(raw / 10.0, format, "lags", name, off);
  if (IsElapsedFormat(format)) return std::round(days);
  if (!IsWhole(days)) {
    warnings_.Add(fmt::format("lags that are not whole working days ({} minutes per day) are "
                              "rounded to the nearest day",
                              minutes_per_day_),
                  name, off);
  }
  return std::round(days);
}

void Reader::ReadLinks(const Row& row, int index) {
  const std::string& name = row.summary ? row.name : TaskOf(index)->name;
  for (const auto& l : Children(row.node, "PredecessorLink")) {
    ptrdiff_t off = Offset(l);
    if (Flag(l, "CrossProject")) {
      warnings_.Add("links to other projects are dropped", name, off);
      continue;
    }
    long long pred_uid = Integer(l, "PredecessorUID").value_or(-1);
    auto it = row_by_uid_.find(pred_uid);
    if (it == row_by_uid_.end()) {
      warnings_.Add(skipped_uids_.count(pred_uid)
                        ? "links to the project summary or skipped tasks are dropped"
                        : "links to unknown tasks are dropped",
                    name, off);
      continue;
    }
    PendingLink pl;
    pl.succ = index;
    pl.pred = it->second;
    // MSPDI link types: 0 FF, 1 FS, 2 SF, 3 SS.
    switch (Integer(l, "Type").value_or(1)) {
      case 0:
        pl.type = model::LinkType::kFF;
        break;
      case 2:
        pl.type = model::LinkType::kSF;
        break;
      case 3:
        pl.type = model::LinkType::kSS;
        break;
      default:
        pl.type = model::LinkType::kFS;
        break;
    }
    pl.lag = LagDays(l, pl.pred, name).value_or(0);
    if (!limits::InDaysRange(pl.lag)) {
      warnings_.Add(fmt::format("lags beyond {} working days (50 years) are cut to {}",
                                limits::kMaxDays, limits::kMaxDays),
                    name, off);
      pl.lag = std::isnan(pl.lag) ? 0 : std::clamp(pl.lag, -limits::kMaxDays, limits::kMaxDays);
    }
    pl.offset = off;
    links_.push_back(pl);
  }
}

void Reader::ResolveLinks() {
  for (const PendingLink& l : links_) {
    const Row& succ = rows_[l.succ];
    const Row& pred = rows_[l.pred];
    // Views, not copies: many links to one large summary cost no more than their links.
    std::span<const int> succs = succ.summary ? Leaves(succ) : std::span(&l.succ, 1);
    std::span<const int> preds = pred.summary ? Leaves(pred) : std::span(&l.pred, 1);
    std::string subject = succ.summary ? succ.name : TaskOf(l.succ)->name;
    if (succ.summary || pred.summary) {
      // Pairwise expansion is quadratic in the summaries' sizes (a 233 KB file gave
      // 1,000,000 links); past the budget, a summary stands for one leaf, so the links
      // stay linear in the input.
      const size_t pairs = succs.size() * preds.size();
      if (pairs <= limits::kMaxSummaryLinkExpansion - summary_links_) {
        summary_links_ += pairs;
      } else {
        if (succ.summary && !succs.empty()) succs = succs.first(1);
        if (pred.summary && !preds.empty()) preds = preds.last(1);
        warnings_.Add(fmt::format("links on summary tasks beyond {} subtask links are applied "
                                  "to the summary's first (successor) or last (predecessor) "
                                  "subtask",
                                  limits::kMaxSummaryLinkExpansion),
                      subject, l.offset);
      }
    }
    if ((succ.summary || pred.summary) && l.type != model::LinkType::kFS) {
      // FS between summaries is exactly "every leaf after every leaf"; the other types
      // constrain a summary's earliest start or latest finish, which pairwise links
      // over-constrain.
      warnings_.Add(
          "SS/FF/SF links on summary tasks are applied to every subtask "
          "(stricter than MS Project)",
          subject, l.offset);
    }
    for (int s : succs) {
      for (int p : preds) {
        model::Task* task = TaskOf(s);
        const std::string& pred_id = rows_[p].task_id;
        if (s == p) {
          warnings_.Add("links from a task to itself are dropped", task->name, l.offset);
          continue;
        }
        model::Link link{pred_id, l.type, l.lag};
        // link_offset_ holds every link added so far: the search of depends (linear in a
        // task's links) runs only for a second link between the same two tasks.
        auto added = link_offset_.try_emplace({task->id, pred_id}, l.offset);
        if (!added.second) {
          auto same = std::find_if(task->depends.begin(), task->depends.end(),
                                   [&](const model::Link& x) { return x.task == pred_id; });
          TPMKIT_CHECK(same != task->depends.end());
          if (!(*same == link)) {
            warnings_.Add("second links between the same two tasks are dropped", task->name,
                          l.offset);
          }
          continue;
        }
        task->depends.push_back(link);
      }
    }
  }
}

// Removes the links that close cycles (back edges of a depth-first search), so that
// the program passes validation; each removal is a warning.
void Reader::BreakCycles() {
  std::vector<model::Task*> tasks;
  std::unordered_map<std::string, int> index;
  for (auto& p : program_.projects) {
    for (auto& t : p.tasks) {
      index[t.id] = static_cast<int>(tasks.size());
      tasks.push_back(&t);
    }
  }
  const int n = static_cast<int>(tasks.size());
  std::vector<int> color(n, 0);  // 0 new, 1 on the stack, 2 done
  std::vector<std::vector<bool>> removed(n);
  for (int i = 0; i < n; ++i) removed[i].assign(tasks[i]->depends.size(), false);
  for (int root = 0; root < n; ++root) {
    if (color[root]) continue;
    std::vector<std::pair<int, size_t>> stack{{root, 0}};
    color[root] = 1;
    while (!stack.empty()) {
      auto& [v, next] = stack.back();
      if (next == tasks[v]->depends.size()) {
        color[v] = 2;
        stack.pop_back();
        continue;
      }
      size_t k = next++;
      int w = index.at(tasks[v]->depends[k].task);
      if (color[w] == 1) {
        removed[v][k] = true;
        auto off = link_offset_.find({tasks[v]->id, tasks[w]->id});
        warnings_.Add("links that close a dependency cycle are dropped",
                      tasks[v]->name + " <- " + tasks[w]->name,
                      off == link_offset_.end() ? -1 : off->second);
      } else if (color[w] == 0) {
        color[w] = 1;
        stack.push_back({w, 0});
      }
    }
  }
  for (int i = 0; i < n; ++i) {
    auto& deps = tasks[i]->depends;
    std::vector<model::Link> kept;
    for (size_t k = 0; k < deps.size(); ++k) {
      if (!removed[i][k]) kept.push_back(deps[k]);
    }
    deps = std::move(kept);
  }
}

void Reader::ReadResources() {
  for (const auto& r : Children(Child(root_, "Resources"), "Resource")) {
    if (Flag(r, "IsNull")) continue;
    std::string name = Clean(Text(r, "Name"), Offset(Child(r, "Name")));
    long long uid = Integer(r, "UID").value_or(-1);
    if (name.empty()) continue;  // the unnamed default resource (UID 0) carries nothing
    ptrdiff_t off = Offset(r);
    model::Resource res;
    std::string wanted = Slug(name);
    res.id = resource_ids_.Take(wanted.empty() ? fmt::format("r{}", uid) : wanted);
    res.name = name;
    long long type = Integer(r, "Type").value_or(1);  // 0 material, 1 work, 2 cost
    double rate = Number(r, "StandardRate").value_or(0);
    if (type == 1 && rate * minutes_per_day_ / 60.0 > static_cast<double>(limits::kMaxMoneyUnits)) {
      warnings_.Add(fmt::format("rates above {} per day are dropped", limits::kMaxMoneyUnits), name,
                    off);
    } else if (type == 1 && rate > 0) {
      // MSPDI stores rates per hour whatever the display format.
      res.rate = Money::FromDouble(rate * minutes_per_day_ / 60.0);
    } else if (type == 0 && rate > 0) {
      warnings_.Add("material resource rates (per unit) are not carried", name, off);
    }
    if (Number(r, "OvertimeRate").value_or(0) > 0 || Number(r, "CostPerUse").value_or(0) > 0) {
      warnings_.Add("overtime rates and per-use costs are not carried", name, off);
    }
    if (auto units = Number(r, "MaxUnits"); units && *units > 0) res.capacity = *units;
    for (const auto& b : Children(r, "Baseline")) {
      warnings_.Add("resource and assignment baselines are not carried", name, Offset(b));
    }
    OwnAttributes(r, name);
    resource_by_uid_[uid] = res.id;
    program_.resources.push_back(std::move(res));
  }
}

void Reader::ReadAssignments() {
  for (const auto& a : Children(Child(root_, "Assignments"), "Assignment")) {
    long long task_uid = Integer(a, "TaskUID").value_or(-1);
    long long res_uid = Integer(a, "ResourceUID").value_or(kUnassignedResource);
    auto rit = resource_by_uid_.find(res_uid);
    auto tit = row_by_uid_.find(task_uid);
    for (const auto& b : Children(a, "Baseline")) {
      warnings_.Add("resource and assignment baselines are not carried",
                    tit != row_by_uid_.end() ? rows_[tit->second].name : "", Offset(b));
    }
    // -65535 is "no resource"; the unnamed UID 0 resource likewise.
    if (res_uid == kUnassignedResource || rit == resource_by_uid_.end()) continue;
    if (tit == row_by_uid_.end()) continue;  // the project summary or a skipped row
    Row& row = rows_[tit->second];
    if (row.summary) {
      warnings_.Add("resource assignments on summary tasks are not carried", row.name, Offset(a));
      continue;
    }
    auto& resources = TaskOf(tit->second)->resources;
    if (std::find(resources.begin(), resources.end(), rit->second) == resources.end()) {
      resources.push_back(rit->second);
    }
  }
}

// ---------------------------------------------------------------- writing

class XmlOut {
 public:
  void Open(std::string_view tag) {
    Indent();
    out_ += '<';
    out_ += tag;
    out_ += ">\n";
    stack_.push_back(std::string(tag));
  }
  void Close() {
    std::string tag = std::move(stack_.back());
    stack_.pop_back();
    Indent();
    out_ += "</" + tag + ">\n";
  }
  void Leaf(std::string_view tag, std::string_view value) {
    Indent();
    out_ += '<';
    out_ += tag;
    out_ += '>';
    for (char c : value) {
      switch (c) {
        case '&':
          out_ += "&amp;";
          break;
        case '<':
          out_ += "&lt;";
          break;
        case '>':
          out_ += "&gt;";
          break;
        default:
          out_ += c;
      }
    }
    out_ += "</";
    out_ += tag;
    out_ += ">\n";
  }
  void Leaf(std::string_view tag, long long value) { Leaf(tag, std::to_string(value)); }
  void Raw(std::string_view s) { out_ += s; }
  std::string Take() { return std::move(out_); }

 private:
  void Indent() { out_.append(stack_.size() * 2, ' '); }
  std::string out_;
  std::vector<std::string> stack_;
};

std::string Stamp(Date d, std::string_view time) { return d.ToString() + "T" + std::string(time); }

// Working minutes as an MSPDI duration.
std::string DurationText(double days) {
  long long seconds = std::llround(days * 480 * 60);
  return fmt::format("PT{}H{}M{}S", seconds / 3600, seconds % 3600 / 60, seconds % 60);
}

std::string NumberText(double v) { return fmt::format("{}", v); }

class CalendarWalk {
 public:
  explicit CalendarWalk(const model::Calendar& cal)
      : holidays_(cal.holidays.begin(), cal.holidays.end()) {
    for (Weekday d : cal.workweek) working_[static_cast<int>(d)] = true;
    any_ = std::any_of(working_, working_ + 7, [](bool b) { return b; });
  }
  bool Working(Date d) const {
    return working_[static_cast<int>(d.weekday())] && !holidays_.count(d);
  }
  Date FirstOnOrAfter(Date d) const {
    if (!any_) return d;
    while (!Working(d)) d = d + 1;
    return d;
  }
  // The finish of `days` working days starting at `start` (a working day).
  Date Finish(Date start, double days) const {
    if (!any_) return start;
    int n = std::max(1, static_cast<int>(std::ceil(days - kEps)));
    Date d = start;
    for (int i = 1; i < n; ++i) {
      d = d + 1;
      while (!Working(d)) d = d + 1;
    }
    return d;
  }
  int Count(Date from, Date to) const {
    int n = 0;
    for (Date d = from; d <= to; d = d + 1) n += Working(d) ? 1 : 0;
    return n;
  }

 private:
  bool working_[7] = {};
  bool any_ = false;
  std::set<Date> holidays_;
};

void WriteAttribute(XmlOut& x, std::string_view field_id, std::string_view value) {
  x.Open("ExtendedAttribute");
  x.Leaf("FieldID", field_id);
  x.Leaf("Value", value);
  x.Close();
}

}  // namespace

Result<MspdiImport> ReadMspdi(std::string_view xml, const std::string& file_name,
                              const MspdiReadOptions& options) {
  Reader reader(xml, file_name, options);
  return reader.Run();
}

std::string WriteMspdi(const model::Program& program, const MspdiWriteOptions& options) {
  const size_t count = program.TaskCount();
  TPMKIT_CHECK(options.dates.empty() || options.dates.size() == count);
  const model::Calendar cal = program.EffectiveCalendar();
  CalendarWalk walk(cal);
  model::TaskIndex index(program);

  // Dates per task (file order) and per project.
  std::vector<MspdiTaskDates> dates(count);
  {
    size_t flat = 0;
    for (const auto& p : program.projects) {
      for (const auto& t : p.tasks) {
        if (!options.dates.empty()) {
          dates[flat] = options.dates[flat];
        } else {
          Date s = walk.FirstOnOrAfter(
              t.actual_start.value_or(t.start_no_earlier_than.value_or(program.start)));
          dates[flat] = {s, t.PlannedDuration() > 0 ? walk.Finish(s, t.PlannedDuration()) : s};
        }
        ++flat;
      }
    }
  }

  // UIDs: 0 the project summary, then each project's summary followed by its tasks.
  std::vector<long long> task_uid(count);
  std::vector<long long> project_uid(program.projects.size());
  {
    long long uid = 1;
    size_t flat = 0;
    for (size_t p = 0; p < program.projects.size(); ++p) {
      project_uid[p] = uid++;
      for (size_t t = 0; t < program.projects[p].tasks.size(); ++t) task_uid[flat++] = uid++;
    }
  }

  XmlOut x;
  x.Raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
  x.Raw("<Project xmlns=\"http://schemas.microsoft.com/project\">\n");
  x.Raw("  <SaveVersion>14</SaveVersion>\n");
  XmlOut body;  // everything below <Project>, indented by one level
  body.Open("Body");
  body.Leaf("Name", program.id + ".xml");
  body.Leaf("Title", program.name);
  body.Leaf("ScheduleFromStart", 1);
  body.Leaf("StartDate", Stamp(program.start, "08:00:00"));
  std::optional<Date> finish = program.target;
  if (!finish && count > 0) {
    finish = std::max_element(dates.begin(), dates.end(), [](const auto& a, const auto& b) {
               return a.finish < b.finish;
             })->finish;
  }
  if (finish) body.Leaf("FinishDate", Stamp(*finish, "17:00:00"));
  body.Leaf("CurrencyCode", program.currency);
  body.Leaf("CalendarUID", 1);
  body.Leaf("DefaultStartTime", "08:00:00");
  body.Leaf("DefaultFinishTime", "17:00:00");
  body.Leaf("MinutesPerDay", 480);
  body.Leaf("MinutesPerWeek", 480 * static_cast<long long>(cal.workweek.size()));
  body.Leaf("DaysPerMonth", 20);
  body.Leaf("DurationFormat", 7);
  body.Leaf("WeekStartDay", 1);
  if (program.status_date) body.Leaf("StatusDate", Stamp(*program.status_date, "17:00:00"));
  body.Leaf("NewTasksAreManual", 0);

  body.Open("ExtendedAttributes");
  for (auto [field, name, alias] :
       {std::tuple{kIdFieldId, "Text30", kIdAlias},
        std::tuple{kDistributionFieldId, "Text29", kDistributionAlias},
        std::tuple{kOptimisticFieldId, "Number19", kOptimisticAlias},
        std::tuple{kPessimisticFieldId, "Number20", kPessimisticAlias}}) {
    body.Open("ExtendedAttribute");
    body.Leaf("FieldID", field);
    body.Leaf("FieldName", name);
    body.Leaf("Alias", alias);
    body.Close();
  }
  body.Close();

  // The calendar: the work week, and each holiday both as an Exception (Project 2007+)
  // and as a legacy WeekDay of DayType 0 (older readers), as Project itself writes.
  body.Open("Calendars");
  body.Open("Calendar");
  body.Leaf("UID", 1);
  body.Leaf("Name", "Standard");
  body.Leaf("IsBaseCalendar", 1);
  body.Leaf("BaseCalendarUID", -1);
  body.Open("WeekDays");
  for (int dt = 1; dt <= 7; ++dt) {
    Weekday day = FromDayType(dt);
    bool working = std::find(cal.workweek.begin(), cal.workweek.end(), day) != cal.workweek.end();
    body.Open("WeekDay");
    body.Leaf("DayType", dt);
    body.Leaf("DayWorking", working ? 1 : 0);
    if (working) {
      body.Open("WorkingTimes");
      for (auto [from, to] :
           {std::pair{"08:00:00", "12:00:00"}, std::pair{"13:00:00", "17:00:00"}}) {
        body.Open("WorkingTime");
        body.Leaf("FromTime", from);
        body.Leaf("ToTime", to);
        body.Close();
      }
      body.Close();
    }
    body.Close();
  }
  for (Date h : cal.holidays) {
    body.Open("WeekDay");
    body.Leaf("DayType", 0);
    body.Leaf("DayWorking", 0);
    body.Open("TimePeriod");
    body.Leaf("FromDate", Stamp(h, "00:00:00"));
    body.Leaf("ToDate", Stamp(h, "23:59:00"));
    body.Close();
    body.Close();
  }
  body.Close();
  if (!cal.holidays.empty()) {
    body.Open("Exceptions");
    for (Date h : cal.holidays) {
      body.Open("Exception");
      body.Leaf("EnteredByOccurrences", 0);
      body.Open("TimePeriod");
      body.Leaf("FromDate", Stamp(h, "00:00:00"));
      body.Leaf("ToDate", Stamp(h, "23:59:00"));
      body.Close();
      body.Leaf("Occurrences", 1);
      body.Leaf("Name", "Holiday");
      body.Leaf("Type", 1);
      body.Leaf("DayWorking", 0);
      body.Close();
    }
    body.Close();
  }
  body.Close();
  body.Close();

  body.Open("Tasks");
  auto summary_task = [&](long long uid, long long id, int level, const std::string& name,
                          std::string_view outline, std::optional<Date> start,
                          std::optional<Date> end, const std::string& tpmkit_id,
                          const std::string& owner) {
    body.Open("Task");
    body.Leaf("UID", uid);
    body.Leaf("ID", id);
    body.Leaf("Name", name);
    body.Leaf("Active", 1);
    body.Leaf("Manual", 0);
    body.Leaf("Type", 1);
    body.Leaf("IsNull", 0);
    body.Leaf("OutlineNumber", outline);
    body.Leaf("OutlineLevel", level);
    if (start && end) {
      body.Leaf("Start", Stamp(*start, "08:00:00"));
      body.Leaf("Finish", Stamp(*end, "17:00:00"));
      body.Leaf("Duration", DurationText(walk.Count(*start, *end)));
    } else {
      body.Leaf("Duration", DurationText(0));
    }
    body.Leaf("DurationFormat", 7);
    body.Leaf("Milestone", 0);
    body.Leaf("Summary", 1);
    if (!owner.empty()) body.Leaf("Contact", owner);
    body.Leaf("ConstraintType", 0);
    body.Leaf("CalendarUID", -1);
    if (!tpmkit_id.empty()) WriteAttribute(body, kIdFieldId, tpmkit_id);
    body.Close();
  };

  std::optional<Date> all_start, all_finish;
  for (const auto& d : dates) {
    if (!all_start || d.start < *all_start) all_start = d.start;
    if (!all_finish || d.finish > *all_finish) all_finish = d.finish;
  }
  summary_task(0, 0, 0, program.name, "0", all_start, all_finish, "", "");

  std::vector<std::pair<long long, long long>> assignments;  // task uid, resource uid
  std::unordered_map<std::string, long long> resource_uid;
  for (size_t r = 0; r < program.resources.size(); ++r) {
    resource_uid[program.resources[r].id] = static_cast<long long>(r) + 1;
  }

  long long row_id = 1;
  size_t flat = 0;
  for (size_t p = 0; p < program.projects.size(); ++p) {
    const model::Project& project = program.projects[p];
    std::optional<Date> ps, pf;
    for (size_t t = 0; t < project.tasks.size(); ++t) {
      const auto& d = dates[flat + t];
      if (!ps || d.start < *ps) ps = d.start;
      if (!pf || d.finish > *pf) pf = d.finish;
    }
    summary_task(project_uid[p], row_id++, 1, project.name, std::to_string(p + 1), ps, pf,
                 project.id, project.owner);
    for (size_t t = 0; t < project.tasks.size(); ++t, ++flat) {
      const model::Task& task = project.tasks[t];
      const MspdiTaskDates& d = dates[flat];
      const long long uid = task_uid[flat];
      body.Open("Task");
      body.Leaf("UID", uid);
      body.Leaf("ID", row_id++);
      body.Leaf("Name", task.name);
      body.Leaf("Active", 1);
      body.Leaf("Manual", 0);
      body.Leaf("Type", 1);  // fixed duration: durations are what tpmkit plans
      body.Leaf("IsNull", 0);
      body.Leaf("OutlineNumber", fmt::format("{}.{}", p + 1, t + 1));
      body.Leaf("OutlineLevel", 2);
      const double days = task.PlannedDuration();
      const bool milestone = task.milestone || days == 0;
      body.Leaf("Start", Stamp(d.start, milestone ? "17:00:00" : "08:00:00"));
      body.Leaf("Finish", Stamp(d.finish, "17:00:00"));
      body.Leaf("Duration", DurationText(milestone ? 0 : days));
      body.Leaf("DurationFormat", 7);
      body.Leaf("Milestone", milestone ? 1 : 0);
      body.Leaf("Summary", 0);
      if (!task.owner.empty()) body.Leaf("Contact", task.owner);
      if (task.cost) {
        body.Leaf("Cost", task.cost->cents());  // MSPDI currency is in cents
        body.Leaf("FixedCost", task.cost->cents());
      }
      if (task.percent_complete || task.actual_finish) {
        body.Leaf("PercentComplete", NumberText(task.PercentComplete()));
      }
      if (task.actual_start) body.Leaf("ActualStart", Stamp(*task.actual_start, "08:00:00"));
      if (task.actual_finish) body.Leaf("ActualFinish", Stamp(*task.actual_finish, "17:00:00"));
      if (task.start_no_earlier_than) {
        body.Leaf("ConstraintType", 4);
        body.Leaf("ConstraintDate", Stamp(*task.start_no_earlier_than, "08:00:00"));
      } else {
        body.Leaf("ConstraintType", 0);
      }
      body.Leaf("CalendarUID", -1);
      if (task.deadline) body.Leaf("Deadline", Stamp(*task.deadline, "17:00:00"));
      for (const model::Link& link : task.depends) {
        auto ref = index.Find(link.task);
        if (!ref) continue;  // an invalid program; nothing to point at
        body.Open("PredecessorLink");
        body.Leaf("PredecessorUID", task_uid[ref->flat]);
        int type = 1;
        switch (link.type) {
          case model::LinkType::kFF:
            type = 0;
            break;
          case model::LinkType::kFS:
            type = 1;
            break;
          case model::LinkType::kSF:
            type = 2;
            break;
          case model::LinkType::kSS:
            type = 3;
            break;
        }
        body.Leaf("Type", type);
        body.Leaf("CrossProject", 0);
        body.Leaf("LinkLag", std::llround(link.lag * 480 * 10));  // tenths of minutes
        body.Leaf("LagFormat", 7);
        body.Close();
      }
      if (task.baseline) {
        body.Open("Baseline");
        body.Leaf("Number", 0);
        if (task.baseline->start) body.Leaf("Start", Stamp(*task.baseline->start, "08:00:00"));
        if (task.baseline->finish) body.Leaf("Finish", Stamp(*task.baseline->finish, "17:00:00"));
        body.Close();
      }
      WriteAttribute(body, kIdFieldId, task.id);
      if (task.estimate && !task.milestone) {
        WriteAttribute(body, kDistributionFieldId, model::Name(task.estimate->distribution));
        WriteAttribute(body, kOptimisticFieldId, NumberText(task.estimate->optimistic));
        WriteAttribute(body, kPessimisticFieldId, NumberText(task.estimate->pessimistic));
      }
      body.Close();
      for (const auto& r : task.resources) {
        auto it = resource_uid.find(r);
        if (it != resource_uid.end()) assignments.push_back({uid, it->second});
      }
    }
  }
  body.Close();

  body.Open("Resources");
  for (size_t r = 0; r < program.resources.size(); ++r) {
    const model::Resource& res = program.resources[r];
    body.Open("Resource");
    body.Leaf("UID", static_cast<long long>(r) + 1);
    body.Leaf("ID", static_cast<long long>(r) + 1);
    body.Leaf("Name", res.name.empty() ? res.id : res.name);
    body.Leaf("Type", 1);
    body.Leaf("IsNull", 0);
    body.Leaf("MaxUnits", NumberText(res.capacity.value_or(1)));
    // Rates are per hour in MSPDI; tpmkit's are per working day of 8 hours.
    body.Leaf("StandardRate", NumberText(res.rate ? res.rate->ToDouble() / 8.0 : 0));
    body.Leaf("StandardRateFormat", 3);
    body.Leaf("CalendarUID", 1);
    body.Close();
  }
  body.Close();

  body.Open("Assignments");
  for (size_t a = 0; a < assignments.size(); ++a) {
    body.Open("Assignment");
    body.Leaf("UID", static_cast<long long>(a) + 1);
    body.Leaf("TaskUID", assignments[a].first);
    body.Leaf("ResourceUID", assignments[a].second);
    body.Leaf("Units", 1);
    body.Close();
  }
  body.Close();
  body.Close();

  // Drop the <Body> wrapper lines: its children are <Project>'s.
  std::string inner = body.Take();
  auto first_nl = inner.find('\n');
  inner = inner.substr(first_nl + 1);
  inner.erase(inner.rfind("</Body>"));
  std::string out = x.Take();
  out += inner;
  out += "</Project>\n";
  return out;
}

}  // namespace tpmkit::formats
