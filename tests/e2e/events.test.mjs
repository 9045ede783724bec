// Events a reader can quote: a pasted wildfire story (written for this test,
// not a seed or gold text) dated by the reader. Each figure shows its unit and
// who gave it, each event its date resolved from "on Monday" and "last week"
// against the article's date, and the timeline runs earliest first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserSuite } from './support/suite.mjs';
import { openPage, screenshot } from './support/browser.mjs';
import { AtlasPage } from './support/pages.mjs';

const WILDFIRE = [
  'Wildfires sweep the hills above Coimbra',
  '',
  'Firefighters said on Monday that the fires had burned 35,000 hectares of forest near Coimbra.',
  '',
  'Speaking in Lisbon, the interior minister said 4 people were killed in Pombal last week.',
  '',
  'Volunteers worked for three days to clear roads 20 km from the town.',
].join('\n');

const suite = useBrowserSuite();

test('a pasted wildfire story shows figures with their unit, source and date, earliest first', async () => {
  const { context, page, errors } = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  const atlas = new AtlasPage(page, suite.server.url);
  await atlas.open('/paste');
  await page.getByLabel('Article text').fill(WILDFIRE);
  // Wednesday 5 March 2025: "on Monday" is 3 March, "last week" 24 Feb to 2 March.
  await page.getByLabel(/^Date/).fill('2025-03-05');
  await page.getByRole('button', { name: 'Analyse' }).click();
  await atlas.articleTitle().waitFor();
  await atlas.openTab('Events');

  const monday = atlas.eventGroup('2025-03-03');
  await monday.waitFor();
  const fire = (await monday.locator('.figure').allTextContents()).join(' | ');
  assert.match(fire, /35,000 hectares damaged/);
  assert.match(fire, /according to firefighters/i);
  await monday.getByRole('link', { name: 'Coimbra' }).waitFor();

  const lastWeek = atlas.eventGroup('2025-02-24 – 2025-03-02');
  const toll = (await lastWeek.locator('.figure').allTextContents()).join(' | ');
  assert.match(toll, /4 people killed/);
  // The place the minister spoke from is not the figure's source.
  assert.doesNotMatch(toll, /according to Lisbon/);
  // Where it happened, not where the minister spoke.
  await lastWeek.getByRole('link', { name: 'Pombal' }).waitFor();
  assert.equal(await lastWeek.getByRole('link', { name: 'Lisbon' }).count(), 0);

  // Earliest first; the duration and the distance are no figures.
  const headings = await page.locator('.event-group h3').allTextContents();
  assert.deepEqual(headings, ['2025-02-24 – 2025-03-02', '2025-03-03']);
  const all = (await atlas.eventFigures().allTextContents()).join(' | ');
  assert.doesNotMatch(all, /\b20 km\b|\b3 days\b/);
  await screenshot(page, 'events-timeline');
  assert.deepEqual(errors, []);
  await context.close();
});
