#include "tpmkit/toolkit/audit_readiness.h"

#include <fmt/format.h>

#include <algorithm>

#include "tpmkit/toolkit/wording.h"

namespace tpmkit::toolkit {

namespace {

using model::AuditStatus;

// The window within which a scorecard assessment counts as a current risk assessment.
constexpr int kAssessmentWindowDays = 30;

AutomaticCheck ChangeTrailCheck(const AuditInputs& inputs) {
  AutomaticCheck c{"change_trail", inputs.trail_verified, ""};
  if (!inputs.trail_verified) {
    c.reason =
        "No audit trail was checked: a program read from a file has none, so the change trail "
        "cannot be proven here.";
  } else if (*inputs.trail_verified) {
    c.reason =
        "The workspace's audit trail verifies: every recorded change sits in an unbroken "
        "hash chain.";
  } else {
    c.reason =
        "The workspace's audit trail does not verify, so recorded changes may have been "
        "altered.";
  }
  return c;
}

AutomaticCheck ApprovalsCheck(const model::Program& program) {
  int changes = 0;
  std::vector<std::string> bad_changes;
  for (const auto& ch : program.changes) {
    if (ch.status == model::ChangeStatus::kProposed) continue;
    ++changes;
    const bool has = std::any_of(ch.approvals.begin(), ch.approvals.end(),
                                 [](const model::Approval& a) { return !a.by.empty(); });
    if (!has) bad_changes.push_back(ch.id);
  }
  int decisions = 0;
  std::vector<std::string> bad_decisions;
  for (const auto& d : program.decisions) {
    if (d.status != model::DecisionStatus::kDecided) continue;
    ++decisions;
    if (d.decided_by.empty() || !d.decided_on) bad_decisions.push_back(d.id);
  }
  AutomaticCheck c{"approvals", bad_changes.empty() && bad_decisions.empty(), ""};
  if (changes == 0 && decisions == 0) {
    c.reason = "No change request or decision has been decided yet, so none lacks an approval.";
    return c;
  }
  if (*c.ok) {
    std::vector<std::string> parts;
    if (changes > 0) {
      parts.push_back(
          fmt::format("every approved, implemented or rejected change request ({}) "
                      "has an approval with approver and date",
                      changes));
    }
    if (decisions > 0) {
      parts.push_back(
          fmt::format("every decided decision ({}) names who decided and when", decisions));
    }
    c.reason = wording::JoinList(parts) + ".";
    c.reason[0] = 'E';
    return c;
  }
  std::vector<std::string> parts;
  if (!bad_changes.empty()) {
    parts.push_back(
        fmt::format("{} of {} approved, implemented or rejected change requests ({}) "
                    "{} no approval with approver and date",
                    bad_changes.size(), changes, wording::JoinList(bad_changes),
                    bad_changes.size() == 1 ? "has" : "have"));
  }
  if (!bad_decisions.empty()) {
    parts.push_back(fmt::format("{} of {} decided decisions ({}) {} decided_by or decided_on",
                                bad_decisions.size(), decisions, wording::JoinList(bad_decisions),
                                bad_decisions.size() == 1 ? "lacks" : "lack"));
  }
  c.reason = wording::JoinList(parts) + ".";
  return c;
}

AutomaticCheck RiskAssessmentsCheck(const model::Program& program, Date as_of) {
  std::optional<Date> latest;
  if (program.scorecard) {
    for (const auto& a : program.scorecard->assessments) {
      if (a.date <= as_of && (!latest || a.date > *latest)) latest = a.date;
    }
  }
  AutomaticCheck c{"risk_assessments", false, ""};
  if (!latest) {
    c.reason =
        fmt::format("The scorecard has no assessment dated on or before {}.", as_of.ToString());
    return c;
  }
  const int age = as_of - *latest;
  c.ok = age <= kAssessmentWindowDays;
  c.reason = fmt::format(
      "The latest scorecard assessment, on {}, is {} old as of {}, {} the {}-day window.",
      latest->ToString(), wording::Count(age, "day", "days"), as_of.ToString(),
      *c.ok ? "within" : "outside", kAssessmentWindowDays);
  return c;
}

AutomaticCheck ComplianceEscalationCheck(const model::Program& program) {
  AutomaticCheck c{"compliance_escalation", !program.sponsor.empty(), ""};
  c.reason = program.sponsor.empty()
                 ? "The program names no sponsor to escalate compliance issues to."
                 : fmt::format("The program names a sponsor, {}, to escalate compliance issues to.",
                               program.sponsor);
  return c;
}

EvidenceRow EvidenceOf(const model::Evidence& e, const AuditInputs& inputs) {
  EvidenceRow row;
  if (e.path.empty()) {
    row.ref = e.url;
    row.state = EvidenceState::kLinked;
    return row;
  }
  row.ref = e.path;
  row.is_path = true;
  if (inputs.refused_paths.contains(e.path)) {
    row.state = EvidenceState::kRefused;
    return row;
  }
  if (!inputs.file_sha256) {
    row.state = EvidenceState::kUnchecked;
    return row;
  }
  auto it = inputs.file_sha256->find(e.path);
  if (it == inputs.file_sha256->end()) {
    row.state = EvidenceState::kMissing;
  } else if (e.sha256.empty()) {
    row.state = EvidenceState::kUnverified;
  } else {
    row.state = wording::Lower(it->second) == wording::Lower(e.sha256) ? EvidenceState::kVerified
                                                                       : EvidenceState::kChanged;
  }
  return row;
}

std::string StatusWords(AuditStatus s) {
  switch (s) {
    case AuditStatus::kNotStarted:
      return "has not started";
    case AuditStatus::kInProgress:
      return "is in progress";
    case AuditStatus::kDone:
      return "is done";
    case AuditStatus::kNotApplicable:
      return "is not applicable";
  }
  return "";
}

const AutomaticCheck* FindCheck(const std::vector<AutomaticCheck>& checks, const std::string& id) {
  for (const auto& c : checks) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

// The sentence that points an open item to what the workspace already proves.
std::string Hint(const AutomaticCheck* check) {
  if (check == nullptr || !check->ok || !*check->ok) return "";
  return " The workspace can support it: " + check->reason;
}

void AddGaps(const AuditItemRow& item, const std::vector<AutomaticCheck>& checks, Date as_of,
             std::vector<Gap>& gaps) {
  const AutomaticCheck* check = FindCheck(checks, item.id);
  if (item.status == AuditStatus::kNotApplicable) return;
  if (item.unsupported) {
    const bool no_evidence = item.evidence.empty();
    const bool no_signoff = !item.signoff;
    std::string what = no_evidence && no_signoff ? "neither evidence nor a signoff"
                       : no_evidence             ? "no evidence"
                                                 : "no signoff";
    gaps.push_back(
        {item.id, GapKind::kUnsupported,
         fmt::format("Item {} is marked done but has {}.{}", item.id, what, Hint(check))});
  }
  if (item.overdue) {
    const int late = as_of - *item.due;
    gaps.push_back(
        {item.id, GapKind::kOverdue,
         fmt::format("Item {} was due on {} and {}, {} past due.{}", item.id, item.due->ToString(),
                     StatusWords(item.status), wording::Count(late, "day", "days"), Hint(check))});
  } else if (item.status == AuditStatus::kNotStarted) {
    std::string due = item.due ? fmt::format(" (due on {})", item.due->ToString()) : "";
    std::string where = item.in_file ? "" : " and the program file does not list it";
    gaps.push_back(
        {item.id, GapKind::kNotStarted,
         fmt::format("Item {} has not started{}{}.{}", item.id, due, where, Hint(check))});
  }
  if (item.status == AuditStatus::kDone && check && check->ok && !*check->ok) {
    gaps.push_back({item.id, GapKind::kContradicted,
                    fmt::format("Item {} is marked done, but the workspace's own check "
                                "disagrees: {}",
                                item.id, check->reason)});
  }
  for (const auto& e : item.evidence) {
    if (e.state == EvidenceState::kChanged) {
      gaps.push_back({item.id, GapKind::kEvidenceChanged,
                      fmt::format("Evidence {} of item {} has changed since it was recorded: its "
                                  "SHA-256 no longer matches.",
                                  e.ref, item.id)});
    } else if (e.state == EvidenceState::kMissing) {
      gaps.push_back({item.id, GapKind::kEvidenceMissing,
                      fmt::format("Evidence {} of item {} is missing: no such file was found.",
                                  e.ref, item.id)});
    } else if (e.state == EvidenceState::kRefused) {
      gaps.push_back({item.id, GapKind::kEvidenceRefused,
                      fmt::format("Evidence {} of item {} is not read: it lies outside the "
                                  "evidence folder. Move it inside and record it again.",
                                  e.ref, item.id)});
    }
  }
}

}  // namespace

std::string_view EvidenceStateName(EvidenceState s) {
  switch (s) {
    case EvidenceState::kVerified:
      return "verified";
    case EvidenceState::kChanged:
      return "changed";
    case EvidenceState::kMissing:
      return "missing";
    case EvidenceState::kUnverified:
      return "unverified";
    case EvidenceState::kUnchecked:
      return "unchecked";
    case EvidenceState::kLinked:
      return "linked";
    case EvidenceState::kRefused:
      return "refused";
  }
  return "";
}

std::string_view GapKindName(GapKind k) {
  switch (k) {
    case GapKind::kUnsupported:
      return "unsupported";
    case GapKind::kOverdue:
      return "overdue";
    case GapKind::kNotStarted:
      return "not_started";
    case GapKind::kEvidenceChanged:
      return "evidence_changed";
    case GapKind::kEvidenceMissing:
      return "evidence_missing";
    case GapKind::kEvidenceRefused:
      return "evidence_refused";
    case GapKind::kContradicted:
      return "contradicted";
  }
  return "";
}

std::vector<AutomaticCheck> AutomaticAuditChecks(const model::Program& program,
                                                 const AuditInputs& inputs) {
  return {ChangeTrailCheck(inputs), ApprovalsCheck(program),
          RiskAssessmentsCheck(program, inputs.as_of), ComplianceEscalationCheck(program)};
}

AuditReadiness ComputeAuditReadiness(const model::Program& program, const AuditInputs& inputs) {
  AuditReadiness out;
  out.as_of = inputs.as_of;
  static const std::vector<model::AuditItem> kNoItems;
  const auto& file_items = program.audit ? program.audit->items : kNoItems;
  if (program.audit) out.retention_years = program.audit->retention_years;

  auto row_of = [&](const model::AuditItem& it, bool is_default) {
    AuditItemRow row;
    row.id = it.id;
    row.default_item = is_default;
    row.in_file = true;
    row.status = it.status;
    row.owner = it.owner;
    row.due = it.due;
    row.signoff = it.signoff;
    row.note = it.note;
    for (const auto& e : it.evidence) row.evidence.push_back(EvidenceOf(e, inputs));
    return row;
  };

  const auto& defaults = model::DefaultAuditItemIds();
  for (const auto& id : defaults) {
    auto it = std::find_if(file_items.begin(), file_items.end(),
                           [&](const model::AuditItem& i) { return i.id == id; });
    if (it != file_items.end()) {
      out.items.push_back(row_of(*it, true));
    } else {
      AuditItemRow row;
      row.id = id;
      row.default_item = true;
      out.items.push_back(std::move(row));
    }
  }
  for (const auto& it : file_items) {
    if (std::find(defaults.begin(), defaults.end(), it.id) == defaults.end()) {
      out.items.push_back(row_of(it, false));
    }
  }

  for (auto& row : out.items) {
    const bool done = row.status == AuditStatus::kDone;
    if (row.status != AuditStatus::kNotApplicable) ++out.applicable;
    if (done) ++out.done;
    row.unsupported = done && (row.evidence.empty() || !row.signoff);
    row.overdue =
        !done && row.status != AuditStatus::kNotApplicable && row.due && *row.due < inputs.as_of;
    out.unsupported += row.unsupported ? 1 : 0;
    out.overdue += row.overdue ? 1 : 0;
  }
  if (out.applicable > 0) out.readiness = 100.0 * out.done / out.applicable;

  out.automatic = AutomaticAuditChecks(program, inputs);
  for (const auto& row : out.items) AddGaps(row, out.automatic, inputs.as_of, out.gaps);
  return out;
}

}  // namespace tpmkit::toolkit
