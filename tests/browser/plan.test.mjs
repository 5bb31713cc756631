// Browser test of the Plan and Forecast pages (docs/web.md), on the setup of support.mjs
// (a real `tpmkit serve` over the phoenix example, driven by chromium). A viewer logs in
// and visits the plan and the forecast: no console error, no failed request; the Gantt
// chart, the roadmap, the histogram, the S-curve and the tornado are drawn with their
// titles; a heat-map cell of the dashboard opens the register filtered to it. Screenshots
// plan.png and forecast.png go to $TPMKIT_SCREENSHOTS.
//
// Run: node tests/browser/plan.test.mjs build/tpmkit   (exit 77: skipped, see the message)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startWeb, watchedPage, logIn, screenshot } from './support.mjs';

let env;
let base;

before(async () => {
  env = await startWeb();
  ({ base } = env);
});

after(async () => {
  if (env) await env.stop();
});

test('a viewer sees the plan and the forecast with their charts', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await watchedPage(context);
  await logIn(page, base, 'vi');
  await page.goto(base + '/programs/phoenix');
  await page.getByRole('link', { name: 'Plan', exact: true }).click();
  await page.waitForURL(base + '/programs/phoenix/plan');
  for (const [id, title] of [['gantt-chart', 'Schedule'], ['roadmap', 'Milestones']]) {
    assert.equal(await page.locator(`svg#${id} > title`).textContent(), title);
    assert.ok(await page.locator(`svg#${id}`).isVisible(), id);
  }
  assert.ok(await page.locator('table >> text=critical').first().isVisible());
  assert.equal(await page.locator('form.edit').count(), 0);
  await screenshot(page, 'plan');

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
  await screenshot(page, 'forecast');

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
