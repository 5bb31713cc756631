#include "tpmkit/report/stakeholder_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "tpmkit/base/text.h"
#include "tpmkit/report/prose.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::report {

namespace {

namespace rt = register_text;
namespace words = toolkit::wording;
using toolkit::Quadrant;

std::string Label(const toolkit::StakeholderRow& s) {
  return s.name.empty() ? s.id : fmt::format("{} ({})", EscapeControls(s.name), s.id);
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

namespace {

// When and how to talk next, in one clause.
std::string TimingWords(const toolkit::CommunicationEntry& e, Date as_of) {
  const auto& s = e.stakeholder;
  const std::string how = s.channel.empty() ? "" : EscapeControls(s.channel) + ", ";
  const std::string cadence = fmt::format("every {}", words::Count(s.cadence_days, "day", "days"));
  if (!s.last_contact) return fmt::format("{}{}; never contacted: make contact now", how, cadence);
  if (s.overdue) {
    return fmt::format("{}{}; {} overdue (last contact {}): talk now", how, cadence,
                       words::Count(as_of - *s.next_contact, "day", "days"),
                       s.last_contact->ToString());
  }
  return fmt::format("{}{}; next on {}", how, cadence, e.contact_on.ToString());
}

// "6 risks and a change request" for the topics other than the key one.
std::string OthersWords(const toolkit::CommunicationEntry& e) {
  int risks = 0, decisions = 0, changes = 0;
  for (size_t i = 0; i < e.topics.size(); ++i) {
    if (e.key && *e.key == i) continue;
    switch (e.topics[i].kind) {
      case toolkit::TopicKind::kRisk:
        ++risks;
        break;
      case toolkit::TopicKind::kDecision:
        ++decisions;
        break;
      case toolkit::TopicKind::kChange:
        ++changes;
        break;
    }
  }
  std::vector<std::string> parts;
  if (risks > 0) parts.push_back(words::Count(risks, "risk", "risks"));
  if (decisions > 0) parts.push_back(words::Count(decisions, "open decision", "open decisions"));
  if (changes > 0) parts.push_back(words::Count(changes, "change request", "change requests"));
  return words::JoinList(parts);
}

}  // namespace

std::string CommunicationPlanText(const toolkit::CommunicationPlan& plan,
                                  const RegisterTextOptions& o) {
  int overdue = 0;
  for (const auto& e : plan.entries) overdue += e.stakeholder.overdue ? 1 : 0;
  std::string out = fmt::format(
      "Communication plan as of {}: {}, {} due for contact now.\n", plan.as_of.ToString(),
      words::Count(static_cast<long>(plan.entries.size()), "stakeholder", "stakeholders"), overdue);
  int n = 0;
  for (const auto& e : plan.entries) {
    const auto& s = e.stakeholder;
    const std::string who = s.name.empty() ? s.id : EscapeControls(s.name);
    std::string text =
        fmt::format("{}{}: {}, {}. {}.", who, s.role.empty() ? "" : ", " + EscapeControls(s.role),
                    QuadrantWords(s.quadrant), model::Name(s.stance),
                    words::Capitalized(TimingWords(e, plan.as_of)));
    if (e.key) {
      text += " Key message: " + words::Capitalized(EscapeControls(e.topics[*e.key].message));
      if (const auto others = OthersWords(e); !others.empty()) {
        text += fmt::format(" Also in view for them: {}.", others);
      }
    } else {
      text += " Nothing open concerns them: a short note on the headline keeps them with us.";
    }
    const std::string number = fmt::format("{}. ", ++n);
    std::string paragraph = Wrap(text, 100, number, std::string(number.size(), ' '));
    if (o.color && s.overdue) {
      // The name leads the paragraph; colour it as the table does an overdue contact.
      paragraph.replace(number.size(), who.size(), rt::Paint(who, rt::kRed, o));
    }
    out += "\n" + paragraph;
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
                         {"key_message", e.key ? nlohmann::json(e.topics[*e.key].message)
                                               : nlohmann::json(nullptr)},
                         {"topics", std::move(topics)}});
    }
    out["communication_plan"] = std::move(entries);
  } else {
    out["communication_plan"] = nullptr;
  }
  return out.dump(2);
}

}  // namespace tpmkit::report
