// Side by side outside war reporting: a pasted local-election story (written
// for this test, not a seed or gold text) where the electoral commission and
// an opposition candidate disagree. The contrast is paired with its reason,
// the two camps are sides one can pick, and one dispute is one card.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserSuite } from './support/suite.mjs';
import { openPage, screenshot } from './support/browser.mjs';
import { AtlasPage } from './support/pages.mjs';
import { seriousViolations } from './support/axe.mjs';

const ELECTION = [
  'Opposition cries foul as the mayor is declared the winner',
  '',
  'The city electoral commission said on Sunday that Mayor Daniel Okafor won the vote with 57 percent of the ballots.',
  '',
  'Opposition candidate Grace Mensah said the vote was rigged and that her observers were turned away from polling stations.',
  '',
  '“We will ask the courts to order a recount,” Mensah told supporters at a rally in the main square.',
  '',
  'Commission chairman Peter Lindqvist said the count was open to observers from every party.',
].join('\n');

const suite = useBrowserSuite();

async function pasted(viewport = { width: 1280, height: 900 }) {
  const { context, page, errors } = await openPage(suite.browser, { viewport });
  const atlas = new AtlasPage(page, suite.server.url);
  await atlas.open('/paste');
  await page.getByLabel('Article text').fill(ELECTION);
  await page.getByRole('button', { name: 'Analyse' }).click();
  await atlas.articleTitle().waitFor();
  return { context, page, errors, atlas };
}

test('a pasted election story shows the commission and the opposition paired, with the reason', async () => {
  for (const [viewport, suffix] of [[{ width: 1280, height: 900 }, 'desktop'], [{ width: 375, height: 740 }, 'phone']]) {
    const { context, page, errors, atlas } = await pasted(viewport);
    await atlas.openTab('Side by side');
    await page.getByRole('heading', { name: /^Contrasting claims in this article \(1\)$/ }).waitFor();
    const card = page.locator('.contrast-list .contrast-pair').first();
    await card.waitFor();
    assert.match(await card.locator('.contrast-topic').textContent(), /Election result/);
    assert.match(await card.locator('.contrast-reason').first().textContent(), /electoral commission.*“won”.*Grace Mensah.*“rigged”/);
    const speakers = await card.locator('.statement-speaker').allTextContents();
    assert.match(speakers[0], /electoral commission/, speakers.join(' | '));
    assert.match(speakers[1], /Grace Mensah/, speakers.join(' | '));
    assert.equal(await card.locator('.in-text').count(), 2, 'each statement links to its sentence');
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, `contrasts-election-${suffix}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the two camps are sides: Authorities against Opposition side by side', async () => {
  const { context, page, errors, atlas } = await pasted();
  await atlas.openTab('Side by side');
  await atlas.pickForComparison('left', 'Authorities (side)');
  await atlas.pickForComparison('right', 'Opposition (side)');
  await atlas.waitForView(/\/compare\/side-authority\/side-opposition$/);
  const pair = atlas.comparedContrasts().first();
  await pair.waitFor();
  assert.match(await pair.locator('.contrast-reason').textContent(), /commission.*Mensah/);
  const left = await pair.locator('.cell:first-child .statement-speaker').allTextContents();
  assert.match(left.join(' '), /electoral commission/);
  assert.deepEqual(errors, []);
  await context.close();
});
