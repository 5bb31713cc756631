// Browser test of the web app (docs/web.md): playwright-core (pinned in package.json)
// drives Debian's chromium against a real `tpmkit serve` on a loopback port, over a
// temporary workspace with the phoenix example. Logs in, visits every page (no console
// error, no failed request), checks the dashboard's P80 and heat map, adds a risk through
// the form and finds it with `tpmkit risks` and `tpmkit log` under the user, and checks that
// the keyboard alone reaches the form. Screenshots of every page go to
// $TPMKIT_SCREENSHOTS (default build/screenshots), for review; they are not committed.
//
// Run: node tests/browser/web.test.mjs build/tpmkit   (exit 77: skipped, see the message)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
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
  for (const [name, role] of [['ed', 'editor'], ['vi', 'viewer']]) {
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

test('every page renders without errors, with the P80 and the heat map', async () => {
  const context = await browser.newContext();
  const { page, problems } = await watchedPage(context);
  await logIn(page, 'ed');
  const pages = {
    portfolio: '/',
    dashboard: '/programs/phoenix',
    risks: '/programs/phoenix/risks',
    status: '/programs/phoenix/status',
  };
  for (const [name, url] of Object.entries(pages)) {
    const response = await page.goto(base + url);
    assert.equal(response.status(), 200, url);
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  }
  await page.goto(base + '/programs/phoenix');
  await assert.doesNotReject(page.locator('svg#heat-map').waitFor());
  await assert.doesNotReject(page.locator('svg#finish-chart').waitFor());
  assert.match(await page.locator('.program-bar').innerText(), /P80 \d{4}-\d\d-\d\d vs target/);
  await page.goto(base + '/login');  // logged in: straight on
  assert.deepEqual(problems, []);
  await context.close();
});

test('add a risk through the form; the trail records the user', async () => {
  const context = await browser.newContext();
  const { page, problems } = await watchedPage(context);
  await logIn(page, 'ed');
  await page.goto(base + '/programs/phoenix/risks');
  await page.getByLabel('Id (required)').fill('R-UI1');
  await page.getByLabel('Title (required)').fill('Vendor API deprecation');
  await page.getByLabel('Probability (required)').fill('0.4');
  await page.getByLabel('Severity (required)').fill('4');
  await page.getByLabel('Cost impact').fill('12000');
  await page.getByRole('button', { name: 'Add the risk' }).click();
  await page.waitForURL(/\/programs\/phoenix\/risks\?added=R-UI1/);
  assert.match(await page.locator('.notice').innerText(), /Added risk R-UI1/);
  await page.screenshot({ path: path.join(SHOTS, 'risk-added.png'), fullPage: true });
  const risks = JSON.parse(cli(['--json', 'risks', '-p', 'phoenix'])).risks;
  assert.ok(risks.some((r) => r.id === 'R-UI1' && r.title === 'Vendor API deprecation'));
  const log = JSON.parse(cli(['--json', 'log', '-p', 'phoenix'])).entries;
  assert.ok(log.some((e) => e.entity_id === 'R-UI1' && e.actor === 'ed'));
  // A field with an error keeps what was typed.
  await page.getByLabel('Id (required)').fill('R-UI2');
  await page.getByLabel('Title (required)').fill('Typed and kept');
  await page.getByLabel('Probability (required)').fill('2');
  await page.getByLabel('Severity (required)').fill('3');
  await page.getByRole('button', { name: 'Add the risk' }).click();
  assert.equal(await page.getByLabel('Title (required)').inputValue(), 'Typed and kept');
  assert.ok(await page.locator('#f-probability-error').isVisible());
  await page.screenshot({ path: path.join(SHOTS, 'risk-errors.png'), fullPage: true });
  // The 422 of that answer is expected (chromium logs it too); nothing else may fail.
  assert.deepEqual(problems.filter((p) => !p.startsWith('422:') && !p.includes('status of 422')),
                   []);
  await context.close();
});

test('a viewer gets no form; the keyboard reaches every field of the form', async () => {
  const context = await browser.newContext();
  const { page } = await watchedPage(context);
  await logIn(page, 'vi');
  await page.goto(base + '/programs/phoenix/risks');
  assert.equal(await page.locator('form.edit').count(), 0);
  await context.close();

  const editor = await browser.newContext();
  const { page: ed } = await watchedPage(editor);
  await logIn(ed, 'ed');
  await ed.goto(base + '/programs/phoenix/risks');
  const wanted = new Set(await ed.locator('form.edit [name]:not([type=hidden])')
    .evaluateAll((els) => els.map((e) => e.name)));
  const reached = new Set();
  for (let i = 0; i < 200 && reached.size < wanted.size; i++) {
    await ed.keyboard.press('Tab');
    const name = await ed.evaluate(() => document.activeElement && document.activeElement.name);
    if (name && wanted.has(name)) reached.add(name);
  }
  assert.deepEqual([...reached].sort(), [...wanted].sort());
  await editor.close();
});
