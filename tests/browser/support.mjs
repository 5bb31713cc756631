// What every browser test of the web app shares (docs/web.md "Browser tests"): the
// binary and chromium to use (skipping with exit 77 when playwright-core or chromium is
// missing), a temporary workspace with the phoenix example and users for every role,
// a `tpmkit serve` on a loopback port over it, chromium, logging in, pages that record
// every console error and failed request, screenshots to $TPMKIT_SCREENSHOTS, and what
// the keyboard alone reaches of a form.
//
// Use: const env = await startWeb(); ... await env.stop();  (in before/after)
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SOURCE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BINARY = path.resolve(process.argv[2] || process.env.TPMKIT_BINARY || 'build/tpmkit');
export const CHROMIUM = process.env.TPMKIT_CHROMIUM || '/usr/bin/chromium';
export const SHOTS = process.env.TPMKIT_SCREENSHOTS || path.join(SOURCE, 'build', 'screenshots');
export const PASSWORD = 'tangerine-harbour-42';
const SKIP = 77;

// name -> [admin, {program: role}], as tests/server/harness.py has them.
export const USERS = {
  ana: [true, {}],
  olga: [false, { phoenix: 'owner' }],
  ed: [false, { phoenix: 'editor' }],
  vi: [false, { phoenix: 'viewer' }],
};

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

// A workspace, its server and a browser. Returns {base, dir, cli(args, input), browser,
// stop()}: `cli` runs tpmkit on the workspace and returns its stdout.
export async function startWeb({ users = USERS } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'tpmkit-browser-'));
  const db = path.join(dir, 'team.db');
  const cli = (args, input) =>
    execFileSync(BINARY, ['--db', db, ...args], { input, encoding: 'utf8' });
  cli(['apply', path.join(SOURCE, 'examples', 'phoenix.yaml')]);
  for (const [name, [admin, roles]] of Object.entries(users)) {
    cli(['user', 'add', name, '--password-stdin', ...(admin ? ['--admin'] : [])], PASSWORD + '\n');
    for (const [program, role] of Object.entries(roles)) cli(['user', 'grant', name, program, role]);
  }
  const server = spawn(BINARY, ['--db', db, 'serve', '--listen', '127.0.0.1:0',
                                '--evidence-root', path.join(dir, 'evidence')],
                       { stdio: ['ignore', 'ignore', 'pipe'] });
  const base = await new Promise((resolve, reject) => {
    let err = '';
    server.stderr.on('data', (chunk) => {
      err += chunk;
      const m = err.match(/on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) resolve(m[1]);
    });
    server.on('exit', () => reject(new Error('tpmkit serve stopped: ' + err)));
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  mkdirSync(SHOTS, { recursive: true });
  const stop = async () => {
    await browser.close();
    server.removeAllListeners('exit');
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  return { base, dir, cli, browser, stop };
}

// A page that records every console error, page error, failed request and error status.
export async function watchedPage(context) {
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

// Logs `user` in through the login form; waits for the portfolio.
export async function logIn(page, base, user) {
  await page.goto(base + '/login');
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password (required)').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(base + '/');
}

// A full-page screenshot as $TPMKIT_SCREENSHOTS/NAME.png.
export async function screenshot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

// Presses Tab until every named, visible field and every button of `formSelector` had
// the focus (at most `limit` presses); returns what was reached and what was wanted,
// sorted. A button is known by its words: Approve and Reject share a form and no name,
// and a form the keyboard can fill but not send is not reached.
export async function tabThrough(page, formSelector, limit = 300) {
  const wanted = new Set(await page.locator(
    `${formSelector} [name]:not([type=hidden]), ${formSelector} button`)
    .evaluateAll((els) => els.map((e) =>
      (e.tagName === 'BUTTON' ? `button "${e.textContent.trim()}"` : e.name))));
  const reached = new Set();
  for (let i = 0; i < limit && reached.size < wanted.size; i++) {
    await page.keyboard.press('Tab');
    const key = await page.evaluate((selector) => {
      const el = document.activeElement;
      if (!el || !el.closest || !el.closest(selector)) return null;
      return el.tagName === 'BUTTON' ? `button "${el.textContent.trim()}"` : el.name;
    }, formSelector);
    if (key && wanted.has(key)) reached.add(key);
  }
  return { reached: [...reached].sort(), wanted: [...wanted].sort() };
}

// Asserts that the keyboard alone reaches every field and button of `formSelector`.
export async function keyboardReaches(page, formSelector) {
  const { reached, wanted } = await tabThrough(page, formSelector);
  assert.ok(wanted.length > 0, `no field in ${formSelector}`);
  assert.deepEqual(reached, wanted, `the keyboard reaches every field and button of ${formSelector}`);
}
