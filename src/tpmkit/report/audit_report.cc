#include "tpmkit/report/audit_report.h"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "tpmkit/toolkit/wording.h"

namespace tpmkit::report {

namespace {

namespace rt = register_text;
namespace words = toolkit::wording;
using toolkit::EvidenceState;

std::string EvidenceSummary(const toolkit::AuditItemRow& item) {
  if (item.evidence.empty()) return "none";
  // Counts per state, in the order of the enumeration.
  std::map<EvidenceState, int> counts;
  for (const auto& e : item.evidence) ++counts[e.state];
  std::vector<std::string> parts;
  for (const auto& [state, n] : counts) {
    parts.push_back(fmt::format("{} {}", n, toolkit::EvidenceStateName(state)));
  }
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out;
}

std::string_view StatusColour(const toolkit::AuditItemRow& item) {
  if (item.overdue) return rt::kRed;
  switch (item.status) {
    case model::AuditStatus::kDone:
      return item.unsupported ? rt::kYellow : rt::kGreen;
    case model::AuditStatus::kInProgress:
      return rt::kYellow;
    case model::AuditStatus::kNotStarted:
      return rt::kRed;
    case model::AuditStatus::kNotApplicable:
      return {};
  }
  return {};
}

}  // namespace

std::string AuditText(const toolkit::AuditReadiness& a, const RegisterTextOptions& o) {
  std::string out;
  if (a.readiness) {
    out += fmt::format(
        "Audit readiness as of {}: {}% ({} of {} applicable items done); {} "
        "overdue, {} unsupported.\n",
        a.as_of.ToString(), words::Number(*a.readiness, 1), a.done, a.applicable, a.overdue,
        a.unsupported);
  } else {
    out += fmt::format(
        "Audit readiness as of {}: undefined, because no checklist item is "
        "applicable.\n",
        a.as_of.ToString());
  }
  if (a.retention_years) {
    out += fmt::format("Records are kept for {}.\n",
                       words::Count(*a.retention_years, "year", "years"));
  }
  out += "\n";
  rt::Table t;
  t.header = {"ITEM", "STATUS", "OWNER", "DUE", "SIGNOFF", "EVIDENCE", "FLAGS"};
  for (const auto& item : a.items) {
    std::vector<std::string> flags;
    if (item.overdue) flags.push_back("overdue");
    if (item.unsupported) flags.push_back("unsupported");
    if (!item.in_file) flags.push_back("not in file");
    std::string flag_text;
    for (size_t i = 0; i < flags.size(); ++i) flag_text += (i ? ", " : "") + flags[i];
    t.rows.push_back({
        {item.id, {}},
        {std::string(model::Name(item.status)), StatusColour(item)},
        {rt::OrDash(item.owner), {}},
        {item.due ? item.due->ToString() : "-", {}},
        {item.signoff ? fmt::format("{} {}", item.signoff->by, item.signoff->on.ToString()) : "-",
         {}},
        {EvidenceSummary(item), {}},
        {rt::OrDash(flag_text), flags.empty() ? std::string_view() : rt::kRed},
    });
  }
  out += rt::Render(t, o);

  out += "\nWhat the workspace can prove:\n";
  for (const auto& c : a.automatic) {
    const std::string mark = !c.ok ? "unknown" : *c.ok ? "ok" : "failed";
    const std::string_view colour = !c.ok ? rt::kYellow : *c.ok ? rt::kGreen : rt::kRed;
    out +=
        fmt::format("  {}  {}: {}\n", rt::Paint(rt::PadRight(mark, 7), colour, o), c.id, c.reason);
  }

  if (a.gaps.empty()) {
    out += "\nGaps: none.\n";
  } else {
    out += fmt::format("\nGaps ({}):\n", a.gaps.size());
    for (const auto& g : a.gaps) out += "  - " + g.text + "\n";
  }
  return out;
}

std::string AuditJson(const toolkit::AuditReadiness& a) {
  using nlohmann::json;
  json items = json::array();
  for (const auto& item : a.items) {
    json evidence = json::array();
    for (const auto& e : item.evidence) {
      evidence.push_back({{"ref", e.ref},
                          {"kind", e.is_path ? "path" : "url"},
                          {"state", toolkit::EvidenceStateName(e.state)}});
    }
    items.push_back({{"id", item.id},
                     {"status", model::Name(item.status)},
                     {"owner", item.owner.empty() ? json(nullptr) : json(item.owner)},
                     {"due", item.due ? json(item.due->ToString()) : json(nullptr)},
                     {"unsupported", item.unsupported},
                     {"overdue", item.overdue},
                     {"default", item.default_item},
                     {"in_file", item.in_file},
                     {"signoff", item.signoff ? json{{"by", item.signoff->by},
                                                     {"on", item.signoff->on.ToString()}}
                                              : json(nullptr)},
                     {"evidence", std::move(evidence)}});
  }
  json automatic = json::array();
  for (const auto& c : a.automatic) {
    automatic.push_back(
        {{"id", c.id}, {"ok", c.ok ? json(*c.ok) : json(nullptr)}, {"reason", c.reason}});
  }
  json gaps = json::array();
  for (const auto& g : a.gaps) {
    gaps.push_back({{"item", g.item}, {"kind", toolkit::GapKindName(g.kind)}, {"text", g.text}});
  }
  json out = {{"as_of", a.as_of.ToString()},
              {"readiness", a.readiness ? json(*a.readiness) : json(nullptr)},
              {"done", a.done},
              {"applicable", a.applicable},
              {"overdue", a.overdue},
              {"unsupported", a.unsupported},
              {"retention_years", a.retention_years ? json(*a.retention_years) : json(nullptr)},
              {"items", std::move(items)},
              {"automatic", std::move(automatic)},
              {"gaps", std::move(gaps)}};
  return out.dump(2);
}

size_t MissingEvidence(const toolkit::AuditReadiness& a) {
  size_t n = 0;
  for (const auto& item : a.items) {
    for (const auto& e : item.evidence) {
      if (e.is_path && (e.state == EvidenceState::kMissing || e.state == EvidenceState::kRefused)) {
        ++n;
      }
    }
  }
  return n;
}

std::string EvidenceLookupText(const toolkit::AuditReadiness& a, const std::string& root,
                               EvidenceRootSource source) {
  const size_t missing = MissingEvidence(a);
  if (missing == 0) return "";
  std::string_view why;
  switch (source) {
    case EvidenceRootSource::kOption:
      why = "--evidence-root";
      break;
    case EvidenceRootSource::kRecorded:
      why = "the folder of the file the program was applied from";
      break;
    case EvidenceRootSource::kProgramFile:
      why = "the program file's folder";
      break;
    case EvidenceRootSource::kCurrentFolder:
      why = "the current folder: no program file was applied, give --evidence-root";
      break;
  }
  return fmt::format("{} missing or refused: evidence paths were looked for under {} ({}).\n",
                     words::Count(static_cast<long>(missing), "evidence file", "evidence files"),
                     root, why);
}

}  // namespace tpmkit::report
