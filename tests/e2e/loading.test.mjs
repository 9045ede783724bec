// The place data (the gazetteer) is a file of its own, fetched by the app
// once it runs: a bundled article is drawn without it, anything that needs
// it waits for it with a visible state, and a failed download says so and
// offers Retry. The download is held, refused or corrupted here through
// Playwright's request routing, so nothing depends on timing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserSuite } from './support/suite.mjs';
import { screenshot } from './support/browser.mjs';
import { AtlasPage } from './support/pages.mjs';

// Written for these tests: not a seed article.
const HARBOUR = [
  'Storm closes the harbour at Gdansk as winds reach the Baltic coast',
  '',
  'Ferries between Gdansk and Karlskrona were cancelled on Tuesday as a storm brought gusts of more than 120 kilometers an hour to northern Poland.',
  '“We have never seen the water this high in October,” said Anna Nowak, who runs a cafe near the port in Gdynia.',
  'Poland’s weather service warned that the wind would turn towards Szczecin overnight.',
].join('\n');

const PLACE_DATA = '**/gazetteer-*.bin';

const suite = useBrowserSuite();

/** A fresh context whose place data requests go to `handler` (a Playwright route handler). */
async function newContext(handler) {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const requests = [];
  await context.route(PLACE_DATA, (route) => {
    requests.push(route.request().url());
    return handler(route, requests.length);
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, errors, requests, atlas: new AtlasPage(page, suite.server.url) };
}

/** A route handler that holds every request until `release()` is called. */
function held() {
  let release;
  const gate = new Promise((resolve) => {
    release = resolve;
  });
  return { handler: async (route) => { await gate; await route.continue(); }, release: () => release() };
}

async function paste(page, atlas, text) {
  await atlas.open('/paste');
  await page.getByLabel('Article text').fill(text);
  await page.getByRole('button', { name: 'Analyse' }).click();
  await atlas.articleTitle().waitFor();
}

test('the first bundled article is drawn while the place data is still on its way', async () => {
  const hold = held();
  const { context, page, errors, requests, atlas } = await newContext(hold.handler);
  await atlas.open('/a/seed-1');
  await atlas.mapMarker('Pokrovsk').waitFor();
  const names = await atlas.placeNames().allTextContents();
  assert.ok(names.includes('Pokrovsk'), `${names}`);
  // Grouped by country name from the start, as once the data is here.
  await page.locator('#place-groups').getByText('Ukraine').first().waitFor();
  assert.equal(requests.length, 1, 'the app asked for the place data once');
  assert.equal(await page.evaluate(() => window.wasmBindings.place_data_ready()), false);
  // Another name of a place, one the article does not use, matches only
  // once the gazetteer is here: Dnipro was Ekaterinoslav.
  await atlas.filterPlaces('Ekaterinoslav');
  await page.getByText('No place matches').or(page.locator('#place-groups .place-name')).first().waitFor();
  assert.deepEqual(await atlas.placeNames().allTextContents(), []);
  hold.release();
  await page.waitForFunction(() => window.wasmBindings.place_data_ready());
  await atlas.placeNames().filter({ hasText: 'Dnipro' }).waitFor();
  assert.deepEqual(await atlas.placeNames().allTextContents(), ['Dnipro']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('at 9 Mbit/s and 170 ms round trips the first map comes before the place data, which then arrives', async () => {
  const { context, page, errors, atlas } = await newContext((route) => route.continue());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 170, downloadThroughput: 9_000_000 / 8, uploadThroughput: 1_500_000 / 8 });
  await page.goto(`${suite.server.url}#/a/seed-1`);
  await atlas.mapMarker('Pokrovsk').waitFor({ timeout: 60_000 });
  // The place data (about a megabyte, fetched after the wasm) is still on its way.
  assert.equal(await page.evaluate(() => window.wasmBindings.place_data_ready()), false);
  await page.waitForFunction(() => window.wasmBindings.place_data_ready(), null, { timeout: 60_000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a pasted article shows its text and waits for the place data, then shows its places', async () => {
  const hold = held();
  const { context, page, errors, atlas } = await newContext(hold.handler);
  await paste(page, atlas, HARBOUR);
  const waiting = page.getByRole('status').filter({ hasText: 'Loading place data…' });
  await waiting.waitFor();
  await page.getByText('Ferries between Gdansk and Karlskrona were cancelled').waitFor();
  assert.equal(await page.locator('.na-map').count(), 0, 'no map before the place data');
  await screenshot(page, 'waiting-for-place-data');
  hold.release();
  await atlas.mapMarker('Gdansk').waitFor();
  const names = await atlas.placeNames().allTextContents();
  for (const place of ['Gdansk', 'Gdynia', 'Poland']) assert.ok(names.includes(place), `${place} in ${names}`);
  assert.equal(await waiting.count(), 0);
  // Kept in storage: after a reload it waits again (a fresh download), then shows.
  const again = held();
  await context.unroute(PLACE_DATA);
  await context.route(PLACE_DATA, again.handler);
  await page.reload();
  await waiting.waitFor();
  again.release();
  await atlas.mapMarker('Gdansk').waitFor();
  // All places says so while the data is away, and adds the article once it is here.
  const allHeld = held();
  await context.unroute(PLACE_DATA);
  await context.route(PLACE_DATA, allHeld.handler);
  await page.goto(`${suite.server.url}#/all`);
  await page.reload();
  await page.getByRole('status').filter({ hasText: 'your pasted articles join the map' }).waitFor();
  allHeld.release();
  await page.locator('.all-places').getByText(/^Gda[nń]sk$/).first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('offline: the failed download says so and Retry loads it', async () => {
  // The first request fails as with no network, the next ones go through.
  const { context, page, errors, requests, atlas } = await newContext((route, n) =>
    n === 1 ? route.abort('internetdisconnected') : route.continue(),
  );
  await paste(page, atlas, HARBOUR);
  const problem = page.getByRole('alert').filter({ hasText: 'The place data could not be loaded' });
  await problem.waitFor();
  await page.getByText('Ferries between Gdansk and Karlskrona were cancelled').waitFor();
  await page.getByRole('heading', { name: /did not load/ }).waitFor();
  await screenshot(page, 'place-data-failed');
  // The bundled articles still open, drawn from their build-time analyses.
  await atlas.open('/a/seed-2');
  await atlas.placeNames().first().waitFor();
  await page.goBack();
  await atlas.articleTitle().filter({ hasText: 'Storm closes the harbour' }).waitFor();
  await problem.getByRole('button', { name: 'Retry' }).click();
  await atlas.mapMarker('Gdansk').waitFor();
  assert.equal(await problem.count(), 0, 'the message goes once the data is here');
  assert.equal(requests.length, 2);
  assert.equal(await page.locator('.crash-panel').count(), 0, 'no panic');
  assert.deepEqual(errors, []);
  await context.close();
});

test('place data that does not match its hash is refused, never analysed with', async () => {
  const { context, page, errors, atlas } = await newContext(async (route, n) => {
    if (n > 1) return route.continue();
    const response = await route.fetch();
    const body = await response.body();
    body[body.length >> 1] ^= 0xff;
    return route.fulfill({ response, body });
  });
  await paste(page, atlas, HARBOUR);
  const problem = page.getByRole('alert').filter({ hasText: 'The place data could not be loaded' });
  await problem.waitFor();
  assert.equal(await page.evaluate(() => window.wasmBindings.place_data_ready()), false);
  assert.equal(await page.locator('.na-map').count(), 0);
  await problem.getByRole('button', { name: 'Retry' }).click();
  await atlas.mapMarker('Gdansk').waitFor();
  assert.equal(await page.locator('.crash-panel').count(), 0, 'no panic');
  assert.deepEqual(errors, []);
  await context.close();
});
