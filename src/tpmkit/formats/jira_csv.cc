#include "tpmkit/formats/jira_csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "tpmkit/base/limits.h"
#include "tpmkit/formats/csv_reader.h"
#include "tpmkit/formats/import_ids.h"
#include "tpmkit/model/validate.h"

namespace tpmkit::formats {

namespace {

// ---------------------------------------------------------------- the header map

// The columns the importer reads. A column may repeat (Sprint, Labels...); all of its
// copies are read.
enum class Field {
  kSummary,
  kKey,
  kIssueId,
  kType,
  kStatus,
  kStatusCategory,
  kStatusCategoryChanged,
  kProjectKey,
  kProjectName,
  kAssignee,
  kCreated,
  kResolved,
  kDueDate,
  kStartDate,
  kOriginalEstimate,
  kRemainingEstimate,
  kTimeSpent,
  kParentId,
  kParentKey,
  kParentSummary,
  kEpicLink,
  kSprint,
  kLabels,
  kComponents,
  kFixVersions,
  kStoryPoints,
  kCount,
};

// Header names as Jira writes them in each interface language, folded (Fold: lower
// case, accents kept). Custom fields are matched after their localized prefix has been
// rewritten to "custom field (" (kCustomFieldPrefixes). To read another language, add
// its names here.
struct HeaderName {
  Field field;
  std::string_view name;
};
constexpr HeaderName kHeaderNames[] = {
    // English
    {Field::kSummary, "summary"},
    {Field::kKey, "issue key"},
    {Field::kIssueId, "issue id"},
    {Field::kType, "issue type"},
    {Field::kStatus, "status"},
    {Field::kStatusCategory, "status category"},
    {Field::kStatusCategoryChanged, "status category changed"},
    {Field::kProjectKey, "project key"},
    {Field::kProjectName, "project name"},
    {Field::kAssignee, "assignee"},
    {Field::kCreated, "created"},
    {Field::kResolved, "resolved"},
    {Field::kDueDate, "due date"},
    {Field::kStartDate, "custom field (start date)"},
    {Field::kOriginalEstimate, "original estimate"},
    {Field::kRemainingEstimate, "remaining estimate"},
    {Field::kTimeSpent, "time spent"},
    {Field::kParentId, "parent"},
    {Field::kParentId, "parent id"},
    {Field::kParentKey, "parent key"},
    {Field::kParentSummary, "parent summary"},
    {Field::kEpicLink, "custom field (epic link)"},
    {Field::kSprint, "sprint"},
    {Field::kLabels, "labels"},
    {Field::kComponents, "components"},
    {Field::kComponents, "component/s"},
    {Field::kFixVersions, "fix versions"},
    {Field::kFixVersions, "fix version/s"},
    {Field::kStoryPoints, "custom field (story points)"},
    {Field::kStoryPoints, "custom field (story point estimate)"},
    // Spanish
    {Field::kSummary, "resumen"},
    {Field::kKey, "clave de incidencia"},
    {Field::kIssueId, "id de la incidencia"},
    {Field::kType, "tipo de incidencia"},
    {Field::kStatus, "estado"},
    {Field::kStatusCategory, "categoría de estado"},
    {Field::kStatusCategoryChanged, "categoría de estado cambiada"},
    {Field::kProjectKey, "clave del proyecto"},
    {Field::kProjectName, "nombre del proyecto"},
    {Field::kAssignee, "persona asignada"},
    {Field::kAssignee, "responsable"},
    {Field::kCreated, "creada"},
    {Field::kResolved, "resuelta"},
    {Field::kDueDate, "fecha de vencimiento"},
    {Field::kOriginalEstimate, "estimación original"},
    {Field::kRemainingEstimate, "trabajo restante estimado"},
    {Field::kRemainingEstimate, "estimación restante"},
    {Field::kTimeSpent, "tiempo trabajado"},
    {Field::kTimeSpent, "tiempo empleado"},
    {Field::kParentId, "principal"},
    {Field::kParentId, "id principal"},
    {Field::kParentKey, "clave principal"},
    {Field::kParentSummary, "resumen principal"},
    {Field::kLabels, "etiquetas"},
    {Field::kComponents, "componentes"},
    {Field::kFixVersions, "versiones de corrección"},
};

// "Campo personalizado (Start date)" reads as "custom field (start date)".
constexpr std::string_view kCustomFieldPrefixes[] = {"custom field (", "campo personalizado ("};

// Issue-link columns: "<prefix><link type>)", one per linked issue.
struct LinkPrefix {
  std::string_view prefix;
  bool outward;
};
constexpr LinkPrefix kLinkPrefixes[] = {
    {"outward issue link (", true},
    {"inward issue link (", false},
    {"enlace de incidencia saliente (", true},
    {"enlace a la incidencia interna (", false},
    {"enlace de incidencia entrante (", false},
};

// Link types that order work, by folded name. `outward_precedes`: the issue whose
// outward column names the other finishes first ("A blocks B": B depends on A).
struct OrderingLinkType {
  std::string_view name;
  bool outward_precedes;
};
constexpr OrderingLinkType kOrderingLinkTypes[] = {
    {"blocks", true},
};

// Issue types by folded name: epics become projects, sub-tasks sit beside their parent.
// Every other type (Story, Task, Bug, Historia, Tarea, Error...) becomes a task.
constexpr std::pair<std::string_view, int> kTypeLevels[] = {
    {"epic", 1},     {"épica", 1},     {"epica", 1},     {"sub-task", -1},
    {"subtask", -1}, {"sub task", -1}, {"subtarea", -1}, {"sub-tarea", -1},
};

enum class Category { kToDo, kInProgress, kDone };

// Status categories, by folded name (the "Status Category" column).
constexpr std::pair<std::string_view, Category> kCategories[] = {
    {"to do", Category::kToDo},          {"new", Category::kToDo},
    {"por hacer", Category::kToDo},      {"in progress", Category::kInProgress},
    {"en curso", Category::kInProgress}, {"en progreso", Category::kInProgress},
    {"done", Category::kDone},           {"listo", Category::kDone},
    {"hecho", Category::kDone},          {"finalizado", Category::kDone},
    {"finalizada", Category::kDone},     {"completado", Category::kDone},
};

// Status names Jira ships, by folded name: used when the category column is absent or
// holds a name kCategories does not know.
constexpr std::pair<std::string_view, Category> kStatuses[] = {
    {"open", Category::kToDo},
    {"backlog", Category::kToDo},
    {"selected for development", Category::kToDo},
    {"ready for development", Category::kToDo},
    {"reopened", Category::kToDo},
    {"tareas por hacer", Category::kToDo},
    {"abierta", Category::kToDo},
    {"abierto", Category::kToDo},
    {"pendiente", Category::kToDo},
    {"reabierta", Category::kToDo},
    {"in review", Category::kInProgress},
    {"code review", Category::kInProgress},
    {"in testing", Category::kInProgress},
    {"en revisión", Category::kInProgress},
    {"closed", Category::kDone},
    {"resolved", Category::kDone},
    {"won't do", Category::kDone},
    {"cerrada", Category::kDone},
    {"cerrado", Category::kDone},
    {"resuelta", Category::kDone},
    {"resuelto", Category::kDone},
};

// Month names as Jira abbreviates them ("13/Mar/24", "10/nov/25"), by their first three
// folded letters, so that "sept." and "marzo" read too.
constexpr std::pair<std::string_view, unsigned> kMonths[] = {
    {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4},  {"may", 5},  {"jun", 6},
    {"jul", 7}, {"aug", 8}, {"sep", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
    {"ene", 1}, {"abr", 4}, {"ago", 8}, {"set", 9},  {"dic", 12},
};

// ---------------------------------------------------------------- text helpers

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Lower case for ASCII and for the accented capitals of Latin-1 (U+00C0..U+00DE, as
// UTF-8 C3 80..C3 9E), which is what Spanish and the other Latin-script headers need.
std::string Fold(std::string_view s) {
  std::string out(Trim(s));
  for (size_t i = 0; i < out.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      unsigned char d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
  return out;
}

template <typename T, size_t N>
std::optional<T> Lookup(const std::pair<std::string_view, T> (&table)[N], std::string_view key) {
  for (const auto& [name, value] : table) {
    if (name == key) return value;
  }
  return std::nullopt;
}

// A non-negative number of seconds ("28800", "3600.0"); nullopt otherwise.
std::optional<double> ParseSeconds(std::string_view s) {
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v) || v < 0) {
    return std::nullopt;
  }
  return v;
}

// Jira's date-times: "13/Mar/24 10:15 AM", "10/nov/25 4:51 PM", "09/Apr/2025", or ISO
// "2025-04-09[ 10:15]". The time of day is not kept; two-digit years are 20yy.
std::optional<Date> ParseJiraDate(std::string_view s) {
  s = Trim(s);
  if (s.size() >= 10 && s[4] == '-' && s[7] == '-') return Date::Parse(s.substr(0, 10));
  auto digits = [](std::string_view t, size_t min, size_t max) -> std::optional<int> {
    if (t.size() < min || t.size() > max) return std::nullopt;
    int v = 0;
    for (char c : t) {
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + (c - '0');
    }
    return v;
  };
  size_t first = s.find('/');
  if (first == std::string_view::npos) return std::nullopt;
  size_t second = s.find('/', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  size_t space = s.find(' ', second + 1);
  auto day = digits(s.substr(0, first), 1, 2);
  auto year = digits(
      s.substr(second + 1, space == std::string_view::npos ? s.npos : space - second - 1), 2, 4);
  std::string month = Fold(s.substr(first + 1, second - first - 1));
  if (!day || !year || month.size() < 3) return std::nullopt;
  auto m = Lookup(kMonths, std::string_view(month).substr(0, 3));
  if (!m) return std::nullopt;
  int y = *year < 100 ? 2000 + *year : *year;
  return Date::Parse(fmt::format("{:04}-{:02}-{:02}", y, *m, *day));
}

// ---------------------------------------------------------------- warnings

struct Place {
  int line = 0;
  int column = 0;
  friend auto operator<=>(const Place&, const Place&) = default;
};

// Aggregates warnings: one line per kind, with a count and the first few subjects.
class Warnings {
 public:
  Warnings(const std::string& file, int max_examples)
      : file_(file), max_examples_(std::max(0, max_examples)) {}

  void Add(const std::string& what, std::string subject, Place place) {
    auto [it, fresh] = kinds_.try_emplace(what);
    Kind& k = it->second;
    if (fresh || (k.place.line == 0 && place.line != 0)) k.place = place;
    ++k.count;
    if (static_cast<int>(k.examples.size()) < max_examples_ && !subject.empty() &&
        std::find(k.examples.begin(), k.examples.end(), subject) == k.examples.end()) {
      k.examples.push_back(std::move(subject));
    }
  }

  std::vector<Diagnostic> Finish() const {
    std::vector<std::pair<Place, Diagnostic>> out;
    for (const auto& [what, k] : kinds_) {
      std::string msg = fmt::format("{} ({})", what, k.count);
      if (!k.examples.empty()) {
        msg += ": ";
        for (size_t i = 0; i < k.examples.size(); ++i) {
          if (i) msg += ", ";
          msg += k.examples[i];
        }
        if (k.count > static_cast<int>(k.examples.size())) msg += ", ...";
      }
      out.push_back({k.place, Diagnostic{file_, k.place.line, k.place.column, std::move(msg)}});
    }
    // File order of the first occurrence; kinds without a place last.
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return std::make_pair(a.first.line == 0, a.first) <
             std::make_pair(b.first.line == 0, b.first);
    });
    std::vector<Diagnostic> result;
    for (auto& [place, d] : out) result.push_back(std::move(d));
    return result;
  }

 private:
  struct Kind {
    Place place;
    int count = 0;
    std::vector<std::string> examples;
  };
  const std::string& file_;
  int max_examples_;
  std::map<std::string, Kind> kinds_;
};

// ---------------------------------------------------------------- the import

struct IssueLink {
  std::string type;  // as written in the header
  bool outward = false;
  std::string other;  // the linked issue's key
  Place place;
};

struct Issue {
  std::string key;
  Place place;  // of the key: where warnings about the issue point
  std::string id;
  std::string summary;
  std::string type;
  int level = 0;  // 1 epic, 0 standard issue, -1 sub-task
  std::string status;
  std::string category;
  std::string project_key;
  std::string project_name;
  std::string assignee;
  std::optional<Date> created, resolved, due, start, category_changed;
  std::optional<double> original, remaining, spent;  // seconds
  std::string parent_id, parent_key, parent_summary, epic_link;
  Place parent_place;
  std::vector<IssueLink> links;
};

constexpr size_t kNone = static_cast<size_t>(-1);

class Importer {
 public:
  Importer(std::string_view text, const std::string& file, const JiraReadOptions& options)
      : text_(text), file_(file), options_(options), warnings_(file_, options.max_examples) {}

  Result<JiraImport> Run();

 private:
  struct LinkColumn {
    size_t index;
    std::string type;
    bool outward;
  };
  struct PendingLink {
    size_t pred, succ;  // issues
    Place place;
  };

  Error ErrorAt(Place place, const std::string& message) const {
    Error e = Error::Invalid(
        place.line ? fmt::format("{}:{}:{}: {}", file_, place.line, place.column, message)
                   : fmt::format("{}: {}", file_, message));
    e.diagnostics.push_back(Diagnostic{file_, place.line, place.column, message});
    return e;
  }
  Status ReadHeader(const std::vector<CsvField>& header);
  void ReadIssue(const std::vector<CsvField>& fields);
  // The first non-empty value of `field` in the record (nullptr when none).
  const CsvField* First(const std::vector<CsvField>& fields, Field field) const;
  std::string Text(const std::vector<CsvField>& fields, Field field);
  std::optional<Date> DateOf(const std::vector<CsvField>& fields, Field field,
                             std::string_view what, const std::string& key);
  std::optional<double> SecondsOf(const std::vector<CsvField>& fields, Field field,
                                  const std::string& key);
  // `text` as valid UTF-8 (invalid sequences replaced by U+FFFD, with a warning).
  std::string Clean(std::string_view text, Place place);
  Status Start();
  void ResolveParents();
  size_t ProjectOf(size_t issue);
  // The project of an epic (by key, or "#id" when only its issue id is known).
  size_t EpicProject(const std::string& ref, const std::string& name, const std::string& owner);
  size_t DefaultProject(const Issue& issue);
  void BuildTask(size_t issue, model::Task& task);
  void BuildLinks();
  void BreakCycles();

  std::string_view text_;
  const std::string& file_;
  const JiraReadOptions& options_;
  Warnings warnings_;
  std::array<std::vector<size_t>, static_cast<size_t>(Field::kCount)> columns_;
  std::vector<LinkColumn> link_columns_;
  size_t header_size_ = 0;
  std::vector<Issue> issues_;
  std::unordered_map<std::string, size_t> by_key_;
  std::unordered_map<std::string, size_t> by_id_;
  std::set<std::string> other_projects_;  // keys of the projects left out
  size_t skipped_ = 0;

  model::Program program_;
  std::vector<size_t> parent_;    // per issue: the parent in the file, or kNone
  std::vector<std::string> ref_;  // per issue: the parent's key (or "#id") when known
  std::vector<size_t> project_;   // per issue: its project (ProjectOf), once walked
  std::vector<uint8_t> walk_;     // per issue: ProjectOf's state
  std::vector<std::pair<size_t, size_t>> task_at_;         // per issue: (project, task), or kNone
  std::unordered_map<std::string, size_t> epic_projects_;  // parent ref -> project
  std::unordered_map<std::string, size_t> default_projects_;  // Jira project key -> project
  IdPool project_ids_;
  IdPool task_ids_;
  std::vector<PendingLink> links_;
  size_t link_count_ = 0;
};

const CsvField* Importer::First(const std::vector<CsvField>& fields, Field field) const {
  for (size_t index : columns_[static_cast<size_t>(field)]) {
    if (index < fields.size() && !Trim(fields[index].value).empty()) return &fields[index];
  }
  return nullptr;
}

std::string Importer::Clean(std::string_view text, Place place) {
  if (!limits::CheckText(text)) return std::string(text);
  std::string clean = limits::ReplaceInvalidText(text);
  warnings_.Add("text that is not valid UTF-8 is replaced with U+FFFD", clean, place);
  return clean;
}

std::string Importer::Text(const std::vector<CsvField>& fields, Field field) {
  const CsvField* f = First(fields, field);
  return f ? Clean(Trim(f->value), {f->line, f->column}) : std::string();
}

std::optional<Date> Importer::DateOf(const std::vector<CsvField>& fields, Field field,
                                     std::string_view what, const std::string& key) {
  const CsvField* f = First(fields, field);
  if (!f) return std::nullopt;
  auto d = ParseJiraDate(f->value);
  const Place place{f->line, f->column};
  if (!d) {
    warnings_.Add(
        "dates that cannot be read (day/month/year as Jira writes them, or ISO) "
        "are ignored",
        fmt::format("{} {} '{}'", key, what, Clean(Trim(f->value), place)), place);
  } else if (!limits::InDateRange(*d)) {
    warnings_.Add(fmt::format("dates outside {}..{} are ignored", limits::kMinDate.ToString(),
                              limits::kMaxDate.ToString()),
                  fmt::format("{} {} {}", key, what, d->ToString()), place);
    return std::nullopt;
  }
  return d;
}

std::optional<double> Importer::SecondsOf(const std::vector<CsvField>& fields, Field field,
                                          const std::string& key) {
  const CsvField* f = First(fields, field);
  if (!f) return std::nullopt;
  auto v = ParseSeconds(Trim(f->value));
  if (!v) {
    const Place place{f->line, f->column};
    warnings_.Add("estimates and time spent that are not a number of seconds are ignored",
                  fmt::format("{} '{}'", key, Clean(Trim(f->value), place)), place);
  }
  return v;
}

Status Importer::ReadHeader(const std::vector<CsvField>& header) {
  header_size_ = header.size();
  for (size_t i = 0; i < header.size(); ++i) {
    std::string name = Fold(header[i].value);
    for (std::string_view prefix : kCustomFieldPrefixes) {
      if (name.starts_with(prefix)) {
        name = std::string(kCustomFieldPrefixes[0]) + name.substr(prefix.size());
        break;
      }
    }
    bool known = false;
    for (const auto& h : kHeaderNames) {
      if (h.name == name) {
        columns_[static_cast<size_t>(h.field)].push_back(i);
        known = true;
        break;
      }
    }
    if (known) continue;
    for (const auto& link : kLinkPrefixes) {
      if (name.starts_with(link.prefix) && name.ends_with(")")) {
        // The type as written ("Blocks"), from the original header.
        std::string_view raw = Trim(header[i].value);
        size_t open = raw.find('(');
        std::string type(Trim(raw.substr(open + 1, raw.size() - open - 2)));
        link_columns_.push_back({i, Clean(type, {header[i].line, header[i].column}), link.outward});
        break;
      }
    }
  }
  std::vector<std::string> missing;
  if (columns_[static_cast<size_t>(Field::kKey)].empty()) missing.push_back("Issue key");
  if (columns_[static_cast<size_t>(Field::kSummary)].empty()) missing.push_back("Summary");
  if (!missing.empty()) {
    return ErrorAt({header.empty() ? 1 : header[0].line, 1},
                   fmt::format("not a Jira CSV export: no {} column (the header names the "
                               "columns in English or Spanish, e.g. 'Issue key' or 'Clave de "
                               "incidencia')",
                               fmt::join(missing, " or ")));
  }
  return OkStatus();
}

void Importer::ReadIssue(const std::vector<CsvField>& fields) {
  if (std::all_of(fields.begin(), fields.end(),
                  [](const CsvField& f) { return Trim(f.value).empty(); })) {
    return;
  }
  const Place row{fields[0].line, fields[0].column};
  if (fields.size() > header_size_) {
    warnings_.Add("fields beyond the header's columns are ignored",
                  fmt::format("line {}", row.line),
                  {fields[header_size_].line, fields[header_size_].column});
  } else if (fields.size() < header_size_) {
    warnings_.Add("rows with fewer fields than the header are read with the rest empty",
                  fmt::format("line {}", row.line), row);
  }
  const CsvField* key_field = First(fields, Field::kKey);
  if (!key_field) {
    warnings_.Add("rows without an issue key are skipped", fmt::format("line {}", row.line), row);
    return;
  }
  Issue issue;
  issue.place = {key_field->line, key_field->column};
  issue.key = Clean(Trim(key_field->value), issue.place);
  issue.project_key = Text(fields, Field::kProjectKey);
  if (issue.project_key.empty()) {
    // "PHX-12" belongs to PHX.
    auto dash = issue.key.rfind('-');
    if (dash != std::string::npos && dash > 0) issue.project_key = issue.key.substr(0, dash);
  }
  if (!options_.project_key.empty() && Fold(issue.project_key) != Fold(options_.project_key)) {
    ++skipped_;
    if (!issue.project_key.empty()) other_projects_.insert(issue.project_key);
    return;
  }
  if (by_key_.count(issue.key)) {
    warnings_.Add("issues listed twice are read once (the first row)", issue.key, issue.place);
    return;
  }
  issue.id = Text(fields, Field::kIssueId);
  issue.summary = Text(fields, Field::kSummary);
  issue.type = Text(fields, Field::kType);
  issue.level = Lookup(kTypeLevels, Fold(issue.type)).value_or(0);
  issue.status = Text(fields, Field::kStatus);
  issue.category = Text(fields, Field::kStatusCategory);
  issue.project_name = Text(fields, Field::kProjectName);
  issue.assignee = Text(fields, Field::kAssignee);
  const std::string& key = issue.key;
  issue.created = DateOf(fields, Field::kCreated, "created", key);
  issue.resolved = DateOf(fields, Field::kResolved, "resolved", key);
  issue.due = DateOf(fields, Field::kDueDate, "due", key);
  issue.start = DateOf(fields, Field::kStartDate, "start", key);
  issue.category_changed = DateOf(fields, Field::kStatusCategoryChanged, "status changed", key);
  issue.original = SecondsOf(fields, Field::kOriginalEstimate, key);
  issue.remaining = SecondsOf(fields, Field::kRemainingEstimate, key);
  issue.spent = SecondsOf(fields, Field::kTimeSpent, key);
  issue.parent_id = Text(fields, Field::kParentId);
  issue.parent_key = Text(fields, Field::kParentKey);
  issue.parent_summary = Text(fields, Field::kParentSummary);
  issue.epic_link = Text(fields, Field::kEpicLink);
  for (Field f : {Field::kParentKey, Field::kParentId, Field::kEpicLink}) {
    if (const CsvField* p = First(fields, f)) {
      issue.parent_place = {p->line, p->column};
      break;
    }
  }
  // What a program has no place for: one warning per kind, naming the first issues.
  constexpr std::pair<Field, std::string_view> kNotCarried[] = {
      {Field::kSprint, "sprints are not carried"},
      {Field::kLabels, "labels are not carried"},
      {Field::kComponents, "components are not carried"},
      {Field::kFixVersions, "fix versions are not carried"},
      {Field::kStoryPoints,
       "story points are not carried (durations come from Original "
       "Estimate)"},
  };
  for (const auto& [field, what] : kNotCarried) {
    if (const CsvField* f = First(fields, field)) {
      warnings_.Add(std::string(what), key, {f->line, f->column});
    }
  }
  for (const LinkColumn& column : link_columns_) {
    if (column.index >= fields.size()) continue;
    const CsvField& f = fields[column.index];
    // One key per cell as Jira writes them; a list is read too.
    std::string_view cell = f.value;
    size_t pos = 0;
    while (pos < cell.size()) {
      size_t end = cell.find_first_of(",; \t\r\n", pos);
      if (end == std::string_view::npos) end = cell.size();
      if (end > pos) {
        const Place place{f.line, f.column};
        issue.links.push_back(
            {column.type, column.outward, Clean(cell.substr(pos, end - pos), place), place});
      }
      pos = end + 1;
    }
  }
  by_key_.emplace(issue.key, issues_.size());
  if (!issue.id.empty()) by_id_.emplace(issue.id, issues_.size());
  issues_.push_back(std::move(issue));
}

// The start: the earliest date an issue was created or planned to start, else the
// earliest date of any kind, else the caller's fallback.
Status Importer::Start() {
  std::optional<Date> start, any;
  auto earliest = [](std::optional<Date>& into, const std::optional<Date>& d) {
    if (d && (!into || *d < *into)) into = d;
  };
  for (const Issue& i : issues_) {
    earliest(start, i.created);
    earliest(start, i.start);
    for (const auto& d : {i.category_changed, i.resolved, i.due}) earliest(any, d);
  }
  if (!start) start = any;
  if (!start && options_.fallback_start) {
    start = options_.fallback_start;
    warnings_.Add(fmt::format("the file holds no dates: the program starts on {}, the day of "
                              "the import",
                              start->ToString()),
                  "", {});
  }
  if (!start) {
    return ErrorAt({},
                   "no date to start the program from: no issue has a Created, Start date, "
                   "Resolved or Due date value");
  }
  program_.start = *start;
  return OkStatus();
}

// Each issue's parent: Parent key, else Parent (an issue id, or a key), else Epic Link.
void Importer::ResolveParents() {
  parent_.assign(issues_.size(), kNone);
  ref_.assign(issues_.size(), "");
  for (size_t i = 0; i < issues_.size(); ++i) {
    const Issue& issue = issues_[i];
    std::string ref;
    size_t at = kNone;
    auto by_key = [&](const std::string& key) {
      ref = key;
      auto it = by_key_.find(key);
      if (it != by_key_.end()) at = it->second;
    };
    if (!issue.parent_key.empty()) {
      by_key(issue.parent_key);
    } else if (!issue.parent_id.empty()) {
      const bool numeric = std::all_of(issue.parent_id.begin(), issue.parent_id.end(),
                                       [](char c) { return c >= '0' && c <= '9'; });
      if (!numeric) {
        by_key(issue.parent_id);
      } else if (auto it = by_id_.find(issue.parent_id); it != by_id_.end()) {
        at = it->second;
        ref = issues_[at].key;
      } else {
        ref = "#" + issue.parent_id;
      }
    } else if (!issue.epic_link.empty()) {
      by_key(issue.epic_link);
    }
    if (at == i) {
      warnings_.Add("issues that name themselves as parent are read without a parent", issue.key,
                    issue.parent_place);
      continue;
    }
    parent_[i] = at;
    ref_[i] = std::move(ref);
  }
}

size_t Importer::EpicProject(const std::string& ref, const std::string& name,
                             const std::string& owner) {
  if (auto it = epic_projects_.find(ref); it != epic_projects_.end()) return it->second;
  model::Project p;
  std::string wanted = ref.starts_with("#") ? "epic-" + Slug(ref) : Slug(ref);
  p.id = project_ids_.Take(wanted.empty() ? "epic" : wanted);
  p.name = name.empty() ? ref : name;
  p.owner = owner;
  program_.projects.push_back(std::move(p));
  epic_projects_.emplace(ref, program_.projects.size() - 1);
  return program_.projects.size() - 1;
}

size_t Importer::DefaultProject(const Issue& issue) {
  if (auto it = default_projects_.find(issue.project_key); it != default_projects_.end()) {
    return it->second;
  }
  model::Project p;
  std::string wanted = Slug(issue.project_key);
  p.id = project_ids_.Take(wanted.empty() ? "unassigned" : wanted);
  p.name = !issue.project_name.empty()  ? issue.project_name
           : !issue.project_key.empty() ? issue.project_key
                                        : "Unassigned";
  program_.projects.push_back(std::move(p));
  default_projects_.emplace(issue.project_key, program_.projects.size() - 1);
  return program_.projects.size() - 1;
}

// The project of a task: its epic's, found up the chain of parents (a sub-task's parent's
// epic); the Jira project's own list when there is none. Each issue is walked once: the
// issues on the way get the same project (so a long chain of sub-tasks stays linear).
size_t Importer::ProjectOf(size_t issue) {
  enum : uint8_t { kNew, kOnPath, kDone };
  std::vector<size_t> path;
  size_t cur = issue;
  size_t project = kNone;
  while (project == kNone) {
    if (walk_[cur] == kDone) {
      project = project_[cur];
      break;
    }
    const Issue& c = issues_[cur];
    if (walk_[cur] == kOnPath) {
      warnings_.Add(
          "parents that form a loop are not carried (the issues go to their Jira "
          "project's own list)",
          c.key, c.parent_place);
      project = DefaultProject(c);
      break;
    }
    walk_[cur] = kOnPath;
    path.push_back(cur);
    const size_t p = parent_[cur];
    if (p != kNone && issues_[p].level == 1) {
      project = EpicProject(issues_[p].key, issues_[p].summary, issues_[p].assignee);
    } else if (p != kNone) {
      cur = p;
    } else if (ref_[cur].empty() || c.level == -1) {
      // No parent; or a sub-task whose parent (and so its epic) is not in the file.
      project = DefaultProject(c);
    } else {
      // An epic that is not in the file (another project's, or filtered out): named after
      // the Parent summary column when there is one.
      project = EpicProject(ref_[cur], c.parent_summary, "");
    }
  }
  for (size_t i : path) {
    walk_[i] = kDone;
    project_[i] = project;
  }
  return project;
}

void Importer::BuildTask(size_t index, model::Task& t) {
  const Issue& i = issues_[index];
  t.id = task_ids_.Take(IsPlainId(i.key) ? i.key : (Slug(i.key).empty() ? "issue" : Slug(i.key)));
  if (t.id != i.key) {
    warnings_.Add(
        "issue keys that cannot be task ids (spaces, dots, control characters) are "
        "changed",
        fmt::format("{} -> {}", i.key, t.id), i.place);
  }
  t.name = i.summary;
  if (t.name.empty()) {
    t.name = i.key;
    warnings_.Add("issues without a summary are named after their key", i.key, i.place);
  }
  t.owner = i.assignee;

  // Duration: the original estimate in working days, rounded up.
  const double seconds_per_day = std::max(1, options_.hours_per_day) * 3600.0;
  if (i.original) {
    double days = std::max(1.0, std::ceil(*i.original / seconds_per_day - 1e-9));
    if (days > limits::kMaxDays) {
      warnings_.Add(fmt::format("estimates above {} working days are capped",
                                static_cast<int>(limits::kMaxDays)),
                    i.key, i.place);
      days = limits::kMaxDays;
    }
    t.duration = days;
  } else {
    const int days = std::clamp(options_.default_duration_days, 0, 13000);
    t.duration = days;
    warnings_.Add(fmt::format("issues without an original estimate take {} working day{}", days,
                              days == 1 ? "" : "s"),
                  i.key, i.place);
  }
  t.deadline = i.due;

  // Progress from the status category; the status name when the category is unknown.
  std::optional<Category> category = Lookup(kCategories, Fold(i.category));
  if (!category) category = Lookup(kCategories, Fold(i.status));
  if (!category) category = Lookup(kStatuses, Fold(i.status));
  if (!category) {
    category = i.resolved ? Category::kDone : Category::kToDo;
    if (!i.status.empty() || !i.category.empty()) {
      warnings_.Add(i.resolved ? "unknown statuses of resolved issues are taken as done"
                               : "unknown statuses are taken as not started",
                    fmt::format("{} '{}'", i.key, i.category.empty() ? i.status : i.category),
                    i.place);
    }
  }
  if (*category == Category::kToDo) {
    if (i.start) t.start_no_earlier_than = i.start;
    return;
  }
  // Started: the planned start when there is one; for work in progress, the day it
  // entered its status category; else the day it was created.
  std::optional<Date> started = i.start;
  if (!started && *category == Category::kInProgress) started = i.category_changed;
  if (!started) started = i.created;
  if (*category == Category::kDone) {
    std::optional<Date> finished = i.resolved ? i.resolved : i.category_changed;
    if (!started) started = finished;
    if (finished && started && *finished < *started) started = finished;
    t.actual_finish = finished;
  }
  if (!started) {
    started = program_.start;
    warnings_.Add(
        "started or done issues without dates are taken as started on the program "
        "start",
        i.key, i.place);
  }
  t.actual_start = started;
  if (*category == Category::kDone) {
    t.percent_complete = 100;
    return;
  }
  // In progress: the share of the work logged, as Jira computes it, else half.
  double percent = 50;
  if (i.spent && i.remaining && *i.spent + *i.remaining > 0) {
    percent = 100 * *i.spent / (*i.spent + *i.remaining);
  } else if (i.spent && i.original && *i.original > 0) {
    percent = 100 * *i.spent / *i.original;
  }
  t.percent_complete = std::clamp(std::round(percent), 1.0, 99.0);
}

// "Blocks" links (and the other ordering types) as finish-to-start dependencies; a link
// seen from both ends is one link. Other link types are counted, by type.
void Importer::BuildLinks() {
  std::set<std::pair<size_t, size_t>> seen;                           // (pred, succ)
  std::set<std::tuple<std::string, std::string, std::string>> other;  // (type, from, to)
  const bool filtered = !options_.project_key.empty();
  for (size_t i = 0; i < issues_.size(); ++i) {
    const Issue& issue = issues_[i];
    for (const IssueLink& link : issue.links) {
      const std::string folded = Fold(link.type);
      auto ordering = std::find_if(std::begin(kOrderingLinkTypes), std::end(kOrderingLinkTypes),
                                   [&](const auto& t) { return t.name == folded; });
      if (ordering == std::end(kOrderingLinkTypes)) {
        const std::string& from = link.outward ? issue.key : link.other;
        const std::string& to = link.outward ? link.other : issue.key;
        if (other.insert({folded, from, to}).second) {
          warnings_.Add(fmt::format("links of type '{}' are not carried (only Blocks orders "
                                    "work)",
                                    link.type),
                        fmt::format("{} -> {}", from, to), link.place);
        }
        continue;
      }
      auto it = by_key_.find(link.other);
      const bool precedes = link.outward == ordering->outward_precedes;
      const std::string pred_key = precedes ? issue.key : link.other;
      const std::string succ_key = precedes ? link.other : issue.key;
      const std::string subject = fmt::format("{} blocks {}", pred_key, succ_key);
      if (it == by_key_.end()) {
        warnings_.Add(filtered ? "links to issues outside the import are dropped"
                               : "links to issues that are not in the file are dropped",
                      subject, link.place);
        continue;
      }
      const size_t j = it->second;
      if (j == i) {
        warnings_.Add("issues that block themselves are read without that link", issue.key,
                      link.place);
        continue;
      }
      if (issue.level == 1 || issues_[j].level == 1) {
        warnings_.Add(
            "links to or from epics are dropped (an epic becomes a project, not a "
            "task)",
            subject, link.place);
        continue;
      }
      const size_t pred = precedes ? i : j;
      const size_t succ = precedes ? j : i;
      if (!seen.insert({pred, succ}).second) continue;
      links_.push_back({pred, succ, link.place});
    }
  }
}

// Removes the links that close cycles (back edges of a depth-first search in file
// order), so that the program passes validation; each removal is a warning.
void Importer::BreakCycles() {
  const size_t n = issues_.size();
  std::vector<std::vector<size_t>> preds(n);  // issue -> indices into links_
  for (size_t k = 0; k < links_.size(); ++k) preds[links_[k].succ].push_back(k);
  std::vector<uint8_t> color(n, 0);  // 0 new, 1 on the stack, 2 done
  std::vector<bool> removed(links_.size(), false);
  for (size_t root = 0; root < n; ++root) {
    if (color[root] != 0) continue;
    std::vector<std::pair<size_t, size_t>> stack{{root, 0}};
    color[root] = 1;
    while (!stack.empty()) {
      auto& [v, next] = stack.back();
      if (next == preds[v].size()) {
        color[v] = 2;
        stack.pop_back();
        continue;
      }
      const size_t k = preds[v][next++];
      const size_t w = links_[k].pred;
      if (color[w] == 1) {
        removed[k] = true;
        warnings_.Add("links that close a dependency cycle are dropped",
                      fmt::format("{} blocks {}", issues_[w].key, issues_[v].key), links_[k].place);
      } else if (color[w] == 0) {
        color[w] = 1;
        stack.push_back({w, 0});
      }
    }
  }
  for (size_t k = 0; k < links_.size(); ++k) {
    if (removed[k]) continue;
    auto [sp, st] = task_at_[links_[k].succ];
    auto [pp, pt] = task_at_[links_[k].pred];
    model::Link l;
    l.task = program_.projects[pp].tasks[pt].id;
    program_.projects[sp].tasks[st].depends.push_back(std::move(l));
    ++link_count_;
  }
}

Result<JiraImport> Importer::Run() {
  if (text_.starts_with("\xFF\xFE") || text_.starts_with("\xFE\xFF")) {
    return ErrorAt({1, 1}, "the file is UTF-16: export it from Jira as CSV (UTF-8)");
  }
  if (!options_.program_id.empty() && !IsSlug(options_.program_id)) {
    return Error::Invalid(
        fmt::format("program id '{}' is not a slug ([a-z0-9][a-z0-9_-]*)", options_.program_id));
  }
  CsvReader reader(text_, file_);
  std::vector<CsvField> fields;
  TPMKIT_ASSIGN_OR_RETURN(bool any, reader.Next(fields));
  if (!any) return ErrorAt({}, "the file is empty: a Jira CSV export starts with a header row");
  TPMKIT_RETURN_IF_ERROR(ReadHeader(fields));
  for (;;) {
    TPMKIT_ASSIGN_OR_RETURN(bool more, reader.Next(fields));
    if (!more) break;
    ReadIssue(fields);
  }
  if (issues_.empty()) {
    if (!options_.project_key.empty()) {
      return ErrorAt(
          {}, fmt::format("no issue of Jira project '{}' in the file{}", options_.project_key,
                          other_projects_.empty()
                              ? std::string()
                              : fmt::format(" (it holds {})", fmt::join(other_projects_, ", "))));
    }
    return ErrorAt({}, "no issues in the file: only a header row");
  }

  // The program: named after the Jira project when the issues share one.
  std::set<std::string> names, keys;
  for (const Issue& i : issues_) {
    if (!i.project_name.empty()) names.insert(i.project_name);
    if (!i.project_key.empty()) keys.insert(i.project_key);
  }
  const std::string stem = FileStem(file_);
  program_.id = options_.program_id.empty() ? Slug(stem) : options_.program_id;
  if (!IsSlug(program_.id)) program_.id = "jira";
  if (names.size() == 1) {
    program_.name = *names.begin();
  } else if (names.empty() && keys.size() == 1) {
    program_.name = *keys.begin();
  } else {
    program_.name = stem.empty() ? program_.id : limits::ReplaceInvalidText(stem);
  }
  TPMKIT_RETURN_IF_ERROR(Start());

  ResolveParents();
  task_at_.assign(issues_.size(), {kNone, kNone});
  project_.assign(issues_.size(), kNone);
  walk_.assign(issues_.size(), 0);
  for (size_t i = 0; i < issues_.size(); ++i) {
    const Issue& issue = issues_[i];
    if (issue.level == 1) {
      EpicProject(issue.key, issue.summary, issue.assignee);
      if (ref_[i].size()) {
        warnings_.Add("parents of epics (initiatives and above) are not carried",
                      fmt::format("{} (under {})", issue.key, ref_[i]), issue.parent_place);
      }
      if (issue.original || issue.due) {
        warnings_.Add(
            "epic estimates and due dates are not carried (an epic becomes a "
            "project)",
            issue.key, issue.place);
      }
      continue;
    }
    if (const size_t parent = parent_[i]; parent != kNone && issues_[parent].level != 1) {
      warnings_.Add(
          "sub-tasks become tasks of their parent's project (the levels below epics "
          "are flattened)",
          fmt::format("{} (under {})", issue.key, issues_[parent].key), issue.parent_place);
    } else if (parent == kNone && issue.level == -1 && !ref_[i].empty()) {
      warnings_.Add(
          "sub-tasks whose parent is not in the file go to their Jira project's own "
          "list",
          fmt::format("{} (under {})", issue.key, ref_[i]), issue.parent_place);
    }
    const size_t p = ProjectOf(i);
    model::Task task;
    BuildTask(i, task);
    program_.projects[p].tasks.push_back(std::move(task));
    task_at_[i] = {p, program_.projects[p].tasks.size() - 1};
  }
  BuildLinks();
  BreakCycles();

  // The contract: what import gives, validation accepts (and export can write back).
  if (auto issues = model::Validate(program_); !issues.empty()) {
    Error e = Error::Invalid(fmt::format("{}: the imported plan breaks {} rule{}", file_,
                                         issues.size(), issues.size() == 1 ? "" : "s"));
    for (const auto& issue : issues) {
      e.diagnostics.push_back(Diagnostic{file_, 0, 0, issue.path + ": " + issue.message});
    }
    return e;
  }
  JiraImport out;
  out.program = std::move(program_);
  out.warnings = warnings_.Finish();
  out.issues = issues_.size();
  out.skipped = skipped_;
  out.links = link_count_;
  return out;
}

}  // namespace

Result<JiraImport> ReadJiraCsv(std::string_view csv, const std::string& file_name,
                               const JiraReadOptions& options) {
  Importer importer(csv, file_name, options);
  return importer.Run();
}

}  // namespace tpmkit::formats
