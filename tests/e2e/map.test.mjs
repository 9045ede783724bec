// The map as a reader works it: countries and regions as shaded areas that
// stay in view when chosen, nearby places grouped into counted clusters at
// low zoom that split when clicked, labels that never overlap, and the
// context (towns, region names) drawn when zoomed in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserSuite } from './support/suite.mjs';
import { openPage, screenshot } from './support/browser.mjs';
import { ExplorerLayout } from './support/layout.mjs';
import { seriousViolations } from './support/axe.mjs';

const suite = useBrowserSuite();

async function withPage(options, body) {
  const { context, page, errors } = await openPage(suite.browser, options);
  try {
    await body(new ExplorerLayout(page, suite.server.url), page);
    assert.deepEqual(errors.map(String), []);
  } finally {
    await context.close();
  }
}

async function openSeed(atlas, id = 'seed-1') {
  await atlas.open(`/a/${id}`);
  await atlas.placeNames().first().waitFor();
  await atlas.mapSettled();
}

/** Boxes of the labels drawn on the map, in page pixels. */
async function labelBoxes(atlas) {
  const texts = atlas.map().locator('.na-map__labels text');
  const out = [];
  for (let i = 0; i < (await texts.count()); i++) {
    const box = await texts.nth(i).boundingBox();
    if (box) out.push({ text: await texts.nth(i).textContent(), ...box });
  }
  return out;
}

function assertNoOverlap(boxes) {
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      // One pixel of slack for the halo and font rounding.
      const overlap = a.x + 1 < b.x + b.width && b.x + 1 < a.x + a.width && a.y + 1 < b.y + b.height && b.y + 1 < a.y + a.height;
      assert.ok(!overlap, `labels overlap: ${a.text} and ${b.text}`);
    }
  }
}

async function zoomOutUntil(atlas, locator, clicks = 8) {
  const out = atlas.map().getByRole('button', { name: 'Zoom out' });
  for (let i = 0; i < clicks && (await locator.count()) === 0; i++) {
    await out.click();
    await atlas.mapSettled();
  }
}

test('zooming out groups nearby places into a counted cluster; clicking it splits it', () =>
  withPage({}, async (atlas, page) => {
    await openSeed(atlas);
    assert.equal(await atlas.map().locator('.na-map__cluster').count(), 0, 'the fitted view shows every place on its own');
    const clusters = atlas.map().locator('.na-map__cluster');
    await zoomOutUntil(atlas, clusters);
    assert.ok((await clusters.count()) >= 1, 'a cluster appears when zoomed out');
    const cluster = clusters.first();
    const name = await cluster.getAttribute('aria-label');
    const m = /^(\d+) places: (.+)$/.exec(name);
    assert.ok(m, `accessible name says how many and which: ${name}`);
    const n = Number(m[1]);
    assert.ok(n >= 2);
    const first = m[2].split(', ')[0];
    // Its places have no marker of their own while grouped, and the count is drawn.
    assert.equal(await atlas.mapMarker(first).count(), 0, `${first} is inside the cluster`);
    const counts = await atlas.map().locator('.na-map__count').allTextContents();
    assert.ok(counts.includes(String(n)), `count ${n} drawn: ${counts}`);
    // A cluster is labelled after its most mentioned place.
    const labels = (await labelBoxes(atlas)).map((b) => b.text);
    assert.ok(labels.some((t) => t.startsWith(`${first} +`)), `cluster label: ${labels}`);
    assertNoOverlap(await labelBoxes(atlas));
    await screenshot(page, 'map-clustered-desktop');

    const before = await atlas.mapView();
    await cluster.click();
    await atlas.mapSettled();
    assert.notEqual(await atlas.mapView(), before, 'the map zoomed in');
    await atlas.mapMarker(first).first().waitFor();
    assert.equal(await atlas.map().locator(`.na-map__cluster[aria-label="${name}"]`).count(), 0, 'the cluster split');
    await screenshot(page, 'map-cluster-split-desktop');

    // From the keyboard: focus a cluster and press Enter.
    await zoomOutUntil(atlas, clusters);
    const again = clusters.first();
    const label = await again.getAttribute('aria-label');
    await again.focus();
    await page.keyboard.press('Enter');
    await atlas.mapSettled();
    assert.equal(await atlas.map().locator(`.na-map__cluster[aria-label="${label}"]`).count(), 0, 'Enter splits it too');
  }));

test('a country is a shaded area; choosing it in the list keeps its shape in view', () =>
  withPage({}, async (atlas, page) => {
    await openSeed(atlas);
    const russia = atlas.map().locator('.na-map__area[aria-label^="Russia,"]');
    assert.equal(await russia.count(), 1, 'Russia is drawn as its area, not a dot');
    assert.ok((await russia.locator('path').getAttribute('d')).length > 500, 'with its outline');
    const fitted = await atlas.mapView();
    await page.locator('.place-item', { hasText: 'Russia' }).first().getByRole('link').click();
    await russia.and(page.locator('[aria-pressed="true"]')).waitFor();
    await atlas.mapSettled();
    // Western Russia is on the map of Ukraine: no move to Siberia.
    assert.equal(await atlas.mapView(), fitted, 'the view stays where part of Russia is seen');
    await russia.locator('path.na-map__shade--selected').waitFor();
    const fill = await russia.locator('path').evaluate((el) => getComputedStyle(el).fill);
    assert.notEqual(fill, 'none', 'the selected area is shaded');
    // Its label sits inside the map.
    const map = await atlas.map().boundingBox();
    const label = (await labelBoxes(atlas)).find((b) => b.text === 'Russia');
    assert.ok(label, 'Russia is labelled on the part in view');
    assert.ok(label.x >= map.x && label.x + label.width <= map.x + map.width && label.y >= map.y && label.y + label.height <= map.y + map.height);
    await screenshot(page, 'map-country-selected-desktop');

    // Keyboard focus on the area does not move the view either.
    await russia.focus();
    await atlas.mapSettled();
    assert.ok(await russia.evaluate((el) => el === document.activeElement), 'the area takes focus');
    assert.equal(await atlas.mapView(), fitted);
  }));

test('a region place is a shaded area too, and hovering draws it stronger', () =>
  withPage({}, async (atlas, page) => {
    await openSeed(atlas);
    const areas = atlas.map().locator('.na-map__area');
    assert.ok((await areas.count()) >= 1);
    const area = atlas.map().locator('.na-map__area.na-map__marker--region').first();
    if ((await area.count()) === 0) return; // the article names no region with an outline
    const path = area.locator('path');
    const plain = await path.evaluate((el) => getComputedStyle(el).fill);
    await area.hover({ force: true });
    const hovered = await path.evaluate((el) => getComputedStyle(el).fill);
    assert.notEqual(plain, hovered, 'hover shades it stronger');
  }));

test('zoomed in, the map shows the largest towns around and region names; labels never overlap', () =>
  withPage({}, async (atlas, page) => {
    await openSeed(atlas);
    assertNoOverlap(await labelBoxes(atlas));
    const zoomIn = atlas.map().getByRole('button', { name: 'Zoom in' });
    const towns = atlas.map().locator('.na-map__town');
    for (let i = 0; i < 6 && (await towns.count()) < 5; i++) {
      await zoomIn.click();
      await atlas.mapSettled();
    }
    assert.ok((await towns.count()) >= 5, `towns drawn: ${await towns.count()}`);
    for (let i = 0; i < 4 && (await atlas.map().locator('.na-map__label--town').count()) === 0; i++) {
      await zoomIn.click();
      await atlas.mapSettled();
    }
    assert.ok((await atlas.map().locator('.na-map__label--town').count()) >= 1, 'towns are labelled when zoomed far enough');
    assert.ok((await atlas.map().locator('.na-map__label--region').count()) >= 1, 'region names are drawn');
    assert.ok((await atlas.map().locator('.na-map__rivers path').count()) >= 1, 'rivers are drawn (the Dnipro, the Donets)');
    assert.ok((await atlas.map().locator('.na-map__lakes path').count()) >= 1, 'lakes and reservoirs are drawn');
    const boxes = await labelBoxes(atlas);
    assertNoOverlap(boxes);
    // The article's places keep their labels: the most mentioned place in
    // view is labelled before any town.
    await screenshot(page, 'map-context-zoomed-desktop');
    assert.deepEqual(await seriousViolations(page), []);
  }));

test('on a phone the clustered map is usable and passes axe', () =>
  withPage({ viewport: { width: 390, height: 844 }, hasTouch: true }, async (atlas, page) => {
    await openSeed(atlas);
    await zoomOutUntil(atlas, atlas.map().locator('.na-map__cluster'));
    await screenshot(page, 'map-clustered-phone');
    assert.deepEqual(await seriousViolations(page), []);
  }));
