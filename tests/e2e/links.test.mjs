// Every view is a link, and places read as the article writes them, as a
// reader meets them: the address bar of a pasted article opens the same
// view in a fresh browser; an old local link explains itself; the
// compare-across switch and the All places dates live in the URL, so back
// and forward restore them; the share notice says what the length means;
// "Kiev" finds Kyiv; a place keeps the article's spelling; a wire dateline
// proposes the title and date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserSuite } from './support/suite.mjs';
import { screenshot } from './support/browser.mjs';
import { AtlasPage } from './support/pages.mjs';

// Written for these tests: not a seed article.
const FRONT = [
  'Shelling eases around Sloviansk',
  '',
  'Officials in Sloviansk said on Tuesday that shelling had eased overnight, while troops near Kupiansk dug new positions.',
  'In Kyiv, ministers said talks with envoys in Paris would resume next week, and a delegation flew to Lyon.',
].join('\n');

const suite = useBrowserSuite();

async function newContext() {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  return { context, page, errors, atlas: new AtlasPage(page, suite.server.url) };
}

async function pasteArticle(page, atlas, text) {
  await atlas.open('/paste');
  await page.getByLabel('Article text').fill(text);
  await page.getByRole('button', { name: 'Analyse' }).click();
  await atlas.articleTitle().waitFor();
}

/** The place list's row for a place, by the name it shows. */
function placeRow(page, name) {
  return page.locator('#place-groups .place-item').filter({ has: page.locator('.place-name', { hasText: name }) });
}

test('the address bar of a pasted article opens the same view in a fresh browser, without extra history', async () => {
  const first = await newContext();
  await pasteArticle(first.page, first.atlas, FRONT);
  // The address bar carries the article, not its local id.
  await first.atlas.waitForView(/^#\/s\/1\.[A-Za-z0-9_-]+$/);
  await placeRow(first.page, 'Kupiansk').locator('a').click();
  await first.atlas.placeDetails().getByRole('heading', { name: 'Kupiansk' }).waitFor();
  await first.atlas.waitForView(/^#\/s\/1\.[A-Za-z0-9_-]+\/place\/kupyansk$/);
  await first.atlas.openTab('Text');
  await first.atlas.waitForView(/^#\/s\/1\.[A-Za-z0-9_-]+\/text\/place\/kupyansk$/);
  const address = first.page.url();
  assert.doesNotMatch(address, /#\/a\/p-/);
  // Rewriting the address added no history entries: back goes to the
  // previous view, then its start, then the paste page.
  await first.page.goBack();
  await first.atlas.waitForView(/^#\/s\/1\.[A-Za-z0-9_-]+\/place\/kupyansk$/);
  await first.atlas.placeDetails().getByRole('heading', { name: 'Kupiansk' }).waitFor();
  await first.page.goBack();
  await first.atlas.waitForView(/^#\/s\/1\.[A-Za-z0-9_-]+$/);
  await first.page.goBack();
  await first.atlas.waitForView(/^#\/paste$/);
  await first.page.goForward();
  await first.atlas.articleTitle().waitFor();
  assert.deepEqual(first.errors, []);
  await first.context.close();

  const second = await newContext();
  await second.page.goto(address);
  await second.page.locator('.tab[aria-current="page"]', { hasText: 'Text' }).waitFor();
  await second.page.locator('.hl-place.selected', { hasText: 'Kupiansk' }).first().waitFor();
  assert.equal(await second.atlas.articleTitle().textContent(), 'Shelling eases around Sloviansk');
  assert.equal(second.page.url(), address);
  // Opened from the address, the article is now the reader's own.
  await second.atlas.open('/');
  await second.page.getByRole('list', { name: 'Your articles' }).getByText('Shelling eases around Sloviansk').waitFor();
  assert.deepEqual(second.errors, []);
  await second.context.close();
});

test('a local link to an article pasted in another browser says why it cannot open and what to do', async () => {
  const first = await newContext();
  await pasteArticle(first.page, first.atlas, FRONT);
  // The short local form, as a link inside the page gives it.
  const local = await placeRow(first.page, 'Kyiv').locator('a').getAttribute('href');
  assert.match(local, /#\/a\/p-[0-9a-f]{12}\/place\/kyiv$/);
  await first.context.close();

  const second = await newContext();
  await second.page.goto(new URL(local, suite.server.url).href);
  const alert = second.page.getByRole('alert').filter({ hasText: 'This article is not in this browser' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /pasted in another browser/);
  assert.match(await alert.textContent(), /carry the article itself/);
  assert.equal(await second.atlas.notFound().count(), 0, 'never a bare Not found');
  await screenshot(second.page, 'stale-local-link');
  await alert.getByRole('link', { name: 'Paste the article' }).click();
  await second.page.getByLabel('Article text').waitFor();
  assert.deepEqual(second.errors, []);
  await second.context.close();
});

test('the share notice says in words what the link carries', async () => {
  const { context, page, errors, atlas } = await newContext();
  await pasteArticle(page, atlas, FRONT);
  const notice = await page.locator('.link-length').textContent();
  assert.match(notice, /^This link carries the whole article, \d{1,3}(,\d{3})* characters\.$/);
  // A bundled article's link needs only its id: no such notice.
  await atlas.open('/a/seed-1');
  await atlas.articleTitle().waitFor();
  assert.equal(await page.locator('.link-length').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the compare-across switch is in the URL; back and forward restore it', async () => {
  const { context, page, errors, atlas } = await newContext();
  await atlas.open('/a/seed-1/compare/volodymyr-zelenskyy/side-ru');
  await atlas.comparedContrasts().first().waitFor();
  await atlas.acrossArticlesToggle().check();
  await atlas.acrossArticles('Volodymyr Zelenskyy').waitFor();
  await atlas.waitForView(/^#\/a\/seed-1\/compare\/volodymyr-zelenskyy\/side-ru\/across$/);
  await page.goBack();
  await atlas.comparedContrasts().first().waitFor();
  await atlas.waitForView(/^#\/a\/seed-1\/compare\/volodymyr-zelenskyy\/side-ru$/);
  assert.equal(await atlas.acrossArticlesToggle().isChecked(), false);
  assert.equal(await page.locator('.across').count(), 0);
  await page.goForward();
  await atlas.acrossArticles('Volodymyr Zelenskyy').waitFor();
  assert.equal(await atlas.acrossArticlesToggle().isChecked(), true);
  // Reloading the address keeps it, like any view.
  await page.reload();
  await atlas.acrossArticles('Russia').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the All places date filter is in the URL; back and forward restore it; a bad one is explained', async () => {
  const { context, page, errors, atlas } = await newContext();
  await atlas.open('/all');
  await page.getByText('2 of 2 articles', { exact: false }).waitFor();
  await page.getByLabel('From', { exact: true }).fill('2025-06-01');
  await page.getByLabel('From', { exact: true }).dispatchEvent('change');
  await page.getByText('1 of 2 articles', { exact: false }).waitFor();
  await atlas.waitForView(/^#\/all\/from\/2025-06-01$/);
  await page.getByLabel('To', { exact: true }).fill('2025-06-30');
  await page.getByLabel('To', { exact: true }).dispatchEvent('change');
  await page.getByText('0 of 2 articles', { exact: false }).waitFor();
  await atlas.waitForView(/^#\/all\/from\/2025-06-01\/to\/2025-06-30$/);
  await page.goBack();
  await page.getByText('1 of 2 articles', { exact: false }).waitFor();
  assert.equal(await page.getByLabel('From', { exact: true }).inputValue(), '2025-06-01');
  assert.equal(await page.getByLabel('To', { exact: true }).inputValue(), '');
  await page.goBack();
  await page.getByText('2 of 2 articles', { exact: false }).waitFor();
  assert.equal(await page.getByLabel('From', { exact: true }).inputValue(), '');
  await page.goForward();
  await page.getByText('1 of 2 articles', { exact: false }).waitFor();
  // Selecting a place keeps the dates.
  await page.locator('.all-places .place-item a').first().click();
  await atlas.waitForView(/^#\/all\/from\/2025-06-01\/place\/[a-z0-9-]+$/);
  await atlas.open('/all/from/2025-02-30');
  await page.getByRole('status').filter({ hasText: 'names a view that does not exist' }).waitFor();
  await page.getByText('2 of 2 articles', { exact: false }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('places read as the article spells them, the filter knows other spellings, groups are named', async () => {
  const { context, page, errors, atlas } = await newContext();
  await pasteArticle(page, atlas, FRONT);
  // The article's spelling, the gazetteer's beside it.
  const sloviansk = placeRow(page, 'Sloviansk');
  await sloviansk.waitFor();
  assert.equal(await sloviansk.locator('.place-canonical').textContent(), 'Slovyansk');
  assert.equal(await placeRow(page, 'Kyiv').locator('.place-canonical').count(), 0, 'no second line when the same');
  await sloviansk.locator('a').click();
  await atlas.placeDetails().getByRole('heading', { name: 'Sloviansk' }).waitFor();
  assert.match(await atlas.placeDetails().textContent(), /In the gazetteer: Slovyansk/);
  // Country names, not codes.
  const groups = await page.locator('#place-groups .place-group h3').allTextContents();
  assert.ok(groups.includes('France') && groups.includes('Ukraine'), `${groups}`);
  assert.ok(!groups.includes('FR'), `${groups}`);
  // Old and other spellings find the place.
  await atlas.filterPlaces('Kiev');
  await placeRow(page, 'Kyiv').waitFor();
  assert.deepEqual(await atlas.placeNames().allTextContents(), ['Kyiv']);
  await atlas.filterPlaces('slovyansk');
  assert.deepEqual(await atlas.placeNames().allTextContents(), ['Sloviansk']);
  await screenshot(page, 'article-spellings');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a wire dateline proposes the title and the date of a pasted article', async () => {
  const { context, page, errors, atlas } = await newContext();
  await atlas.open('/paste');
  const now = new Date();
  // January 2nd: this year's unless today is January 1st.
  const year = now.getUTCMonth() === 0 && now.getUTCDate() < 2 ? now.getUTCFullYear() - 1 : now.getUTCFullYear();
  await page.getByLabel('Article text').fill(
    'NAIROBI, Jan 2 (AP) — Heavy rain flooded roads across western Kenya on Friday. Schools in Kisumu closed.',
  );
  assert.equal(await page.getByLabel('Title').inputValue(), 'Heavy rain flooded roads across western Kenya on Friday');
  assert.equal(await page.getByLabel(/^Date/).inputValue(), `${year}-01-02`);
  await page.getByLabel('Article text').fill('Oil slips again\n\nAug 14 (Reuters) - Oil prices fell for a third day.');
  assert.equal(await page.getByLabel('Title').inputValue(), 'Oil slips again');
  assert.match(await page.getByLabel(/^Date/).inputValue(), /^\d{4}-08-14$/);
  assert.deepEqual(errors, []);
  await context.close();
});
