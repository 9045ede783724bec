// Paste, keep and share, as a reader does it: paste an article of their own,
// find it again after a reload, share a view and open the link elsewhere,
// rename and delete with undo; bad links, bad files, full and corrupt
// storage; a 5 MB paste that keeps the page responsive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { useBrowserSuite } from './support/suite.mjs';
import { screenshot } from './support/browser.mjs';
import { AtlasPage } from './support/pages.mjs';

// Written for these tests: not a seed article.
const FLOOD = [
  'Floods cut off villages near Valencia as rain keeps falling',
  '',
  'Rescuers in eastern Spain searched on Wednesday for people missing after flash floods swept through towns south of Valencia, killing at least 62 people.',
  '“The water rose in minutes and we had nowhere to go,” said Carmen Ruiz, a shopkeeper in Paiporta.',
  'Spanish Prime Minister Pedro Sanchez said the government would send more soldiers to the region. The regional leader, Carlos Mazon, warned that more rain was expected over Castellon and Tarragona.',
].join('\n');

const suite = useBrowserSuite();

async function newContext(options = {}) {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(suite.server.url).origin });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  return { context, page, errors, atlas: new AtlasPage(page, suite.server.url) };
}

async function pasteArticle(page, atlas, text, { title } = {}) {
  await atlas.open('/paste');
  await page.getByLabel('Article text').fill(text);
  if (title !== undefined) await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Analyse' }).click();
  await atlas.articleTitle().waitFor();
}

function payloadOf(buffer) {
  return buffer.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

test('a pasted article is analysed at once, kept after a reload, and listed', async () => {
  const { context, page, errors, atlas } = await newContext();
  await pasteArticle(page, atlas, FLOOD);
  assert.equal(await atlas.articleTitle().textContent(), 'Floods cut off villages near Valencia as rain keeps falling');
  await atlas.mapMarker('Valencia').waitFor();
  const names = await atlas.placeNames().allTextContents();
  for (const place of ['Valencia', 'Spain', 'Paiporta']) assert.ok(names.includes(place), `${place} in ${names}`);
  await atlas.openTab('Speakers');
  await page.getByText('Pedro Sanchez').first().waitFor();
  await screenshot(page, 'pasted-article');
  await page.reload();
  await atlas.articleTitle().waitFor();
  await atlas.open('/');
  await page.getByRole('list', { name: 'Your articles' }).getByText('Floods cut off villages').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('empty, whitespace and binary input get a clear message and nothing is added', async () => {
  const { context, page, errors, atlas } = await newContext();
  await atlas.open('/paste');
  await page.getByRole('button', { name: 'Analyse' }).click();
  await page.getByRole('alert').filter({ hasText: 'There is no text to analyse' }).waitFor();
  await page.getByLabel('Article text').fill('   \n\t  ');
  await page.getByRole('button', { name: 'Analyse' }).click();
  await page.getByRole('alert').filter({ hasText: 'There is no text to analyse' }).waitFor();
  const fileInput = page.locator('input[type=file]');
  await fileInput.setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]) });
  await page.getByRole('alert').filter({ hasText: 'looks like a binary file' }).waitFor();
  await fileInput.setInputFiles({ name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x4b, 0x79, 0x69, 0x76, 0xe9, 0x20, 0x61]) });
  await page.getByRole('alert').filter({ hasText: 'is not UTF-8 text' }).waitFor();
  await atlas.open('/');
  assert.equal(await page.getByRole('list', { name: 'Your articles' }).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a dropped HTML file is reduced to its text; its scripts never run', async () => {
  const { context, page, errors, atlas } = await newContext();
  await atlas.open('/paste');
  const html = `<html><head><title>x</title><script>alert('head')</script></head><body>
    <nav>Home | World</nav><h1>Quake shakes Izmir</h1>
    <p>An earthquake struck off Izmir in western Turkey, officials said.<img src=x onerror="alert('img')"></p>
    <p><a href="javascript:alert('link')">More</a> coverage from Ankara.</p><script>alert('body')</script>
    <svg onload="alert('svg')"><text>svg text</text></svg></body></html>`;
  await page.locator('input[type=file]').setInputFiles({ name: 'quake.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await page.waitForFunction(() => document.querySelector('#paste-text').value.includes('Izmir'));
  const text = await page.locator('#paste-text').inputValue();
  assert.doesNotMatch(text, /alert|<script|onerror|javascript:/);
  assert.match(text, /An earthquake struck off Izmir in western Turkey/);
  await page.getByRole('button', { name: 'Analyse' }).click();
  // Labelled as the article spells it; GeoNames' name (İzmir) is the second line.
  await atlas.mapMarker('Izmir').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('sharing a view of a pasted article opens the same view in a fresh browser', async () => {
  const first = await newContext();
  await pasteArticle(first.page, first.atlas, FLOOD);
  await first.atlas.mapMarker('Paiporta').click();
  await first.atlas.placeDetails().getByRole('heading', { name: 'Paiporta' }).waitFor();
  await first.page.getByRole('button', { name: 'Share this view' }).click();
  await first.page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
  const link = await first.page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#\/s\/[A-Za-z0-9._-]+\/place\/paiporta$/);
  assert.match(await first.page.locator('.link-length').textContent(), /^This link carries the whole article, \d{1,3}(,\d{3})* characters\.$/);
  await first.context.close();

  const second = await newContext();
  await second.page.goto(link);
  await second.atlas.placeDetails().getByRole('heading', { name: 'Paiporta' }).waitFor();
  assert.equal(await second.atlas.articleTitle().textContent(), 'Floods cut off villages near Valencia as rain keeps falling');
  // Opening the same link again does not duplicate the article.
  await second.page.goto(link);
  await second.atlas.placeDetails().getByRole('heading', { name: 'Paiporta' }).waitFor();
  await second.atlas.open('/');
  assert.equal(await second.page.getByRole('list', { name: 'Your articles' }).locator('li').count(), 1);
  // The same title with a different text is kept as a second article.
  await pasteArticle(second.page, second.atlas, `${FLOOD}\nA later update added a line.`);
  await second.atlas.open('/');
  assert.equal(await second.page.getByRole('list', { name: 'Your articles' }).locator('li').count(), 2);
  assert.deepEqual(second.errors, []);
  await second.context.close();
});

test('rename and delete with undo', async () => {
  const { context, page, errors, atlas } = await newContext();
  await pasteArticle(page, atlas, FLOOD);
  await atlas.open('/');
  const mine = page.getByRole('list', { name: 'Your articles' });
  await mine.getByRole('button', { name: /^Rename/ }).click();
  await page.getByLabel('New title').fill('Valencia floods, day two');
  await page.getByRole('button', { name: 'Save' }).click();
  await mine.getByText('Valencia floods, day two').waitFor();
  await mine.getByRole('button', { name: /^Delete/ }).click();
  await page.getByRole('status').filter({ hasText: 'Deleted “Valencia floods, day two”' }).waitFor();
  assert.equal(await page.getByRole('list', { name: 'Your articles' }).count(), 0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await mine.getByText('Valencia floods, day two').waitFor();
  await page.reload();
  await page.getByRole('list', { name: 'Your articles' }).getByText('Valencia floods, day two').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('malformed share links show a message and the list, and stored articles are untouched', async () => {
  const { context, page, errors, atlas } = await newContext();
  await pasteArticle(page, atlas, FLOOD);
  const stored = await page.evaluate(() => localStorage.getItem('news-atlas.articles'));
  const bomb = payloadOf(zlib.deflateSync(Buffer.alloc(20 * 1024 * 1024, 0x61), { level: 9 }));
  const cases = [
    ['bad base64', '1.%%%not*base64'],
    ['bad deflate', `1.${payloadOf(Buffer.from('definitely not a deflate stream'))}`],
    ['truncated', `1.${payloadOf(zlib.deflateSync(Buffer.from('{"t":"x","x":"some text here"}'))).slice(0, 12)}`],
    ['wrong version', `9.${payloadOf(zlib.deflateSync(Buffer.from('{"t":"x","x":"text"}')))}`],
    ['huge payload', `1.${bomb}`],
  ];
  for (const [what, payload] of cases) {
    await page.goto(`${suite.server.url}#/s/${payload}/place/paiporta`);
    await page.getByRole('alert').filter({ hasText: 'This shared link could not be opened' }).waitFor();
    await page.getByRole('list', { name: 'Bundled articles' }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('news-atlas.articles')), stored, what);
  }
  await screenshot(page, 'malformed-link');
  assert.deepEqual(errors, []);
  await context.close();
});

test('full storage shows a message, keeps the new article in memory and loses nothing stored', async () => {
  const { context, page, errors, atlas } = await newContext();
  await pasteArticle(page, atlas, FLOOD);
  const before = await page.evaluate(() => localStorage.getItem('news-atlas.articles'));
  // Stub the quota: every further write fails as a full store does.
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await pasteArticle(page, atlas, 'Storm Boris hit Vienna and Prague.\nOfficials in Warsaw said the Oder was rising.', { title: 'Storm Boris' });
  await page.getByRole('alert').filter({ hasText: 'Browser storage is full' }).waitFor();
  await atlas.mapMarker('Vienna').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('news-atlas.articles')), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('unreadable stored data is kept aside, reported, and the page still works', async () => {
  const { context, page, errors, atlas } = await newContext();
  await atlas.open('/');
  await page.evaluate(() => localStorage.setItem('news-atlas.articles', '{"version":1,"articles":[{broken'));
  await page.reload();
  await page.getByRole('alert').filter({ hasText: 'could not read your saved articles' }).waitFor();
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('news-atlas.articles.unreadable-')));
  assert.equal(backups.length, 1);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), backups[0]), '{"version":1,"articles":[{broken');
  await pasteArticle(page, atlas, FLOOD);
  await atlas.mapMarker('Valencia').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 5 MB paste shows progress, keeps the page responsive, and completes', async () => {
  const { context, page, errors, atlas } = await newContext();
  await atlas.open('/paste');
  const paragraph = `${FLOOD.split('\n').slice(2).join('\n')}\n`;
  const big = paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length));
  // Typing 5 MB key by key is not what a paste is: set the value as a paste does.
  await page.locator('#paste-text').evaluate((area, text) => {
    area.value = text;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, big);
  await page.getByLabel('Title').fill('Five megabytes of floods');
  await page.getByRole('button', { name: 'Analyse' }).click();
  await page.locator('progress').waitFor();
  // A click is handled while the analysis runs.
  await page.getByText('Read the beginning while you wait').click();
  const duringAnalysis = await page.evaluate(() => ({
    open: document.querySelector('details.waiting-text')?.open === true,
    running: document.querySelector('progress') !== null,
  }));
  assert.deepEqual(duringAnalysis, { open: true, running: true });
  await atlas.mapMarker('Valencia').waitFor({ timeout: 120000 });
  const count = await page.locator('.place-item', { hasText: 'Valencia' }).locator('.place-count').textContent();
  assert.ok(Number(count) > 1000, `Valencia mentioned ${count} times`);
  assert.deepEqual(errors, []);
  await context.close();
});
