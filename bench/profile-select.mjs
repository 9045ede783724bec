// Where the time goes when a place is selected: clicks every place of
// an article three times under the DevTools profiler and prints, per click, the
// renderer's script, layout and style time, then the busiest functions
// (self time) and the app's components and helpers (inclusive time).
//
//   node bench/profile-select.mjs [DIST] [ARTICLE]    (defaults: bench/results/dist, seed-1)
//
// ARTICLE is a bundled article's id, or a .txt file to paste (the native
// bench's --cities FILE writes one naming 500 places).
//
// The release wasm has no function names (wasm-opt strips them); for named
// frames copy target/wasm-bindgen/release/news-atlas_bg.wasm (the same
// build before wasm-opt) over DIST's *_bg.wasm first.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveSite } from './server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const server = await serveSite(path.resolve(process.argv[2] ?? path.join(ROOT, 'bench/results/dist')));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
const article = process.argv[3] ?? 'seed-1';
if (article.endsWith('.txt')) {
  // A text file (such as the native bench's --cities article) is pasted.
  const text = await fs.readFile(article, 'utf8');
  await page.goto(`${server.url}#/paste`);
  await page.locator('#paste-text').evaluate((area, value) => {
    area.value = value;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
  await page.getByLabel('Title').fill(path.basename(article));
  await page.getByRole('button', { name: 'Analyse' }).click();
} else {
  await page.goto(`${server.url}#/a/${article}`);
}
await page.locator('#place-groups .place-name').first().waitFor({ timeout: 120_000 });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
const count = await page.locator('#place-groups .place-link').count();
await cdp.send('Performance.enable');
const m0 = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
await cdp.send('Profiler.start');
const times = [];
for (let r = 0; r < 3; r++) for (let i = 0; i < count; i++) {
  times.push(await page.evaluate((index) => new Promise((resolve) => {
    const link = document.querySelectorAll('#place-groups .place-link')[index];
    const t0 = performance.now(); link.click();
    const check = () => document.getElementById('place-details-heading')?.textContent.trim() === link.querySelector('.place-name').textContent.trim();
    if (check()) return resolve(performance.now() - t0);
    const o = new MutationObserver(() => { if (check()) { o.disconnect(); resolve(performance.now() - t0); } });
    o.observe(document.body, { subtree: true, childList: true, characterData: true });
  }), i));
}
const { profile } = await cdp.send('Profiler.stop');
const m1 = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
const clicks = times.length;
for (const k of ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'LayoutCount', 'RecalcStyleCount', 'Nodes']) console.log(k, k.endsWith('Duration') ? `${((m1[k] - m0[k]) * 1000 / clicks).toFixed(2)} ms per click` : `${((m1[k] - m0[k]) / clicks).toFixed(2)} per click (now ${m1[k]})`);
times.sort((a, b) => a - b);
console.log('select ms median', times[times.length >> 1].toFixed(2), 'p95', times[Math.floor(times.length * 0.95)].toFixed(2));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => { const n = byId.get(id); const k = n.callFrame.functionName || n.callFrame.url.split('/').pop() || '(anon)'; self.set(k, (self.get(k) || 0) + (dt[i] || 0)); });
const total = [...self.values()].reduce((a, b) => a + b, 0);
const busy = [...self.entries()].filter(([k]) => k !== '(idle)');
const busyTotal = busy.reduce((a, [, v]) => a + v, 0);
console.log('busy ms', (busyTotal / 1000).toFixed(1), 'of', (total / 1000).toFixed(1));
for (const [k, v] of busy.sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((v / busyTotal * 100).toFixed(1).padStart(5), '%', k.slice(0, 150));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const incl = new Map();
profile.samples.forEach((id, i) => {
  const seen = new Set();
  for (let x = id; x !== undefined; x = parent.get(x)) {
    let k = byId.get(x).callFrame.functionName;
    const m = k.match(/news_atlas::app::([a-z_]+)::([A-Za-z_]+)/) || k.match(/news_atlas::(geo|view|highlight|speakers)::([a-z_:]+)/);
    k = m ? `${m[1]}::${m[2]}` : (['pushState', 'fmt::write'].find((w) => k.includes(w)) ?? null);
    if (k && !seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) || 0) + (dt[i] || 0)); }
  }
});
console.log('inclusive, ms per click:');
for (const [k, v] of [...incl.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / 1000 / times.length).toFixed(2).padStart(6), k);
await browser.close(); await server.close();
