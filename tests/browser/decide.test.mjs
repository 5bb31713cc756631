// Browser test of the Scorecard, Stakeholders, Decisions and Changes pages (docs/web.md):
// playwright-core drives Debian's chromium against a real `tpmkit serve` over a temporary
// workspace with the phoenix example. A viewer visits the six pages (no console error, no
// failed request; the trend chart, the stakeholder matrix, the options table and the
// before/after table are there; no form); an editor logs a contact through the form and
// finds it with `tpmkit log` under the user. Screenshots scorecard.png, stakeholders.png,
// decisions.png, decision.png, changes.png and change.png go to $TPMKIT_SCREENSHOTS.
// The setup is a copy of web.test.mjs's until tests/browser/support.mjs holds it.
//
// Run: node tests/browser/decide.test.mjs build/tpmkit   (exit 77: skipped, see the message)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BINARY = path.resolve(process.argv[2] || process.env.TPMKIT_BINARY || 'build/tpmkit');
const CHROMIUM = process.env.TPMKIT_CHROMIUM || '/usr/bin/chromium';
const SHOTS = process.env.TPMKIT_SCREENSHOTS || path.join(SOURCE, 'build', 'screenshots');
const PASSWORD = 'tangerine-harbour-42';
const SKIP = 77;

const require = createRequire(path.join(SOURCE, 'package.json'));
let chromium;
try {
  ({ chromium } = require('playwright-core'));
} catch {
  console.log('skipped: node_modules/playwright-core is missing; run `npm ci` first');
  process.exit(SKIP);
}
if (!existsSync(CHROMIUM)) {
  console.log(`skipped: no chromium at ${CHROMIUM}; install Debian's chromium`);
  process.exit(SKIP);
}

const dir = mkdtempSync(path.join(tmpdir(), 'tpmkit-browser-'));
const db = path.join(dir, 'team.db');
const cli = (args, input) =>
  execFileSync(BINARY, ['--db', db, ...args], { input, encoding: 'utf8' });

let server;
let base;
let browser;

before(async () => {
  cli(['apply', path.join(SOURCE, 'examples', 'phoenix.yaml')]);
  for (const [name, role] of [['olga', 'owner'], ['ed', 'editor'], ['vi', 'viewer']]) {
    cli(['user', 'add', name, '--password-stdin'], PASSWORD + '\n');
    cli(['user', 'grant', name, 'phoenix', role]);
  }
  server = spawn(BINARY, ['--db', db, 'serve', '--listen', '127.0.0.1:0',
                          '--evidence-root', path.join(dir, 'evidence')],
                 { stdio: ['ignore', 'ignore', 'pipe'] });
  base = await new Promise((resolve, reject) => {
    let err = '';
    server.stderr.on('data', (chunk) => {
      err += chunk;
      const m = err.match(/on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) resolve(m[1]);
    });
    server.on('exit', () => reject(new Error('tpmkit serve stopped: ' + err)));
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  if (browser) await browser.close();
  if (server) {
    server.removeAllListeners('exit');
    server.kill('SIGTERM');
  }
  rmSync(dir, { recursive: true, force: true });
});

// A page that records every console error, page error and failed request.
async function watchedPage(context) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  // A request the browser itself cancels (a navigation that starts before an earlier
  // page's asset finished, under load) is not a failure of the app.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') {
      problems.push(`failed: ${r.url()} (${r.failure()?.errorText})`);
    }
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
  });
  return { page, problems };
}

async function logIn(page, user) {
  await page.goto(base + '/login');
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password (required)').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(base + '/');
}

test('the four pages render for a viewer without errors or forms', async () => {
  const context = await browser.newContext();
  const { page, problems } = await watchedPage(context);
  await logIn(page, 'vi');
  const pages = {
    scorecard: ['/programs/phoenix/scorecard', 'svg#trend-chart'],
    stakeholders: ['/programs/phoenix/stakeholders', 'svg#stakeholder-matrix'],
    decisions: ['/programs/phoenix/decisions', 'a[href="/programs/phoenix/decisions/D-01"]'],
    decision: ['/programs/phoenix/decisions/D-01', 'div.memo'],
    changes: ['/programs/phoenix/changes', 'a[href="/programs/phoenix/changes/CR-03"]'],
    change: ['/programs/phoenix/changes/CR-03', 'blockquote.reply'],
  };
  for (const [name, [url, selector]] of Object.entries(pages)) {
    const response = await page.goto(base + url);
    assert.equal(response.status(), 200, url);
    await assert.doesNotReject(page.locator(selector).first().waitFor(), url);
    assert.equal(await page.locator('form.edit').count(), 0, url);
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  }
  // The navigation reaches the pages from one another.
  await page.getByRole('link', { name: 'Decisions', exact: true }).click();
  await page.waitForURL(base + '/programs/phoenix/decisions');
  await page.getByRole('link', { name: 'D-02', exact: true }).click();
  await page.waitForURL(base + '/programs/phoenix/decisions/D-02');
  assert.match(await page.locator('p.headline').innerText(), /Chosen: big-bang/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('log a contact through the form; the trail records the user', async () => {
  const context = await browser.newContext();
  const { page, problems } = await watchedPage(context);
  await logIn(page, 'ed');
  await page.goto(base + '/programs/phoenix/stakeholders');
  await page.getByRole('row', { name: /Helen Marsh/ }).getByRole('link', { name: 'Log a contact', exact: true })
    .click();
  await page.waitForURL(/contact=billing-ops/);
  assert.match(await page.locator('#log-contact').innerText(), /Log a contact with Helen Marsh/);
  await page.getByLabel('Date of the contact (required)').fill('2026-06-16');
  await page.getByLabel('What was discussed (required)')
    .fill('In person: walked through the cutover rehearsal plan');
  await page.getByRole('button', { name: 'Log the contact' }).click();
  await page.waitForURL(/logged=billing-ops/);
  assert.match(await page.locator('.notice').innerText(),
               /Logged a contact with Helen Marsh \(billing-ops\) on 2026-06-16\./);
  const log = JSON.parse(cli(['--json', 'log', '-p', 'phoenix'])).entries;
  assert.ok(log.some((e) => e.entity_id === 'billing-ops' && e.actor === 'ed'));
  const people = JSON.parse(cli(['--json', 'stakeholders', '-p', 'phoenix'])).stakeholders;
  assert.equal(people.find((s) => s.id === 'billing-ops').last_contact, '2026-06-16');
  assert.deepEqual(problems, []);
  await context.close();
});
