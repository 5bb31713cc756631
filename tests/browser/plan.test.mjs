// Browser test of the Plan and Forecast pages (docs/web.md): playwright-core drives
// Debian's chromium against a real `tpmkit serve` over a temporary workspace with the phoenix
// example. A viewer logs in and visits the plan and the forecast: no console error, no
// failed request; the Gantt chart, the roadmap, the histogram, the S-curve and the tornado
// are drawn with their titles; a heat-map cell of the dashboard opens the register filtered
// to it. Screenshots plan.png and forecast.png go to $TPMKIT_SCREENSHOTS.
// The setup is a copy of web.test.mjs's until tests/browser/support.mjs holds it.
//
// Run: node tests/browser/plan.test.mjs build/tpmkit   (exit 77: skipped, see the message)
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

test('a viewer sees the plan and the forecast with their charts', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await watchedPage(context);
  await logIn(page, 'vi');
  await page.goto(base + '/programs/phoenix');
  await page.getByRole('link', { name: 'Plan', exact: true }).click();
  await page.waitForURL(base + '/programs/phoenix/plan');
  for (const [id, title] of [['gantt-chart', 'Schedule'], ['roadmap', 'Milestones']]) {
    assert.equal(await page.locator(`svg#${id} > title`).textContent(), title);
    assert.ok(await page.locator(`svg#${id}`).isVisible(), id);
  }
  assert.ok(await page.locator('table >> text=critical').first().isVisible());
  assert.equal(await page.locator('form.edit').count(), 0);
  await page.screenshot({ path: path.join(SHOTS, 'plan.png'), fullPage: true });

  await page.getByRole('link', { name: 'Forecast', exact: true }).click();
  await page.waitForURL(base + '/programs/phoenix/forecast');
  for (const [id, title] of [['finish-histogram', 'Spread of the finish'],
                             ['finish-chart', 'Chance of finishing by each date'],
                             ['tornado', 'Sensitivity of the finish']]) {
    assert.equal(await page.locator(`svg#${id} > title`).textContent(), title);
    assert.ok(await page.locator(`svg#${id}`).isVisible(), id);
  }
  assert.match(await page.locator('p.headline').innerText(),
               /P80 \d{4}-\d\d-\d\d against the target 2026-09-30/);
  await page.screenshot({ path: path.join(SHOTS, 'forecast.png'), fullPage: true });

  // A heat-map cell of the dashboard opens the register filtered to it.
  await page.goto(base + '/programs/phoenix');
  const cell = page.locator('svg#heat-map a').first();
  const href = await cell.getAttribute('href');
  assert.match(href, /^\/programs\/phoenix\/risks\?cell=[1-5],[1-5]$/);
  await cell.click();
  await page.waitForURL(base + href);
  assert.match(await page.locator('.notice').innerText(), /likelihood [1-5], severity [1-5]/);
  assert.deepEqual(problems, []);
  await context.close();
});
