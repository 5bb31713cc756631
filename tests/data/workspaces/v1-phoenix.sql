-- A workspace written by tpmkit 48c355b (schema version 2), kept to prove that later
-- versions still open it, load it and verify its audit trail
-- (src/tpmkit/store/sqlite/sqlite_store_test.cc). Made with:
--   export TPMKIT_ACTOR=tester
--   tpmkit --db X.db apply examples/phoenix.yaml
--   tpmkit --db X.db risk add R-99 --title "Vendor API deprecation" --probability 0.3 --severity 3
--   tpmkit --db X.db risk update R-99 --probability 0.5
--   tpmkit --db X.db stakeholder contact sponsor --on 2026-06-20 --note 'Steering review: "go", budget OK'
--   tpmkit --db X.db risk close R-99
--   tpmkit --db X.db stakeholder contact sponsor --on 2026-06-22 \
--       --note $'Call\r\nfollow-up:\tsend the "plan B" memo'
--   tpmkit --db X.db risk update R-99 --mitigation $'Escrow the SDK\r\n\t"ask legal"\b\f\x01 \xc3\xa9'
--   sqlite3 X.db .dump
-- The last two put control characters, quotes and UTF-8 into the audit trail's
-- canonical text (every escape of its JSON strings). .dump leaves out the schema
-- version, so it is set here by hand. Never edit the rows: the audit trail's hashes
-- cover them.
PRAGMA user_version = 2;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE programs (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  objective TEXT NOT NULL,
  sponsor TEXT NOT NULL,
  currency TEXT NOT NULL,
  start TEXT NOT NULL,
  target TEXT,
  status_date TEXT,
  budget_cents INTEGER
);
INSERT INTO programs VALUES(1,'phoenix','Project Phoenix','Move billing (rating, invoicing, payments, collections) from the Reston data centre to the cloud before the 2026 Q4 change freeze, with no missed billing run.','Dana Lee','USD','2026-01-05','2026-09-30','2026-06-15',240000000);
CREATE TABLE calendars (
  program_key INTEGER PRIMARY KEY REFERENCES programs(key) ON DELETE CASCADE
) WITHOUT ROWID;
INSERT INTO calendars VALUES(1);
CREATE TABLE calendar_workdays (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  weekday TEXT NOT NULL,  -- mon .. sun
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;
INSERT INTO calendar_workdays VALUES(1,0,'mon');
INSERT INTO calendar_workdays VALUES(1,1,'tue');
INSERT INTO calendar_workdays VALUES(1,2,'wed');
INSERT INTO calendar_workdays VALUES(1,3,'thu');
INSERT INTO calendar_workdays VALUES(1,4,'fri');
CREATE TABLE calendar_holidays (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  day TEXT NOT NULL,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;
INSERT INTO calendar_holidays VALUES(1,0,'2026-01-01');
INSERT INTO calendar_holidays VALUES(1,1,'2026-01-19');
INSERT INTO calendar_holidays VALUES(1,2,'2026-02-16');
INSERT INTO calendar_holidays VALUES(1,3,'2026-05-25');
INSERT INTO calendar_holidays VALUES(1,4,'2026-06-19');
INSERT INTO calendar_holidays VALUES(1,5,'2026-07-03');
INSERT INTO calendar_holidays VALUES(1,6,'2026-09-07');
INSERT INTO calendar_holidays VALUES(1,7,'2026-11-26');
INSERT INTO calendar_holidays VALUES(1,8,'2026-12-25');
CREATE TABLE assumptions (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;
INSERT INTO assumptions VALUES(1,0,'The Reston data centre lease can be extended month by month after September at 95,000 USD a month.');
INSERT INTO assumptions VALUES(1,1,'Northwind Payments keeps the current card-processing fees for the migrated merchant accounts.');
INSERT INTO assumptions VALUES(1,2,'Billing operations can release four analysts for user acceptance testing in August.');
INSERT INTO assumptions VALUES(1,3,'The Q4 change freeze starts on 2026-10-01; no cutover is allowed during the freeze.');
INSERT INTO assumptions VALUES(1,4,'Decommissioning the on-premises hardware is out of scope (separate infrastructure budget).');
INSERT INTO assumptions VALUES(1,5,'Two years of invoice history are migrated; older invoices stay in the read-only archive.');
CREATE TABLE projects (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  owner TEXT NOT NULL,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;
INSERT INTO projects VALUES(1,0,'core','Core cloud platform','Ana Ruiz');
INSERT INTO projects VALUES(1,1,'data','Data migration','Kenji Watanabe');
INSERT INTO projects VALUES(1,2,'payments','Payments integration','Priya Shah');
INSERT INTO projects VALUES(1,3,'cutover','Testing, cutover and readiness','Sofia Marin');
CREATE TABLE tasks (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  project_position INTEGER,
  change_position INTEGER,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  owner TEXT NOT NULL,
  duration REAL,
  estimate_optimistic REAL,  -- the estimate columns are NULL together (no estimate)
  estimate_likely REAL,
  estimate_pessimistic REAL,
  estimate_distribution TEXT,
  milestone INTEGER NOT NULL,
  cost_cents INTEGER,
  percent_complete REAL,
  actual_start TEXT,
  actual_finish TEXT,
  has_baseline INTEGER NOT NULL,
  baseline_start TEXT,
  baseline_finish TEXT,
  start_no_earlier_than TEXT,
  deadline TEXT,
  PRIMARY KEY (program_key, position),
  CHECK ((project_position IS NULL) <> (change_position IS NULL))
) WITHOUT ROWID;
INSERT INTO tasks VALUES(1,0,0,NULL,'kickoff','Program kickoff','Sofia Marin',NULL,NULL,NULL,NULL,NULL,1,NULL,100.0,'2026-01-05','2026-01-05',1,'2026-01-05','2026-01-05',NULL,NULL);
INSERT INTO tasks VALUES(1,1,0,NULL,'arch','Target architecture and migration design','Ana Ruiz',NULL,10.0,12.0,18.0,'pert',0,5500000,100.0,'2026-01-05','2026-01-22',1,'2026-01-05','2026-01-21',NULL,NULL);
INSERT INTO tasks VALUES(1,2,0,NULL,'landing-zone','Cloud landing zone (accounts, network, IAM)','Liam Carter',NULL,12.0,15.0,25.0,'pert',0,8000000,100.0,'2026-01-23','2026-02-23',1,'2026-01-22','2026-02-11',NULL,NULL);
INSERT INTO tasks VALUES(1,3,0,NULL,'security-baseline','Security baseline and guardrails','Irene Kowalski',NULL,18.0,20.0,25.0,'pert',0,6000000,100.0,'2026-02-02','2026-03-02',0,NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES(1,4,0,NULL,'iam-sso','Staff single sign-on and role model','Liam Carter',8.0,NULL,NULL,NULL,NULL,0,2500000,100.0,'2026-02-24','2026-03-05',0,NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES(1,5,0,NULL,'cicd','CI/CD pipelines and environments','Jonas Berg',NULL,8.0,10.0,15.0,'triangular',0,4000000,100.0,'2026-02-24','2026-03-09',1,'2026-02-12','2026-02-26',NULL,NULL);
INSERT INTO tasks VALUES(1,6,0,NULL,'billing-build','Build billing core services (rating, invoicing, ledger)','Ana Ruiz',NULL,60.0,75.0,110.0,'pert',0,40000000,65.0,'2026-03-10',NULL,1,'2026-03-02','2026-06-26',NULL,NULL);
INSERT INTO tasks VALUES(1,7,0,NULL,'api-gateway','API gateway and partner APIs','Nadia Petrova',NULL,15.0,20.0,30.0,'pert',0,8000000,60.0,'2026-04-01',NULL,1,'2026-04-06','2026-07-10',NULL,NULL);
INSERT INTO tasks VALUES(1,8,0,NULL,'invoice-portal','Customer invoice portal refresh','Chloe Dubois',NULL,10.0,12.0,18.0,'pert',0,7000000,NULL,NULL,NULL,1,'2026-06-22','2026-07-10',NULL,NULL);
INSERT INTO tasks VALUES(1,9,0,NULL,'observability','Monitoring, logging and alerting','Liam Carter',NULL,10.0,15.0,25.0,'triangular',0,4500000,NULL,NULL,NULL,1,'2026-06-22','2026-07-10',NULL,NULL);
INSERT INTO tasks VALUES(1,10,0,NULL,'dr-setup','Disaster recovery and backups','Maria Gomez',15.0,NULL,NULL,NULL,NULL,0,4500000,60.0,'2026-05-04',NULL,1,'2026-05-04','2026-07-02',NULL,NULL);
INSERT INTO tasks VALUES(1,11,0,NULL,'dr-test','Disaster recovery failover test','Maria Gomez',3.0,NULL,NULL,NULL,NULL,0,1200000,NULL,NULL,NULL,0,NULL,NULL,'2026-08-10',NULL);
INSERT INTO tasks VALUES(1,12,0,NULL,'perf-test','Performance and load testing','Ethan Brooks',NULL,8.0,10.0,18.0,'pert',0,5500000,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES(1,13,0,NULL,'core-ready','Core platform ready','Ana Ruiz',NULL,NULL,NULL,NULL,NULL,1,NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES(1,14,1,NULL,'data-profiling','Legacy billing data profiling','Fatima Haddad',NULL,8.0,10.0,14.0,'pert',0,3500000,100.0,'2026-01-06','2026-01-20',1,'2026-01-05','2026-01-16',NULL,NULL);
INSERT INTO tasks VALUES(1,15,1,NULL,'schema-mapping','Schema and field mapping','Kenji Watanabe',NULL,12.0,15.0,20.0,'pert',0,4500000,100.0,'2026-01-21','2026-02-11',0,NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES(1,16,1,NULL,'archive-extract','Historic invoice archive extract (two years)','Ravi Menon',NULL,8.0,10.0,14.0,'pert',0,2500000,100.0,'2026-02-12','2026-02-26',0,NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES(1,17,1,NULL,'archive-load','Load historic invoices into the archive store','Ravi Menon',NULL,5.0,8.0,12.0,'triangular',0,2000000,100.0,'2026-02-27','2026-03-10',0,NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES(1,18,1,NULL,'etl-build','Build migration pipelines (ETL)','Kenji Watanabe',NULL,50.0,60.0,90.0,'pert',0,14500000,85.0,'2026-03-02',NULL,1,'2026-03-02','2026-06-12',NULL,NULL);
INSERT INTO tasks VALUES(1,19,1,NULL,'data-cleansing','Cleanse customer and account records','Fatima Haddad',NULL,15.0,20.0,30.0,'uniform',0,6000000,80.0,'2026-03-16',NULL,1,'2026-03-16','2026-06-26',NULL,NULL);
INSERT INTO tasks VALUES(1,20,1,NULL,'mock-1','Mock migration 1 (10% sample)','Ravi Menon',NULL,4.0,5.0,8.0,'triangular',0,3000000,NULL,NULL,NULL,1,'2026-06-15','2026-06-22',NULL,NULL);
INSERT INTO tasks VALUES(1,21,1,NULL,'recon-tooling','Reconciliation reports and tooling','Ravi Menon',NULL,10.0,12.0,18.0,'triangular',0,4000000,NULL,NULL,NULL,1,'2026-06-22','2026-07-08',NULL,NULL);
INSERT INTO tasks VALUES(1,22,1,NULL,'mock-2','Mock migration 2 (full volume)','Kenji Watanabe',NULL,5.0,7.0,12.0,'pert',0,4000000,NULL,NULL,NULL,1,'2026-06-30','2026-07-09',NULL,'2026-07-31');
INSERT INTO tasks VALUES(1,23,1,NULL,'dress-rehearsal','Full dress rehearsal (timed, with rollback)','Kenji Watanabe',5.0,NULL,NULL,NULL,NULL,0,3500000,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES(1,24,1,NULL,'data-signoff','Data migration sign-off','Kenji Watanabe',NULL,NULL,NULL,NULL,NULL,1,NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES(1,25,2,NULL,'psp-contract','Payment provider contract and onboarding','Priya Shah',NULL,10.0,15.0,20.0,'pert',0,2000000,100.0,'2026-01-06','2026-01-27',0,NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES(1,26,2,NULL,'psp-integration','Integrate the Northwind Payments API (sandbox)','Paolo Ricci',NULL,15.0,20.0,30.0,'pert',0,8000000,100.0,'2026-03-09','2026-04-03',1,'2026-03-02','2026-03-27',NULL,NULL);
INSERT INTO tasks VALUES(1,27,2,NULL,'fraud-rules','Migrate fraud and velocity rules','Zara Ahmed',NULL,6.0,8.0,12.0,'pert',0,2500000,100.0,'2026-04-06','2026-04-15',0,NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES(1,28,2,NULL,'tokenization','Migrate card tokens from the legacy vault','Paolo Ricci',NULL,15.0,20.0,35.0,'pert',0,8500000,85.0,'2026-04-06',NULL,1,'2026-04-06','2026-05-29',NULL,NULL);
INSERT INTO tasks VALUES(1,29,2,NULL,'bank-file','Bank file and ACH direct-debit integration','Zara Ahmed',NULL,10.0,12.0,20.0,'triangular',0,5000000,80.0,'2026-05-04',NULL,1,'2026-05-04','2026-06-26',NULL,NULL);
INSERT INTO tasks VALUES(1,30,2,NULL,'bank-file-test','Connectivity and file test with First Harbor Bank','Zara Ahmed',5.0,NULL,NULL,NULL,NULL,0,1500000,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES(1,31,2,NULL,'refunds','Refund and chargeback flows','Paolo Ricci',NULL,8.0,10.0,15.0,'pert',0,4500000,70.0,'2026-05-04',NULL,1,'2026-05-04','2026-05-29',NULL,NULL);
INSERT INTO tasks VALUES(1,32,2,NULL,'psp-cert','Northwind Payments production certification','Priya Shah',10.0,NULL,NULL,NULL,NULL,0,2500000,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES(1,33,2,NULL,'pci-assessment','PCI DSS assessment by the QSA','Irene Kowalski',NULL,10.0,15.0,25.0,'pert',0,7500000,NULL,NULL,NULL,0,NULL,NULL,NULL,'2026-08-28');
INSERT INTO tasks VALUES(1,34,3,NULL,'sit','System integration test (billing, payments, data)','Hannah Cole',NULL,12.0,16.0,25.0,'pert',0,8500000,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES(1,35,3,NULL,'uat','User acceptance test with billing operations','Hannah Cole',NULL,10.0,12.0,20.0,'pert',0,5000000,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES(1,36,3,NULL,'training','Billing operations training','Beatriz Santos',10.0,NULL,NULL,NULL,NULL,0,3000000,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES(1,37,3,NULL,'support-readiness','Customer support readiness (scripts, knowledge base)','Tom Becker',10.0,NULL,NULL,NULL,NULL,0,2000000,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES(1,38,3,NULL,'runbook','Cutover runbook and rollback plan','Sofia Marin',NULL,8.0,10.0,15.0,'pert',0,1800000,NULL,NULL,NULL,1,'2026-06-30','2026-07-14',NULL,NULL);
INSERT INTO tasks VALUES(1,39,3,NULL,'comms','Customer and partner notifications','Beatriz Santos',5.0,NULL,NULL,NULL,NULL,0,1200000,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES(1,40,3,NULL,'go-nogo','Go/no-go decision','Dana Lee',NULL,NULL,NULL,NULL,NULL,1,NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES(1,41,3,NULL,'legacy-bridge','Legacy platform bridge support (vendor)','Maria Gomez',20.0,NULL,NULL,NULL,NULL,0,3800000,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES(1,42,3,NULL,'cutover-weekend','Production cutover','Maria Gomez',3.0,NULL,NULL,NULL,NULL,0,4500000,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES(1,43,3,NULL,'live','Billing live on the cloud','Dana Lee',NULL,NULL,NULL,NULL,NULL,1,NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES(1,44,3,NULL,'hypercare','Hypercare (first billing run on the cloud)','Maria Gomez',10.0,NULL,NULL,NULL,NULL,0,5000000,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES(1,45,3,NULL,'close','Program close','Sofia Marin',NULL,NULL,NULL,NULL,NULL,1,NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES(1,46,NULL,2,'partner-sso','Partner portal single sign-on','Nadia Petrova',NULL,6.0,8.0,12.0,'pert',0,4000000,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES(1,47,NULL,2,'partner-sso-release','Partner single sign-on release and pilot','Nadia Petrova',5.0,NULL,NULL,NULL,NULL,0,2400000,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL);
CREATE TABLE task_links (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  task_position INTEGER NOT NULL,
  position INTEGER NOT NULL,
  task TEXT NOT NULL,  -- the predecessor, as written ("id" or "project.id")
  type TEXT NOT NULL,  -- FS | SS | FF | SF
  lag REAL NOT NULL,
  PRIMARY KEY (program_key, task_position, position)
) WITHOUT ROWID;
INSERT INTO task_links VALUES(1,1,0,'kickoff','FS',0.0);
INSERT INTO task_links VALUES(1,2,0,'arch','FS',0.0);
INSERT INTO task_links VALUES(1,3,0,'landing-zone','SS',5.0);
INSERT INTO task_links VALUES(1,4,0,'landing-zone','FS',0.0);
INSERT INTO task_links VALUES(1,5,0,'landing-zone','FS',0.0);
INSERT INTO task_links VALUES(1,6,0,'cicd','FS',0.0);
INSERT INTO task_links VALUES(1,6,1,'arch','FS',0.0);
INSERT INTO task_links VALUES(1,7,0,'cicd','FS',0.0);
INSERT INTO task_links VALUES(1,8,0,'billing-build','FS',-10.0);
INSERT INTO task_links VALUES(1,9,0,'billing-build','FF',5.0);
INSERT INTO task_links VALUES(1,10,0,'landing-zone','FS',0.0);
INSERT INTO task_links VALUES(1,11,0,'dr-setup','FS',0.0);
INSERT INTO task_links VALUES(1,12,0,'observability','FS',0.0);
INSERT INTO task_links VALUES(1,12,1,'cutover.sit','SS',5.0);
INSERT INTO task_links VALUES(1,13,0,'perf-test','FS',0.0);
INSERT INTO task_links VALUES(1,13,1,'dr-test','FS',0.0);
INSERT INTO task_links VALUES(1,13,2,'observability','FS',0.0);
INSERT INTO task_links VALUES(1,13,3,'api-gateway','FS',0.0);
INSERT INTO task_links VALUES(1,13,4,'invoice-portal','FS',0.0);
INSERT INTO task_links VALUES(1,14,0,'core.kickoff','FS',0.0);
INSERT INTO task_links VALUES(1,15,0,'data-profiling','FS',0.0);
INSERT INTO task_links VALUES(1,16,0,'schema-mapping','FS',0.0);
INSERT INTO task_links VALUES(1,17,0,'archive-extract','FS',0.0);
INSERT INTO task_links VALUES(1,17,1,'core.landing-zone','FS',0.0);
INSERT INTO task_links VALUES(1,18,0,'schema-mapping','FS',0.0);
INSERT INTO task_links VALUES(1,18,1,'landing-zone','FS',0.0);
INSERT INTO task_links VALUES(1,19,0,'etl-build','SS',10.0);
INSERT INTO task_links VALUES(1,20,0,'etl-build','FS',0.0);
INSERT INTO task_links VALUES(1,20,1,'cicd','FS',0.0);
INSERT INTO task_links VALUES(1,21,0,'etl-build','SS',20.0);
INSERT INTO task_links VALUES(1,21,1,'mock-2','FF',2.0);
INSERT INTO task_links VALUES(1,22,0,'mock-1','FS',5.0);
INSERT INTO task_links VALUES(1,22,1,'data-cleansing','FS',0.0);
INSERT INTO task_links VALUES(1,22,2,'billing-build','FS',0.0);
INSERT INTO task_links VALUES(1,23,0,'mock-2','FS',5.0);
INSERT INTO task_links VALUES(1,23,1,'cutover.sit','FS',5.0);
INSERT INTO task_links VALUES(1,24,0,'dress-rehearsal','FS',0.0);
INSERT INTO task_links VALUES(1,24,1,'recon-tooling','FS',0.0);
INSERT INTO task_links VALUES(1,25,0,'kickoff','FS',0.0);
INSERT INTO task_links VALUES(1,26,0,'psp-contract','FS',0.0);
INSERT INTO task_links VALUES(1,27,0,'psp-integration','FS',0.0);
INSERT INTO task_links VALUES(1,28,0,'psp-integration','FS',0.0);
INSERT INTO task_links VALUES(1,29,0,'psp-integration','FS',0.0);
INSERT INTO task_links VALUES(1,30,0,'bank-file','FS',0.0);
INSERT INTO task_links VALUES(1,31,0,'fraud-rules','FS',10.0);
INSERT INTO task_links VALUES(1,32,0,'tokenization','FS',0.0);
INSERT INTO task_links VALUES(1,32,1,'refunds','FS',0.0);
INSERT INTO task_links VALUES(1,33,0,'security-baseline','FS',0.0);
INSERT INTO task_links VALUES(1,33,1,'tokenization','FS',0.0);
INSERT INTO task_links VALUES(1,33,2,'core.dr-setup','FS',0.0);
INSERT INTO task_links VALUES(1,34,0,'billing-build','FS',0.0);
INSERT INTO task_links VALUES(1,34,1,'api-gateway','FS',0.0);
INSERT INTO task_links VALUES(1,34,2,'invoice-portal','FS',0.0);
INSERT INTO task_links VALUES(1,34,3,'payments.psp-cert','FS',0.0);
INSERT INTO task_links VALUES(1,34,4,'payments.bank-file-test','FS',0.0);
INSERT INTO task_links VALUES(1,34,5,'data.mock-1','FS',0.0);
INSERT INTO task_links VALUES(1,35,0,'sit','FS',-5.0);
INSERT INTO task_links VALUES(1,36,0,'uat','SS',3.0);
INSERT INTO task_links VALUES(1,37,0,'uat','SS',0.0);
INSERT INTO task_links VALUES(1,38,0,'data.mock-2','SS',0.0);
INSERT INTO task_links VALUES(1,39,0,'runbook','FS',0.0);
INSERT INTO task_links VALUES(1,40,0,'uat','FS',0.0);
INSERT INTO task_links VALUES(1,40,1,'data.data-signoff','FS',0.0);
INSERT INTO task_links VALUES(1,40,2,'payments.pci-assessment','FS',0.0);
INSERT INTO task_links VALUES(1,40,3,'training','FS',0.0);
INSERT INTO task_links VALUES(1,40,4,'support-readiness','FS',0.0);
INSERT INTO task_links VALUES(1,40,5,'comms','FS',0.0);
INSERT INTO task_links VALUES(1,40,6,'core.core-ready','FS',0.0);
INSERT INTO task_links VALUES(1,41,0,'cutover-weekend','SF',0.0);
INSERT INTO task_links VALUES(1,42,0,'go-nogo','FS',0.0);
INSERT INTO task_links VALUES(1,43,0,'cutover-weekend','FS',0.0);
INSERT INTO task_links VALUES(1,44,0,'cutover-weekend','FS',0.0);
INSERT INTO task_links VALUES(1,45,0,'hypercare','FS',0.0);
INSERT INTO task_links VALUES(1,46,0,'api-gateway','FS',0.0);
INSERT INTO task_links VALUES(1,47,0,'partner-sso','FS',0.0);
INSERT INTO task_links VALUES(1,47,1,'hypercare','FS',0.0);
CREATE TABLE task_resources (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  task_position INTEGER NOT NULL,
  position INTEGER NOT NULL,
  resource TEXT NOT NULL,
  PRIMARY KEY (program_key, task_position, position)
) WITHOUT ROWID;
INSERT INTO task_resources VALUES(1,1,0,'core-eng');
INSERT INTO task_resources VALUES(1,2,0,'sre');
INSERT INTO task_resources VALUES(1,2,1,'contractors');
INSERT INTO task_resources VALUES(1,3,0,'security');
INSERT INTO task_resources VALUES(1,4,0,'sre');
INSERT INTO task_resources VALUES(1,5,0,'sre');
INSERT INTO task_resources VALUES(1,6,0,'core-eng');
INSERT INTO task_resources VALUES(1,6,1,'contractors');
INSERT INTO task_resources VALUES(1,7,0,'core-eng');
INSERT INTO task_resources VALUES(1,8,0,'core-eng');
INSERT INTO task_resources VALUES(1,9,0,'sre');
INSERT INTO task_resources VALUES(1,10,0,'sre');
INSERT INTO task_resources VALUES(1,11,0,'sre');
INSERT INTO task_resources VALUES(1,12,0,'qa');
INSERT INTO task_resources VALUES(1,12,1,'core-eng');
INSERT INTO task_resources VALUES(1,14,0,'data-eng');
INSERT INTO task_resources VALUES(1,15,0,'data-eng');
INSERT INTO task_resources VALUES(1,16,0,'data-eng');
INSERT INTO task_resources VALUES(1,17,0,'data-eng');
INSERT INTO task_resources VALUES(1,18,0,'data-eng');
INSERT INTO task_resources VALUES(1,18,1,'contractors');
INSERT INTO task_resources VALUES(1,19,0,'data-eng');
INSERT INTO task_resources VALUES(1,20,0,'data-eng');
INSERT INTO task_resources VALUES(1,21,0,'data-eng');
INSERT INTO task_resources VALUES(1,22,0,'data-eng');
INSERT INTO task_resources VALUES(1,22,1,'contractors');
INSERT INTO task_resources VALUES(1,23,0,'data-eng');
INSERT INTO task_resources VALUES(1,23,1,'sre');
INSERT INTO task_resources VALUES(1,25,0,'pmo');
INSERT INTO task_resources VALUES(1,26,0,'payments-eng');
INSERT INTO task_resources VALUES(1,27,0,'payments-eng');
INSERT INTO task_resources VALUES(1,28,0,'payments-eng');
INSERT INTO task_resources VALUES(1,28,1,'security');
INSERT INTO task_resources VALUES(1,29,0,'payments-eng');
INSERT INTO task_resources VALUES(1,30,0,'payments-eng');
INSERT INTO task_resources VALUES(1,30,1,'qa');
INSERT INTO task_resources VALUES(1,31,0,'payments-eng');
INSERT INTO task_resources VALUES(1,32,0,'payments-eng');
INSERT INTO task_resources VALUES(1,33,0,'security');
INSERT INTO task_resources VALUES(1,34,0,'qa');
INSERT INTO task_resources VALUES(1,34,1,'contractors');
INSERT INTO task_resources VALUES(1,35,0,'qa');
INSERT INTO task_resources VALUES(1,36,0,'pmo');
INSERT INTO task_resources VALUES(1,38,0,'pmo');
INSERT INTO task_resources VALUES(1,39,0,'pmo');
INSERT INTO task_resources VALUES(1,42,0,'sre');
INSERT INTO task_resources VALUES(1,42,1,'data-eng');
INSERT INTO task_resources VALUES(1,44,0,'sre');
INSERT INTO task_resources VALUES(1,44,1,'core-eng');
INSERT INTO task_resources VALUES(1,46,0,'core-eng');
CREATE TABLE dependencies (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  provider TEXT NOT NULL,
  owner TEXT NOT NULL,
  needed_by TEXT,
  status TEXT NOT NULL,
  expected TEXT,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;
INSERT INTO dependencies VALUES(1,0,'cloud-agreement','Cloud enterprise agreement and reserved capacity','Stratus Cloud','Maria Gomez','2026-01-20','delivered','2026-01-16');
INSERT INTO dependencies VALUES(1,1,'psp-sandbox','Northwind Payments sandbox and API credentials','Northwind Payments','Priya Shah','2026-03-02','delivered','2026-03-09');
INSERT INTO dependencies VALUES(1,2,'bank-endpoint','First Harbor Bank SFTP test endpoint for ACH files','First Harbor Bank','Zara Ahmed','2026-06-01','late','2026-06-29');
INSERT INTO dependencies VALUES(1,3,'psp-cert-slot','Northwind Payments production certification slot','Northwind Payments','Priya Shah','2026-06-29','at_risk','2026-07-06');
INSERT INTO dependencies VALUES(1,4,'qsa-window','PCI DSS onsite assessment window','Coastline Assurance (QSA)','Irene Kowalski','2026-08-03','on_track','2026-08-03');
CREATE TABLE dependency_tasks (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  dependency_position INTEGER NOT NULL,
  position INTEGER NOT NULL,
  task TEXT NOT NULL,
  PRIMARY KEY (program_key, dependency_position, position)
) WITHOUT ROWID;
INSERT INTO dependency_tasks VALUES(1,0,0,'landing-zone');
INSERT INTO dependency_tasks VALUES(1,1,0,'psp-integration');
INSERT INTO dependency_tasks VALUES(1,2,0,'bank-file-test');
INSERT INTO dependency_tasks VALUES(1,3,0,'psp-cert');
INSERT INTO dependency_tasks VALUES(1,4,0,'pci-assessment');
CREATE TABLE resources (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  rate_cents INTEGER,
  capacity REAL,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;
INSERT INTO resources VALUES(1,0,'core-eng','Core platform engineers',110000,6.0);
INSERT INTO resources VALUES(1,1,'data-eng','Data engineers',100000,4.0);
INSERT INTO resources VALUES(1,2,'payments-eng','Payments engineers',105000,3.0);
INSERT INTO resources VALUES(1,3,'sre','Cloud SRE team',120000,2.0);
INSERT INTO resources VALUES(1,4,'qa','QA and test team',80000,4.0);
INSERT INTO resources VALUES(1,5,'security','Security and compliance engineers',130000,1.0);
INSERT INTO resources VALUES(1,6,'contractors','Contract engineers (Brightline Consulting)',90000,4.0);
INSERT INTO resources VALUES(1,7,'pmo','Program office and change management',95000,2.0);
CREATE TABLE actuals (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  date TEXT NOT NULL,
  amount_cents INTEGER NOT NULL,
  task TEXT NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;
INSERT INTO actuals VALUES(1,0,'2026-01-31',5800000,'arch','Architecture team, January');
INSERT INTO actuals VALUES(1,1,'2026-01-31',2100000,'psp-contract','Northwind onboarding and legal review');
INSERT INTO actuals VALUES(1,2,'2026-01-31',7100000,'','January payroll allocation and Brightline invoice');
INSERT INTO actuals VALUES(1,3,'2026-02-28',8800000,'landing-zone','Landing zone, SRE overtime after the partner delay');
INSERT INTO actuals VALUES(1,4,'2026-02-28',13200000,'','February payroll allocation and Brightline invoice');
INSERT INTO actuals VALUES(1,5,'2026-03-31',8400000,'psp-integration','Payments integration team, March');
INSERT INTO actuals VALUES(1,6,'2026-03-31',19600000,'','March payroll allocation, Brightline and Stratus Cloud invoices');
INSERT INTO actuals VALUES(1,7,'2026-04-30',9500000,'billing-build','Brightline contract engineers, April');
INSERT INTO actuals VALUES(1,8,'2026-04-30',14000000,'','April payroll allocation and Stratus Cloud invoice');
INSERT INTO actuals VALUES(1,9,'2026-05-31',9800000,'billing-build','Brightline contract engineers, May');
INSERT INTO actuals VALUES(1,10,'2026-05-31',15200000,'','May payroll allocation and Stratus Cloud invoice');
INSERT INTO actuals VALUES(1,11,'2026-06-12',1800000,'tokenization','Token migration tooling licence');
INSERT INTO actuals VALUES(1,12,'2026-06-12',7700000,'','June 1-12 payroll allocation and Brightline invoice');
CREATE TABLE scorecards (
  program_key INTEGER PRIMARY KEY REFERENCES programs(key) ON DELETE CASCADE,
  custom_criteria INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO scorecards VALUES(1,0);
CREATE TABLE scorecard_criteria (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  weight REAL NOT NULL,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;
CREATE TABLE assessments (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  date TEXT NOT NULL,
  by TEXT NOT NULL,
  notes TEXT NOT NULL,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;
INSERT INTO assessments VALUES(1,0,'2026-04-01','Sofia Marin','Landing zone finished five days late; build started a week late. Sandbox delivered. Billing operations engaged but wary of the new close process.');
INSERT INTO assessments VALUES(1,1,'2026-06-01','Sofia Marin','Core build about four weeks behind baseline; bank test endpoint late and the certification slot unconfirmed; spend slightly ahead of earned value.');
CREATE TABLE assessment_ratings (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  assessment_position INTEGER NOT NULL,
  criterion TEXT NOT NULL,
  rating INTEGER NOT NULL,
  PRIMARY KEY (program_key, assessment_position, criterion)
) WITHOUT ROWID;
INSERT INTO assessment_ratings VALUES(1,0,'budget',2);
INSERT INTO assessment_ratings VALUES(1,0,'regulatory',2);
INSERT INTO assessment_ratings VALUES(1,0,'schedule',3);
INSERT INTO assessment_ratings VALUES(1,0,'stakeholder_alignment',2);
INSERT INTO assessment_ratings VALUES(1,0,'technical_feasibility',3);
INSERT INTO assessment_ratings VALUES(1,0,'vendor',3);
INSERT INTO assessment_ratings VALUES(1,1,'budget',3);
INSERT INTO assessment_ratings VALUES(1,1,'regulatory',3);
INSERT INTO assessment_ratings VALUES(1,1,'schedule',4);
INSERT INTO assessment_ratings VALUES(1,1,'stakeholder_alignment',3);
INSERT INTO assessment_ratings VALUES(1,1,'technical_feasibility',3);
INSERT INTO assessment_ratings VALUES(1,1,'vendor',4);
CREATE TABLE risks (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  title TEXT NOT NULL,
  category TEXT NOT NULL,
  owner TEXT NOT NULL,
  status TEXT NOT NULL,
  raised TEXT,
  probability REAL NOT NULL,
  severity INTEGER NOT NULL,
  has_impact INTEGER NOT NULL,
  impact_schedule REAL,
  impact_cost_cents INTEGER,
  mitigation TEXT NOT NULL,
  trigger TEXT NOT NULL,
  response_due TEXT,
  residual_probability REAL,  -- both NULL when there is no residual
  residual_severity INTEGER,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;
INSERT INTO risks VALUES(1,0,'R-01','Northwind Payments certification slot slips past mid-July','vendor','Priya Shah','open','2026-04-20',0.4000000000000000222,4,1,10.0,6000000,'Run Northwind''s pre-certification test pack in the sandbox by 2026-06-30; escalation path to Northwind''s partnerships VP agreed.','Northwind has not confirmed the 2026-07-06 slot by 2026-06-24','2026-06-24',0.2000000000000000111,3);
INSERT INTO risks VALUES(1,1,'R-02','Legacy data quality is worse than profiled','technical_feasibility','Kenji Watanabe','mitigating','2026-02-05',0.4500000000000000111,3,1,8.0,4500000,'Cleansing rules for the top 20 defect types; two billing data stewards assigned','Mock migration 1 rejects more than 2% of accounts','2026-07-10',0.25,3);
INSERT INTO risks VALUES(1,2,'R-03','Rating engine misses the month-end peak (4.2M invoices in 6 hours)','technical_feasibility','Ana Ruiz','open','2026-03-12',0.29999999999999998889,5,1,10.0,7000000,'Early load test of the rating service on production-size data in July','The July load test runs above 5 hours for 4.2M invoices','2026-07-31',NULL,NULL);
INSERT INTO risks VALUES(1,3,'R-04','Integration defect backlog extends system integration test','schedule','Hannah Cole','open','2026-05-11',0.4500000000000000111,4,1,8.0,4000000,'Contract tests between services in CI; daily defect triage during SIT','More than 40 open severity-2 defects in the first SIT week','2026-07-29',0.29999999999999998889,3);
INSERT INTO risks VALUES(1,4,'R-05','Cloud consumption costs exceed the forecast','budget','Robert Okafor','open','2026-04-02',0.75,3,1,NULL,15000000,'Reserved-capacity purchase in July; nightly shutdown of test environments','Monthly cloud bill above 60,000 USD before cutover','2026-07-15',NULL,NULL);
INSERT INTO risks VALUES(1,5,'R-06','QSA assessment finds gaps that need remediation','regulatory','Irene Kowalski','mitigating','2026-02-18',0.34999999999999997779,5,1,10.0,9000000,'Pre-assessment by the internal security team in July; controls matrix closed before the onsite window','More than three controls open on 2026-07-20','2026-07-20',0.2000000000000000111,4);
INSERT INTO risks VALUES(1,6,'R-07','Billing operations withholds UAT sign-off over the new month-end close','stakeholder_alignment','Sofia Marin','open','2026-04-08',0.5500000000000000444,4,1,5.0,2500000,'Joint design sessions with billing operations; two analysts seconded to the build team','Helen Marsh declines the UAT entry criteria','2026-07-01',NULL,NULL);
INSERT INTO risks VALUES(1,7,'R-08','Managed-service partner late on the landing zone','vendor','Liam Carter','realized','2026-01-12',0.29999999999999998889,3,1,5.0,2500000,'Our SRE team took over the network build','Partner misses the 2026-02-11 handover','2026-02-13',NULL,NULL);
INSERT INTO risks VALUES(1,8,'R-09','EU data residency requires an EU region','regulatory','Grace Nakamura','closed','2026-01-08',0.2000000000000000111,4,0,NULL,NULL,'Legal review confirmed the existing agreements cover a US region (2026-02-20)','Legal opinion requires EU hosting','2026-02-27',NULL,NULL);
INSERT INTO risks VALUES(1,9,'R-10','The Q4 change freeze is brought forward to mid-September','schedule','Dana Lee','mitigating','2026-05-04',0.14999999999999999444,5,1,NULL,28500000,'Freeze date confirmed in writing by the CIO office; exception path agreed','The CIO office announces a freeze date before 2026-10-01','2026-07-15',0.050000000000000002775,5);
INSERT INTO risks VALUES(1,10,'R-11','Sponsor reassigned in the operations reorganisation','stakeholder_alignment','Sofia Marin','open','2026-05-20',0.10000000000000000555,5,0,NULL,NULL,'Brief the CFO as deputy sponsor; decisions recorded in the register','Reorganisation announcement names a new COO scope','2026-07-31',NULL,NULL);
INSERT INTO risks VALUES(1,11,'R-12','Contractor day rates rise at the contract renewal','budget','Sofia Marin','closed','2026-01-15',0.29999999999999998889,2,1,NULL,4000000,'Fixed-rate extension signed with Brightline Consulting to 2026-12-31','Renewal quote above 900 USD a day','2026-03-31',NULL,NULL);
INSERT INTO risks VALUES(1,12,'R-13','First Harbor Bank test endpoint slips again','vendor','Zara Ahmed','open','2026-05-27',0.25,3,1,5.0,1000000,'Bank file simulator for SIT; weekly call with the bank''s implementation manager','Endpoint not reachable on 2026-06-29','2026-06-30',NULL,NULL);
INSERT INTO risks VALUES(1,13,'R-99','Vendor API deprecation','','','closed',NULL,0.5,3,0,NULL,NULL,replace(replace('Escrow the SDK\r\n	"ask legal" é','\r',char(13)),'\n',char(10)),'',NULL,NULL,NULL);
CREATE TABLE risk_impact_tasks (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  risk_position INTEGER NOT NULL,
  position INTEGER NOT NULL,
  task TEXT NOT NULL,
  PRIMARY KEY (program_key, risk_position, position)
) WITHOUT ROWID;
INSERT INTO risk_impact_tasks VALUES(1,0,0,'psp-cert');
INSERT INTO risk_impact_tasks VALUES(1,1,0,'mock-2');
INSERT INTO risk_impact_tasks VALUES(1,2,0,'perf-test');
INSERT INTO risk_impact_tasks VALUES(1,3,0,'sit');
INSERT INTO risk_impact_tasks VALUES(1,5,0,'pci-assessment');
INSERT INTO risk_impact_tasks VALUES(1,6,0,'uat');
INSERT INTO risk_impact_tasks VALUES(1,7,0,'landing-zone');
INSERT INTO risk_impact_tasks VALUES(1,11,0,'billing-build');
INSERT INTO risk_impact_tasks VALUES(1,12,0,'bank-file-test');
CREATE TABLE stakeholders (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  influence INTEGER NOT NULL,
  impact INTEGER NOT NULL,
  stance TEXT NOT NULL,
  channel TEXT NOT NULL,
  cadence REAL,
  last_contact TEXT,
  satisfaction INTEGER,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;
INSERT INTO stakeholders VALUES(1,0,'sponsor','Dana Lee','Chief Operating Officer (sponsor)',5,4,'supportive','weekly 1:1',7.0,'2026-06-22',4);
INSERT INTO stakeholders VALUES(1,1,'cfo','Robert Okafor','Chief Financial Officer',5,4,'neutral','email and monthly steering committee',7.0,'2026-06-01',3);
INSERT INTO stakeholders VALUES(1,2,'billing-ops','Helen Marsh','Head of Billing Operations',4,5,'resistant','in person',7.0,'2026-06-05',2);
INSERT INTO stakeholders VALUES(1,3,'ciso','Victor Lindqvist','Chief Information Security Officer',4,2,'neutral','security review board',NULL,'2026-05-28',3);
INSERT INTO stakeholders VALUES(1,4,'vp-sales','Marcus Reid','VP Sales',4,3,'resistant','email',14.0,'2026-06-09',2);
INSERT INTO stakeholders VALUES(1,5,'infra-ops','Maria Gomez','Infrastructure operations lead',3,5,'supportive','team channel',NULL,'2026-06-10',4);
INSERT INTO stakeholders VALUES(1,6,'support','Tom Becker','Customer support manager',2,4,'neutral','email',NULL,'2026-06-03',3);
INSERT INTO stakeholders VALUES(1,7,'compliance','Grace Nakamura','Chief Compliance Officer',3,4,'supportive','monthly compliance review',14.0,'2026-06-08',4);
INSERT INTO stakeholders VALUES(1,8,'internal-audit','Samuel Adeyemi','Internal audit manager',3,2,'neutral','email',NULL,'2026-05-20',NULL);
INSERT INTO stakeholders VALUES(1,9,'psp-account','Lena Fischer','Account manager, Northwind Payments',2,2,'supportive','vendor call',14.0,'2026-06-11',NULL);
INSERT INTO stakeholders VALUES(1,10,'partner-council','Owen Price','Chair, partner advisory council',2,3,'neutral','newsletter',NULL,NULL,NULL);
CREATE TABLE stakeholder_contacts (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  stakeholder_position INTEGER NOT NULL,
  position INTEGER NOT NULL,
  on_date TEXT NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (program_key, stakeholder_position, position)
) WITHOUT ROWID;
INSERT INTO stakeholder_contacts VALUES(1,0,0,'2026-06-20','Steering review: "go", budget OK');
INSERT INTO stakeholder_contacts VALUES(1,0,1,'2026-06-22',replace(replace('Call\r\nfollow-up:	send the "plan B" memo','\r',char(13)),'\n',char(10)));
CREATE TABLE decisions (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  question TEXT NOT NULL,
  status TEXT NOT NULL,
  decision_rule TEXT NOT NULL,
  chosen TEXT NOT NULL,
  rationale TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_on TEXT,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;
INSERT INTO decisions VALUES(1,0,'D-01','The core build is four weeks late. Add people, cut scope, or move the date?','open','Highest weighted score among the options with p_on_time of at least 0.4; if none qualifies, the steering committee decides.','','','',NULL);
INSERT INTO decisions VALUES(1,1,'D-02','Cutover in one weekend, or in three waves by customer segment?','decided','Highest weighted score','big-bang','Phasing lowers the cutover risk a little but runs two billing platforms in parallel for three weeks, costs 145,000 USD more and ends after the freeze.','Dana Lee','2026-03-18');
CREATE TABLE decision_criteria (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  decision_position INTEGER NOT NULL,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  weight REAL NOT NULL,
  measure TEXT,
  PRIMARY KEY (program_key, decision_position, position)
) WITHOUT ROWID;
INSERT INTO decision_criteria VALUES(1,0,0,'cost','Program cost',20.0,'cost');
INSERT INTO decision_criteria VALUES(1,0,1,'p80','P80 finish date',30.0,'p80_finish');
INSERT INTO decision_criteria VALUES(1,0,2,'on_time','Chance to finish by the target',25.0,'p_on_time');
INSERT INTO decision_criteria VALUES(1,0,3,'risk','Delivery risk',25.0,NULL);
INSERT INTO decision_criteria VALUES(1,1,0,'risk','Cutover risk',40.0,NULL);
INSERT INTO decision_criteria VALUES(1,1,1,'cost','Program cost',30.0,'cost');
INSERT INTO decision_criteria VALUES(1,1,2,'finish','Finish date',30.0,'finish');
CREATE TABLE decision_options (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  decision_position INTEGER NOT NULL,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (program_key, decision_position, position)
) WITHOUT ROWID;
INSERT INTO decision_options VALUES(1,0,0,'add-people','Add three contract engineers to the core build');
INSERT INTO decision_options VALUES(1,0,1,'cut-scope','Defer the invoice portal refresh to Q1 2027');
INSERT INTO decision_options VALUES(1,0,2,'move-date','Move go-live to 2026-10-30 under a change-freeze exception');
INSERT INTO decision_options VALUES(1,1,0,'big-bang','One cutover weekend after two full rehearsals');
INSERT INTO decision_options VALUES(1,1,1,'phased','Three waves by customer segment over three weeks');
CREATE TABLE option_scores (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  decision_position INTEGER NOT NULL,
  option_position INTEGER NOT NULL,
  criterion TEXT NOT NULL,
  score INTEGER NOT NULL,
  PRIMARY KEY (program_key, decision_position, option_position, criterion)
) WITHOUT ROWID;
INSERT INTO option_scores VALUES(1,0,0,'risk',3);
INSERT INTO option_scores VALUES(1,0,1,'risk',4);
INSERT INTO option_scores VALUES(1,0,2,'risk',2);
INSERT INTO option_scores VALUES(1,1,0,'risk',3);
INSERT INTO option_scores VALUES(1,1,1,'risk',4);
CREATE TABLE option_scenarios (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  decision_position INTEGER NOT NULL,
  option_position INTEGER NOT NULL,
  cost_cents INTEGER,
  duration_factor REAL,
  target TEXT,
  PRIMARY KEY (program_key, decision_position, option_position)
) WITHOUT ROWID;
INSERT INTO option_scenarios VALUES(1,0,0,15000000,0.84999999999999997779,NULL);
INSERT INTO option_scenarios VALUES(1,0,1,NULL,NULL,NULL);
INSERT INTO option_scenarios VALUES(1,0,2,9500000,NULL,'2026-10-30');
INSERT INTO option_scenarios VALUES(1,1,0,3500000,NULL,NULL);
INSERT INTO option_scenarios VALUES(1,1,1,18000000,3.0,NULL);
CREATE TABLE scenario_tasks (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  decision_position INTEGER NOT NULL,
  option_position INTEGER NOT NULL,
  list TEXT NOT NULL,  -- 'factor' (duration_factor.tasks) | 'remove' (remove_tasks)
  position INTEGER NOT NULL,
  task TEXT NOT NULL,
  PRIMARY KEY (program_key, decision_position, option_position, list, position)
) WITHOUT ROWID;
INSERT INTO scenario_tasks VALUES(1,0,0,'factor',0,'billing-build');
INSERT INTO scenario_tasks VALUES(1,0,0,'factor',1,'invoice-portal');
INSERT INTO scenario_tasks VALUES(1,0,1,'remove',0,'invoice-portal');
INSERT INTO scenario_tasks VALUES(1,1,1,'factor',0,'cutover-weekend');
INSERT INTO scenario_tasks VALUES(1,1,1,'factor',1,'hypercare');
CREATE TABLE stakeholder_weights (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  decision_position INTEGER NOT NULL,
  stakeholder TEXT NOT NULL,
  criterion TEXT,  -- NULL: the stakeholder is listed with no weights
  weight REAL,
  PRIMARY KEY (program_key, decision_position, stakeholder, criterion)
);
INSERT INTO stakeholder_weights VALUES(1,0,'billing-ops','cost',0.0);
INSERT INTO stakeholder_weights VALUES(1,0,'billing-ops','on_time',60.0);
INSERT INTO stakeholder_weights VALUES(1,0,'billing-ops','p80',10.0);
INSERT INTO stakeholder_weights VALUES(1,0,'billing-ops','risk',30.0);
INSERT INTO stakeholder_weights VALUES(1,0,'cfo','cost',50.0);
INSERT INTO stakeholder_weights VALUES(1,0,'cfo','on_time',20.0);
INSERT INTO stakeholder_weights VALUES(1,0,'cfo','p80',10.0);
INSERT INTO stakeholder_weights VALUES(1,0,'cfo','risk',20.0);
CREATE TABLE changes (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  title TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  requested_on TEXT,
  status TEXT NOT NULL,
  has_impact INTEGER NOT NULL,
  impact_schedule REAL,
  impact_cost_cents INTEGER,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;
INSERT INTO changes VALUES(1,0,'CR-01','Apply the EU VAT rounding rule in the rating engine','Grace Nakamura','2026-02-03','implemented',1,2.0,1200000);
INSERT INTO changes VALUES(1,1,'CR-02','Usage-based pricing for the enterprise tier','Marcus Reid','2026-04-14','approved',1,5.0,4500000);
INSERT INTO changes VALUES(1,2,'CR-03','Single sign-on for the partner portal','Marcus Reid','2026-05-18','proposed',1,5.0,6400000);
INSERT INTO changes VALUES(1,3,'CR-04','Migrate seven years of invoice history instead of two','Helen Marsh','2026-03-02','rejected',1,15.0,14000000);
CREATE TABLE change_approvals (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  change_position INTEGER NOT NULL,
  position INTEGER NOT NULL,
  by TEXT NOT NULL,
  on_date TEXT NOT NULL,
  decision TEXT NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (program_key, change_position, position)
) WITHOUT ROWID;
INSERT INTO change_approvals VALUES(1,0,0,'Dana Lee','2026-02-10','approved','Regulatory; absorbed in the build');
INSERT INTO change_approvals VALUES(1,1,0,'Robert Okafor','2026-04-21','approved','Funded from contingency');
INSERT INTO change_approvals VALUES(1,1,1,'Dana Lee','2026-04-22','approved','Build estimate raised from 70d to 75d likely');
INSERT INTO change_approvals VALUES(1,3,0,'Dana Lee','2026-03-12','rejected','Older invoices stay in the read-only archive');
CREATE TABLE audit_readiness (
  program_key INTEGER PRIMARY KEY REFERENCES programs(key) ON DELETE CASCADE,
  retention_years INTEGER
) WITHOUT ROWID;
INSERT INTO audit_readiness VALUES(1,7);
CREATE TABLE audit_items (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  status TEXT NOT NULL,
  owner TEXT NOT NULL,
  due TEXT,
  signoff_by TEXT,  -- both NULL when there is no signoff
  signoff_on TEXT,
  note TEXT NOT NULL,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;
INSERT INTO audit_items VALUES(1,0,'requirements','done','Ana Ruiz','2026-03-31','Dana Lee','2026-03-02','Version 3.0 approved by the steering committee');
INSERT INTO audit_items VALUES(1,1,'change_trail','done','Sofia Marin','2026-06-30','Grace Nakamura','2026-06-08','Change register exported and reconciled with the tpmkit audit trail');
INSERT INTO audit_items VALUES(1,2,'security_controls','in_progress','Irene Kowalski','2026-07-31',NULL,NULL,'5 of 10 controls implemented; the rest before the QSA window');
INSERT INTO audit_items VALUES(1,3,'risk_assessments','done','Sofia Marin','2026-06-05',NULL,NULL,'June assessment held; the CISO has not signed the regulatory section');
INSERT INTO audit_items VALUES(1,4,'approvals','done','Sofia Marin','2026-06-30','Dana Lee','2026-06-10','Steering committee decisions SC-01 to SC-06');
INSERT INTO audit_items VALUES(1,5,'training','in_progress','Beatriz Santos','2026-06-01',NULL,NULL,'Four delivery team members still owe the mandatory compliance courses');
INSERT INTO audit_items VALUES(1,6,'compliance_escalation','not_started','Grace Nakamura','2026-07-15',NULL,NULL,'Escalation path for compliance incidents after go-live to be agreed with Legal');
INSERT INTO audit_items VALUES(1,7,'internal_audits','not_applicable','Samuel Adeyemi',NULL,NULL,NULL,'Covered by the group internal audit plan for 2027; no program-level audit');
INSERT INTO audit_items VALUES(1,8,'record_retention','done','Grace Nakamura','2026-05-31','Grace Nakamura','2026-05-15','Seven-year retention for invoices and payments');
INSERT INTO audit_items VALUES(1,9,'privacy','done','Nora Whitfield','2026-04-30','Nora Whitfield','2026-04-28','Data protection impact assessment approved by the DPO');
CREATE TABLE audit_evidence (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  item_position INTEGER NOT NULL,
  position INTEGER NOT NULL,
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  url TEXT NOT NULL,
  PRIMARY KEY (program_key, item_position, position)
) WITHOUT ROWID;
INSERT INTO audit_evidence VALUES(1,0,0,'evidence/requirements-signoff.md','b3af4ddad7b5693abd0e6d8144ceef5cfea5102e7a63f94ddcb096804c76ef4a','');
INSERT INTO audit_evidence VALUES(1,0,1,'','','https://wiki.example.com/phoenix/requirements-v3');
INSERT INTO audit_evidence VALUES(1,1,0,'evidence/change-control-log.md','1d842d425ce8872243d6fd285407931b4c6af5d43b153d684907b89517589edc','');
INSERT INTO audit_evidence VALUES(1,2,0,'evidence/security-controls-matrix.md','835bee7c6e8025c1262213b271c21608fd9f3b882b54d8d0c3ab5b4bb41628a6','');
INSERT INTO audit_evidence VALUES(1,3,0,'evidence/risk-assessment-2026-06.md','11f3af86b024375203247daac46e934c0f02a023427d45d5e0466752d8494e77','');
INSERT INTO audit_evidence VALUES(1,4,0,'evidence/steering-approvals.md','ffc42a795dbc54eb6e5f3e6f1631a52c91976176be82462ff0b470786538389f','');
INSERT INTO audit_evidence VALUES(1,4,1,'','','https://wiki.example.com/phoenix/steering-committee');
INSERT INTO audit_evidence VALUES(1,5,0,'evidence/training-roster.md','759317b461e87ee7711d9f35187ddfd2a65aa66d9f3e6e427b1e7a2f9304612d','');
INSERT INTO audit_evidence VALUES(1,8,0,'evidence/record-retention-policy.md','594169f533da957d67a7b1a2ff949d84bebf758fa3ac1bf4e446a6ef6eac556f','');
INSERT INTO audit_evidence VALUES(1,9,0,'evidence/dpia-summary.md','b7cb9e24d07a06edf98255d015966f03da4d2eff6ea82f0369efa601d69d241a','');
INSERT INTO audit_evidence VALUES(1,9,1,'','','https://wiki.example.com/phoenix/dpia');
CREATE TABLE targets (
  program_key INTEGER PRIMARY KEY REFERENCES programs(key) ON DELETE CASCADE,
  spi REAL,
  cpi REAL,
  p_on_time REAL,
  readiness REAL,
  satisfaction REAL,
  risk_score REAL
) WITHOUT ROWID;
INSERT INTO targets VALUES(1,0.94999999999999995559,0.94999999999999995559,0.8000000000000000444,90.0,4.0,40.0);
CREATE TABLE audit_trail (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,          -- UTC, YYYY-MM-DDTHH:MM:SSZ
  actor TEXT NOT NULL,
  program TEXT NOT NULL,     -- program id
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL,      -- create | update | delete
  changes TEXT NOT NULL,     -- canonical JSON array of {field, new, old}
  prev_hash TEXT NOT NULL,   -- '' for seq 1
  hash TEXT NOT NULL
);
INSERT INTO audit_trail VALUES(1,'2026-12-01T14:19:15Z','tester','phoenix','program','phoenix','create','[{"field":"name","new":"Project Phoenix","old":null},{"field":"objective","new":"Move billing (rating, invoicing, payments, collections) from the Reston data centre to the cloud before the 2026 Q4 change freeze, with no missed billing run.","old":null},{"field":"sponsor","new":"Dana Lee","old":null},{"field":"currency","new":"USD","old":null},{"field":"start","new":"2026-01-05","old":null},{"field":"target","new":"2026-09-30","old":null},{"field":"status_date","new":"2026-06-15","old":null},{"field":"budget","new":"2400000","old":null}]','','ce7f0368976f56de00ee7a5f91afef443f243e9c33624adc6f3deb1d068479d1');
INSERT INTO audit_trail VALUES(2,'2026-12-01T14:19:15Z','tester','phoenix','calendar','phoenix','create','[{"field":"workweek","new":"[mon, tue, wed, thu, fri]","old":null},{"field":"holidays","new":"[2026-01-01, 2026-01-19, 2026-02-16, 2026-05-25, 2026-06-19, 2026-07-03, 2026-09-07, 2026-11-26, 2026-12-25]","old":null}]','ce7f0368976f56de00ee7a5f91afef443f243e9c33624adc6f3deb1d068479d1','a414f674496d4aabe34b5ffb5793d780bac83a313595d71b56550fe8b1920e88');
INSERT INTO audit_trail VALUES(3,'2026-12-01T14:19:15Z','tester','phoenix','assumptions','phoenix','create','[{"field":"items","new":"[\"The Reston data centre lease can be extended month by month after September at 95,000 USD a month.\", Northwind Payments keeps the current card-processing fees for the migrated merchant accounts., Billing operations can release four analysts for user acceptance testing in August., The Q4 change freeze starts on 2026-10-01; no cutover is allowed during the freeze., Decommissioning the on-premises hardware is out of scope (separate infrastructure budget)., Two years of invoice history are migrated; older invoices stay in the read-only archive.]","old":null}]','a414f674496d4aabe34b5ffb5793d780bac83a313595d71b56550fe8b1920e88','136e2fa63d1d3768b13ba84bc825ff56d350fbffafbdcc697a111746dc54e5a3');
INSERT INTO audit_trail VALUES(4,'2026-12-01T14:19:15Z','tester','phoenix','project','core','create','[{"field":"name","new":"Core cloud platform","old":null},{"field":"owner","new":"Ana Ruiz","old":null}]','136e2fa63d1d3768b13ba84bc825ff56d350fbffafbdcc697a111746dc54e5a3','3f3b03e8938a47c3ec7569668f27da49e3182f2cb66bbc4b96efd9ed0e2b0ea6');
INSERT INTO audit_trail VALUES(5,'2026-12-01T14:19:15Z','tester','phoenix','task','kickoff','create','[{"field":"project","new":"core","old":null},{"field":"name","new":"Program kickoff","old":null},{"field":"owner","new":"Sofia Marin","old":null},{"field":"milestone","new":"true","old":null},{"field":"percent_complete","new":"100","old":null},{"field":"actual_start","new":"2026-01-05","old":null},{"field":"actual_finish","new":"2026-01-05","old":null},{"field":"baseline.start","new":"2026-01-05","old":null},{"field":"baseline.finish","new":"2026-01-05","old":null}]','3f3b03e8938a47c3ec7569668f27da49e3182f2cb66bbc4b96efd9ed0e2b0ea6','ae53c730452afd7d997401ff8d70f94b866cd6f77c6c038461f9eb7c7d31b893');
INSERT INTO audit_trail VALUES(6,'2026-12-01T14:19:15Z','tester','phoenix','task','arch','create','[{"field":"project","new":"core","old":null},{"field":"name","new":"Target architecture and migration design","old":null},{"field":"owner","new":"Ana Ruiz","old":null},{"field":"estimate.optimistic","new":"10d","old":null},{"field":"estimate.likely","new":"12d","old":null},{"field":"estimate.pessimistic","new":"18d","old":null},{"field":"estimate.distribution","new":"pert","old":null},{"field":"depends","new":"[kickoff]","old":null},{"field":"resources","new":"[core-eng]","old":null},{"field":"cost","new":"55000","old":null},{"field":"percent_complete","new":"100","old":null},{"field":"actual_start","new":"2026-01-05","old":null},{"field":"actual_finish","new":"2026-01-22","old":null},{"field":"baseline.start","new":"2026-01-05","old":null},{"field":"baseline.finish","new":"2026-01-21","old":null}]','ae53c730452afd7d997401ff8d70f94b866cd6f77c6c038461f9eb7c7d31b893','4f95a86650a1da27e96213a925f4cc839d2085e6e6cf0444834fc4ceee032d03');
INSERT INTO audit_trail VALUES(7,'2026-12-01T14:19:15Z','tester','phoenix','task','landing-zone','create','[{"field":"project","new":"core","old":null},{"field":"name","new":"Cloud landing zone (accounts, network, IAM)","old":null},{"field":"owner","new":"Liam Carter","old":null},{"field":"estimate.optimistic","new":"12d","old":null},{"field":"estimate.likely","new":"15d","old":null},{"field":"estimate.pessimistic","new":"25d","old":null},{"field":"estimate.distribution","new":"pert","old":null},{"field":"depends","new":"[arch]","old":null},{"field":"resources","new":"[sre, contractors]","old":null},{"field":"cost","new":"80000","old":null},{"field":"percent_complete","new":"100","old":null},{"field":"actual_start","new":"2026-01-23","old":null},{"field":"actual_finish","new":"2026-02-23","old":null},{"field":"baseline.start","new":"2026-01-22","old":null},{"field":"baseline.finish","new":"2026-02-11","old":null}]','4f95a86650a1da27e96213a925f4cc839d2085e6e6cf0444834fc4ceee032d03','d29da9e77bc1899c48db92f85b1701ae803f183f036a4baf64fb28566efeedb3');
INSERT INTO audit_trail VALUES(8,'2026-12-01T14:19:15Z','tester','phoenix','task','security-baseline','create','[{"field":"project","new":"core","old":null},{"field":"name","new":"Security baseline and guardrails","old":null},{"field":"owner","new":"Irene Kowalski","old":null},{"field":"estimate.optimistic","new":"18d","old":null},{"field":"estimate.likely","new":"20d","old":null},{"field":"estimate.pessimistic","new":"25d","old":null},{"field":"estimate.distribution","new":"pert","old":null},{"field":"depends","new":"[{task: landing-zone, type: SS, lag: 5d}]","old":null},{"field":"resources","new":"[security]","old":null},{"field":"cost","new":"60000","old":null},{"field":"percent_complete","new":"100","old":null},{"field":"actual_start","new":"2026-02-02","old":null},{"field":"actual_finish","new":"2026-03-02","old":null}]','d29da9e77bc1899c48db92f85b1701ae803f183f036a4baf64fb28566efeedb3','a5b5b98737bf5b952909fd6e34c5381b893125e5570a1008bb48682d0de52e26');
INSERT INTO audit_trail VALUES(9,'2026-12-01T14:19:15Z','tester','phoenix','task','iam-sso','create','[{"field":"project","new":"core","old":null},{"field":"name","new":"Staff single sign-on and role model","old":null},{"field":"owner","new":"Liam Carter","old":null},{"field":"duration","new":"8d","old":null},{"field":"depends","new":"[landing-zone]","old":null},{"field":"resources","new":"[sre]","old":null},{"field":"cost","new":"25000","old":null},{"field":"percent_complete","new":"100","old":null},{"field":"actual_start","new":"2026-02-24","old":null},{"field":"actual_finish","new":"2026-03-05","old":null}]','a5b5b98737bf5b952909fd6e34c5381b893125e5570a1008bb48682d0de52e26','713db97cf21beca7d88f60136eb8d904b5fb255e8b43c3c49fa00556a17faf8d');
INSERT INTO audit_trail VALUES(10,'2026-12-01T14:19:15Z','tester','phoenix','task','cicd','create','[{"field":"project","new":"core","old":null},{"field":"name","new":"CI/CD pipelines and environments","old":null},{"field":"owner","new":"Jonas Berg","old":null},{"field":"estimate.optimistic","new":"8d","old":null},{"field":"estimate.likely","new":"10d","old":null},{"field":"estimate.pessimistic","new":"15d","old":null},{"field":"estimate.distribution","new":"triangular","old":null},{"field":"depends","new":"[landing-zone]","old":null},{"field":"resources","new":"[sre]","old":null},{"field":"cost","new":"40000","old":null},{"field":"percent_complete","new":"100","old":null},{"field":"actual_start","new":"2026-02-24","old":null},{"field":"actual_finish","new":"2026-03-09","old":null},{"field":"baseline.start","new":"2026-02-12","old":null},{"field":"baseline.finish","new":"2026-02-26","old":null}]','713db97cf21beca7d88f60136eb8d904b5fb255e8b43c3c49fa00556a17faf8d','20ec8aeba628ef84d0aa99ce47b66bb11043284e3cbfb14aaea6467a1a481153');
INSERT INTO audit_trail VALUES(11,'2026-12-01T14:19:15Z','tester','phoenix','task','billing-build','create','[{"field":"project","new":"core","old":null},{"field":"name","new":"Build billing core services (rating, invoicing, ledger)","old":null},{"field":"owner","new":"Ana Ruiz","old":null},{"field":"estimate.optimistic","new":"60d","old":null},{"field":"estimate.likely","new":"75d","old":null},{"field":"estimate.pessimistic","new":"110d","old":null},{"field":"estimate.distribution","new":"pert","old":null},{"field":"depends","new":"[cicd, arch]","old":null},{"field":"resources","new":"[core-eng, contractors]","old":null},{"field":"cost","new":"400000","old":null},{"field":"percent_complete","new":"65","old":null},{"field":"actual_start","new":"2026-03-10","old":null},{"field":"baseline.start","new":"2026-03-02","old":null},{"field":"baseline.finish","new":"2026-06-26","old":null}]','20ec8aeba628ef84d0aa99ce47b66bb11043284e3cbfb14aaea6467a1a481153','9961a366e00e8622100d73130c7e9dbdd6a92e218a64cb8e8efdd86170aa342f');
INSERT INTO audit_trail VALUES(12,'2026-12-01T14:19:15Z','tester','phoenix','task','api-gateway','create','[{"field":"project","new":"core","old":null},{"field":"name","new":"API gateway and partner APIs","old":null},{"field":"owner","new":"Nadia Petrova","old":null},{"field":"estimate.optimistic","new":"15d","old":null},{"field":"estimate.likely","new":"20d","old":null},{"field":"estimate.pessimistic","new":"30d","old":null},{"field":"estimate.distribution","new":"pert","old":null},{"field":"depends","new":"[cicd]","old":null},{"field":"resources","new":"[core-eng]","old":null},{"field":"cost","new":"80000","old":null},{"field":"percent_complete","new":"60","old":null},{"field":"actual_start","new":"2026-04-01","old":null},{"field":"baseline.start","new":"2026-04-06","old":null},{"field":"baseline.finish","new":"2026-07-10","old":null}]','9961a366e00e8622100d73130c7e9dbdd6a92e218a64cb8e8efdd86170aa342f','297b34e96312c3403c066551c8d6c6df2046b2e9b88215c217f021abbdb21889');
INSERT INTO audit_trail VALUES(13,'2026-12-01T14:19:15Z','tester','phoenix','task','invoice-portal','create','[{"field":"project","new":"core","old":null},{"field":"name","new":"Customer invoice portal refresh","old":null},{"field":"owner","new":"Chloe Dubois","old":null},{"field":"estimate.optimistic","new":"10d","old":null},{"field":"estimate.likely","new":"12d","old":null},{"field":"estimate.pessimistic","new":"18d","old":null},{"field":"estimate.distribution","new":"pert","old":null},{"field":"depends","new":"[{task: billing-build, type: FS, lag: -10d}]","old":null},{"field":"resources","new":"[core-eng]","old":null},{"field":"cost","new":"70000","old":null},{"field":"baseline.start","new":"2026-06-22","old":null},{"field":"baseline.finish","new":"2026-07-10","old":null}]','297b34e96312c3403c066551c8d6c6df2046b2e9b88215c217f021abbdb21889','16a69427b1856949ae85e3698cabcaf79a1d2d1d0d9e796e633bb6f088a2014b');
INSERT INTO audit_trail VALUES(14,'2026-12-01T14:19:15Z','tester','phoenix','task','observability','create','[{"field":"project","new":"core","old":null},{"field":"name","new":"Monitoring, logging and alerting","old":null},{"field":"owner","new":"Liam Carter","old":null},{"field":"estimate.optimistic","new":"10d","old":null},{"field":"estimate.likely","new":"15d","old":null},{"field":"estimate.pessimistic","new":"25d","old":null},{"field":"estimate.distribution","new":"triangular","old":null},{"field":"depends","new":"[{task: billing-build, type: FF, lag: 5d}]","old":null},{"field":"resources","new":"[sre]","old":null},{"field":"cost","new":"45000","old":null},{"field":"baseline.start","new":"2026-06-22","old":null},{"field":"baseline.finish","new":"2026-07-10","old":null}]','16a69427b1856949ae85e3698cabcaf79a1d2d1d0d9e796e633bb6f088a2014b','522f1c4e6171e51cfb5839b17e107b7b05e6b0a42ede21d3a3505dcd4a60af56');
INSERT INTO audit_trail VALUES(15,'2026-12-01T14:19:15Z','tester','phoenix','task','dr-setup','create','[{"field":"project","new":"core","old":null},{"field":"name","new":"Disaster recovery and backups","old":null},{"field":"owner","new":"Maria Gomez","old":null},{"field":"duration","new":"15d","old":null},{"field":"depends","new":"[landing-zone]","old":null},{"field":"resources","new":"[sre]","old":null},{"field":"cost","new":"45000","old":null},{"field":"percent_complete","new":"60","old":null},{"field":"actual_start","new":"2026-05-04","old":null},{"field":"baseline.start","new":"2026-05-04","old":null},{"field":"baseline.finish","new":"2026-07-02","old":null}]','522f1c4e6171e51cfb5839b17e107b7b05e6b0a42ede21d3a3505dcd4a60af56','fd7f33a86752469f888479769681391f54c7dcd1b1dcf2921466576be1dec95a');
INSERT INTO audit_trail VALUES(16,'2026-12-01T14:19:15Z','tester','phoenix','task','dr-test','create','[{"field":"project","new":"core","old":null},{"field":"name","new":"Disaster recovery failover test","old":null},{"field":"owner","new":"Maria Gomez","old":null},{"field":"duration","new":"3d","old":null},{"field":"depends","new":"[dr-setup]","old":null},{"field":"resources","new":"[sre]","old":null},{"field":"cost","new":"12000","old":null},{"field":"start_no_earlier_than","new":"2026-08-10","old":null}]','fd7f33a86752469f888479769681391f54c7dcd1b1dcf2921466576be1dec95a','22ebd6f593e831514678e1df3408e6e8f016ad630525b7b90898fec15644ebc0');
INSERT INTO audit_trail VALUES(17,'2026-12-01T14:19:15Z','tester','phoenix','task','perf-test','create','[{"field":"project","new":"core","old":null},{"field":"name","new":"Performance and load testing","old":null},{"field":"owner","new":"Ethan Brooks","old":null},{"field":"estimate.optimistic","new":"8d","old":null},{"field":"estimate.likely","new":"10d","old":null},{"field":"estimate.pessimistic","new":"18d","old":null},{"field":"estimate.distribution","new":"pert","old":null},{"field":"depends","new":"[observability, {task: cutover.sit, type: SS, lag: 5d}]","old":null},{"field":"resources","new":"[qa, core-eng]","old":null},{"field":"cost","new":"55000","old":null}]','22ebd6f593e831514678e1df3408e6e8f016ad630525b7b90898fec15644ebc0','70436b5012d8ca52ee163bf1630d155d9336dd45015ca7bf5722fd3f4fea3beb');
INSERT INTO audit_trail VALUES(18,'2026-12-01T14:19:15Z','tester','phoenix','task','core-ready','create','[{"field":"project","new":"core","old":null},{"field":"name","new":"Core platform ready","old":null},{"field":"owner","new":"Ana Ruiz","old":null},{"field":"milestone","new":"true","old":null},{"field":"depends","new":"[perf-test, dr-test, observability, api-gateway, invoice-portal]","old":null}]','70436b5012d8ca52ee163bf1630d155d9336dd45015ca7bf5722fd3f4fea3beb','81f1485a4a18929ad9e9330028aa6a306c2d1663acd33d06abe2a1adca4e6d73');
INSERT INTO audit_trail VALUES(19,'2026-12-01T14:19:15Z','tester','phoenix','project','data','create','[{"field":"name","new":"Data migration","old":null},{"field":"owner","new":"Kenji Watanabe","old":null}]','81f1485a4a18929ad9e9330028aa6a306c2d1663acd33d06abe2a1adca4e6d73','eb2f9559527dbf16ecf17e472214ec97ff2bf0e4dbb161b5c9c17fe53def13e9');
INSERT INTO audit_trail VALUES(20,'2026-12-01T14:19:15Z','tester','phoenix','task','data-profiling','create','[{"field":"project","new":"data","old":null},{"field":"name","new":"Legacy billing data profiling","old":null},{"field":"owner","new":"Fatima Haddad","old":null},{"field":"estimate.optimistic","new":"8d","old":null},{"field":"estimate.likely","new":"10d","old":null},{"field":"estimate.pessimistic","new":"14d","old":null},{"field":"estimate.distribution","new":"pert","old":null},{"field":"depends","new":"[core.kickoff]","old":null},{"field":"resources","new":"[data-eng]","old":null},{"field":"cost","new":"35000","old":null},{"field":"percent_complete","new":"100","old":null},{"field":"actual_start","new":"2026-01-06","old":null},{"field":"actual_finish","new":"2026-01-20","old":null},{"field":"baseline.start","new":"2026-01-05","old":null},{"field":"baseline.finish","new":"2026-01-16","old":null}]','eb2f9559527dbf16ecf17e472214ec97ff2bf0e4dbb161b5c9c17fe53def13e9','5a8097c21d7e6a063384622ab7cdbbaa1d5f13a81ee4bc23c198f90fc59eed7e');
INSERT INTO audit_trail VALUES(21,'2026-12-01T14:19:15Z','tester','phoenix','task','schema-mapping','create','[{"field":"project","new":"data","old":null},{"field":"name","new":"Schema and field mapping","old":null},{"field":"owner","new":"Kenji Watanabe","old":null},{"field":"estimate.optimistic","new":"12d","old":null},{"field":"estimate.likely","new":"15d","old":null},{"field":"estimate.pessimistic","new":"20d","old":null},{"field":"estimate.distribution","new":"pert","old":null},{"field":"depends","new":"[data-profiling]","old":null},{"field":"resources","new":"[data-eng]","old":null},{"field":"cost","new":"45000","old":null},{"field":"percent_complete","new":"100","old":null},{"field":"actual_start","new":"2026-01-21","old":null},{"field":"actual_finish","new":"2026-02-11","old":null}]','5a8097c21d7e6a063384622ab7cdbbaa1d5f13a81ee4bc23c198f90fc59eed7e','b2e17400a9176e109193428024a4b72b47b5f427457bf9fe4657db1f7e7bb767');
INSERT INTO audit_trail VALUES(22,'2026-12-01T14:19:15Z','tester','phoenix','task','archive-extract','create','[{"field":"project","new":"data","old":null},{"field":"name","new":"Historic invoice archive extract (two years)","old":null},{"field":"owner","new":"Ravi Menon","old":null},{"field":"estimate.optimistic","new":"8d","old":null},{"field":"estimate.likely","new":"10d","old":null},{"field":"estimate.pessimistic","new":"14d","old":null},{"field":"estimate.distribution","new":"pert","old":null},{"field":"depends","new":"[schema-mapping]","old":null},{"field":"resources","new":"[data-eng]","old":null},{"field":"cost","new":"25000","old":null},{"field":"percent_complete","new":"100","old":null},{"field":"actual_start","new":"2026-02-12","old":null},{"field":"actual_finish","new":"2026-02-26","old":null}]','b2e17400a9176e109193428024a4b72b47b5f427457bf9fe4657db1f7e7bb767','c3a3dcfe80e6258bdd5222f4e327952a93f9ce7a20e12293997dd79fb141e479');
INSERT INTO audit_trail VALUES(23,'2026-12-01T14:19:15Z','tester','phoenix','task','archive-load','create','[{"field":"project","new":"data","old":null},{"field":"name","new":"Load historic invoices into the archive store","old":null},{"field":"owner","new":"Ravi Menon","old":null},{"field":"estimate.optimistic","new":"5d","old":null},{"field":"estimate.likely","new":"8d","old":null},{"field":"estimate.pessimistic","new":"12d","old":null},{"field":"estimate.distribution","new":"triangular","old":null},{"field":"depends","new":"[archive-extract, core.landing-zone]","old":null},{"field":"resources","new":"[data-eng]","old":null},{"field":"cost","new":"20000","old":null},{"field":"percent_complete","new":"100","old":null},{"field":"actual_start","new":"2026-02-27","old":null},{"field":"actual_finish","new":"2026-03-10","old":null}]','c3a3dcfe80e6258bdd5222f4e327952a93f9ce7a20e12293997dd79fb141e479','6914fc6920cd1820a90242522d06cb4fc62a22896c3cd739799ec180037ecf76');
INSERT INTO audit_trail VALUES(24,'2026-12-01T14:19:15Z','tester','phoenix','task','etl-build','create','[{"field":"project","new":"data","old":null},{"field":"name","new":"Build migration pipelines (ETL)","old":null},{"field":"owner","new":"Kenji Watanabe","old":null},{"field":"estimate.optimistic","new":"50d","old":null},{"field":"estimate.likely","new":"60d","old":null},{"field":"estimate.pessimistic","new":"90d","old":null},{"field":"estimate.distribution","new":"pert","old":null},{"field":"depends","new":"[schema-mapping, landing-zone]","old":null},{"field":"resources","new":"[data-eng, contractors]","old":null},{"field":"cost","new":"145000","old":null},{"field":"percent_complete","new":"85","old":null},{"field":"actual_start","new":"2026-03-02","old":null},{"field":"baseline.start","new":"2026-03-02","old":null},{"field":"baseline.finish","new":"2026-06-12","old":null}]','6914fc6920cd1820a90242522d06cb4fc62a22896c3cd739799ec180037ecf76','f02cbd687841556aa4ce4a4cba802ff67ce70ccbcbe7de7ea3bb53405e104cd4');
INSERT INTO audit_trail VALUES(25,'2026-12-01T14:19:15Z','tester','phoenix','task','data-cleansing','create','[{"field":"project","new":"data","old":null},{"field":"name","new":"Cleanse customer and account records","old":null},{"field":"owner","new":"Fatima Haddad","old":null},{"field":"estimate.optimistic","new":"15d","old":null},{"field":"estimate.likely","new":"20d","old":null},{"field":"estimate.pessimistic","new":"30d","old":null},{"field":"estimate.distribution","new":"uniform","old":null},{"field":"depends","new":"[{task: etl-build, type: SS, lag: 10d}]","old":null},{"field":"resources","new":"[data-eng]","old":null},{"field":"cost","new":"60000","old":null},{"field":"percent_complete","new":"80","old":null},{"field":"actual_start","new":"2026-03-16","old":null},{"field":"baseline.start","new":"2026-03-16","old":null},{"field":"baseline.finish","new":"2026-06-26","old":null}]','f02cbd687841556aa4ce4a4cba802ff67ce70ccbcbe7de7ea3bb53405e104cd4','d431cbbe2ada87d8907cf6d9677ce8e838b767572ed77cf9a32c29462783a571');
INSERT INTO audit_trail VALUES(26,'2026-12-01T14:19:15Z','tester','phoenix','task','mock-1','create','[{"field":"project","new":"data","old":null},{"field":"name","new":"Mock migration 1 (10% sample)","old":null},{"field":"owner","new":"Ravi Menon","old":null},{"field":"estimate.optimistic","new":"4d","old":null},{"field":"estimate.likely","new":"5d","old":null},{"field":"estimate.pessimistic","new":"8d","old":null},{"field":"estimate.distribution","new":"triangular","old":null},{"field":"depends","new":"[etl-build, cicd]","old":null},{"field":"resources","new":"[data-eng]","old":null},{"field":"cost","new":"30000","old":null},{"field":"baseline.start","new":"2026-06-15","old":null},{"field":"baseline.finish","new":"2026-06-22","old":null}]','d431cbbe2ada87d8907cf6d9677ce8e838b767572ed77cf9a32c29462783a571','95c1416a5e797bdede27e545aa5d84304c6bcf07a9d93d1f0b4d85f832d30fd8');
INSERT INTO audit_trail VALUES(27,'2026-12-01T14:19:15Z','tester','phoenix','task','recon-tooling','create','[{"field":"project","new":"data","old":null},{"field":"name","new":"Reconciliation reports and tooling","old":null},{"field":"owner","new":"Ravi Menon","old":null},{"field":"estimate.optimistic","new":"10d","old":null},{"field":"estimate.likely","new":"12d","old":null},{"field":"estimate.pessimistic","new":"18d","old":null},{"field":"estimate.distribution","new":"triangular","old":null},{"field":"depends","new":"[{task: etl-build, type: SS, lag: 20d}, {task: mock-2, type: FF, lag: 2d}]","old":null},{"field":"resources","new":"[data-eng]","old":null},{"field":"cost","new":"40000","old":null},{"field":"baseline.start","new":"2026-06-22","old":null},{"field":"baseline.finish","new":"2026-07-08","old":null}]','95c1416a5e797bdede27e545aa5d84304c6bcf07a9d93d1f0b4d85f832d30fd8','ec40b304718d66e90c76a130dc0f4d2112ea878203e5b0a65935156c06dcbbb7');
INSERT INTO audit_trail VALUES(28,'2026-12-01T14:19:15Z','tester','phoenix','task','mock-2','create','[{"field":"project","new":"data","old":null},{"field":"name","new":"Mock migration 2 (full volume)","old":null},{"field":"owner","new":"Kenji Watanabe","old":null},{"field":"estimate.optimistic","new":"5d","old":null},{"field":"estimate.likely","new":"7d","old":null},{"field":"estimate.pessimistic","new":"12d","old":null},{"field":"estimate.distribution","new":"pert","old":null},{"field":"depends","new":"[{task: mock-1, type: FS, lag: 5d}, data-cleansing, billing-build]","old":null},{"field":"resources","new":"[data-eng, contractors]","old":null},{"field":"cost","new":"40000","old":null},{"field":"baseline.start","new":"2026-06-30","old":null},{"field":"baseline.finish","new":"2026-07-09","old":null},{"field":"deadline","new":"2026-07-31","old":null}]','ec40b304718d66e90c76a130dc0f4d2112ea878203e5b0a65935156c06dcbbb7','2634d4fa7792db4bf4dc94c1ed724ba9b592fff4010bbd6e2d39d21a5b103526');
INSERT INTO audit_trail VALUES(29,'2026-12-01T14:19:15Z','tester','phoenix','task','dress-rehearsal','create','[{"field":"project","new":"data","old":null},{"field":"name","new":"Full dress rehearsal (timed, with rollback)","old":null},{"field":"owner","new":"Kenji Watanabe","old":null},{"field":"duration","new":"5d","old":null},{"field":"depends","new":"[{task: mock-2, type: FS, lag: 5d}, {task: cutover.sit, type: FS, lag: 5d}]","old":null},{"field":"resources","new":"[data-eng, sre]","old":null},{"field":"cost","new":"35000","old":null}]','2634d4fa7792db4bf4dc94c1ed724ba9b592fff4010bbd6e2d39d21a5b103526','e10991f9e3214b2dcfece064fcd1909a92f2fce857325fdfd3724d1ab952b3e0');
INSERT INTO audit_trail VALUES(30,'2026-12-01T14:19:15Z','tester','phoenix','task','data-signoff','create','[{"field":"project","new":"data","old":null},{"field":"name","new":"Data migration sign-off","old":null},{"field":"owner","new":"Kenji Watanabe","old":null},{"field":"milestone","new":"true","old":null},{"field":"depends","new":"[dress-rehearsal, recon-tooling]","old":null}]','e10991f9e3214b2dcfece064fcd1909a92f2fce857325fdfd3724d1ab952b3e0','761916369ca5332e987aa4cdbe29c83954ca1688c6e58ad6fefe77e38eb64287');
INSERT INTO audit_trail VALUES(31,'2026-12-01T14:19:15Z','tester','phoenix','project','payments','create','[{"field":"name","new":"Payments integration","old":null},{"field":"owner","new":"Priya Shah","old":null}]','761916369ca5332e987aa4cdbe29c83954ca1688c6e58ad6fefe77e38eb64287','5e342330726921c7fc0ed9a9226beb93cb1559395158111fc149f3615a1ea450');
INSERT INTO audit_trail VALUES(32,'2026-12-01T14:19:15Z','tester','phoenix','task','psp-contract','create','[{"field":"project","new":"payments","old":null},{"field":"name","new":"Payment provider contract and onboarding","old":null},{"field":"owner","new":"Priya Shah","old":null},{"field":"estimate.optimistic","new":"10d","old":null},{"field":"estimate.likely","new":"15d","old":null},{"field":"estimate.pessimistic","new":"20d","old":null},{"field":"estimate.distribution","new":"pert","old":null},{"field":"depends","new":"[kickoff]","old":null},{"field":"resources","new":"[pmo]","old":null},{"field":"cost","new":"20000","old":null},{"field":"percent_complete","new":"100","old":null},{"field":"actual_start","new":"2026-01-06","old":null},{"field":"actual_finish","new":"2026-01-27","old":null}]','5e342330726921c7fc0ed9a9226beb93cb1559395158111fc149f3615a1ea450','13fc80d8a698391db952bdaf0fd599c3838a9ff914b42149e101f1eab51c7b27');
INSERT INTO audit_trail VALUES(33,'2026-12-01T14:19:15Z','tester','phoenix','task','psp-integration','create','[{"field":"project","new":"payments","old":null},{"field":"name","new":"Integrate the Northwind Payments API (sandbox)","old":null},{"field":"owner","new":"Paolo Ricci","old":null},{"field":"estimate.optimistic","new":"15d","old":null},{"field":"estimate.likely","new":"20d","old":null},{"field":"estimate.pessimistic","new":"30d","old":null},{"field":"estimate.distribution","new":"pert","old":null},{"field":"depends","new":"[psp-contract]","old":null},{"field":"resources","new":"[payments-eng]","old":null},{"field":"cost","new":"80000","old":null},{"field":"percent_complete","new":"100","old":null},{"field":"actual_start","new":"2026-03-09","old":null},{"field":"actual_finish","new":"2026-04-03","old":null},{"field":"baseline.start","new":"2026-03-02","old":null},{"field":"baseline.finish","new":"2026-03-27","old":null}]','13fc80d8a698391db952bdaf0fd599c3838a9ff914b42149e101f1eab51c7b27','6cbafaedb201e776ce6553ce1d098452a43e195f785e3066ad702bd8f143b90b');
INSERT INTO audit_trail VALUES(34,'2026-12-01T14:19:15Z','tester','phoenix','task','fraud-rules','create','[{"field":"project","new":"payments","old":null},{"field":"name","new":"Migrate fraud and velocity rules","old":null},{"field":"owner","new":"Zara Ahmed","old":null},{"field":"estimate.optimistic","new":"6d","old":null},{"field":"estimate.likely","new":"8d","old":null},{"field":"estimate.pessimistic","new":"12d","old":null},{"field":"estimate.distribution","new":"pert","old":null},{"field":"depends","new":"[psp-integration]","old":null},{"field":"resources","new":"[payments-eng]","old":null},{"field":"cost","new":"25000","old":null},{"field":"percent_complete","new":"100","old":null},{"field":"actual_start","new":"2026-04-06","old":null},{"field":"actual_finish","new":"2026-04-15","old":null}]','6cbafaedb201e776ce6553ce1d098452a43e195f785e3066ad702bd8f143b90b','4a3d0e2af42fc92b0434787136e36b343ccd66026fccb2e30d4a6aec726cba42');
INSERT INTO audit_trail VALUES(35,'2026-12-01T14:19:15Z','tester','phoenix','task','tokenization','create','[{"field":"project","new":"payments","old":null},{"field":"name","new":"Migrate card tokens from the legacy vault","old":null},{"field":"owner","new":"Paolo Ricci","old":null},{"field":"estimate.optimistic","new":"15d","old":null},{"field":"estimate.likely","new":"20d","old":null},{"field":"estimate.pessimistic","new":"35d","old":null},{"field":"estimate.distribution","new":"pert","old":null},{"field":"depends","new":"[psp-integration]","old":null},{"field":"resources","new":"[payments-eng, security]","old":null},{"field":"cost","new":"85000","old":null},{"field":"percent_complete","new":"85","old":null},{"field":"actual_start","new":"2026-04-06","old":null},{"field":"baseline.start","new":"2026-04-06","old":null},{"field":"baseline.finish","new":"2026-05-29","old":null}]','4a3d0e2af42fc92b0434787136e36b343ccd66026fccb2e30d4a6aec726cba42','250840a13c608b119b508d60b56f4358dded70dbc32005636aa9b17880510e52');
INSERT INTO audit_trail VALUES(36,'2026-12-01T14:19:15Z','tester','phoenix','task','bank-file','create','[{"field":"project","new":"payments","old":null},{"field":"name","new":"Bank file and ACH direct-debit integration","old":null},{"field":"owner","new":"Zara Ahmed","old":null},{"field":"estimate.optimistic","new":"10d","old":null},{"field":"estimate.likely","new":"12d","old":null},{"field":"estimate.pessimistic","new":"20d","old":null},{"field":"estimate.distribution","new":"triangular","old":null},{"field":"depends","new":"[psp-integration]","old":null},{"field":"resources","new":"[payments-eng]","old":null},{"field":"cost","new":"50000","old":null},{"field":"percent_complete","new":"80","old":null},{"field":"actual_start","new":"2026-05-04","old":null},{"field":"baseline.start","new":"2026-05-04","old":null},{"field":"baseline.finish","new":"2026-06-26","old":null}]','250840a13c608b119b508d60b56f4358dded70dbc32005636aa9b17880510e52','2fade00bf0efe40c79dda498f4b949fc2215b49a38fab48e1fc3d7444294567f');
INSERT INTO audit_trail VALUES(37,'2026-12-01T14:19:15Z','tester','phoenix','task','bank-file-test','create','[{"field":"project","new":"payments","old":null},{"field":"name","new":"Connectivity and file test with First Harbor Bank","old":null},{"field":"owner","new":"Zara Ahmed","old":null},{"field":"duration","new":"5d","old":null},{"field":"depends","new":"[bank-file]","old":null},{"field":"resources","new":"[payments-eng, qa]","old":null},{"field":"cost","new":"15000","old":null}]','2fade00bf0efe40c79dda498f4b949fc2215b49a38fab48e1fc3d7444294567f','aea6ba8f1dc6c33167e171bd303cd5780db204fc565a803fd8b47f5d4a7c290f');
INSERT INTO audit_trail VALUES(38,'2026-12-01T14:19:15Z','tester','phoenix','task','refunds','create','[{"field":"project","new":"payments","old":null},{"field":"name","new":"Refund and chargeback flows","old":null},{"field":"owner","new":"Paolo Ricci","old":null},{"field":"estimate.optimistic","new":"8d","old":null},{"field":"estimate.likely","new":"10d","old":null},{"field":"estimate.pessimistic","new":"15d","old":null},{"field":"estimate.distribution","new":"pert","old":null},{"field":"depends","new":"[{task: fraud-rules, type: FS, lag: 10d}]","old":null},{"field":"resources","new":"[payments-eng]","old":null},{"field":"cost","new":"45000","old":null},{"field":"percent_complete","new":"70","old":null},{"field":"actual_start","new":"2026-05-04","old":null},{"field":"baseline.start","new":"2026-05-04","old":null},{"field":"baseline.finish","new":"2026-05-29","old":null}]','aea6ba8f1dc6c33167e171bd303cd5780db204fc565a803fd8b47f5d4a7c290f','c31cc2022cb996ecc7dc28bcc11077fed9903dd4d5c467ab1e510c0605d39464');
INSERT INTO audit_trail VALUES(39,'2026-12-01T14:19:15Z','tester','phoenix','task','psp-cert','create','[{"field":"project","new":"payments","old":null},{"field":"name","new":"Northwind Payments production certification","old":null},{"field":"owner","new":"Priya Shah","old":null},{"field":"duration","new":"10d","old":null},{"field":"depends","new":"[tokenization, refunds]","old":null},{"field":"resources","new":"[payments-eng]","old":null},{"field":"cost","new":"25000","old":null}]','c31cc2022cb996ecc7dc28bcc11077fed9903dd4d5c467ab1e510c0605d39464','84dbfd66ec7bcc0cb8529fb749d7e1285cbb622f32f237c9b6f48b128a56e4e7');
INSERT INTO audit_trail VALUES(40,'2026-12-01T14:19:15Z','tester','phoenix','task','pci-assessment','create','[{"field":"project","new":"payments","old":null},{"field":"name","new":"PCI DSS assessment by the QSA","old":null},{"field":"owner","new":"Irene Kowalski","old":null},{"field":"estimate.optimistic","new":"10d","old":null},{"field":"estimate.likely","new":"15d","old":null},{"field":"estimate.pessimistic","new":"25d","old":null},{"field":"estimate.distribution","new":"pert","old":null},{"field":"depends","new":"[security-baseline, tokenization, core.dr-setup]","old":null},{"field":"resources","new":"[security]","old":null},{"field":"cost","new":"75000","old":null},{"field":"deadline","new":"2026-08-28","old":null}]','84dbfd66ec7bcc0cb8529fb749d7e1285cbb622f32f237c9b6f48b128a56e4e7','aa83cab1c31050b450512117a1359dd652d294084039c289ddff389010fa8769');
INSERT INTO audit_trail VALUES(41,'2026-12-01T14:19:15Z','tester','phoenix','project','cutover','create','[{"field":"name","new":"Testing, cutover and readiness","old":null},{"field":"owner","new":"Sofia Marin","old":null}]','aa83cab1c31050b450512117a1359dd652d294084039c289ddff389010fa8769','9ccce606a85c7edd4e101b9f9e96759b6824bb53fd824038de08ac596d49c26a');
INSERT INTO audit_trail VALUES(42,'2026-12-01T14:19:15Z','tester','phoenix','task','sit','create','[{"field":"project","new":"cutover","old":null},{"field":"name","new":"System integration test (billing, payments, data)","old":null},{"field":"owner","new":"Hannah Cole","old":null},{"field":"estimate.optimistic","new":"12d","old":null},{"field":"estimate.likely","new":"16d","old":null},{"field":"estimate.pessimistic","new":"25d","old":null},{"field":"estimate.distribution","new":"pert","old":null},{"field":"depends","new":"[billing-build, api-gateway, invoice-portal, payments.psp-cert, payments.bank-file-test, data.mock-1]","old":null},{"field":"resources","new":"[qa, contractors]","old":null},{"field":"cost","new":"85000","old":null}]','9ccce606a85c7edd4e101b9f9e96759b6824bb53fd824038de08ac596d49c26a','54254917f254729cb5d9fcc3d8d633d0436f88bab961b56747162e8ae9a1b375');
INSERT INTO audit_trail VALUES(43,'2026-12-01T14:19:15Z','tester','phoenix','task','uat','create','[{"field":"project","new":"cutover","old":null},{"field":"name","new":"User acceptance test with billing operations","old":null},{"field":"owner","new":"Hannah Cole","old":null},{"field":"estimate.optimistic","new":"10d","old":null},{"field":"estimate.likely","new":"12d","old":null},{"field":"estimate.pessimistic","new":"20d","old":null},{"field":"estimate.distribution","new":"pert","old":null},{"field":"depends","new":"[{task: sit, type: FS, lag: -5d}]","old":null},{"field":"resources","new":"[qa]","old":null},{"field":"cost","new":"50000","old":null}]','54254917f254729cb5d9fcc3d8d633d0436f88bab961b56747162e8ae9a1b375','bf711264e0e8554cfbb0c31ef903d4e9a4d873d1c1e598c4fc378f3b88e992f2');
INSERT INTO audit_trail VALUES(44,'2026-12-01T14:19:15Z','tester','phoenix','task','training','create','[{"field":"project","new":"cutover","old":null},{"field":"name","new":"Billing operations training","old":null},{"field":"owner","new":"Beatriz Santos","old":null},{"field":"duration","new":"10d","old":null},{"field":"depends","new":"[{task: uat, type: SS, lag: 3d}]","old":null},{"field":"resources","new":"[pmo]","old":null},{"field":"cost","new":"30000","old":null}]','bf711264e0e8554cfbb0c31ef903d4e9a4d873d1c1e598c4fc378f3b88e992f2','d452f0f70d51b34577e5f1f345c2bd7fac4a9e8969b5fb986c496d86e7ac6dfa');
INSERT INTO audit_trail VALUES(45,'2026-12-01T14:19:15Z','tester','phoenix','task','support-readiness','create','[{"field":"project","new":"cutover","old":null},{"field":"name","new":"Customer support readiness (scripts, knowledge base)","old":null},{"field":"owner","new":"Tom Becker","old":null},{"field":"duration","new":"10d","old":null},{"field":"depends","new":"[{task: uat, type: SS, lag: 0d}]","old":null},{"field":"cost","new":"20000","old":null}]','d452f0f70d51b34577e5f1f345c2bd7fac4a9e8969b5fb986c496d86e7ac6dfa','5a8293b4e3d5063959f73f1c5f364a8c33a38d44c51eada873d2823233fa2ead');
INSERT INTO audit_trail VALUES(46,'2026-12-01T14:19:15Z','tester','phoenix','task','runbook','create','[{"field":"project","new":"cutover","old":null},{"field":"name","new":"Cutover runbook and rollback plan","old":null},{"field":"owner","new":"Sofia Marin","old":null},{"field":"estimate.optimistic","new":"8d","old":null},{"field":"estimate.likely","new":"10d","old":null},{"field":"estimate.pessimistic","new":"15d","old":null},{"field":"estimate.distribution","new":"pert","old":null},{"field":"depends","new":"[{task: data.mock-2, type: SS, lag: 0d}]","old":null},{"field":"resources","new":"[pmo]","old":null},{"field":"cost","new":"18000","old":null},{"field":"baseline.start","new":"2026-06-30","old":null},{"field":"baseline.finish","new":"2026-07-14","old":null}]','5a8293b4e3d5063959f73f1c5f364a8c33a38d44c51eada873d2823233fa2ead','baf3d5932a723b2a46c50c3e875310e849ffd97a2e0dbe1dad4f9dd31f7dffb6');
INSERT INTO audit_trail VALUES(47,'2026-12-01T14:19:15Z','tester','phoenix','task','comms','create','[{"field":"project","new":"cutover","old":null},{"field":"name","new":"Customer and partner notifications","old":null},{"field":"owner","new":"Beatriz Santos","old":null},{"field":"duration","new":"5d","old":null},{"field":"depends","new":"[runbook]","old":null},{"field":"resources","new":"[pmo]","old":null},{"field":"cost","new":"12000","old":null}]','baf3d5932a723b2a46c50c3e875310e849ffd97a2e0dbe1dad4f9dd31f7dffb6','8ec5cd8772e86128527677f540a97c365005f691c293cac58fe3dafc5e7ccafd');
INSERT INTO audit_trail VALUES(48,'2026-12-01T14:19:15Z','tester','phoenix','task','go-nogo','create','[{"field":"project","new":"cutover","old":null},{"field":"name","new":"Go/no-go decision","old":null},{"field":"owner","new":"Dana Lee","old":null},{"field":"milestone","new":"true","old":null},{"field":"depends","new":"[uat, data.data-signoff, payments.pci-assessment, training, support-readiness, comms, core.core-ready]","old":null}]','8ec5cd8772e86128527677f540a97c365005f691c293cac58fe3dafc5e7ccafd','44b13297e603c201bfd32a069bbf15e44994597fde191d27d930ac0ac0a5a446');
INSERT INTO audit_trail VALUES(49,'2026-12-01T14:19:15Z','tester','phoenix','task','legacy-bridge','create','[{"field":"project","new":"cutover","old":null},{"field":"name","new":"Legacy platform bridge support (vendor)","old":null},{"field":"owner","new":"Maria Gomez","old":null},{"field":"duration","new":"20d","old":null},{"field":"depends","new":"[{task: cutover-weekend, type: SF, lag: 0d}]","old":null},{"field":"cost","new":"38000","old":null}]','44b13297e603c201bfd32a069bbf15e44994597fde191d27d930ac0ac0a5a446','73497e2c30d5ff15675afe4a627213ba0a7c5dcdeadc6661abc60d785829d74a');
INSERT INTO audit_trail VALUES(50,'2026-12-01T14:19:15Z','tester','phoenix','task','cutover-weekend','create','[{"field":"project","new":"cutover","old":null},{"field":"name","new":"Production cutover","old":null},{"field":"owner","new":"Maria Gomez","old":null},{"field":"duration","new":"3d","old":null},{"field":"depends","new":"[go-nogo]","old":null},{"field":"resources","new":"[sre, data-eng]","old":null},{"field":"cost","new":"45000","old":null}]','73497e2c30d5ff15675afe4a627213ba0a7c5dcdeadc6661abc60d785829d74a','b4e3281cc77c419184caad43bc25d3e399e23e5d10dc759844e8481046caa662');
INSERT INTO audit_trail VALUES(51,'2026-12-01T14:19:15Z','tester','phoenix','task','live','create','[{"field":"project","new":"cutover","old":null},{"field":"name","new":"Billing live on the cloud","old":null},{"field":"owner","new":"Dana Lee","old":null},{"field":"milestone","new":"true","old":null},{"field":"depends","new":"[cutover-weekend]","old":null}]','b4e3281cc77c419184caad43bc25d3e399e23e5d10dc759844e8481046caa662','0eed58a14445e33011021e392d313e34e1cd68d84d19a4d9f9c692b494395126');
INSERT INTO audit_trail VALUES(52,'2026-12-01T14:19:15Z','tester','phoenix','task','hypercare','create','[{"field":"project","new":"cutover","old":null},{"field":"name","new":"Hypercare (first billing run on the cloud)","old":null},{"field":"owner","new":"Maria Gomez","old":null},{"field":"duration","new":"10d","old":null},{"field":"depends","new":"[cutover-weekend]","old":null},{"field":"resources","new":"[sre, core-eng]","old":null},{"field":"cost","new":"50000","old":null}]','0eed58a14445e33011021e392d313e34e1cd68d84d19a4d9f9c692b494395126','640edd4d2d99aef29ad43b3ff88840e2cb0293fa539b87b144ca1d2183a21993');
INSERT INTO audit_trail VALUES(53,'2026-12-01T14:19:15Z','tester','phoenix','task','close','create','[{"field":"project","new":"cutover","old":null},{"field":"name","new":"Program close","old":null},{"field":"owner","new":"Sofia Marin","old":null},{"field":"milestone","new":"true","old":null},{"field":"depends","new":"[hypercare]","old":null}]','640edd4d2d99aef29ad43b3ff88840e2cb0293fa539b87b144ca1d2183a21993','12ddc6219a3b0388893964874c696cf1b6901bb2d53c20ab60bea7cbd6b2dd5e');
INSERT INTO audit_trail VALUES(54,'2026-12-01T14:19:15Z','tester','phoenix','dependency','cloud-agreement','create','[{"field":"name","new":"Cloud enterprise agreement and reserved capacity","old":null},{"field":"provider","new":"Stratus Cloud","old":null},{"field":"owner","new":"Maria Gomez","old":null},{"field":"needed_by","new":"2026-01-20","old":null},{"field":"status","new":"delivered","old":null},{"field":"tasks","new":"[landing-zone]","old":null},{"field":"expected","new":"2026-01-16","old":null}]','12ddc6219a3b0388893964874c696cf1b6901bb2d53c20ab60bea7cbd6b2dd5e','ee65fd9faf65353a948eae1249399865c7cdf4c11fe5404e042ed32803ebd177');
INSERT INTO audit_trail VALUES(55,'2026-12-01T14:19:15Z','tester','phoenix','dependency','psp-sandbox','create','[{"field":"name","new":"Northwind Payments sandbox and API credentials","old":null},{"field":"provider","new":"Northwind Payments","old":null},{"field":"owner","new":"Priya Shah","old":null},{"field":"needed_by","new":"2026-03-02","old":null},{"field":"status","new":"delivered","old":null},{"field":"tasks","new":"[psp-integration]","old":null},{"field":"expected","new":"2026-03-09","old":null}]','ee65fd9faf65353a948eae1249399865c7cdf4c11fe5404e042ed32803ebd177','2f7dbb0c8dc612530804c7807dc0e3c6b2d63526760dd7703148d56c5032e0e4');
INSERT INTO audit_trail VALUES(56,'2026-12-01T14:19:15Z','tester','phoenix','dependency','bank-endpoint','create','[{"field":"name","new":"First Harbor Bank SFTP test endpoint for ACH files","old":null},{"field":"provider","new":"First Harbor Bank","old":null},{"field":"owner","new":"Zara Ahmed","old":null},{"field":"needed_by","new":"2026-06-01","old":null},{"field":"status","new":"late","old":null},{"field":"tasks","new":"[bank-file-test]","old":null},{"field":"expected","new":"2026-06-29","old":null}]','2f7dbb0c8dc612530804c7807dc0e3c6b2d63526760dd7703148d56c5032e0e4','39ee593c54c4dd0b828e6c66f8d6623e74cc4464d108e8f966a61a2275a904fe');
INSERT INTO audit_trail VALUES(57,'2026-12-01T14:19:15Z','tester','phoenix','dependency','psp-cert-slot','create','[{"field":"name","new":"Northwind Payments production certification slot","old":null},{"field":"provider","new":"Northwind Payments","old":null},{"field":"owner","new":"Priya Shah","old":null},{"field":"needed_by","new":"2026-06-29","old":null},{"field":"status","new":"at_risk","old":null},{"field":"tasks","new":"[psp-cert]","old":null},{"field":"expected","new":"2026-07-06","old":null}]','39ee593c54c4dd0b828e6c66f8d6623e74cc4464d108e8f966a61a2275a904fe','55b2112a8587247c35e46af94cb9880514d8c63ed4c5e8b3a5e6ce4d0f4a699e');
INSERT INTO audit_trail VALUES(58,'2026-12-01T14:19:15Z','tester','phoenix','dependency','qsa-window','create','[{"field":"name","new":"PCI DSS onsite assessment window","old":null},{"field":"provider","new":"Coastline Assurance (QSA)","old":null},{"field":"owner","new":"Irene Kowalski","old":null},{"field":"needed_by","new":"2026-08-03","old":null},{"field":"status","new":"on_track","old":null},{"field":"tasks","new":"[pci-assessment]","old":null},{"field":"expected","new":"2026-08-03","old":null}]','55b2112a8587247c35e46af94cb9880514d8c63ed4c5e8b3a5e6ce4d0f4a699e','43fe0b1d758bc744d3fdac69121dbe6f9c52bdfa1c99d052b39a01f15622d1b7');
INSERT INTO audit_trail VALUES(59,'2026-12-01T14:19:15Z','tester','phoenix','resource','core-eng','create','[{"field":"name","new":"Core platform engineers","old":null},{"field":"rate","new":"1100","old":null},{"field":"capacity","new":"6","old":null}]','43fe0b1d758bc744d3fdac69121dbe6f9c52bdfa1c99d052b39a01f15622d1b7','d5d6c4bda41c2d1034d4139d7a9ce65dfef2ab553169b917871ee1083dd7fae6');
INSERT INTO audit_trail VALUES(60,'2026-12-01T14:19:15Z','tester','phoenix','resource','data-eng','create','[{"field":"name","new":"Data engineers","old":null},{"field":"rate","new":"1000","old":null},{"field":"capacity","new":"4","old":null}]','d5d6c4bda41c2d1034d4139d7a9ce65dfef2ab553169b917871ee1083dd7fae6','3720e9f79239965942b386452239ff3275d33507f5b75bc82ee78dfa89578a5c');
INSERT INTO audit_trail VALUES(61,'2026-12-01T14:19:15Z','tester','phoenix','resource','payments-eng','create','[{"field":"name","new":"Payments engineers","old":null},{"field":"rate","new":"1050","old":null},{"field":"capacity","new":"3","old":null}]','3720e9f79239965942b386452239ff3275d33507f5b75bc82ee78dfa89578a5c','6ab613b70ef19e823d9c826a60ec22dd8021df7ec3ff23bf22db9fa45a401571');
INSERT INTO audit_trail VALUES(62,'2026-12-01T14:19:15Z','tester','phoenix','resource','sre','create','[{"field":"name","new":"Cloud SRE team","old":null},{"field":"rate","new":"1200","old":null},{"field":"capacity","new":"2","old":null}]','6ab613b70ef19e823d9c826a60ec22dd8021df7ec3ff23bf22db9fa45a401571','022955ee04b23d7f187a4a2d82cf1ee9802d78e3892409f764e218c502d9cb5d');
INSERT INTO audit_trail VALUES(63,'2026-12-01T14:19:15Z','tester','phoenix','resource','qa','create','[{"field":"name","new":"QA and test team","old":null},{"field":"rate","new":"800","old":null},{"field":"capacity","new":"4","old":null}]','022955ee04b23d7f187a4a2d82cf1ee9802d78e3892409f764e218c502d9cb5d','b9cd61d294a12fe49ec77c41de43373a81f54f7a17bf60e907fa7fbb11b470df');
INSERT INTO audit_trail VALUES(64,'2026-12-01T14:19:15Z','tester','phoenix','resource','security','create','[{"field":"name","new":"Security and compliance engineers","old":null},{"field":"rate","new":"1300","old":null},{"field":"capacity","new":"1","old":null}]','b9cd61d294a12fe49ec77c41de43373a81f54f7a17bf60e907fa7fbb11b470df','09cb4703294d1d351b386bbde2095027a89f629f1ad6fd56bb5f5b9352e3ed92');
INSERT INTO audit_trail VALUES(65,'2026-12-01T14:19:15Z','tester','phoenix','resource','contractors','create','[{"field":"name","new":"Contract engineers (Brightline Consulting)","old":null},{"field":"rate","new":"900","old":null},{"field":"capacity","new":"4","old":null}]','09cb4703294d1d351b386bbde2095027a89f629f1ad6fd56bb5f5b9352e3ed92','4cdba3022cd02f013ac7cd5722a4035250a174f6e18ac7af18f77c1dcc804492');
INSERT INTO audit_trail VALUES(66,'2026-12-01T14:19:15Z','tester','phoenix','resource','pmo','create','[{"field":"name","new":"Program office and change management","old":null},{"field":"rate","new":"950","old":null},{"field":"capacity","new":"2","old":null}]','4cdba3022cd02f013ac7cd5722a4035250a174f6e18ac7af18f77c1dcc804492','49c36f21f880e407788af39fcad6a5002abdf2c7dcc123e94841b1568a5412ea');
INSERT INTO audit_trail VALUES(67,'2026-12-01T14:19:15Z','tester','phoenix','actual','2026-01-31/arch/58000','create','[{"field":"date","new":"2026-01-31","old":null},{"field":"amount","new":"58000","old":null},{"field":"task","new":"arch","old":null},{"field":"note","new":"Architecture team, January","old":null}]','49c36f21f880e407788af39fcad6a5002abdf2c7dcc123e94841b1568a5412ea','cb2e03d114a1853b0c8539deb68fecab68c84150e7e62cde09feef061324a00c');
INSERT INTO audit_trail VALUES(68,'2026-12-01T14:19:15Z','tester','phoenix','actual','2026-01-31/psp-contract/21000','create','[{"field":"date","new":"2026-01-31","old":null},{"field":"amount","new":"21000","old":null},{"field":"task","new":"psp-contract","old":null},{"field":"note","new":"Northwind onboarding and legal review","old":null}]','cb2e03d114a1853b0c8539deb68fecab68c84150e7e62cde09feef061324a00c','05b27f5b3c390ef4d09dda4df8ac2d18c162dd80c4b62e0b9e0a1feede4a9cf5');
INSERT INTO audit_trail VALUES(69,'2026-12-01T14:19:15Z','tester','phoenix','actual','2026-01-31//71000','create','[{"field":"date","new":"2026-01-31","old":null},{"field":"amount","new":"71000","old":null},{"field":"note","new":"January payroll allocation and Brightline invoice","old":null}]','05b27f5b3c390ef4d09dda4df8ac2d18c162dd80c4b62e0b9e0a1feede4a9cf5','74fbd745d9495b3f0c7f19738ef545163bdbb6f2f3097b422d9edb69c5f21e21');
INSERT INTO audit_trail VALUES(70,'2026-12-01T14:19:15Z','tester','phoenix','actual','2026-02-28/landing-zone/88000','create','[{"field":"date","new":"2026-02-28","old":null},{"field":"amount","new":"88000","old":null},{"field":"task","new":"landing-zone","old":null},{"field":"note","new":"Landing zone, SRE overtime after the partner delay","old":null}]','74fbd745d9495b3f0c7f19738ef545163bdbb6f2f3097b422d9edb69c5f21e21','7f23bc62440d28fc0b355dc2e0f35e2b4d8bce004fbec0466469453170621c4f');
INSERT INTO audit_trail VALUES(71,'2026-12-01T14:19:15Z','tester','phoenix','actual','2026-02-28//132000','create','[{"field":"date","new":"2026-02-28","old":null},{"field":"amount","new":"132000","old":null},{"field":"note","new":"February payroll allocation and Brightline invoice","old":null}]','7f23bc62440d28fc0b355dc2e0f35e2b4d8bce004fbec0466469453170621c4f','0a96e8cd660130757a1da3c2386a7d9262eceb83fddae771001be5252764ec84');
INSERT INTO audit_trail VALUES(72,'2026-12-01T14:19:15Z','tester','phoenix','actual','2026-03-31/psp-integration/84000','create','[{"field":"date","new":"2026-03-31","old":null},{"field":"amount","new":"84000","old":null},{"field":"task","new":"psp-integration","old":null},{"field":"note","new":"Payments integration team, March","old":null}]','0a96e8cd660130757a1da3c2386a7d9262eceb83fddae771001be5252764ec84','1ab2c4915e8002bcdbe026efd3ecca48e0fbb66cfdf4cb0a8579ca37702be928');
INSERT INTO audit_trail VALUES(73,'2026-12-01T14:19:15Z','tester','phoenix','actual','2026-03-31//196000','create','[{"field":"date","new":"2026-03-31","old":null},{"field":"amount","new":"196000","old":null},{"field":"note","new":"March payroll allocation, Brightline and Stratus Cloud invoices","old":null}]','1ab2c4915e8002bcdbe026efd3ecca48e0fbb66cfdf4cb0a8579ca37702be928','c9b0aafa582f0e8233c0f1676237a921001a38f4b8a3ca6e79c2b0daaac399f5');
INSERT INTO audit_trail VALUES(74,'2026-12-01T14:19:15Z','tester','phoenix','actual','2026-04-30/billing-build/95000','create','[{"field":"date","new":"2026-04-30","old":null},{"field":"amount","new":"95000","old":null},{"field":"task","new":"billing-build","old":null},{"field":"note","new":"Brightline contract engineers, April","old":null}]','c9b0aafa582f0e8233c0f1676237a921001a38f4b8a3ca6e79c2b0daaac399f5','99165bd65b472ee1a4ee821f74bbce44c86abaa5ccbc5355f1e989da968e032a');
INSERT INTO audit_trail VALUES(75,'2026-12-01T14:19:15Z','tester','phoenix','actual','2026-04-30//140000','create','[{"field":"date","new":"2026-04-30","old":null},{"field":"amount","new":"140000","old":null},{"field":"note","new":"April payroll allocation and Stratus Cloud invoice","old":null}]','99165bd65b472ee1a4ee821f74bbce44c86abaa5ccbc5355f1e989da968e032a','0359965a867e07f5c3e15a77bc22d3cbacaec46b3cd3026f2495266d08bc2c9f');
INSERT INTO audit_trail VALUES(76,'2026-12-01T14:19:15Z','tester','phoenix','actual','2026-05-31/billing-build/98000','create','[{"field":"date","new":"2026-05-31","old":null},{"field":"amount","new":"98000","old":null},{"field":"task","new":"billing-build","old":null},{"field":"note","new":"Brightline contract engineers, May","old":null}]','0359965a867e07f5c3e15a77bc22d3cbacaec46b3cd3026f2495266d08bc2c9f','092ebd85a433a99acf9dadf3c23de5ce6aeffae0ee04b0b9eed92fd44833a1b4');
INSERT INTO audit_trail VALUES(77,'2026-12-01T14:19:15Z','tester','phoenix','actual','2026-05-31//152000','create','[{"field":"date","new":"2026-05-31","old":null},{"field":"amount","new":"152000","old":null},{"field":"note","new":"May payroll allocation and Stratus Cloud invoice","old":null}]','092ebd85a433a99acf9dadf3c23de5ce6aeffae0ee04b0b9eed92fd44833a1b4','5ad730ebb659c2da6be1999c46c025a51ac332efbfc66899106b7a0082bd55ab');
INSERT INTO audit_trail VALUES(78,'2026-12-01T14:19:15Z','tester','phoenix','actual','2026-06-12/tokenization/18000','create','[{"field":"date","new":"2026-06-12","old":null},{"field":"amount","new":"18000","old":null},{"field":"task","new":"tokenization","old":null},{"field":"note","new":"Token migration tooling licence","old":null}]','5ad730ebb659c2da6be1999c46c025a51ac332efbfc66899106b7a0082bd55ab','d31326b4faa3de8f964d6d238fda2628849c29f3866972566df954c58b3cf47d');
INSERT INTO audit_trail VALUES(79,'2026-12-01T14:19:15Z','tester','phoenix','actual','2026-06-12//77000','create','[{"field":"date","new":"2026-06-12","old":null},{"field":"amount","new":"77000","old":null},{"field":"note","new":"June 1-12 payroll allocation and Brightline invoice","old":null}]','d31326b4faa3de8f964d6d238fda2628849c29f3866972566df954c58b3cf47d','12b029b1d1b76a9decb44aefc94bc2427eca732c31f1bb3055352dafb9b70557');
INSERT INTO audit_trail VALUES(80,'2026-12-01T14:19:15Z','tester','phoenix','scorecard','phoenix','create','[]','12b029b1d1b76a9decb44aefc94bc2427eca732c31f1bb3055352dafb9b70557','6e8a5d559e749a519e2891a93ef7a72dc88307ff52cd50e746edef79740a7b06');
INSERT INTO audit_trail VALUES(81,'2026-12-01T14:19:15Z','tester','phoenix','assessment','2026-04-01/Sofia Marin','create','[{"field":"date","new":"2026-04-01","old":null},{"field":"by","new":"Sofia Marin","old":null},{"field":"ratings.budget","new":"2","old":null},{"field":"ratings.regulatory","new":"2","old":null},{"field":"ratings.schedule","new":"3","old":null},{"field":"ratings.stakeholder_alignment","new":"2","old":null},{"field":"ratings.technical_feasibility","new":"3","old":null},{"field":"ratings.vendor","new":"3","old":null},{"field":"notes","new":"Landing zone finished five days late; build started a week late. Sandbox delivered. Billing operations engaged but wary of the new close process.","old":null}]','6e8a5d559e749a519e2891a93ef7a72dc88307ff52cd50e746edef79740a7b06','d230351dc93421dbca6fb679a45ee2b66e4afd4911dce3a768a4f38c66f103e0');
INSERT INTO audit_trail VALUES(82,'2026-12-01T14:19:15Z','tester','phoenix','assessment','2026-06-01/Sofia Marin','create','[{"field":"date","new":"2026-06-01","old":null},{"field":"by","new":"Sofia Marin","old":null},{"field":"ratings.budget","new":"3","old":null},{"field":"ratings.regulatory","new":"3","old":null},{"field":"ratings.schedule","new":"4","old":null},{"field":"ratings.stakeholder_alignment","new":"3","old":null},{"field":"ratings.technical_feasibility","new":"3","old":null},{"field":"ratings.vendor","new":"4","old":null},{"field":"notes","new":"Core build about four weeks behind baseline; bank test endpoint late and the certification slot unconfirmed; spend slightly ahead of earned value.","old":null}]','d230351dc93421dbca6fb679a45ee2b66e4afd4911dce3a768a4f38c66f103e0','b2e82e934c6ded331e899189669c23856bc4586485455376ba754e7dd2014268');
INSERT INTO audit_trail VALUES(83,'2026-12-01T14:19:15Z','tester','phoenix','risk','R-01','create','[{"field":"title","new":"Northwind Payments certification slot slips past mid-July","old":null},{"field":"category","new":"vendor","old":null},{"field":"owner","new":"Priya Shah","old":null},{"field":"status","new":"open","old":null},{"field":"raised","new":"2026-04-20","old":null},{"field":"probability","new":"0.4","old":null},{"field":"severity","new":"4","old":null},{"field":"impact.schedule","new":"10d","old":null},{"field":"impact.cost","new":"60000","old":null},{"field":"impact.tasks","new":"[psp-cert]","old":null},{"field":"mitigation","new":"Run Northwind''s pre-certification test pack in the sandbox by 2026-06-30; escalation path to Northwind''s partnerships VP agreed.","old":null},{"field":"trigger","new":"Northwind has not confirmed the 2026-07-06 slot by 2026-06-24","old":null},{"field":"response_due","new":"2026-06-24","old":null},{"field":"residual.probability","new":"0.2","old":null},{"field":"residual.severity","new":"3","old":null}]','b2e82e934c6ded331e899189669c23856bc4586485455376ba754e7dd2014268','27473ae834cd019fb49f36063f17634a727698fdfb5e09169c0ed0075d391be0');
INSERT INTO audit_trail VALUES(84,'2026-12-01T14:19:15Z','tester','phoenix','risk','R-02','create','[{"field":"title","new":"Legacy data quality is worse than profiled","old":null},{"field":"category","new":"technical_feasibility","old":null},{"field":"owner","new":"Kenji Watanabe","old":null},{"field":"status","new":"mitigating","old":null},{"field":"raised","new":"2026-02-05","old":null},{"field":"probability","new":"0.45","old":null},{"field":"severity","new":"3","old":null},{"field":"impact.schedule","new":"8d","old":null},{"field":"impact.cost","new":"45000","old":null},{"field":"impact.tasks","new":"[mock-2]","old":null},{"field":"mitigation","new":"Cleansing rules for the top 20 defect types; two billing data stewards assigned","old":null},{"field":"trigger","new":"Mock migration 1 rejects more than 2% of accounts","old":null},{"field":"response_due","new":"2026-07-10","old":null},{"field":"residual.probability","new":"0.25","old":null},{"field":"residual.severity","new":"3","old":null}]','27473ae834cd019fb49f36063f17634a727698fdfb5e09169c0ed0075d391be0','3862257bbe328f6c3d15e33a34348eec1613ce5a2dc1051a730c86e35a81f714');
INSERT INTO audit_trail VALUES(85,'2026-12-01T14:19:15Z','tester','phoenix','risk','R-03','create','[{"field":"title","new":"Rating engine misses the month-end peak (4.2M invoices in 6 hours)","old":null},{"field":"category","new":"technical_feasibility","old":null},{"field":"owner","new":"Ana Ruiz","old":null},{"field":"status","new":"open","old":null},{"field":"raised","new":"2026-03-12","old":null},{"field":"probability","new":"0.3","old":null},{"field":"severity","new":"5","old":null},{"field":"impact.schedule","new":"10d","old":null},{"field":"impact.cost","new":"70000","old":null},{"field":"impact.tasks","new":"[perf-test]","old":null},{"field":"mitigation","new":"Early load test of the rating service on production-size data in July","old":null},{"field":"trigger","new":"The July load test runs above 5 hours for 4.2M invoices","old":null},{"field":"response_due","new":"2026-07-31","old":null}]','3862257bbe328f6c3d15e33a34348eec1613ce5a2dc1051a730c86e35a81f714','dfd33435ea2cbf983d06ef8293233a0889264ab1b344669c7e5dfce6133e3c70');
INSERT INTO audit_trail VALUES(86,'2026-12-01T14:19:15Z','tester','phoenix','risk','R-04','create','[{"field":"title","new":"Integration defect backlog extends system integration test","old":null},{"field":"category","new":"schedule","old":null},{"field":"owner","new":"Hannah Cole","old":null},{"field":"status","new":"open","old":null},{"field":"raised","new":"2026-05-11","old":null},{"field":"probability","new":"0.45","old":null},{"field":"severity","new":"4","old":null},{"field":"impact.schedule","new":"8d","old":null},{"field":"impact.cost","new":"40000","old":null},{"field":"impact.tasks","new":"[sit]","old":null},{"field":"mitigation","new":"Contract tests between services in CI; daily defect triage during SIT","old":null},{"field":"trigger","new":"More than 40 open severity-2 defects in the first SIT week","old":null},{"field":"response_due","new":"2026-07-29","old":null},{"field":"residual.probability","new":"0.3","old":null},{"field":"residual.severity","new":"3","old":null}]','dfd33435ea2cbf983d06ef8293233a0889264ab1b344669c7e5dfce6133e3c70','c660320d04a969bf195aef6808c2f3976ff464f522882c275d57ea2ae52a0756');
INSERT INTO audit_trail VALUES(87,'2026-12-01T14:19:15Z','tester','phoenix','risk','R-05','create','[{"field":"title","new":"Cloud consumption costs exceed the forecast","old":null},{"field":"category","new":"budget","old":null},{"field":"owner","new":"Robert Okafor","old":null},{"field":"status","new":"open","old":null},{"field":"raised","new":"2026-04-02","old":null},{"field":"probability","new":"0.75","old":null},{"field":"severity","new":"3","old":null},{"field":"impact.cost","new":"150000","old":null},{"field":"mitigation","new":"Reserved-capacity purchase in July; nightly shutdown of test environments","old":null},{"field":"trigger","new":"Monthly cloud bill above 60,000 USD before cutover","old":null},{"field":"response_due","new":"2026-07-15","old":null}]','c660320d04a969bf195aef6808c2f3976ff464f522882c275d57ea2ae52a0756','c03cf7e20ef32f0b53a4388a9f5eded08b5092122741821cd2b733607fc4377f');
INSERT INTO audit_trail VALUES(88,'2026-12-01T14:19:15Z','tester','phoenix','risk','R-06','create','[{"field":"title","new":"QSA assessment finds gaps that need remediation","old":null},{"field":"category","new":"regulatory","old":null},{"field":"owner","new":"Irene Kowalski","old":null},{"field":"status","new":"mitigating","old":null},{"field":"raised","new":"2026-02-18","old":null},{"field":"probability","new":"0.35","old":null},{"field":"severity","new":"5","old":null},{"field":"impact.schedule","new":"10d","old":null},{"field":"impact.cost","new":"90000","old":null},{"field":"impact.tasks","new":"[pci-assessment]","old":null},{"field":"mitigation","new":"Pre-assessment by the internal security team in July; controls matrix closed before the onsite window","old":null},{"field":"trigger","new":"More than three controls open on 2026-07-20","old":null},{"field":"response_due","new":"2026-07-20","old":null},{"field":"residual.probability","new":"0.2","old":null},{"field":"residual.severity","new":"4","old":null}]','c03cf7e20ef32f0b53a4388a9f5eded08b5092122741821cd2b733607fc4377f','9bb3b3157d59c3868e8738baa277c4015f04bd98c68c33ea24eba696ecd8058d');
INSERT INTO audit_trail VALUES(89,'2026-12-01T14:19:15Z','tester','phoenix','risk','R-07','create','[{"field":"title","new":"Billing operations withholds UAT sign-off over the new month-end close","old":null},{"field":"category","new":"stakeholder_alignment","old":null},{"field":"owner","new":"Sofia Marin","old":null},{"field":"status","new":"open","old":null},{"field":"raised","new":"2026-04-08","old":null},{"field":"probability","new":"0.55","old":null},{"field":"severity","new":"4","old":null},{"field":"impact.schedule","new":"5d","old":null},{"field":"impact.cost","new":"25000","old":null},{"field":"impact.tasks","new":"[uat]","old":null},{"field":"mitigation","new":"Joint design sessions with billing operations; two analysts seconded to the build team","old":null},{"field":"trigger","new":"Helen Marsh declines the UAT entry criteria","old":null},{"field":"response_due","new":"2026-07-01","old":null}]','9bb3b3157d59c3868e8738baa277c4015f04bd98c68c33ea24eba696ecd8058d','649e00dce2766794f35573630515b607592ff349e6c2db75a70460646940a868');
INSERT INTO audit_trail VALUES(90,'2026-12-01T14:19:15Z','tester','phoenix','risk','R-08','create','[{"field":"title","new":"Managed-service partner late on the landing zone","old":null},{"field":"category","new":"vendor","old":null},{"field":"owner","new":"Liam Carter","old":null},{"field":"status","new":"realized","old":null},{"field":"raised","new":"2026-01-12","old":null},{"field":"probability","new":"0.3","old":null},{"field":"severity","new":"3","old":null},{"field":"impact.schedule","new":"5d","old":null},{"field":"impact.cost","new":"25000","old":null},{"field":"impact.tasks","new":"[landing-zone]","old":null},{"field":"mitigation","new":"Our SRE team took over the network build","old":null},{"field":"trigger","new":"Partner misses the 2026-02-11 handover","old":null},{"field":"response_due","new":"2026-02-13","old":null}]','649e00dce2766794f35573630515b607592ff349e6c2db75a70460646940a868','2784075ea7131386fb0e090ae33b10afdb6a069dca9c1882ee2e89be8a74135f');
INSERT INTO audit_trail VALUES(91,'2026-12-01T14:19:15Z','tester','phoenix','risk','R-09','create','[{"field":"title","new":"EU data residency requires an EU region","old":null},{"field":"category","new":"regulatory","old":null},{"field":"owner","new":"Grace Nakamura","old":null},{"field":"status","new":"closed","old":null},{"field":"raised","new":"2026-01-08","old":null},{"field":"probability","new":"0.2","old":null},{"field":"severity","new":"4","old":null},{"field":"mitigation","new":"Legal review confirmed the existing agreements cover a US region (2026-02-20)","old":null},{"field":"trigger","new":"Legal opinion requires EU hosting","old":null},{"field":"response_due","new":"2026-02-27","old":null}]','2784075ea7131386fb0e090ae33b10afdb6a069dca9c1882ee2e89be8a74135f','73ae24f443dc74262b238a6f7b791154d97c50709f8b9ca6497fb2e16bf8336b');
INSERT INTO audit_trail VALUES(92,'2026-12-01T14:19:15Z','tester','phoenix','risk','R-10','create','[{"field":"title","new":"The Q4 change freeze is brought forward to mid-September","old":null},{"field":"category","new":"schedule","old":null},{"field":"owner","new":"Dana Lee","old":null},{"field":"status","new":"mitigating","old":null},{"field":"raised","new":"2026-05-04","old":null},{"field":"probability","new":"0.15","old":null},{"field":"severity","new":"5","old":null},{"field":"impact.cost","new":"285000","old":null},{"field":"mitigation","new":"Freeze date confirmed in writing by the CIO office; exception path agreed","old":null},{"field":"trigger","new":"The CIO office announces a freeze date before 2026-10-01","old":null},{"field":"response_due","new":"2026-07-15","old":null},{"field":"residual.probability","new":"0.05","old":null},{"field":"residual.severity","new":"5","old":null}]','73ae24f443dc74262b238a6f7b791154d97c50709f8b9ca6497fb2e16bf8336b','23d2d769609d866d48d21a7ec4ace53f48b818825b0a79acde0851f77063c83a');
INSERT INTO audit_trail VALUES(93,'2026-12-01T14:19:15Z','tester','phoenix','risk','R-11','create','[{"field":"title","new":"Sponsor reassigned in the operations reorganisation","old":null},{"field":"category","new":"stakeholder_alignment","old":null},{"field":"owner","new":"Sofia Marin","old":null},{"field":"status","new":"open","old":null},{"field":"raised","new":"2026-05-20","old":null},{"field":"probability","new":"0.1","old":null},{"field":"severity","new":"5","old":null},{"field":"mitigation","new":"Brief the CFO as deputy sponsor; decisions recorded in the register","old":null},{"field":"trigger","new":"Reorganisation announcement names a new COO scope","old":null},{"field":"response_due","new":"2026-07-31","old":null}]','23d2d769609d866d48d21a7ec4ace53f48b818825b0a79acde0851f77063c83a','65c035ff0057ecb1e79dfefd807fc1e4db6b3578ebfeec003cf2a7dd64a1b3d1');
INSERT INTO audit_trail VALUES(94,'2026-12-01T14:19:15Z','tester','phoenix','risk','R-12','create','[{"field":"title","new":"Contractor day rates rise at the contract renewal","old":null},{"field":"category","new":"budget","old":null},{"field":"owner","new":"Sofia Marin","old":null},{"field":"status","new":"closed","old":null},{"field":"raised","new":"2026-01-15","old":null},{"field":"probability","new":"0.3","old":null},{"field":"severity","new":"2","old":null},{"field":"impact.cost","new":"40000","old":null},{"field":"impact.tasks","new":"[billing-build]","old":null},{"field":"mitigation","new":"Fixed-rate extension signed with Brightline Consulting to 2026-12-31","old":null},{"field":"trigger","new":"Renewal quote above 900 USD a day","old":null},{"field":"response_due","new":"2026-03-31","old":null}]','65c035ff0057ecb1e79dfefd807fc1e4db6b3578ebfeec003cf2a7dd64a1b3d1','e4bc6cd5352b3b7547b292f9949b3d02aa2971ebc34b5c772c6710e248e77dc8');
INSERT INTO audit_trail VALUES(95,'2026-12-01T14:19:15Z','tester','phoenix','risk','R-13','create','[{"field":"title","new":"First Harbor Bank test endpoint slips again","old":null},{"field":"category","new":"vendor","old":null},{"field":"owner","new":"Zara Ahmed","old":null},{"field":"status","new":"open","old":null},{"field":"raised","new":"2026-05-27","old":null},{"field":"probability","new":"0.25","old":null},{"field":"severity","new":"3","old":null},{"field":"impact.schedule","new":"5d","old":null},{"field":"impact.cost","new":"10000","old":null},{"field":"impact.tasks","new":"[bank-file-test]","old":null},{"field":"mitigation","new":"Bank file simulator for SIT; weekly call with the bank''s implementation manager","old":null},{"field":"trigger","new":"Endpoint not reachable on 2026-06-29","old":null},{"field":"response_due","new":"2026-06-30","old":null}]','e4bc6cd5352b3b7547b292f9949b3d02aa2971ebc34b5c772c6710e248e77dc8','fbede3c7790b2a07d9e2d5164ca00003d0dea967e2ef4d3bc0cba34f9d2ec6ff');
INSERT INTO audit_trail VALUES(96,'2026-12-01T14:19:15Z','tester','phoenix','stakeholder','sponsor','create','[{"field":"name","new":"Dana Lee","old":null},{"field":"role","new":"Chief Operating Officer (sponsor)","old":null},{"field":"influence","new":"5","old":null},{"field":"impact","new":"4","old":null},{"field":"stance","new":"supportive","old":null},{"field":"channel","new":"weekly 1:1","old":null},{"field":"cadence","new":"7d","old":null},{"field":"last_contact","new":"2026-06-12","old":null},{"field":"satisfaction","new":"4","old":null}]','fbede3c7790b2a07d9e2d5164ca00003d0dea967e2ef4d3bc0cba34f9d2ec6ff','b6878ea39e2a22304b4e6a26ea26ea988e2862611ddeb1d1b5b48e7102180e82');
INSERT INTO audit_trail VALUES(97,'2026-12-01T14:19:15Z','tester','phoenix','stakeholder','cfo','create','[{"field":"name","new":"Robert Okafor","old":null},{"field":"role","new":"Chief Financial Officer","old":null},{"field":"influence","new":"5","old":null},{"field":"impact","new":"4","old":null},{"field":"stance","new":"neutral","old":null},{"field":"channel","new":"email and monthly steering committee","old":null},{"field":"cadence","new":"7d","old":null},{"field":"last_contact","new":"2026-06-01","old":null},{"field":"satisfaction","new":"3","old":null}]','b6878ea39e2a22304b4e6a26ea26ea988e2862611ddeb1d1b5b48e7102180e82','a89b07701ca7be4e26ccf7da37e537f4815e01c2c3074c68562f5f0298553b3e');
INSERT INTO audit_trail VALUES(98,'2026-12-01T14:19:15Z','tester','phoenix','stakeholder','billing-ops','create','[{"field":"name","new":"Helen Marsh","old":null},{"field":"role","new":"Head of Billing Operations","old":null},{"field":"influence","new":"4","old":null},{"field":"impact","new":"5","old":null},{"field":"stance","new":"resistant","old":null},{"field":"channel","new":"in person","old":null},{"field":"cadence","new":"7d","old":null},{"field":"last_contact","new":"2026-06-05","old":null},{"field":"satisfaction","new":"2","old":null}]','a89b07701ca7be4e26ccf7da37e537f4815e01c2c3074c68562f5f0298553b3e','8e814425390705f7d9cb285c2d05f08d52bdfd9d7a184c7d3a699cb8f52d979b');
INSERT INTO audit_trail VALUES(99,'2026-12-01T14:19:15Z','tester','phoenix','stakeholder','ciso','create','[{"field":"name","new":"Victor Lindqvist","old":null},{"field":"role","new":"Chief Information Security Officer","old":null},{"field":"influence","new":"4","old":null},{"field":"impact","new":"2","old":null},{"field":"stance","new":"neutral","old":null},{"field":"channel","new":"security review board","old":null},{"field":"last_contact","new":"2026-05-28","old":null},{"field":"satisfaction","new":"3","old":null}]','8e814425390705f7d9cb285c2d05f08d52bdfd9d7a184c7d3a699cb8f52d979b','a9ba1537288497e9f7da7408196849dea28d96c7edc9ed96ef75101b7fceca7b');
INSERT INTO audit_trail VALUES(100,'2026-12-01T14:19:15Z','tester','phoenix','stakeholder','vp-sales','create','[{"field":"name","new":"Marcus Reid","old":null},{"field":"role","new":"VP Sales","old":null},{"field":"influence","new":"4","old":null},{"field":"impact","new":"3","old":null},{"field":"stance","new":"resistant","old":null},{"field":"channel","new":"email","old":null},{"field":"cadence","new":"14d","old":null},{"field":"last_contact","new":"2026-06-09","old":null},{"field":"satisfaction","new":"2","old":null}]','a9ba1537288497e9f7da7408196849dea28d96c7edc9ed96ef75101b7fceca7b','29363c6e15ba55670b00d82b2193659d19d5a34df4430ec5c81c1c03937fef22');
INSERT INTO audit_trail VALUES(101,'2026-12-01T14:19:15Z','tester','phoenix','stakeholder','infra-ops','create','[{"field":"name","new":"Maria Gomez","old":null},{"field":"role","new":"Infrastructure operations lead","old":null},{"field":"influence","new":"3","old":null},{"field":"impact","new":"5","old":null},{"field":"stance","new":"supportive","old":null},{"field":"channel","new":"team channel","old":null},{"field":"last_contact","new":"2026-06-10","old":null},{"field":"satisfaction","new":"4","old":null}]','29363c6e15ba55670b00d82b2193659d19d5a34df4430ec5c81c1c03937fef22','b14b8f3f26f2fe55adbbeb63cb3af0f48244ae112a5a1d1479b47ed1202b54ff');
INSERT INTO audit_trail VALUES(102,'2026-12-01T14:19:15Z','tester','phoenix','stakeholder','support','create','[{"field":"name","new":"Tom Becker","old":null},{"field":"role","new":"Customer support manager","old":null},{"field":"influence","new":"2","old":null},{"field":"impact","new":"4","old":null},{"field":"stance","new":"neutral","old":null},{"field":"channel","new":"email","old":null},{"field":"last_contact","new":"2026-06-03","old":null},{"field":"satisfaction","new":"3","old":null}]','b14b8f3f26f2fe55adbbeb63cb3af0f48244ae112a5a1d1479b47ed1202b54ff','dfdb02cd7c9c9200b618f6389116d0ac09424f40e9edf0b4c81a95743d2f47f9');
INSERT INTO audit_trail VALUES(103,'2026-12-01T14:19:15Z','tester','phoenix','stakeholder','compliance','create','[{"field":"name","new":"Grace Nakamura","old":null},{"field":"role","new":"Chief Compliance Officer","old":null},{"field":"influence","new":"3","old":null},{"field":"impact","new":"4","old":null},{"field":"stance","new":"supportive","old":null},{"field":"channel","new":"monthly compliance review","old":null},{"field":"cadence","new":"14d","old":null},{"field":"last_contact","new":"2026-06-08","old":null},{"field":"satisfaction","new":"4","old":null}]','dfdb02cd7c9c9200b618f6389116d0ac09424f40e9edf0b4c81a95743d2f47f9','4354326b4c8cc648753ab03e20cc800fcab144504031a73fd6d6c15036738f4a');
INSERT INTO audit_trail VALUES(104,'2026-12-01T14:19:15Z','tester','phoenix','stakeholder','internal-audit','create','[{"field":"name","new":"Samuel Adeyemi","old":null},{"field":"role","new":"Internal audit manager","old":null},{"field":"influence","new":"3","old":null},{"field":"impact","new":"2","old":null},{"field":"stance","new":"neutral","old":null},{"field":"channel","new":"email","old":null},{"field":"last_contact","new":"2026-05-20","old":null}]','4354326b4c8cc648753ab03e20cc800fcab144504031a73fd6d6c15036738f4a','f02f793ff8c87bb1778f63180f5346ed292e3d7a0163ef4d90a33351c3b69d17');
INSERT INTO audit_trail VALUES(105,'2026-12-01T14:19:15Z','tester','phoenix','stakeholder','psp-account','create','[{"field":"name","new":"Lena Fischer","old":null},{"field":"role","new":"Account manager, Northwind Payments","old":null},{"field":"influence","new":"2","old":null},{"field":"impact","new":"2","old":null},{"field":"stance","new":"supportive","old":null},{"field":"channel","new":"vendor call","old":null},{"field":"cadence","new":"14d","old":null},{"field":"last_contact","new":"2026-06-11","old":null}]','f02f793ff8c87bb1778f63180f5346ed292e3d7a0163ef4d90a33351c3b69d17','a3c517057b7bda82a09a9bf397f4f7722717698679cd24aae5a6e111d4953e97');
INSERT INTO audit_trail VALUES(106,'2026-12-01T14:19:15Z','tester','phoenix','stakeholder','partner-council','create','[{"field":"name","new":"Owen Price","old":null},{"field":"role","new":"Chair, partner advisory council","old":null},{"field":"influence","new":"2","old":null},{"field":"impact","new":"3","old":null},{"field":"stance","new":"neutral","old":null},{"field":"channel","new":"newsletter","old":null}]','a3c517057b7bda82a09a9bf397f4f7722717698679cd24aae5a6e111d4953e97','390b4905e237eb536b507ec027a0a4bddd2e0cd47829dd20c55bb8f69562129c');
INSERT INTO audit_trail VALUES(107,'2026-12-01T14:19:15Z','tester','phoenix','decision','D-01','create','[{"field":"question","new":"The core build is four weeks late. Add people, cut scope, or move the date?","old":null},{"field":"status","new":"open","old":null},{"field":"decision_rule","new":"Highest weighted score among the options with p_on_time of at least 0.4; if none qualifies, the steering committee decides.","old":null},{"field":"criteria","new":"[cost, p80, on_time, risk]","old":null},{"field":"criteria.cost.name","new":"Program cost","old":null},{"field":"criteria.cost.weight","new":"20","old":null},{"field":"criteria.cost.measure","new":"cost","old":null},{"field":"criteria.p80.name","new":"P80 finish date","old":null},{"field":"criteria.p80.weight","new":"30","old":null},{"field":"criteria.p80.measure","new":"p80_finish","old":null},{"field":"criteria.on_time.name","new":"Chance to finish by the target","old":null},{"field":"criteria.on_time.weight","new":"25","old":null},{"field":"criteria.on_time.measure","new":"p_on_time","old":null},{"field":"criteria.risk.name","new":"Delivery risk","old":null},{"field":"criteria.risk.weight","new":"25","old":null},{"field":"options","new":"[add-people, cut-scope, move-date]","old":null},{"field":"options.add-people.name","new":"Add three contract engineers to the core build","old":null},{"field":"options.add-people.scores.risk","new":"3","old":null},{"field":"options.add-people.scenario.cost","new":"150000","old":null},{"field":"options.add-people.scenario.duration_factor.tasks","new":"[billing-build, invoice-portal]","old":null},{"field":"options.add-people.scenario.duration_factor.factor","new":"0.85","old":null},{"field":"options.cut-scope.name","new":"Defer the invoice portal refresh to Q1 2027","old":null},{"field":"options.cut-scope.scores.risk","new":"4","old":null},{"field":"options.cut-scope.scenario.remove_tasks","new":"[invoice-portal]","old":null},{"field":"options.move-date.name","new":"Move go-live to 2026-10-30 under a change-freeze exception","old":null},{"field":"options.move-date.scores.risk","new":"2","old":null},{"field":"options.move-date.scenario.cost","new":"95000","old":null},{"field":"options.move-date.scenario.target","new":"2026-10-30","old":null},{"field":"stakeholder_weights.billing-ops.cost","new":"0","old":null},{"field":"stakeholder_weights.billing-ops.on_time","new":"60","old":null},{"field":"stakeholder_weights.billing-ops.p80","new":"10","old":null},{"field":"stakeholder_weights.billing-ops.risk","new":"30","old":null},{"field":"stakeholder_weights.cfo.cost","new":"50","old":null},{"field":"stakeholder_weights.cfo.on_time","new":"20","old":null},{"field":"stakeholder_weights.cfo.p80","new":"10","old":null},{"field":"stakeholder_weights.cfo.risk","new":"20","old":null}]','390b4905e237eb536b507ec027a0a4bddd2e0cd47829dd20c55bb8f69562129c','67c31287ba1fd5e1cfcd0a36512d4cd5a9c6b79181a5d42f1b31b188f535301c');
INSERT INTO audit_trail VALUES(108,'2026-12-01T14:19:15Z','tester','phoenix','decision','D-02','create','[{"field":"question","new":"Cutover in one weekend, or in three waves by customer segment?","old":null},{"field":"status","new":"decided","old":null},{"field":"decision_rule","new":"Highest weighted score","old":null},{"field":"criteria","new":"[risk, cost, finish]","old":null},{"field":"criteria.risk.name","new":"Cutover risk","old":null},{"field":"criteria.risk.weight","new":"40","old":null},{"field":"criteria.cost.name","new":"Program cost","old":null},{"field":"criteria.cost.weight","new":"30","old":null},{"field":"criteria.cost.measure","new":"cost","old":null},{"field":"criteria.finish.name","new":"Finish date","old":null},{"field":"criteria.finish.weight","new":"30","old":null},{"field":"criteria.finish.measure","new":"finish","old":null},{"field":"options","new":"[big-bang, phased]","old":null},{"field":"options.big-bang.name","new":"One cutover weekend after two full rehearsals","old":null},{"field":"options.big-bang.scores.risk","new":"3","old":null},{"field":"options.big-bang.scenario.cost","new":"35000","old":null},{"field":"options.phased.name","new":"Three waves by customer segment over three weeks","old":null},{"field":"options.phased.scores.risk","new":"4","old":null},{"field":"options.phased.scenario.cost","new":"180000","old":null},{"field":"options.phased.scenario.duration_factor.tasks","new":"[cutover-weekend, hypercare]","old":null},{"field":"options.phased.scenario.duration_factor.factor","new":"3","old":null},{"field":"chosen","new":"big-bang","old":null},{"field":"rationale","new":"Phasing lowers the cutover risk a little but runs two billing platforms in parallel for three weeks, costs 145,000 USD more and ends after the freeze.","old":null},{"field":"decided_by","new":"Dana Lee","old":null},{"field":"decided_on","new":"2026-03-18","old":null}]','67c31287ba1fd5e1cfcd0a36512d4cd5a9c6b79181a5d42f1b31b188f535301c','8cb955365ae7c2690cda56f6a41b2b2fcf76364937ce66c7467201f17090d955');
INSERT INTO audit_trail VALUES(109,'2026-12-01T14:19:15Z','tester','phoenix','change','CR-01','create','[{"field":"title","new":"Apply the EU VAT rounding rule in the rating engine","old":null},{"field":"requested_by","new":"Grace Nakamura","old":null},{"field":"requested_on","new":"2026-02-03","old":null},{"field":"status","new":"implemented","old":null},{"field":"impact.schedule","new":"2d","old":null},{"field":"impact.cost","new":"12000","old":null},{"field":"approvals","new":"[{by: Dana Lee, on: 2026-02-10, decision: approved, note: Regulatory; absorbed in the build}]","old":null}]','8cb955365ae7c2690cda56f6a41b2b2fcf76364937ce66c7467201f17090d955','101f483e9f5395882abd629bf5a6866c285d42a71fd9e85308d1c885754acb2b');
INSERT INTO audit_trail VALUES(110,'2026-12-01T14:19:15Z','tester','phoenix','change','CR-02','create','[{"field":"title","new":"Usage-based pricing for the enterprise tier","old":null},{"field":"requested_by","new":"Marcus Reid","old":null},{"field":"requested_on","new":"2026-04-14","old":null},{"field":"status","new":"approved","old":null},{"field":"impact.schedule","new":"5d","old":null},{"field":"impact.cost","new":"45000","old":null},{"field":"approvals","new":"[{by: Robert Okafor, on: 2026-04-21, decision: approved, note: Funded from contingency}, {by: Dana Lee, on: 2026-04-22, decision: approved, note: Build estimate raised from 70d to 75d likely}]","old":null}]','101f483e9f5395882abd629bf5a6866c285d42a71fd9e85308d1c885754acb2b','848f17b01872f973c30e45a9e23289d4c62d5d6f2de13aa5aee6bc11f9763997');
INSERT INTO audit_trail VALUES(111,'2026-12-01T14:19:15Z','tester','phoenix','change','CR-03','create','[{"field":"title","new":"Single sign-on for the partner portal","old":null},{"field":"requested_by","new":"Marcus Reid","old":null},{"field":"requested_on","new":"2026-05-18","old":null},{"field":"status","new":"proposed","old":null},{"field":"impact.schedule","new":"5d","old":null},{"field":"impact.cost","new":"64000","old":null},{"field":"adds_tasks","new":"[partner-sso, partner-sso-release]","old":null},{"field":"adds_tasks.partner-sso.name","new":"Partner portal single sign-on","old":null},{"field":"adds_tasks.partner-sso.owner","new":"Nadia Petrova","old":null},{"field":"adds_tasks.partner-sso.estimate.optimistic","new":"6d","old":null},{"field":"adds_tasks.partner-sso.estimate.likely","new":"8d","old":null},{"field":"adds_tasks.partner-sso.estimate.pessimistic","new":"12d","old":null},{"field":"adds_tasks.partner-sso.estimate.distribution","new":"pert","old":null},{"field":"adds_tasks.partner-sso.depends","new":"[api-gateway]","old":null},{"field":"adds_tasks.partner-sso.resources","new":"[core-eng]","old":null},{"field":"adds_tasks.partner-sso.cost","new":"40000","old":null},{"field":"adds_tasks.partner-sso-release.name","new":"Partner single sign-on release and pilot","old":null},{"field":"adds_tasks.partner-sso-release.owner","new":"Nadia Petrova","old":null},{"field":"adds_tasks.partner-sso-release.duration","new":"5d","old":null},{"field":"adds_tasks.partner-sso-release.depends","new":"[partner-sso, hypercare]","old":null},{"field":"adds_tasks.partner-sso-release.cost","new":"24000","old":null}]','848f17b01872f973c30e45a9e23289d4c62d5d6f2de13aa5aee6bc11f9763997','decbe16d01548f09fb14e5e40fa8ea74f9e761c4effbf329d9d31ac11dba0871');
INSERT INTO audit_trail VALUES(112,'2026-12-01T14:19:15Z','tester','phoenix','change','CR-04','create','[{"field":"title","new":"Migrate seven years of invoice history instead of two","old":null},{"field":"requested_by","new":"Helen Marsh","old":null},{"field":"requested_on","new":"2026-03-02","old":null},{"field":"status","new":"rejected","old":null},{"field":"impact.schedule","new":"15d","old":null},{"field":"impact.cost","new":"140000","old":null},{"field":"approvals","new":"[{by: Dana Lee, on: 2026-03-12, decision: rejected, note: Older invoices stay in the read-only archive}]","old":null}]','decbe16d01548f09fb14e5e40fa8ea74f9e761c4effbf329d9d31ac11dba0871','b0a9b7b6b602b2ed4c97d1ae543f61eb0aade2a1c557576abee598c624693573');
INSERT INTO audit_trail VALUES(113,'2026-12-01T14:19:15Z','tester','phoenix','audit','phoenix','create','[{"field":"retention_years","new":"7","old":null}]','b0a9b7b6b602b2ed4c97d1ae543f61eb0aade2a1c557576abee598c624693573','47d79208d0594c2bc3567832e42b9fb19f43b6264d7653a45d585cc50c361f9a');
INSERT INTO audit_trail VALUES(114,'2026-12-01T14:19:15Z','tester','phoenix','audit_item','requirements','create','[{"field":"status","new":"done","old":null},{"field":"owner","new":"Ana Ruiz","old":null},{"field":"due","new":"2026-03-31","old":null},{"field":"evidence","new":"[{path: evidence/requirements-signoff.md, sha256: b3af4ddad7b5693abd0e6d8144ceef5cfea5102e7a63f94ddcb096804c76ef4a}, {url: \"https://wiki.example.com/phoenix/requirements-v3\"}]","old":null},{"field":"signoff.by","new":"Dana Lee","old":null},{"field":"signoff.on","new":"2026-03-02","old":null},{"field":"note","new":"Version 3.0 approved by the steering committee","old":null}]','47d79208d0594c2bc3567832e42b9fb19f43b6264d7653a45d585cc50c361f9a','a0730665f7dd9d677def4b6ba2d3b4805fe6721346fef1a117aa391d0ff9f521');
INSERT INTO audit_trail VALUES(115,'2026-12-01T14:19:15Z','tester','phoenix','audit_item','change_trail','create','[{"field":"status","new":"done","old":null},{"field":"owner","new":"Sofia Marin","old":null},{"field":"due","new":"2026-06-30","old":null},{"field":"evidence","new":"[{path: evidence/change-control-log.md, sha256: 1d842d425ce8872243d6fd285407931b4c6af5d43b153d684907b89517589edc}]","old":null},{"field":"signoff.by","new":"Grace Nakamura","old":null},{"field":"signoff.on","new":"2026-06-08","old":null},{"field":"note","new":"Change register exported and reconciled with the tpmkit audit trail","old":null}]','a0730665f7dd9d677def4b6ba2d3b4805fe6721346fef1a117aa391d0ff9f521','ce6d959e1bb140c8466d60ad4c47136f6634b8fb82bb3bd733d633cd5b48451f');
INSERT INTO audit_trail VALUES(116,'2026-12-01T14:19:15Z','tester','phoenix','audit_item','security_controls','create','[{"field":"status","new":"in_progress","old":null},{"field":"owner","new":"Irene Kowalski","old":null},{"field":"due","new":"2026-07-31","old":null},{"field":"evidence","new":"[{path: evidence/security-controls-matrix.md, sha256: 835bee7c6e8025c1262213b271c21608fd9f3b882b54d8d0c3ab5b4bb41628a6}]","old":null},{"field":"note","new":"5 of 10 controls implemented; the rest before the QSA window","old":null}]','ce6d959e1bb140c8466d60ad4c47136f6634b8fb82bb3bd733d633cd5b48451f','76543466ac69bde6e79fe7c8f5f9751c618944e89509f8bda1fa1b49ad0f9341');
INSERT INTO audit_trail VALUES(117,'2026-12-01T14:19:15Z','tester','phoenix','audit_item','risk_assessments','create','[{"field":"status","new":"done","old":null},{"field":"owner","new":"Sofia Marin","old":null},{"field":"due","new":"2026-06-05","old":null},{"field":"evidence","new":"[{path: evidence/risk-assessment-2026-06.md, sha256: 11f3af86b024375203247daac46e934c0f02a023427d45d5e0466752d8494e77}]","old":null},{"field":"note","new":"June assessment held; the CISO has not signed the regulatory section","old":null}]','76543466ac69bde6e79fe7c8f5f9751c618944e89509f8bda1fa1b49ad0f9341','41e11582b6da6eccc817d4a793a742e04a46433ff011eec7c70b48651c748510');
INSERT INTO audit_trail VALUES(118,'2026-12-01T14:19:15Z','tester','phoenix','audit_item','approvals','create','[{"field":"status","new":"done","old":null},{"field":"owner","new":"Sofia Marin","old":null},{"field":"due","new":"2026-06-30","old":null},{"field":"evidence","new":"[{path: evidence/steering-approvals.md, sha256: ffc42a795dbc54eb6e5f3e6f1631a52c91976176be82462ff0b470786538389f}, {url: \"https://wiki.example.com/phoenix/steering-committee\"}]","old":null},{"field":"signoff.by","new":"Dana Lee","old":null},{"field":"signoff.on","new":"2026-06-10","old":null},{"field":"note","new":"Steering committee decisions SC-01 to SC-06","old":null}]','41e11582b6da6eccc817d4a793a742e04a46433ff011eec7c70b48651c748510','8b76d74219cbd74e5db2bab9d9555659450d4d41e8c6e68b7c0f7170b81eadd9');
INSERT INTO audit_trail VALUES(119,'2026-12-01T14:19:15Z','tester','phoenix','audit_item','training','create','[{"field":"status","new":"in_progress","old":null},{"field":"owner","new":"Beatriz Santos","old":null},{"field":"due","new":"2026-06-01","old":null},{"field":"evidence","new":"[{path: evidence/training-roster.md, sha256: 759317b461e87ee7711d9f35187ddfd2a65aa66d9f3e6e427b1e7a2f9304612d}]","old":null},{"field":"note","new":"Four delivery team members still owe the mandatory compliance courses","old":null}]','8b76d74219cbd74e5db2bab9d9555659450d4d41e8c6e68b7c0f7170b81eadd9','1a2e7c27658c950dafa3e664d4f1c560cb949472296796140c381b8476ec3ce3');
INSERT INTO audit_trail VALUES(120,'2026-12-01T14:19:15Z','tester','phoenix','audit_item','compliance_escalation','create','[{"field":"status","new":"not_started","old":null},{"field":"owner","new":"Grace Nakamura","old":null},{"field":"due","new":"2026-07-15","old":null},{"field":"note","new":"Escalation path for compliance incidents after go-live to be agreed with Legal","old":null}]','1a2e7c27658c950dafa3e664d4f1c560cb949472296796140c381b8476ec3ce3','d0023dc90dce654921a45df73995e190492f292d0e0fcd3bbc8a18453fbc9525');
INSERT INTO audit_trail VALUES(121,'2026-12-01T14:19:15Z','tester','phoenix','audit_item','internal_audits','create','[{"field":"status","new":"not_applicable","old":null},{"field":"owner","new":"Samuel Adeyemi","old":null},{"field":"note","new":"Covered by the group internal audit plan for 2027; no program-level audit","old":null}]','d0023dc90dce654921a45df73995e190492f292d0e0fcd3bbc8a18453fbc9525','a5bf2a7a03a509419da3b764d6cae5083696cd87aa66a5942459709d1f88f1b3');
INSERT INTO audit_trail VALUES(122,'2026-12-01T14:19:15Z','tester','phoenix','audit_item','record_retention','create','[{"field":"status","new":"done","old":null},{"field":"owner","new":"Grace Nakamura","old":null},{"field":"due","new":"2026-05-31","old":null},{"field":"evidence","new":"[{path: evidence/record-retention-policy.md, sha256: 594169f533da957d67a7b1a2ff949d84bebf758fa3ac1bf4e446a6ef6eac556f}]","old":null},{"field":"signoff.by","new":"Grace Nakamura","old":null},{"field":"signoff.on","new":"2026-05-15","old":null},{"field":"note","new":"Seven-year retention for invoices and payments","old":null}]','a5bf2a7a03a509419da3b764d6cae5083696cd87aa66a5942459709d1f88f1b3','8470601dde0e2a17010ed4d89dc361cd02fe4369fc92fe7eaac6d02ff1caced0');
INSERT INTO audit_trail VALUES(123,'2026-12-01T14:19:15Z','tester','phoenix','audit_item','privacy','create','[{"field":"status","new":"done","old":null},{"field":"owner","new":"Nora Whitfield","old":null},{"field":"due","new":"2026-04-30","old":null},{"field":"evidence","new":"[{path: evidence/dpia-summary.md, sha256: b7cb9e24d07a06edf98255d015966f03da4d2eff6ea82f0369efa601d69d241a}, {url: \"https://wiki.example.com/phoenix/dpia\"}]","old":null},{"field":"signoff.by","new":"Nora Whitfield","old":null},{"field":"signoff.on","new":"2026-04-28","old":null},{"field":"note","new":"Data protection impact assessment approved by the DPO","old":null}]','8470601dde0e2a17010ed4d89dc361cd02fe4369fc92fe7eaac6d02ff1caced0','231f597c2a68d01db4898ff0713d2e04c236c22b235e7b4d5634ba1dd4e3d757');
INSERT INTO audit_trail VALUES(124,'2026-12-01T14:19:15Z','tester','phoenix','targets','phoenix','create','[{"field":"spi","new":"0.95","old":null},{"field":"cpi","new":"0.95","old":null},{"field":"p_on_time","new":"0.8","old":null},{"field":"readiness","new":"90","old":null},{"field":"satisfaction","new":"4","old":null},{"field":"risk_score","new":"40","old":null}]','231f597c2a68d01db4898ff0713d2e04c236c22b235e7b4d5634ba1dd4e3d757','a19605b3b80a94c44e6b98c03618b26caf5413cde088fb577e907e139bd18ac2');
INSERT INTO audit_trail VALUES(125,'2026-12-01T14:19:15Z','tester','phoenix','risk','R-99','create','[{"field":"title","new":"Vendor API deprecation","old":null},{"field":"status","new":"open","old":null},{"field":"probability","new":"0.3","old":null},{"field":"severity","new":"3","old":null}]','a19605b3b80a94c44e6b98c03618b26caf5413cde088fb577e907e139bd18ac2','f11abe445ef2e43000e8a75e760f4bab329da23376abde4e1477f28f8de44968');
INSERT INTO audit_trail VALUES(126,'2026-12-01T14:19:15Z','tester','phoenix','risk','R-99','update','[{"field":"probability","new":"0.5","old":"0.3"}]','f11abe445ef2e43000e8a75e760f4bab329da23376abde4e1477f28f8de44968','0de394c738cb8ee41eea5d337ecff9ec04d67677ceacf95c43eac6902d5e2f4f');
INSERT INTO audit_trail VALUES(127,'2026-12-01T14:19:15Z','tester','phoenix','stakeholder','sponsor','update','[{"field":"last_contact","new":"2026-06-20","old":"2026-06-12"},{"field":"contacts","new":"[{on: 2026-06-20, note: \"Steering review: \\\"go\\\", budget OK\"}]","old":null}]','0de394c738cb8ee41eea5d337ecff9ec04d67677ceacf95c43eac6902d5e2f4f','2acc49ae45b5f8ba6bd9647ec25d7ae905102ff1948126e8b219aa8f5c219b2a');
INSERT INTO audit_trail VALUES(128,'2026-12-01T14:19:15Z','tester','phoenix','risk','R-99','update','[{"field":"status","new":"closed","old":"open"}]','2acc49ae45b5f8ba6bd9647ec25d7ae905102ff1948126e8b219aa8f5c219b2a','546cd734433f4b9d89eb69c69350f0e6f394015d0470ed25cee9230d7f526c1a');
INSERT INTO audit_trail VALUES(129,'2026-12-01T14:19:19Z','tester','phoenix','stakeholder','sponsor','update','[{"field":"last_contact","new":"2026-06-22","old":"2026-06-20"},{"field":"contacts","new":"[{on: 2026-06-20, note: \"Steering review: \\\"go\\\", budget OK\"}, {on: 2026-06-22, note: \"Call\\u000d\\nfollow-up:\\tsend the \\\"plan B\\\" memo\"}]","old":"[{on: 2026-06-20, note: \"Steering review: \\\"go\\\", budget OK\"}]"}]','546cd734433f4b9d89eb69c69350f0e6f394015d0470ed25cee9230d7f526c1a','0fe843e95fb7db569f68f21a5ff38b189044e7a473c22589f8ca66bff08968de');
INSERT INTO audit_trail VALUES(130,'2026-12-01T14:19:40Z','tester','phoenix','risk','R-99','update','[{"field":"mitigation","new":"Escrow the SDK\r\n\t\"ask legal\"\b\f\u0001 é","old":null}]','0fe843e95fb7db569f68f21a5ff38b189044e7a473c22589f8ca66bff08968de','3b5de7bd161e88ae30850c8fa8b422a081ffe7fcd565b3d8d2aaf152aec9eeda');
CREATE TABLE audit_trail_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_seq INTEGER NOT NULL,
  last_hash TEXT NOT NULL
);
INSERT INTO audit_trail_head VALUES(1,130,'3b5de7bd161e88ae30850c8fa8b422a081ffe7fcd565b3d8d2aaf152aec9eeda');
COMMIT;
