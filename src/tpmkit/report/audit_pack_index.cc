#include "tpmkit/report/audit_pack_index.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <set>

#include "tpmkit/report/html.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::report {

namespace {

std::string E(const std::string& s) { return EscapeHtml(s); }

std::string ItemState(const toolkit::AuditItemRow& item) {
  std::string s(model::Name(item.status));
  if (item.unsupported) s += ", unsupported";
  if (item.overdue) s += ", overdue";
  return s;
}

}  // namespace

std::string AuditPackIndexHtml(const AuditPackIndex& x) {
  const auto& r = x.readiness;
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<title>Audit pack: " + E(x.program_name) + "</title>\n";
  h += "<style>body{font-family:sans-serif;margin:2em;max-width:70em}"
       "table{border-collapse:collapse;margin-bottom:1.5em}"
       "td,th{border:1px solid #bbb;padding:.3em .6em;text-align:left;vertical-align:top}"
       "code{font-size:.85em}.bad{color:#b00020}.good{color:#1b5e20}</style>\n";
  h += "</head>\n<body>\n";
  h += "<h1>Audit pack: " + E(x.program_name) + " (" + E(x.program_id) + ")</h1>\n";
  h += "<p>Generated on " + E(x.generated_on) + " by tpmkit.</p>\n";
  h += "<h2>Readiness</h2>\n<p>";
  if (r.readiness) {
    h += fmt::format("Readiness is {}%: {} of {} applicable items are done.",
                     toolkit::wording::Number(*r.readiness, 1), r.done, r.applicable);
  } else {
    h += "No checklist item is applicable, so readiness is not defined.";
  }
  h += fmt::format(" {} done without evidence or signoff (unsupported); {} overdue.",
                   toolkit::wording::Count(r.unsupported, "item is", "items are"),
                   toolkit::wording::Count(r.overdue, "item is", "items are"));
  h += "</p>\n";

  h += "<h2>Checklist</h2>\n<table>\n<tr><th>Item</th><th>State</th><th>Owner</th>"
       "<th>Due</th><th>Signoff</th><th>Evidence</th><th>Note</th></tr>\n";
  for (const auto& item : r.items) {
    std::string ev;
    for (const auto& e : item.evidence) {
      std::string link = E(e.ref);
      for (const auto& p : x.evidence) {
        if (p.item == item.id && p.path == e.ref && !p.packed_as.empty()) {
          link = "<a href=\"" + E(p.packed_as) + "\">" + E(e.ref) + "</a>";
        }
      }
      if (!e.is_path) link = "<a href=\"" + E(e.ref) + "\">" + E(e.ref) + "</a>";
      std::string state(toolkit::EvidenceStateName(e.state));
      bool good = e.state == toolkit::EvidenceState::kVerified ||
                  e.state == toolkit::EvidenceState::kLinked;
      ev += link + " <span class=\"" + (good ? "good" : "bad") + "\">" + E(state) + "</span><br>";
    }
    if (ev.empty()) ev = "none";
    std::string signoff =
        item.signoff ? E(item.signoff->by) + ", " + item.signoff->on.ToString() : "none";
    bool bad = item.unsupported || item.overdue;
    h += "<tr><td>" + E(item.id) + "</td><td" + (bad ? " class=\"bad\"" : "") + ">" +
         E(ItemState(item)) + "</td><td>" + E(item.owner.empty() ? "-" : item.owner) + "</td><td>" +
         (item.due ? item.due->ToString() : "-") + "</td><td>" + signoff + "</td><td>" + ev +
         "</td><td>" + E(item.note) + "</td></tr>\n";
  }
  h += "</table>\n";

  h += "<h2>Evidence files and their SHA-256</h2>\n";
  if (x.evidence.empty()) {
    h += "<p>The checklist names no evidence files.</p>\n";
  } else {
    h += "<table>\n<tr><th>Item</th><th>File</th><th>SHA-256 of the packed file</th>"
         "<th>State</th></tr>\n";
    for (const auto& p : x.evidence) {
      h += "<tr><td>" + E(p.item) + "</td><td>" + E(p.path) + "</td><td><code>" +
           E(p.sha256.empty() ? "file not found" : p.sha256) + "</code></td><td>" + E(p.state) +
           "</td></tr>\n";
    }
    h += "</table>\n<p>manifest.sha256 lists the same hashes in the format that "
         "<code>sha256sum -c</code> checks.</p>\n";
  }

  h += "<h2>Automatic checks</h2>\n<table>\n<tr><th>Item</th><th>Result</th><th>Reason</th></tr>\n";
  for (const auto& c : r.automatic) {
    std::string result = !c.ok ? "unknown" : (*c.ok ? "passes" : "fails");
    h += "<tr><td>" + E(c.id) + "</td><td>" + result + "</td><td>" + E(c.reason) + "</td></tr>\n";
  }
  h += "</table>\n";

  h += "<h2>Gaps</h2>\n";
  if (r.gaps.empty()) {
    h += "<p>There are no gaps.</p>\n";
  } else {
    h += "<ul>\n";
    for (const auto& g : r.gaps) h += "<li>" + E(g.text) + "</li>\n";
    h += "</ul>\n";
  }

  h += "<h2>Audit trail</h2>\n<p>";
  if (!x.trail.known) {
    h += "This pack was made from a program file, not a workspace, so there is no audit "
         "trail to include.";
  } else if (x.trail.ok) {
    h += fmt::format(
        "The audit trail verified: all {} entries of the workspace chain "
        "match their hashes and link to the entry before. audit-trail.json "
        "holds the {} entries of this program.",
        x.trail.entries, x.trail.program_entries);
  } else {
    h += fmt::format(
        "<span class=\"bad\">The audit trail does NOT verify: entry {} of {} "
        "fails ({}).</span>",
        x.trail.first_bad.value_or(0), x.trail.entries, E(x.trail.reason));
  }
  h += "</p>\n</body>\n</html>\n";
  return h;
}

std::string PackManifestJson(const std::vector<PackedEvidence>& evidence) {
  using nlohmann::json;
  auto text_or_null = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  json manifest = json::array();
  for (const auto& pe : evidence) {
    manifest.push_back(json{{"item", pe.item},
                            {"path", pe.path},
                            {"packed_as", text_or_null(pe.packed_as)},
                            {"sha256", text_or_null(pe.sha256)},
                            {"expected", text_or_null(pe.expected)},
                            {"state", pe.state}});
  }
  return manifest.dump(2) + "\n";
}

std::string PackManifestSha256(const std::vector<PackedEvidence>& evidence) {
  std::string sums;
  std::set<std::string> listed;  // evidence paths, each packed once
  for (const auto& pe : evidence) {
    if (pe.packed_as.empty() || !listed.insert(pe.path).second) continue;
    sums += pe.sha256 + "  " + pe.packed_as + "\n";
  }
  return sums;
}

}  // namespace tpmkit::report
