// The page shell as a reader meets it: the article list, opening an
// article by click and by URL, and the not-found view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserSuite } from './support/suite.mjs';
import { openPage, screenshot } from './support/browser.mjs';
import { AtlasPage } from './support/pages.mjs';

const SEED_1 = 'Zelenskyy finds the revised U.S. peace plan better as Russia claims Pokrovsk';
const SEED_2 = 'Trump and Putin to talk truce, territory and the Zaporizhzhia plant';

const suite = useBrowserSuite();

test('the home page lists both bundled articles with their dates', async () => {
  const { context, page, errors } = await openPage(suite.browser);
  const atlas = new AtlasPage(page, suite.server.url);
  await atlas.open('/');
  await atlas.articleLinks().first().waitFor();
  assert.deepEqual(await atlas.articleLinks().allTextContents(), [SEED_1, SEED_2]);
  const meta = await page.locator('.card-meta').allTextContents();
  assert.deepEqual(meta, ['2025-12-01 (date inferred)', '2025-03-17 (date inferred)']);
  await screenshot(page, 'home-desktop');
  assert.deepEqual(errors, []);
  await context.close();
});

test('clicking a title shows that article, paragraph by paragraph', async () => {
  const { context, page, errors } = await openPage(suite.browser);
  const atlas = new AtlasPage(page, suite.server.url);
  await atlas.open('/');
  await atlas.openArticleTitled(SEED_2);
  assert.equal(await atlas.articleTitle().textContent(), SEED_2);
  assert.match(page.url(), /#\/a\/seed-2$/);
  await atlas.openTab('Text');
  assert.match(page.url(), /#\/a\/seed-2\/text$/);
  const paragraphs = atlas.articleText().locator('p');
  assert.ok((await paragraphs.count()) > 5, 'the text keeps its paragraphs');
  assert.match(await paragraphs.nth(1).textContent(), /^President Donald Trump of the United States announced/);
  await screenshot(page, 'article-desktop');
  assert.deepEqual(errors, []);
  await context.close();
});

test('opening an article URL directly shows the article, and reload keeps it', async () => {
  const { context, page, errors } = await openPage(suite.browser, { viewport: { width: 375, height: 740 } });
  const atlas = new AtlasPage(page, suite.server.url);
  await atlas.open('/a/seed-1/text');
  await atlas.articleTitle().waitFor();
  assert.equal(await atlas.articleTitle().textContent(), SEED_1);
  await page.reload();
  await atlas.articleTitle().waitFor();
  assert.equal(await atlas.articleTitle().textContent(), SEED_1);
  assert.match(await atlas.articleText().textContent(), /Kremlin spokesperson Dmitry Peskov confirmed/);
  await screenshot(page, 'article-phone');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unknown article id shows a not-found view with a way back', async () => {
  const { context, page, errors } = await openPage(suite.browser);
  const atlas = new AtlasPage(page, suite.server.url);
  await atlas.open('/a/no-such-article');
  await atlas.notFound().waitFor();
  assert.match(await atlas.notFound().textContent(), /no article called “no-such-article”/);
  await screenshot(page, 'not-found');
  await page.getByRole('link', { name: 'Back to the list of articles' }).click();
  await atlas.articleLinks().first().waitFor();
  assert.equal(await atlas.articleLinks().count(), 2);
  assert.deepEqual(errors, []);
  await context.close();
});
