// Browser test of the Scorecard, Stakeholders, Decisions and Changes pages (docs/web.md),
// on the setup of support.mjs (a real `tpmkit serve` over the phoenix example, driven by
// chromium). A viewer visits the six pages (no console error, no failed request; the trend
// chart, the stakeholder matrix, the options table and the before/after table are there;
// no form); an editor logs a contact through the form and finds it with `tpmkit log` under
// the user; the keyboard alone reaches every field and button of the four forms (the
// scorecard's assessment and the log-a-contact form for an editor, choosing an option and
// approving or rejecting a change for an owner, as the route table allows). Screenshots
// scorecard.png, stakeholders.png, decisions.png, decision.png, changes.png and change.png
// go to $TPMKIT_SCREENSHOTS.
//
// Run: node tests/browser/decide.test.mjs build/tpmkit   (exit 77: skipped, see the message)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startWeb, watchedPage, logIn, screenshot, keyboardReaches } from './support.mjs';

let env;
let base;
let cli;

before(async () => {
  env = await startWeb();
  ({ base, cli } = env);
});

after(async () => {
  if (env) await env.stop();
});

test('the four pages render for a viewer without errors or forms', async () => {
  const context = await env.browser.newContext();
  const { page, problems } = await watchedPage(context);
  await logIn(page, base, 'vi');
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
    await screenshot(page, name);
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
  const context = await env.browser.newContext();
  const { page, problems } = await watchedPage(context);
  await logIn(page, base, 'ed');
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

// The forms of the four pages, each for the least role that sees it.
const FORMS = [
  ['ed', '/programs/phoenix/scorecard', 'Record the assessment'],
  ['ed', '/programs/phoenix/stakeholders?contact=billing-ops', 'Log the contact'],
  ['olga', '/programs/phoenix/decisions/D-01', 'Record the decision'],
  ['olga', '/programs/phoenix/changes/CR-03', 'Reject'],
];

test('the keyboard alone reaches every field and button of each form', async () => {
  for (const [user, url, button] of FORMS) {
    const context = await env.browser.newContext();
    const { page, problems } = await watchedPage(context);
    await logIn(page, base, user);
    await page.goto(base + url);
    // The form is the one meant, not another page's.
    assert.equal(await page.locator('form.edit').count(), 1, url);
    assert.ok(await page.getByRole('button', { name: button, exact: true }).isVisible(), url);
    await keyboardReaches(page, 'form.edit');
    assert.deepEqual(problems, [], url);
    await context.close();
  }
});
