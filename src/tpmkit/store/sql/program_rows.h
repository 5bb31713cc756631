// A program as rows of the workspace schema (each backend's migrations/001_programs.sql):
// one Put and one Load function per entity, each owning its tables. Private to store/.
//
// Put<Entity>(db, key, program) inserts the entity's rows for the program row `key`
// (whose previous rows the caller has removed). Load<Entity>(db, key, program) reads
// them back into `program`; it runs after the entities listed before it in
// kEntityRows (program_rows.cc), e.g. tasks after the projects and changes that own
// them. Errors: the database's, or kStorage (Corrupt) for rows this build cannot read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "tpmkit/base/error.h"
#include "tpmkit/model/program.h"
#include "tpmkit/store/sql/sql_db.h"

namespace tpmkit::store::sql {

// Replaces the program with the same id (the cascade removes its old rows) and writes
// every entity of `program`.
Status PutProgramRows(SqlDb& db, const model::Program& program);

// The program with that id, nullopt when there is none.
Result<std::optional<model::Program>> LoadProgramRows(SqlDb& db, const std::string& id);

// The program's own row (programs), returning its key; and reading it back, nullopt
// when no program has that id.
Result<int64_t> PutProgram(SqlDb& db, const model::Program& p);
Result<std::optional<int64_t>> LoadProgram(SqlDb& db, const std::string& id, model::Program& p);

// One pair per entity (see the file comment).
Status PutCalendar(SqlDb& db, int64_t key, const model::Program& p);
Status LoadCalendar(SqlDb& db, int64_t key, model::Program& p);
Status PutAssumptions(SqlDb& db, int64_t key, const model::Program& p);
Status LoadAssumptions(SqlDb& db, int64_t key, model::Program& p);
Status PutProjects(SqlDb& db, int64_t key, const model::Program& p);
Status LoadProjects(SqlDb& db, int64_t key, model::Program& p);
// Changes and their approvals; the tasks they add are stored with the plan's tasks.
Status PutChanges(SqlDb& db, int64_t key, const model::Program& p);
Status LoadChanges(SqlDb& db, int64_t key, model::Program& p);
// The plan's tasks and the tasks change requests add, numbered together, with their
// links and resources. Load needs the projects and changes loaded.
Status PutTasks(SqlDb& db, int64_t key, const model::Program& p);
Status LoadTasks(SqlDb& db, int64_t key, model::Program& p);
Status PutDependencies(SqlDb& db, int64_t key, const model::Program& p);
Status LoadDependencies(SqlDb& db, int64_t key, model::Program& p);
Status PutResources(SqlDb& db, int64_t key, const model::Program& p);
Status LoadResources(SqlDb& db, int64_t key, model::Program& p);
Status PutActuals(SqlDb& db, int64_t key, const model::Program& p);
Status LoadActuals(SqlDb& db, int64_t key, model::Program& p);
// The scorecard: its criteria, assessments and their ratings.
Status PutScorecard(SqlDb& db, int64_t key, const model::Program& p);
Status LoadScorecard(SqlDb& db, int64_t key, model::Program& p);
Status PutRisks(SqlDb& db, int64_t key, const model::Program& p);
Status LoadRisks(SqlDb& db, int64_t key, model::Program& p);
Status PutStakeholders(SqlDb& db, int64_t key, const model::Program& p);
Status LoadStakeholders(SqlDb& db, int64_t key, model::Program& p);
// Decisions with their criteria, options (scores, scenarios) and stakeholder weights.
Status PutDecisions(SqlDb& db, int64_t key, const model::Program& p);
Status LoadDecisions(SqlDb& db, int64_t key, model::Program& p);
// Audit readiness: the checklist's items, their evidence and signoffs.
Status PutAuditReadiness(SqlDb& db, int64_t key, const model::Program& p);
Status LoadAuditReadiness(SqlDb& db, int64_t key, model::Program& p);
Status PutTargets(SqlDb& db, int64_t key, const model::Program& p);
Status LoadTargets(SqlDb& db, int64_t key, model::Program& p);

}  // namespace tpmkit::store::sql
