// The explorer as a reader uses it: map and list linked both ways, the text
// with highlights, filtering and sorting, switching articles, the URL keeping
// the view, a keyboard-only path, and an accessibility check of every view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserSuite } from './support/suite.mjs';
import { openPage, screenshot } from './support/browser.mjs';
import { AtlasPage } from './support/pages.mjs';
import { seriousViolations } from './support/axe.mjs';

const suite = useBrowserSuite();

async function withPage(options, body) {
  const { context, page, errors } = await openPage(suite.browser, options);
  try {
    await body(new AtlasPage(page, suite.server.url), page);
    assert.deepEqual(errors.map(String), []);
  } finally {
    await context.close();
  }
}

test('clicking Pokrovsk on the map shows its sentences and highlights it in the text', () =>
  withPage({}, async (atlas, page) => {
    await atlas.open('/a/seed-1');
    await atlas.mapMarker('Pokrovsk').click();
    await atlas.placeDetails().getByRole('heading', { name: 'Pokrovsk' }).waitFor();
    assert.match(page.url(), /#\/a\/seed-1\/place\/pokrovsk$/);
    const marks = await atlas.placeDetails().locator('mark').allTextContents();
    assert.ok(marks.includes('Pokrovsk'), `mentions marked in the sentences: ${marks}`);
    assert.match(await atlas.placeDetails().textContent(), /seized the strategic city of Pokrovsk/);
    // The list selects it too.
    await page.locator('.place-item.selected', { hasText: 'Pokrovsk' }).waitFor();
    // The map marks it as selected.
    await page.locator('.na-map [role="button"][aria-label^="Pokrovsk,"][aria-pressed="true"], .na-map .selected[aria-label^="Pokrovsk,"]').first().waitFor();
    await screenshot(page, 'place-selected-desktop');

    await atlas.openTab('Text');
    assert.match(page.url(), /#\/a\/seed-1\/text\/place\/pokrovsk$/);
    const selected = await page.locator('.hl-place.selected').allTextContents();
    assert.ok(selected.length >= 3 && selected.every((t) => t === 'Pokrovsk' || t === 'Krasnoarmeysk'), `${selected}`);
    await screenshot(page, 'text-place-selected-desktop');

    // Back and forward keep the view.
    await page.goBack();
    await page.locator('.tab[aria-current="page"]', { hasText: 'Places' }).waitFor();
    await page.goForward();
    await page.locator('.hl-place.selected').first().waitFor();
  }));

test('a highlight in the text selects its place everywhere', () =>
  withPage({}, async (atlas, page) => {
    await atlas.open('/a/seed-1/text');
    await page.locator('.hl-place', { hasText: 'Kramatorsk' }).first().click();
    assert.match(page.url(), /\/text\/place\/kramatorsk$/);
    await page.locator('.hl-place.selected', { hasText: 'Kramatorsk' }).waitFor();
    await atlas.openTab('Places');
    await atlas.placeDetails().getByRole('heading', { name: 'Kramatorsk' }).waitFor();
  }));

test('the place list filters by typing and sorts by mentions or first appearance', () =>
  withPage({}, async (atlas, page) => {
    await atlas.open('/a/seed-1');
    await atlas.placeNames().first().waitFor();
    const all = await atlas.placeNames().allTextContents();
    assert.ok(all.length >= 15, `places listed: ${all}`);
    await atlas.filterPlaces('kra');
    await page.waitForFunction(() => document.querySelectorAll('#place-groups .place-name').length < 5);
    const filtered = await atlas.placeNames().allTextContents();
    // The filter reads every spelling in the text: Pokrovsk is also called
    // by its Soviet-era name, Krasnoarmeysk.
    const spelledKra = (n) => n.toLowerCase().includes('kra') || n === 'Pokrovsk';
    assert.ok(filtered.length > 0 && filtered.every(spelledKra), `${filtered}`);
    assert.ok(filtered.includes('Kramatorsk') && filtered.includes('Pokrovsk'), `${filtered}`);
    await atlas.filterPlaces('zzzz');
    await page.getByText('No place matches the filter.').waitFor();
    await atlas.filterPlaces('');
    await page.waitForFunction((n) => document.querySelectorAll('#place-groups .place-name').length === n, all.length);

    // Mentions: counts never rise within a country group.
    for (const group of await page.locator('.place-group:not(.other-names)').all()) {
      const counts = (await group.locator('.place-count').allTextContents()).map(Number);
      assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
    }
    await atlas.sortPlacesBy('First appearance');
    await page.waitForFunction(() => true);
    const ukraineGroup = page.locator('.place-group', { has: page.getByRole('heading', { name: 'Ukraine', exact: true }) });
    const firstSeen = await ukraineGroup.locator('.place-name').allTextContents();
    const text = await (async () => {
      await atlas.openTab('Text');
      return page.locator('.article-text').textContent();
    })();
    const positions = firstSeen.map((n) => text.indexOf(n)).filter((i) => i >= 0);
    assert.deepEqual(positions, [...positions].sort((a, b) => a - b), `first-appearance order: ${firstSeen}`);
  }));

test('switching articles redraws the map and list for the other article', () =>
  withPage({}, async (atlas, page) => {
    await atlas.open('/a/seed-1');
    await atlas.mapMarker('Pokrovsk').waitFor();
    await page.getByRole('link', { name: 'Articles', exact: true }).click();
    await atlas.openArticleTitled('Trump and Putin to talk truce, territory and the Zaporizhzhia plant');
    await atlas.mapMarker('Zaporizhzhia Nuclear Power Plant').waitFor();
    assert.equal(await atlas.mapMarker('Pokrovsk').count(), 0);
    await screenshot(page, 'seed-2-places-desktop');
  }));

test('events are listed by place with their figures', () =>
  withPage({}, async (atlas, page) => {
    await atlas.open('/a/seed-1/events');
    const dnipro = page.locator('.event-group', { has: page.getByRole('heading', { name: 'Dnipro' }) });
    await dnipro.waitFor();
    const figures = (await dnipro.locator('.figure').allTextContents()).join(' | ');
    assert.match(figures, /4 .*killed/);
    assert.match(figures, /40 .*injured/);
    await atlas.mapMarker('Dnipro').waitFor();
    await screenshot(page, 'events-desktop');
  }));

test('the all-articles view joins places across articles and filters by date', () =>
  withPage({}, async (atlas, page) => {
    await atlas.open('/all');
    const ukraine = page.locator('.all-places .place-item', { hasText: 'Ukraine' }).first();
    await ukraine.waitFor();
    assert.match(await ukraine.textContent(), /2 articles/);
    await ukraine.locator('a').click();
    await page.locator('.article-mentions').nth(1).waitFor();
    await screenshot(page, 'all-articles-desktop');
    await page.getByLabel('From').fill('2025-06-01');
    await page.getByLabel('From').dispatchEvent('change');
    await page.getByText('1 of 2 articles', { exact: false }).waitFor();
  }));

test('a keyboard alone reaches an article, selects a place on the map and reads it in the text', () =>
  withPage({}, async (atlas, page) => {
    await atlas.open('/');
    await atlas.articleLinks().first().waitFor();
    const focusUntil = async (predicate, limit = 80) => {
      for (let i = 0; i < limit; i += 1) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(predicate)) return;
      }
      throw new Error(`focus never reached: ${predicate}`);
    };
    await focusUntil(() => document.activeElement?.textContent?.startsWith('Zelenskyy finds'));
    await page.keyboard.press('Enter');
    await atlas.articleTitle().waitFor();
    await focusUntil(() => document.activeElement?.getAttribute('aria-label')?.startsWith('Pokrovsk,'));
    await page.keyboard.press('Enter');
    await atlas.placeDetails().getByRole('heading', { name: 'Pokrovsk' }).waitFor();
    await focusUntil(() => document.activeElement?.textContent === 'Show in the text');
    await page.keyboard.press('Enter');
    await page.locator('.sentence.selected').waitFor();
    assert.match(await page.locator('.sentence.selected').textContent(), /Pokrovsk/);
  }));

const VIEWS = [
  ['home', '/'],
  ['places', '/a/seed-1/place/pokrovsk'],
  ['text', '/a/seed-1/text/place/pokrovsk'],
  ['events', '/a/seed-1/events'],
  ['all', '/all'],
  ['about', '/about'],
  ['not-found', '/a/nothing'],
];

for (const [name, route] of VIEWS) {
  test(`accessibility: no serious or critical axe violations on ${name}, light and dark`, () =>
    withPage({}, async (atlas, page) => {
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme });
        await atlas.open(route);
        await page.locator('main h1').first().waitFor();
        assert.deepEqual(await seriousViolations(page), [], `${name} (${scheme})`);
      }
      await screenshot(page, `${name}-desktop-dark`);
    }));

  test(`phone layout: ${name} at 375 px fits without sideways scrolling`, () =>
    withPage({ viewport: { width: 375, height: 740 } }, async (atlas, page) => {
      await atlas.open(route);
      await page.locator('main h1').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `page is ${overflow}px wider than the screen`);
      await screenshot(page, `${name}-phone`);
    }));
}
