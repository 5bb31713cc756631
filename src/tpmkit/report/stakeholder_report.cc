#include "tpmkit/report/stakeholder_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "tpmkit/base/text.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::report {

namespace {

namespace rt = register_text;
namespace words = toolkit::wording;
using toolkit::Quadrant;

std::string Label(const toolkit::StakeholderRow& s) {
  return s.name.empty() ? s.id : fmt::format("{} ({})", EscapeControls(s.name), s.id);
}

std::string CadenceWords(const toolkit::StakeholderRow& s) {
  return fmt::format("every {}{}", words::Count(s.cadence_days, "day", "days"),
                     s.default_cadence ? " (the quadrant's default)" : "");
}

std::string QuadrantWords(Quadrant q) { return words::Lower(toolkit::QuadrantTitle(q)); }

nlohmann::json DateOrNull(const std::optional<Date>& d) {
  return d ? nlohmann::json(d->ToString()) : nlohmann::json(nullptr);
}

nlohmann::json TextOrNull(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

}  // namespace

std::string StakeholderTableText(const toolkit::StakeholderMatrix& m,
                                 const RegisterTextOptions& o) {
  std::string out = fmt::format(
      "Stakeholders as of {}: {}, {} overdue for contact.\n\n", m.as_of.ToString(),
      words::Count(static_cast<long>(m.stakeholders.size()), "stakeholder", "stakeholders"),
      m.overdue);
  if (m.stakeholders.empty()) return out;
  rt::Table t;
  t.header = {"ID",     "NAME",    "ROLE",         "QUADRANT",     "PRIORITY",
              "STANCE", "CADENCE", "LAST CONTACT", "NEXT CONTACT", "OVERDUE"};
  t.right_aligned = {false, false, false, false, true, false, true, false, false, false};
  for (const auto& s : m.stakeholders) {
    t.rows.push_back({
        {s.id, {}},
        {rt::OrDash(s.name), {}},
        {rt::OrDash(s.role), {}},
        {std::string(toolkit::QuadrantName(s.quadrant)), {}},
        {fmt::format("{}", s.priority), {}},
        {std::string(model::Name(s.stance)),
         s.stance == model::Stance::kResistant ? rt::kRed : std::string_view()},
        {fmt::format("{}d", s.cadence_days), {}},
        {s.last_contact ? s.last_contact->ToString() : "never", {}},
        {s.next_contact ? s.next_contact->ToString() : "-", {}},
        {s.overdue ? "yes" : "no", s.overdue ? rt::kRed : std::string_view()},
    });
  }
  return out + rt::Render(t, o);
}

std::string StakeholderGridText(const toolkit::StakeholderMatrix& m, const RegisterTextOptions& o) {
  // Cells in drawing order: [row][col] with row 0 = high influence, col 0 = low impact.
  const Quadrant cells[2][2] = {{Quadrant::kKeepSatisfied, Quadrant::kManageClosely},
                                {Quadrant::kMonitor, Quadrant::kKeepInformed}};
  std::vector<std::string> lines[2][2];
  size_t width = 26;
  for (int r = 0; r < 2; ++r) {
    for (int c = 0; c < 2; ++c) {
      const Quadrant q = cells[r][c];
      lines[r][c].push_back(
          fmt::format("{} ({}d)", toolkit::QuadrantTitle(q), toolkit::DefaultCadenceDays(q)));
      for (const auto& s : m.stakeholders) {
        if (s.quadrant == q) lines[r][c].push_back("  " + Label(s));
      }
      if (lines[r][c].size() == 1) lines[r][c].push_back("  (none)");
      for (const auto& l : lines[r][c]) width = std::max(width, rt::Width(l));
    }
  }
  const std::string left_labels[2] = {"high influence", "low influence"};
  const size_t label_w = 16;
  const std::string indent(label_w, ' ');
  const std::string rule =
      indent + "+" + std::string(width + 2, '-') + "+" + std::string(width + 2, '-') + "+";
  std::string out = "Influence x impact (high means a rating of 4 or more).\n\n";
  out += indent + " " + rt::PadRight(" low impact", width + 2) + " high impact\n";
  out += rule + "\n";
  for (int r = 0; r < 2; ++r) {
    const size_t rows = std::max(lines[r][0].size(), lines[r][1].size());
    for (size_t i = 0; i < rows; ++i) {
      std::string line = i == 0 ? rt::PadRight(left_labels[r], label_w) : indent;
      for (int c = 0; c < 2; ++c) {
        const std::string text = i < lines[r][c].size() ? lines[r][c][i] : "";
        std::string cell = rt::PadRight(text, width);
        if (i == 0 && o.color)
          cell = rt::Paint(text, rt::kBold, o) + std::string(width - rt::Width(text), ' ');
        line += "| " + cell + " ";
      }
      out += line + "|\n";
    }
    out += rule + "\n";
  }
  return out;
}

std::string CommunicationPlanText(const toolkit::CommunicationPlan& plan,
                                  const RegisterTextOptions& o) {
  std::string out = fmt::format("Communication plan as of {}.\n", plan.as_of.ToString());
  int n = 0;
  for (const auto& e : plan.entries) {
    const auto& s = e.stakeholder;
    out += fmt::format("\n{}. {}{}: {}, priority {}, {}.\n", ++n, rt::Paint(Label(s), rt::kBold, o),
                       s.role.empty() ? "" : ", " + s.role, QuadrantWords(s.quadrant), s.priority,
                       model::Name(s.stance));
    out += fmt::format("   Channel: {}; {}; last contact: {}.\n",
                       s.channel.empty() ? "not set" : s.channel, CadenceWords(s),
                       s.last_contact ? s.last_contact->ToString() : "never");
    std::string next;
    if (!s.last_contact) {
      next = fmt::format("{}, now: they have never been contacted", e.contact_on.ToString());
    } else if (s.overdue) {
      next = fmt::format("{}, now: {} overdue since {}", e.contact_on.ToString(),
                         words::Count(plan.as_of - *s.next_contact, "day", "days"),
                         s.next_contact->ToString());
    } else {
      next = e.contact_on.ToString();
    }
    out += "   Next contact: " + (s.overdue ? rt::Paint(next, rt::kRed, o) : next) + ".\n";
    if (e.topics.empty()) {
      out += "   Nothing open concerns them.\n";
      continue;
    }
    out += "   To raise:\n";
    for (const auto& t : e.topics) {
      out += fmt::format("   - {} Why them: {}.\n", t.text, t.why);
    }
  }
  return out;
}

std::string StakeholdersJson(const toolkit::StakeholderMatrix& m,
                             const std::optional<toolkit::CommunicationPlan>& plan) {
  using nlohmann::json;
  json list = json::array();
  for (const auto& s : m.stakeholders) {
    list.push_back({{"id", s.id},
                    {"name", s.name},
                    {"role", TextOrNull(s.role)},
                    {"quadrant", toolkit::QuadrantName(s.quadrant)},
                    {"priority", s.priority},
                    {"influence", s.influence},
                    {"impact", s.impact},
                    {"stance", model::Name(s.stance)},
                    {"channel", TextOrNull(s.channel)},
                    {"cadence_days", s.cadence_days},
                    {"last_contact", DateOrNull(s.last_contact)},
                    {"next_contact", DateOrNull(s.next_contact)},
                    {"overdue", s.overdue},
                    {"satisfaction", s.satisfaction ? json(*s.satisfaction) : json(nullptr)}});
  }
  json out = {{"as_of", m.as_of.ToString()}, {"overdue", m.overdue}, {"stakeholders", list}};
  if (plan) {
    json entries = json::array();
    for (const auto& e : plan->entries) {
      json topics = json::array();
      for (const auto& t : e.topics) {
        topics.push_back({{"kind", toolkit::TopicKindName(t.kind)},
                          {"id", t.id},
                          {"title", t.title},
                          {"why", t.why},
                          {"text", t.text}});
      }
      entries.push_back({{"stakeholder", e.stakeholder.id},
                         {"channel", TextOrNull(e.stakeholder.channel)},
                         {"cadence_days", e.stakeholder.cadence_days},
                         {"next_contact", DateOrNull(e.stakeholder.next_contact)},
                         {"contact_on", e.contact_on.ToString()},
                         {"topics", std::move(topics)}});
    }
    out["communication_plan"] = std::move(entries);
  } else {
    out["communication_plan"] = nullptr;
  }
  return out.dump(2);
}

}  // namespace tpmkit::report
