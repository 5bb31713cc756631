// Test-only helpers for the register reports: a small hand-built program and golden
// files under tests/golden/ (TPMKIT_UPDATE_GOLDEN=1 rewrites them instead of comparing).
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "tpmkit/model/program.h"

namespace tpmkit::report::testing {

inline std::string RepoRoot() {
  const std::string file = __FILE__;
  const auto at = file.rfind("/src/tpmkit/");
  return at == std::string::npos ? std::string(".") : file.substr(0, at);
}

// Compares `actual` with tests/golden/<name>.txt byte for byte.
inline void ExpectGolden(const std::string& name, const std::string& actual) {
  const std::string path = RepoRoot() + "/tests/golden/" + name + ".txt";
  const char* update = std::getenv("TPMKIT_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in.good()) << "missing golden file " << path
                         << " (run with TPMKIT_UPDATE_GOLDEN=1 to create it)";
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(actual, expected.str()) << "golden file " << path << " differs";
}

inline Date D(int y, unsigned m, unsigned d) { return Date::FromYmd(y, m, d); }

// A program with every register filled, as of 2026-06-15.
inline model::Program RegisterProgram() {
  using model::RiskStatus;
  model::Program p;
  p.id = "phoenix";
  p.name = "Project Phoenix";
  p.sponsor = "Dana Lee";
  p.start = D(2026, 1, 5);
  p.target = D(2026, 9, 30);
  p.status_date = D(2026, 6, 15);

  auto risk = [](std::string id, std::string title, std::string cat, std::string owner, double pr,
                 int sev, RiskStatus st) {
    model::Risk r;
    r.id = std::move(id);
    r.title = std::move(title);
    r.category = std::move(cat);
    r.owner = std::move(owner);
    r.probability = pr;
    r.severity = sev;
    r.status = st;
    return r;
  };
  p.risks = {
      risk("R-01", "Payment vendor sandbox slips", "vendor", "Priya Shah", 0.4, 4,
           RiskStatus::kOpen),
      risk("R-02", "Cloud costs exceed plan", "budget", "", 0.2, 3, RiskStatus::kOpen),
      risk("R-03", "Cutover window too short", "schedule", "Maria Gomez", 0.6, 2,
           RiskStatus::kMitigating),
      risk("R-04", "Data residency ruling", "regulatory", "Sam Poe", 0.9, 5, RiskStatus::kClosed),
      risk("R-05", "Legacy API throughput", "technical_feasibility", "Ana Ruiz", 0.8, 5,
           RiskStatus::kOpen),
  };
  p.risks[0].impact = model::RiskImpact{10.0, Money::FromDouble(80000), {"integrate"}};
  p.risks[0].residual = model::Residual{0.15, 3};
  p.risks[1].impact = model::RiskImpact{std::nullopt, Money::FromDouble(50000), {}};

  auto person = [](std::string id, std::string name, std::string role, int infl, int imp,
                   model::Stance st) {
    model::Stakeholder s;
    s.id = std::move(id);
    s.name = std::move(name);
    s.role = std::move(role);
    s.influence = infl;
    s.impact = imp;
    s.stance = st;
    s.channel = "email";
    return s;
  };
  auto cfo = person("cfo", "Chen Wu", "CFO", 4, 5, model::Stance::kResistant);
  cfo.last_contact = D(2026, 6, 1);
  cfo.satisfaction = 2;
  auto ops = person("ops-lead", "Maria Gomez", "Operations lead", 5, 4, model::Stance::kSupportive);
  ops.last_contact = D(2026, 6, 10);
  ops.channel = "weekly 1:1";
  ops.satisfaction = 4;
  auto aud = person("auditor", "Sam Poe", "Internal audit", 2, 4, model::Stance::kNeutral);
  aud.cadence = 21;
  aud.last_contact = D(2026, 6, 1);
  auto vp =
      person("vp-sales", "VP Sales", "Vice president of sales", 4, 2, model::Stance::kNeutral);
  auto dev = person("dev", "Lee Park", "Developer", 1, 1, model::Stance::kSupportive);
  dev.channel = "";
  dev.last_contact = D(2026, 6, 1);
  p.stakeholders = {ops, cfo, aud, vp, dev};

  model::Decision d;
  d.id = "D-01";
  d.question = "Build is three weeks late. Add people, cut scope, or move the date?";
  d.options.resize(3);
  d.stakeholder_weights["cfo"] = {{"cost", 60}, {"date", 40}};
  p.decisions = {d};

  model::Change c;
  c.id = "CR-07";
  c.title = "Add single sign-on for the partner portal";
  c.requested_by = "VP Sales";
  c.impact = model::ChangeImpact{5.0, Money::FromDouble(30000)};
  p.changes = {c};

  p.scorecard = model::Scorecard{};
  p.scorecard->assessments = {
      {D(2026, 3, 1),
       "Priya Shah",
       {{"stakeholder_alignment", 2},
        {"technical_feasibility", 2},
        {"budget", 1},
        {"schedule", 2},
        {"regulatory", 1},
        {"vendor", 3}},
       ""},
      {D(2026, 6, 1),
       "Priya Shah",
       {{"stakeholder_alignment", 2},
        {"technical_feasibility", 3},
        {"budget", 2},
        {"schedule", 4},
        {"regulatory", 1},
        {"vendor", 5}},
       "Vendor sandbox slipped twice"},
  };

  p.audit = model::Audit{7, {}};
  model::AuditItem req;
  req.id = "requirements";
  req.status = model::AuditStatus::kDone;
  req.owner = "Ana Ruiz";
  req.due = D(2026, 6, 30);
  req.evidence = {{"docs/requirements-v3.pdf", "9f2c", ""},
                  {"", "", "https://wiki.example.com/phoenix/requirements"}};
  req.signoff = model::Signoff{"Dana Lee", D(2026, 5, 2)};
  model::AuditItem training;
  training.id = "training";
  training.status = model::AuditStatus::kInProgress;
  training.owner = "Maria Gomez";
  training.due = D(2026, 5, 31);
  model::AuditItem trail;
  trail.id = "change_trail";
  trail.status = model::AuditStatus::kDone;
  trail.signoff = model::Signoff{"Dana Lee", D(2026, 6, 2)};
  model::AuditItem privacy;
  privacy.id = "privacy";
  privacy.status = model::AuditStatus::kNotApplicable;
  p.audit->items = {req, training, trail, privacy};
  return p;
}

}  // namespace tpmkit::report::testing
