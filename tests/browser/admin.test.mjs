// Browser test of the risk, audit, access and import pages (docs/web.md), on the setup of
// support.mjs: edits and closes a risk through its forms and finds the changes with
// `tpmkit risks` and `tpmkit log` under the user; previews an escalation and downloads its
// .eml; uploads evidence and finds its SHA-256 on the audit page; adds a user as an admin;
// creates a token on "my sessions"; imports a file with an error and sees it at its line
// and column with the document kept. Every page is checked for console errors and failed
// requests, and the keyboard alone must reach every field of each form. Screenshots:
// risk.png, escalate.png, audit.png, users.png, sessions.png, import.png.
//
// Run: node tests/browser/admin.test.mjs build/tpmkit   (exit 77: skipped, see the message)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { SOURCE, startWeb, watchedPage, logIn, screenshot, keyboardReaches } from './support.mjs';

let env;

before(async () => {
  env = await startWeb();
});

after(async () => {
  if (env) await env.stop();
});

// A logged-in page for `user`, with its record of problems.
async function pageAs(user) {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const watched = await watchedPage(context);
  await logIn(watched.page, env.base, user);
  return { context, ...watched };
}

// Clicks the form's button and waits for the answer's page (whose URL may be the same).
async function submit(page, name) {
  await Promise.all([page.waitForEvent('load'),
                     page.getByRole('button', { name, exact: true }).click()]);
}

test('edit and close a risk; the trail records the user', async () => {
  const { context, page, problems } = await pageAs('ed');
  await page.goto(env.base + '/programs/phoenix/risks');
  await page.locator('table a[href$="/risks/R-02"]').click();
  await page.waitForURL(/\/programs\/phoenix\/risks\/R-02$/);
  await keyboardReaches(page, 'form.edit');
  await page.getByLabel('Owner').fill('Edith from the browser');
  await page.getByLabel('Status (required)').fill('open');
  await page.getByRole('button', { name: 'Save the risk' }).click();
  await page.waitForURL(/\?done=saved/);
  assert.match(await page.locator('.notice').innerText(), /Saved/);
  await screenshot(page, 'risk');
  let risk = JSON.parse(env.cli(['--json', 'risks', '-p', 'phoenix'])).risks
    .find((r) => r.id === 'R-02');
  assert.equal(risk.owner, 'Edith from the browser');
  assert.equal(risk.status, 'open');
  await page.getByRole('button', { name: 'Close the risk' }).click();
  await page.waitForURL(/\?done=closed/);
  risk = JSON.parse(env.cli(['--json', 'risks', '-p', 'phoenix'])).risks
    .find((r) => r.id === 'R-02');
  assert.equal(risk.status, 'closed');
  const log = JSON.parse(env.cli(['--json', 'log', '-p', 'phoenix'])).entries
    .filter((e) => e.entity_id === 'R-02');
  // Newest first: the close, then the edit, both under the user.
  assert.deepEqual(log.slice(0, 2).map((e) => [e.actor, Object.keys(e.changes).sort()]),
                   [['ed', ['status']], ['ed', ['owner', 'status']]], JSON.stringify(log));
  assert.deepEqual(problems, []);
  await context.close();
});

test('preview an escalation and download its .eml', async () => {
  const { context, page, problems } = await pageAs('vi');
  await page.goto(env.base + '/programs/phoenix/risks/R-01');
  await page.getByRole('link', { name: 'Escalate this risk' }).click();
  await page.waitForURL(/\/escalate$/);
  await keyboardReaches(page, 'form.edit');
  await page.getByLabel('To (required)').fill('Dana Lee <dana@example.com>');
  await page.getByLabel('From').fill('Vi Viewer <vi@example.com>');
  await page.getByRole('button', { name: 'Preview the message' }).click();
  await page.waitForURL(/escalate\?to=/);
  const text = await page.locator('pre.message').innerText();
  const cli = env.cli(['escalate', '-p', 'phoenix', '--risk', 'R-01', '--to', 'Dana Lee',
                       '--from', 'Vi Viewer']);
  assert.equal(text.trim(), cli.trim());
  // What was typed stays in the form.
  assert.equal(await page.getByLabel('To (required)').inputValue(), 'Dana Lee <dana@example.com>');
  await screenshot(page, 'escalate');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download the .eml' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'escalation-R-01.eml');
  const eml = readFileSync(await download.path(), 'utf8');
  assert.match(eml, /^To: Dana Lee <dana@example\.com>\r$/m);
  assert.deepEqual(problems, []);
  await context.close();
});

test('upload evidence: hashed, shown with its SHA-256, in the trail', async () => {
  const { context, page, problems } = await pageAs('olga');
  await page.goto(env.base + '/programs/phoenix/audit');
  await keyboardReaches(page, 'form.edit');
  const file = path.join(env.dir, 'test-summary.txt');
  const content = 'All 312 integration tests passed on 2026-06-12.\n';
  writeFileSync(file, content);
  const sha = createHash('sha256').update(content).digest('hex');
  await page.getByLabel('Checklist item (required)').first().selectOption('training');
  await page.getByLabel('File (required)').setInputFiles(file);
  await page.getByRole('button', { name: 'Upload the evidence' }).click();
  await page.waitForURL(/done=evidence/);
  assert.match(await page.locator('.notice').first().innerText(), new RegExp(sha));
  assert.ok(await page.locator(`code[title="SHA-256 ${sha}"]`).count() > 0);
  await page.locator('#f-signoff-item').selectOption('training');
  await page.getByRole('button', { name: 'Sign off' }).click();
  await page.waitForURL(/done=signoff/);
  await screenshot(page, 'audit');
  const log = JSON.parse(env.cli(['--json', 'log', '-p', 'phoenix'])).entries;
  assert.ok(log.some((e) => e.actor === 'olga' && JSON.stringify(e).includes(sha)));
  const verify = JSON.parse(env.cli(['--json', 'audit', 'verify']));
  assert.equal(verify.ok, true);
  assert.match(await page.locator('#trail-heading + p').innerText(), /verif/i);
  assert.deepEqual(problems, []);
  await context.close();
});

test('users and access: an admin adds a user; everyone sees their sessions and tokens',
     async () => {
  const { context, page, problems } = await pageAs('ana');
  await page.goto(env.base + '/users');
  await keyboardReaches(page, 'form.edit');
  await page.getByLabel('User name (required)').fill('walt');
  await submit(page, 'Add the user');
  assert.match(await page.locator('.notice').innerText(), /Added user walt/);
  assert.ok(await page.locator('.secret code').isVisible());
  await page.getByLabel('User (required)').fill('walt');
  await page.getByLabel('Program (required)').fill('phoenix');
  await page.getByLabel('Role').selectOption('viewer');
  await submit(page, 'Set the role');
  assert.match(await page.locator('.notice').innerText(), /walt is now a viewer on phoenix/);
  await screenshot(page, 'users');
  const users = JSON.parse(env.cli(['--json', 'user', 'list'])).users;
  assert.deepEqual(users.find((u) => u.name === 'walt').roles, { phoenix: 'viewer' });

  await page.getByRole('link', { name: 'My sessions and tokens' }).click();
  await page.waitForURL(/\/me\/sessions$/);
  await keyboardReaches(page, 'form.edit');
  assert.match(await page.locator('table').first().innerText(), /\(this one\)/);
  await page.getByLabel('Program').fill('phoenix');
  await submit(page, 'Create the token');
  assert.match(await page.locator('.secret code').innerText(), /^tpm_/);
  await screenshot(page, 'sessions');
  assert.deepEqual(problems, []);
  await context.close();
});

test('import a file: errors at their line and column, the document kept', async () => {
  const { context, page, problems } = await pageAs('ana');
  await page.goto(env.base + '/import');
  await keyboardReaches(page, 'form.edit');
  const good = readFileSync(path.join(SOURCE, 'examples', 'phoenix.yaml'), 'utf8')
    .replace('id: phoenix', 'id: browser-import');
  const broken = good.replace('  name: ', '  name: [unclosed ');
  const file = path.join(env.dir, 'browser-import.yaml');
  writeFileSync(file, broken);
  await page.getByLabel('File').setInputFiles(file);
  await submit(page, 'Import');
  assert.match(await page.locator('ul.diagnostics').innerText(), /line \d+, column \d+: /);
  assert.equal(await page.getByLabel('Or paste the document').inputValue(), broken);
  await screenshot(page, 'import');
  await page.getByLabel('Or paste the document').fill(good);
  await submit(page, 'Import');
  assert.match(await page.locator('.notice').innerText(), /browser-import/);
  assert.match(env.cli(['--json', 'programs']), /browser-import/);
  // The refused import answered 422; nothing else may fail.
  assert.deepEqual(problems.filter((p) => !p.startsWith('422:') && !p.includes('status of 422')),
                   []);
  await context.close();
});
