// The explorer's layout as a reader meets it, at a laptop's 1366 x 900 and a
// phone's 390 x 844: the map is the larger part of the screen and stays in
// view; choosing a place or speaker anywhere answers in a panel that is on
// screen at once, without scrolling the list or the text; the first view
// shows (or signals at its edge) every place the article mentions more than
// once; the map keeps its view across tabs; every view passes axe-core in
// light and dark and works from the keyboard. Expectations come from the
// page's own data (the list's names and counts), never from one article.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserSuite } from './support/suite.mjs';
import { openPage, screenshot } from './support/browser.mjs';
import { ExplorerLayout, windowShot } from './support/layout.mjs';
import { seriousViolations } from './support/axe.mjs';

const suite = useBrowserSuite();
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const ARTICLES = ['seed-1', 'seed-2'];

async function withPage(viewport, body) {
  const hasTouch = viewport === PHONE;
  const { context, page, errors } = await openPage(suite.browser, { viewport, hasTouch });
  try {
    await body(new ExplorerLayout(page, suite.server.url), page);
    assert.deepEqual(errors.map(String), []);
  } finally {
    await context.close();
  }
}

test('desktop: the map takes the larger part of the width and stays in view while the list scrolls', () =>
  withPage(DESKTOP, async (atlas, page) => {
    await atlas.open('/a/seed-1');
    await atlas.placeNames().first().waitFor();
    const map = await atlas.map().boundingBox();
    const panel = await atlas.panel().boundingBox();
    assert.ok(map.width > panel.width, `map ${map.width}px beside a ${panel.width}px panel`);
    assert.ok(map.width >= DESKTOP.width * 0.5, `map ${map.width}px of ${DESKTOP.width}px`);
    assert.ok(map.height >= DESKTOP.height * 0.45, `map ${map.height}px tall`);
    await page.mouse.wheel(0, 1500);
    await atlas.until(async () => (await atlas.scrollY()) > 300, 'the page scrolls');
    assert.ok(await atlas.inWindow(atlas.map()), 'the map is still on screen after scrolling');
  }));

test('desktop: choosing a place low in the list shows its details on screen and leaves the list where it was', () =>
  withPage(DESKTOP, async (atlas, page) => {
    await atlas.open('/a/seed-1');
    await atlas.placeNames().first().waitFor();
    const row = atlas.placeList().locator('.place-link').last();
    await row.scrollIntoViewIfNeeded();
    const name = (await row.locator('.place-name').textContent()).trim();
    const before = await atlas.scrollY();
    await row.click();
    const heading = atlas.selectionPanel().getByRole('heading', { level: 2 });
    await atlas.until(async () => (await heading.textContent())?.trim() === name, `details of ${name}`);
    assert.ok(await atlas.inWindow(heading), 'the details heading is in the window');
    assert.ok(await atlas.inWindow(row), 'the clicked row is still in the window');
    assert.equal(await atlas.scrollY(), before, 'the page did not scroll');
    await windowShot(page, 'layout-place-selected-desktop');
  }));

test('desktop: a place and a speaker chosen in the text answer beside it, the text does not move', () =>
  withPage(DESKTOP, async (atlas, page) => {
    await atlas.open('/a/seed-1/text');
    await atlas.articleText().waitFor();
    const place = atlas.articleText().locator('.hl-place').last();
    await place.scrollIntoViewIfNeeded();
    const before = await atlas.scrollY();
    await place.click();
    await atlas.waitForView(/\/text\/place\/[a-z0-9-]+$/);
    await atlas.placeDetails().waitFor();
    assert.ok(await atlas.inWindow(atlas.placeDetails().getByRole('heading', { level: 2 })));
    assert.equal(await atlas.scrollY(), before, 'the text did not scroll');
    assert.ok((await atlas.placeDetails().locator('.sentences li').count()) >= 1);

    const speaker = atlas.articleText().locator('.hl-speaker').last();
    await speaker.scrollIntoViewIfNeeded();
    const at = await atlas.scrollY();
    await speaker.click();
    await atlas.waitForView(/\/text\/speaker\/[a-z0-9-]+$/);
    await atlas.speakerDetails().waitFor();
    assert.ok(await atlas.inWindow(atlas.speakerDetails().getByRole('heading', { level: 2 })));
    assert.equal(await atlas.scrollY(), at, 'the text did not scroll');
    assert.equal(await page.locator('.tab[aria-current="page"]').textContent(), 'Text');
    await windowShot(page, 'layout-text-speaker-desktop');
  }));

test('a place\'s details hold what was said about it, as well as its sentences', () =>
  withPage(DESKTOP, async (atlas, page) => {
    for (const id of ARTICLES) {
      await atlas.open(`/a/${id}`);
      await atlas.placeNames().first().waitFor();
      // The most mentioned place: the list is sorted by mentions.
      const first = atlas.placeList().locator('.place-link').first();
      const count = Number(await first.locator('.place-count').textContent());
      await first.click();
      await atlas.placeDetails().waitFor();
      const sentences = await atlas.placeDetails().locator('.sentences li').count();
      const named = await atlas.placeDetails().locator('.sentences li:not(.points-back)').count();
      assert.ok(named >= 1 && named <= count, `${named} sentences naming it, ${count} mentions`);
      assert.ok(sentences >= named);
      // Every sentence listed marks the words that stand for the place.
      assert.equal(await atlas.placeDetails().locator('.sentences li:not(:has(mark))').count(), 0);
      const said = await atlas.placeDetails().locator('.statement-card').count();
      assert.ok(said >= 1, `${id}: statements about its most mentioned place`);
    }
    await screenshot(page, 'layout-place-story-desktop');
  }));

test('phone: tabs fit one row, the text is reachable above the fold, a tap opens the bottom sheet', () =>
  withPage(PHONE, async (atlas, page) => {
    await atlas.open('/a/seed-1/text');
    await atlas.articleText().waitFor();
    const tabs = await page.locator('.tabs .tab').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()));
    assert.ok(tabs.every((r) => Math.abs(r.top - tabs[0].top) < 1), 'one row of tabs');
    assert.ok(tabs.every((r) => r.right <= PHONE.width + 1), 'every tab on screen');
    const panelTop = (await atlas.panel().boundingBox()).y;
    assert.ok(panelTop < PHONE.height * 0.9, `the text starts at ${panelTop}px, within the first screen`);
    await windowShot(page, 'layout-text-phone');

    const place = atlas.articleText().locator('.hl-place').nth(3);
    await place.scrollIntoViewIfNeeded();
    const before = await atlas.scrollY();
    await place.tap();
    await atlas.placeDetails().waitFor();
    const sheet = await atlas.selectionPanel().boundingBox();
    assert.ok(Math.abs(sheet.y + sheet.height - PHONE.height) <= 1, 'the sheet sits on the bottom edge');
    assert.ok(sheet.height <= PHONE.height * 0.6, `the sheet leaves the text visible (${sheet.height}px)`);
    assert.ok(await atlas.inWindow(atlas.placeDetails().getByRole('heading', { level: 2 })));
    assert.equal(await atlas.scrollY(), before, 'the text did not scroll');
    await windowShot(page, 'layout-bottom-sheet-phone');
    await atlas.closeSelection().tap();
    await atlas.selectionPanel().waitFor({ state: 'detached' });
    assert.match(page.url(), /\/text$/);
  }));

test('phone: choosing on the map or in the list opens the sheet too', () =>
  withPage(PHONE, async (atlas, page) => {
    await atlas.open('/a/seed-2');
    await atlas.placeNames().first().waitFor();
    const row = atlas.placeList().locator('.place-link').nth(2);
    const name = (await row.locator('.place-name').textContent()).trim();
    await row.tap();
    const heading = atlas.selectionPanel().getByRole('heading', { level: 2 });
    await atlas.until(async () => (await heading.textContent())?.trim() === name, `details of ${name}`);
    assert.ok(await atlas.inWindow(heading));
    await windowShot(page, 'layout-list-sheet-phone');
  }));

for (const id of ARTICLES) {
  for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    test(`first view of ${id} (${size}): every place mentioned more than once is in view or signalled at the edge`, () =>
      withPage(viewport, async (atlas, page) => {
        await atlas.open(`/a/${id}`);
        await atlas.placeNames().first().waitFor();
        await atlas.mapSettled();
        const several = (await atlas.listedPlaces()).filter((p) => p.count >= 2);
        assert.ok(several.length >= 1);
        const map = await atlas.map().boundingBox();
        const missing = [];
        for (const { name } of several) {
          const marker = atlas.mapMarker(name).first();
          const box = (await marker.count()) ? await marker.boundingBox() : null;
          const cx = box && box.x + box.width / 2;
          const cy = box && box.y + box.height / 2;
          const inView = box && cx >= map.x && cx <= map.x + map.width && cy >= map.y && cy <= map.y + map.height;
          const signal = atlas.edgeSignal(name);
          if (inView) continue;
          if ((await signal.count()) === 1 && /^Beyond the map to the (north|south|east|west)/.test(await signal.getAttribute('aria-label'))) continue;
          missing.push(name);
        }
        assert.deepEqual(missing, [], 'neither in view nor signalled at the edge');
        await screenshot(page, `layout-first-view-${id}-${size}`);
      }));
  }
}

test('a signal at the edge selects its place, from the mouse or the keyboard', () =>
  withPage(DESKTOP, async (atlas, page) => {
    for (const id of ARTICLES) {
      await atlas.open(`/a/${id}`);
      await atlas.mapSettled();
      const signals = atlas.map().locator('.na-map__edge');
      if ((await signals.count()) === 0) continue;
      const name = (await signals.first().getAttribute('aria-label')).match(/: (.+), \d+ mentions$/)[1];
      await signals.first().focus();
      await page.keyboard.press('Enter');
      const heading = atlas.selectionPanel().getByRole('heading', { level: 2 });
      await atlas.until(async () => (await heading.textContent())?.trim() === name, `details of ${name}`);
      return;
    }
    assert.fail('no article has a place beyond the first view');
  }));

test('the map keeps its view across tabs, with a place chosen on another tab', () =>
  withPage(DESKTOP, async (atlas, page) => {
    await atlas.open('/a/seed-1');
    await atlas.placeNames().first().waitFor();
    await atlas.mapSettled();
    const fitted = await atlas.mapView();
    // A place the map shows already: choosing it needs no move.
    const map = await atlas.map().boundingBox();
    const listed = await atlas.listedPlaces();
    let shown = null;
    for (const { name } of listed) {
      const box = await atlas.mapMarker(name).first().boundingBox().catch(() => null);
      if (box && box.x > map.x + 60 && box.x < map.x + map.width - 60 && box.y > map.y + 60 && box.y < map.y + map.height - 60) {
        shown = name;
        break;
      }
    }
    assert.ok(shown, 'some place is well inside the first view');
    await atlas.openTab('Text');
    await atlas.articleText().locator('.hl-place', { hasText: shown }).first().click().catch(async () => {
      await atlas.mapMarker(shown).first().click();
    });
    await atlas.placeDetails().waitFor();
    await atlas.openTab('Places');
    await atlas.mapSettled();
    assert.equal(await atlas.mapView(), fitted, 'unchanged after choosing a place on Text');

    // The reader's own pan survives Events and Side by side.
    await atlas.mapSvg().focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await atlas.until(async () => (await atlas.mapView()) !== fitted, 'the map pans');
    const panned = await atlas.mapView();
    for (const tab of ['Events', 'Side by side', 'Speakers', 'Places']) {
      await atlas.openTab(tab);
      if (tab === 'Side by side') continue;
      await atlas.mapSettled();
      assert.equal(await atlas.mapView(), panned, `unchanged on ${tab}`);
    }
  }));

test('keyboard alone: choose a place in the list, read its details, close them', () =>
  withPage(DESKTOP, async (atlas, page) => {
    await atlas.open('/a/seed-2');
    await atlas.placeNames().first().waitFor();
    const row = atlas.placeList().locator('.place-link').nth(1);
    const name = (await row.locator('.place-name').textContent()).trim();
    await row.focus();
    await page.keyboard.press('Enter');
    const heading = atlas.selectionPanel().getByRole('heading', { level: 2 });
    await atlas.until(async () => (await heading.textContent())?.trim() === name, `details of ${name}`);
    // Focus stays on the row, so the list goes on from there.
    assert.equal(await page.evaluate(() => document.activeElement?.querySelector('.place-name')?.textContent.trim()), name);
    await atlas.closeSelection().focus();
    await page.keyboard.press('Enter');
    await atlas.selectionPanel().waitFor({ state: 'detached' });
  }));

const VIEWS = [
  ['places-selected', '/a/seed-1/place/{first}'],
  ['text-place', '/a/seed-1/text/place/{first}'],
  ['text-speaker', '/a/seed-2/text/speaker/{speaker}'],
  ['speakers-selected', '/a/seed-2/speaker/{speaker}'],
  ['events', '/a/seed-1/events'],
  ['compare', '/a/seed-1/compare'],
];

/** The slugs of the first listed place and the first speaker of an article, read from the page. */
async function slugs(atlas, page, id) {
  await atlas.open(`/a/${id}`);
  await atlas.placeNames().first().waitFor();
  const first = (await atlas.placeList().locator('.place-link').first().getAttribute('href')).split('/').pop();
  await atlas.openTab('Speakers');
  const speaker = (await atlas.speakerList().locator('.speaker-link').first().getAttribute('href')).split('/').pop();
  return { first, speaker };
}

for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`accessibility (${size}): no serious or critical axe violation in any explorer view, light and dark`, () =>
    withPage(viewport, async (atlas, page) => {
      const found = { 'seed-1': await slugs(atlas, page, 'seed-1'), 'seed-2': await slugs(atlas, page, 'seed-2') };
      for (const [name, template] of VIEWS) {
        const id = template.split('/')[2];
        const route = template.replace('{first}', found[id].first).replace('{speaker}', found[id].speaker);
        for (const scheme of ['light', 'dark']) {
          await page.emulateMedia({ colorScheme: scheme });
          await atlas.open(route);
          await page.locator('#article-title').waitFor();
          await atlas.panel().waitFor();
          assert.deepEqual(await seriousViolations(page), [], `${name} ${size} (${scheme})`);
        }
        await screenshot(page, `layout-${name}-${size}-dark`);
      }
    }));
}
