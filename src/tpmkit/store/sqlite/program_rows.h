// A program as rows of the SQLite schema (migrations/001_programs.sql): one Put and one
// Load function per entity, each owning its tables. Private to store/sqlite/.
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
#include "tpmkit/store/sqlite/sqlite_db.h"

namespace tpmkit::store::sqlite {

// Replaces the program with the same id (the cascade removes its old rows) and writes
// every entity of `program`.
Status PutProgramRows(Db& db, const model::Program& program);

// The program with that id, nullopt when there is none.
Result<std::optional<model::Program>> LoadProgramRows(Db& db, const std::string& id);

// The program's own row (programs), returning its key; and reading it back, nullopt
// when no program has that id.
Result<int64_t> PutProgram(Db& db, const model::Program& p);
Result<std::optional<int64_t>> LoadProgram(Db& db, const std::string& id, model::Program& p);

// One pair per entity (see the file comment).
Status PutCalendar(Db& db, int64_t key, const model::Program& p);
Status LoadCalendar(Db& db, int64_t key, model::Program& p);
Status PutAssumptions(Db& db, int64_t key, const model::Program& p);
Status LoadAssumptions(Db& db, int64_t key, model::Program& p);
Status PutProjects(Db& db, int64_t key, const model::Program& p);
Status LoadProjects(Db& db, int64_t key, model::Program& p);
// Changes and their approvals; the tasks they add are stored with the plan's tasks.
Status PutChanges(Db& db, int64_t key, const model::Program& p);
Status LoadChanges(Db& db, int64_t key, model::Program& p);
// The plan's tasks and the tasks change requests add, numbered together, with their
// links and resources. Load needs the projects and changes loaded.
Status PutTasks(Db& db, int64_t key, const model::Program& p);
Status LoadTasks(Db& db, int64_t key, model::Program& p);
Status PutDependencies(Db& db, int64_t key, const model::Program& p);
Status LoadDependencies(Db& db, int64_t key, model::Program& p);
Status PutResources(Db& db, int64_t key, const model::Program& p);
Status LoadResources(Db& db, int64_t key, model::Program& p);
Status PutActuals(Db& db, int64_t key, const model::Program& p);
Status LoadActuals(Db& db, int64_t key, model::Program& p);
// The scorecard: its criteria, assessments and their ratings.
Status PutScorecard(Db& db, int64_t key, const model::Program& p);
Status LoadScorecard(Db& db, int64_t key, model::Program& p);
Status PutRisks(Db& db, int64_t key, const model::Program& p);
Status LoadRisks(Db& db, int64_t key, model::Program& p);
Status PutStakeholders(Db& db, int64_t key, const model::Program& p);
Status LoadStakeholders(Db& db, int64_t key, model::Program& p);
// Decisions with their criteria, options (scores, scenarios) and stakeholder weights.
Status PutDecisions(Db& db, int64_t key, const model::Program& p);
Status LoadDecisions(Db& db, int64_t key, model::Program& p);
// Audit readiness: the checklist's items, their evidence and signoffs.
Status PutAuditReadiness(Db& db, int64_t key, const model::Program& p);
Status LoadAuditReadiness(Db& db, int64_t key, model::Program& p);
Status PutTargets(Db& db, int64_t key, const model::Program& p);
Status LoadTargets(Db& db, int64_t key, model::Program& p);

}  // namespace tpmkit::store::sqlite
