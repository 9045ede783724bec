// Untrusted input end to end: the Content-Security-Policy in the built page,
// script payloads pasted, linked and dropped (they must never run), the
// crash panel, storage that is newer or unavailable, and the bad-input rows
// that need a browser (tests/bad_input.rs has the native matrix).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { useBrowserSuite } from './support/suite.mjs';
import { screenshot } from './support/browser.mjs';
import { AtlasPage } from './support/pages.mjs';

const DIST_INDEX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/index.html');
const KEY = 'news-atlas.articles';

// Each payload reports to window.__xss if it ever runs; alert() would open a dialog.
const PAYLOADS = [
  `<script>window.__xss.push('script')</script>`,
  `<img src=x onerror="window.__xss.push('img')">`,
  `<a href="javascript:window.__xss.push('link')">javascript link</a>`,
  `<svg onload="window.__xss.push('svg')"><script>window.__xss.push('svg script')</script></svg>`,
  `"><iframe src="javascript:alert('iframe')"></iframe>`,
  `<body onload=alert('body')>`,
];
const XSS_TEXT = [
  'Officials in Kyiv said the talks would go on.',
  ...PAYLOADS.map((p) => `A reader pasted ${p} into Lviv news.`),
  `“${PAYLOADS[1]},” said the spokesman in Kharkiv.`,
].join('\n');
const XSS_TITLE = `<img src=x onerror="window.__xss.push('title')"> headline`;
const XSS_SOURCE = `javascript:window.__xss.push('source')`;

const suite = useBrowserSuite();

/** A fresh context whose pages record CSP violations, payload runs, dialogs and errors. */
async function newContext({ initScript } = {}) {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__xss = [];
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.effectiveDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const errors = [];
  const dialogs = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) errors.push(m.text());
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  return { context, page, errors, dialogs, atlas: new AtlasPage(page, suite.server.url) };
}

/** Fails on any CSP violation, payload run, dialog or injected markup. */
async function assertNothingRan(page, dialogs, where) {
  const state = await page.evaluate(() => ({
    xss: window.__xss,
    csp: window.__csp,
    handlers: [...document.querySelectorAll('*')].flatMap((e) =>
      [...e.attributes].filter((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)).map((a) => `${e.tagName} ${a.name}`),
    ),
    frames: document.querySelectorAll('iframe, object, embed').length,
    scripts: [...document.scripts].filter((s) => !s.src && s.type !== 'module').length,
    images: document.querySelectorAll('img[src="x"]').length,
  }));
  assert.deepEqual(state, { xss: [], csp: [], handlers: [], frames: 0, scripts: 0, images: 0 }, where);
  assert.deepEqual(dialogs, [], where);
}

async function pasteArticle(page, atlas, text, { title, source } = {}) {
  await atlas.open('/paste');
  await page.getByLabel('Article text').fill(text);
  if (title !== undefined) await page.getByLabel('Title').fill(title);
  if (source !== undefined) await page.getByLabel('Source').fill(source);
  await page.getByRole('button', { name: 'Analyse' }).click();
  await atlas.articleTitle().waitFor();
}

function linkPayload(article) {
  const packed = zlib.deflateSync(Buffer.from(JSON.stringify(article)));
  return `1.${packed.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

test('the built page carries a Content-Security-Policy with the loader hash and no loosening', async () => {
  const html = await fs.readFile(DIST_INDEX, 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(meta, 'the policy is in dist/index.html');
  const policy = Object.fromEntries(meta[1].split(/;\s*/).map((d) => { const [k, ...v] = d.split(' '); return [k, v]; }));
  assert.deepEqual(policy['default-src'], ["'none'"]);
  assert.deepEqual(policy['script-src'].slice(0, 2), ["'self'", "'wasm-unsafe-eval'"]);
  assert.ok(policy['script-src'].slice(2).every((s) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s)) && policy['script-src'].length > 2);
  assert.deepEqual(policy['style-src'], ["'self'"]);
  assert.deepEqual(policy['connect-src'], ["'self'"]);
  assert.deepEqual(policy['object-src'], ["'none'"]);
  assert.deepEqual(policy['base-uri'], ["'none'"]);
  assert.doesNotMatch(meta[1], /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|https?:|\*/);
  // The policy comes before anything it governs.
  assert.ok(html.indexOf(meta[0]) < html.search(/<script|<link rel="stylesheet"/));
});

test('no view breaks the policy, the map styles itself through CSSOM, downloads work, and the policy is enforced', async () => {
  const { context, page, errors, dialogs, atlas } = await newContext();
  for (const route of ['/', '/a/seed-1', '/a/seed-1/text', '/a/seed-1/speakers', '/a/seed-1/compare', '/a/seed-1/events', '/all', '/about', '/paste', '/a/nothing-here']) {
    await atlas.open(route);
    await page.locator('#main').first().waitFor();
    await assertNothingRan(page, dialogs, route);
  }
  // The map: markers scaled and a tooltip placed, all without style attributes.
  await atlas.open('/a/seed-1');
  const marker = atlas.mapMarker('Pokrovsk').first();
  await marker.hover();
  await page.locator('.na-map__tooltip:not([hidden])').waitFor();
  const styles = await page.evaluate(() => ({
    mk: document.querySelector('.na-map__svg').style.getPropertyValue('--mk'),
    left: document.querySelector('.na-map__tooltip').style.left,
  }));
  assert.ok(Number(styles.mk) > 0 && /px$/.test(styles.left), JSON.stringify(styles));
  await page.getByRole('button', { name: 'Zoom in' }).click();
  // A download through a blob: URL.
  await page.locator('summary', { hasText: 'Download' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Places (GeoJSON)' }).click()]);
  assert.match(await fs.readFile(await download.path(), 'utf8'), /"FeatureCollection"/);
  await assertNothingRan(page, dialogs, 'map and download');
  await screenshot(page, 'csp-map');
  // The policy is enforced: injected markup with a handler is refused and reported.
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', `<img src="data:," onerror="window.__xss.push('probe')" onload="window.__xss.push('probe')">`));
  await page.waitForFunction(() => window.__csp.length > 0);
  const probe = await page.evaluate(() => ({ xss: window.__xss, csp: window.__csp }));
  assert.deepEqual(probe.xss, []);
  assert.match(probe.csp[0], /^script-src/);
  assert.deepEqual(errors.filter((e) => !/inline event handler/.test(e)), [], 'only the probe was refused');
  await context.close();
});

test('script payloads pasted as text stay text in every view', async () => {
  const { context, page, errors, dialogs, atlas } = await newContext();
  await pasteArticle(page, atlas, XSS_TEXT, { title: XSS_TITLE, source: XSS_SOURCE });
  assert.equal(await atlas.articleTitle().textContent(), XSS_TITLE);
  await atlas.mapMarker('Kyiv').first().waitFor();
  await assertNothingRan(page, dialogs, 'places');
  for (const tab of ['Text', 'Speakers', 'Side by side', 'Events']) {
    await atlas.openTab(tab);
    await assertNothingRan(page, dialogs, tab);
  }
  await atlas.openTab('Text');
  const shown = await atlas.articleText().textContent();
  for (const p of PAYLOADS) assert.ok(shown.includes(p), `shown as text: ${p}`);
  await atlas.open('/');
  await page.getByRole('list', { name: 'Your articles' }).getByText('headline').waitFor();
  await assertNothingRan(page, dialogs, 'article list');
  // A payload in the URL itself.
  await atlas.open(`/a/${encodeURIComponent(PAYLOADS[1])}`);
  await atlas.notFound().waitFor();
  await assertNothingRan(page, dialogs, 'not found');
  await screenshot(page, 'xss-pasted');
  assert.deepEqual(errors, []);
  await context.close();
});

test('script payloads carried in a share link stay text in a fresh browser', async () => {
  const { context, page, errors, dialogs, atlas } = await newContext();
  const payload = linkPayload({ t: XSS_TITLE, s: XSS_SOURCE, x: XSS_TEXT });
  await page.goto(`${suite.server.url}#/s/${payload}/text`);
  await atlas.articleTitle().waitFor();
  assert.equal(await atlas.articleTitle().textContent(), XSS_TITLE);
  assert.ok((await atlas.articleText().textContent()).includes(PAYLOADS[0]));
  await assertNothingRan(page, dialogs, 'shared text');
  // A payload in the view path after the article: ignored, the article opens.
  await page.goto(`${suite.server.url}#/s/${payload}/place/${encodeURIComponent(PAYLOADS[1])}`);
  await atlas.articleTitle().waitFor();
  await assertNothingRan(page, dialogs, 'shared view path');
  await atlas.openTab('Places');
  await atlas.mapMarker('Kyiv').first().waitFor();
  await assertNothingRan(page, dialogs, 'shared places');
  assert.deepEqual(errors, []);
  await context.close();
});

test('HTML and SVG files with payloads are read as text and never run', async () => {
  const { context, page, errors, dialogs, atlas } = await newContext();
  await atlas.open('/paste');
  const files = [
    ['attack.html', 'text/html', `<html><body onload="window.__xss.push('body')"><h1>Talks in Geneva</h1>
      <p>Officials met in Geneva, diplomats said.</p>${PAYLOADS.join('\n')}
      <math><mtext><table><mglyph><style><img src=x onerror="window.__xss.push('mxss')"></style></mglyph></table></mtext></math></body></html>`],
  ];
  // A drawing has no article text: a message, and nothing runs.
  await page.locator('input[type=file]').setInputFiles({
    name: 'drawing.svg',
    mimeType: 'image/svg+xml',
    buffer: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss.push('svg file')"><script>window.__xss.push('svg file script')</script><text>Officials met in Geneva.</text></svg>`),
  });
  await page.getByRole('alert').filter({ hasText: '“drawing.svg” has no article text in it' }).waitFor();
  await assertNothingRan(page, dialogs, 'drawing.svg');
  for (const [name, mimeType, body] of files) {
    await page.locator('input[type=file]').setInputFiles({ name, mimeType, buffer: Buffer.from(body) });
    await page.waitForFunction(() => document.querySelector('#paste-text').value.includes('Geneva'));
    await assertNothingRan(page, dialogs, name);
    await page.getByRole('button', { name: 'Analyse' }).click();
    await atlas.articleTitle().waitFor();
    await atlas.openTab('Text');
    await assertNothingRan(page, dialogs, `${name} analysed`);
    await atlas.open('/paste');
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('right-to-left, Chinese and emoji text is shown as written; 10 MB and more gets a message', async () => {
  const { context, page, errors, dialogs, atlas } = await newContext();
  const lines = [
    'Kyiv reacts 🇺🇦',
    'قال المتحدث باسم الوزارة إن الوضع في كييف هادئ.',
    '乌克兰总统说：“我们不会放弃。”',
    '“We hold 💪👩‍👩‍👧,” Zelenskyy said in Lviv. Київ спокійний.',
  ];
  await pasteArticle(page, atlas, lines.join('\n'));
  assert.equal(await atlas.articleTitle().textContent(), lines[0]);
  await atlas.mapMarker('Lviv').first().waitFor();
  await atlas.openTab('Text');
  const shown = await atlas.articleText().textContent();
  for (const line of lines.slice(1)) assert.ok(shown.includes(line), `shown: ${line}`);
  await assertNothingRan(page, dialogs, 'scripts');

  await atlas.open('/paste');
  await page.locator('#paste-text').evaluate((area) => {
    area.value = 'a'.repeat(10 * 1024 * 1024 + 1);
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  });
  await page.getByRole('button', { name: 'Analyse' }).click();
  await page.getByRole('alert').filter({ hasText: 'News Atlas takes articles up to 10 MB' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a panic shows the crash panel with a working Reload, and stored articles survive', async () => {
  const { context, page, errors, dialogs, atlas } = await newContext();
  await pasteArticle(page, atlas, 'Storm Boris hit Vienna and Prague.\nOfficials in Warsaw said the Oder was rising.', { title: 'Storm Boris' });
  const stored = await page.evaluate((key) => localStorage.getItem(key), KEY);
  assert.match(stored, /Storm Boris/);
  // ?panic-test (documented in src/app/crash_panel.rs) panics once the page has mounted.
  const crashUrl = `${suite.server.url}?panic-test#/`;
  await page.goto(crashUrl);
  const panel = page.getByRole('alert').filter({ hasText: 'Something went wrong' });
  await panel.waitFor();
  assert.match(await panel.textContent(), /Your saved articles are safe/);
  await screenshot(page, 'crash-panel');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Reload');
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), stored);
  // The release build aborts: the trap is the only page error.
  assert.ok(errors.length > 0 && errors.every((e) => /unreachable|panic-test/i.test(e)), errors.join('\n'));
  // Reload is a real reload: a mark left on this page is gone after it.
  await page.evaluate(() => { window.__beforeReload = true; });
  await Promise.all([page.waitForEvent('load'), panel.getByRole('button', { name: 'Reload' }).click()]);
  await panel.waitFor();
  assert.equal(await page.evaluate(() => window.__beforeReload), undefined);
  // Without the query the page works, with the article kept.
  await atlas.open('/');
  await page.getByRole('list', { name: 'Your articles' }).getByText('Storm Boris').waitFor();
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), stored);
  assert.deepEqual(dialogs, []);
  await context.close();
});

test('saved data in the older, unversioned format is read and rewritten in the current one', async () => {
  const { context, page, errors, atlas } = await newContext();
  const older = JSON.stringify([{ id: 'p-0000000000aa', title: 'Kept from before', text: 'Officials in Lviv said the night was calm.' }]);
  await atlas.open('/');
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, older]);
  await page.reload();
  await page.getByRole('list', { name: 'Your articles' }).getByText('Kept from before').waitFor();
  await pasteArticle(page, atlas, 'Storm Boris hit Vienna and Prague.', { title: 'Storm Boris' });
  const saved = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
  assert.equal(saved.version, 1);
  assert.deepEqual(saved.articles.map((a) => a.title), ['Storm Boris', 'Kept from before']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('saved data from a newer version is left in place, never written over', async () => {
  const { context, page, errors, atlas } = await newContext();
  const future = '{"version":99,"articles":[{"id":"p-future","shape":"unknown to this version"}]}';
  await atlas.open('/');
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, future]);
  await page.reload();
  await page.getByRole('alert').filter({ hasText: 'newer version of News Atlas' }).waitFor();
  await pasteArticle(page, atlas, 'Storm Boris hit Vienna and Prague.', { title: 'Storm Boris' });
  await atlas.mapMarker('Vienna').waitFor();
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(keys, [KEY]);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), future);
  assert.deepEqual(errors, []);
  await context.close();
});

test('storage that throws on access: a notice, and the page works in memory', async () => {
  const { context, page, errors, atlas } = await newContext({
    initScript: () => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
    },
  });
  await atlas.open('/');
  await page.getByText('does not allow saving').first().waitFor();
  await pasteArticle(page, atlas, 'Storm Boris hit Vienna and Prague.\nOfficials in Warsaw said the Oder was rising.', { title: 'Storm Boris' });
  await atlas.mapMarker('Vienna').waitFor();
  await atlas.open('/');
  await page.getByRole('list', { name: 'Your articles' }).getByText('Storm Boris').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
