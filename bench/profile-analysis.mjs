// Where the analysis spends its time in Chromium: runs a bundled article's
// analysis for a few seconds under the DevTools profiler, after a warm-up
// long enough for the wasm to reach its optimised tier, and prints the
// busiest functions by self time and the analysis stages by inclusive time.
//
//   node bench/profile-analysis.mjs [DIST] [ARTICLE]    (defaults: bench/results/dist, seed-1)
//
// The release wasm has no function names (wasm-opt strips them); for named
// frames copy target/wasm-bindgen/release/news-atlas_bg.wasm (the same
// build before wasm-opt) over DIST's *_bg.wasm first, and drop the
// integrity attributes from DIST's index.html.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/e2e/support/browser.mjs';
import { serveSite } from './server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const article = process.argv[3] ?? 'seed-1';
const file = await fs.readFile(path.join(ROOT, 'articles', `${article}.txt`), 'utf8');
const text = file.includes('\n---\n') ? file.slice(file.indexOf('\n---\n') + 5) : file;
const server = await serveSite(path.resolve(process.argv[2] ?? path.join(ROOT, 'bench/results/dist')));
const browser = await launch();
const page = await (await browser.newContext()).newPage();
await page.goto(`${server.url}#/`);
// Once the app runs and its place data (a file of its own) is installed.
await page.waitForFunction(() => window.wasmBindings && typeof window.wasmBindings.analyze_for_benchmark === 'function' && window.wasmBindings.place_data_ready());
const run = (ms) => page.evaluate(({ text, ms }) => {
  const until = performance.now() + ms;
  let n = 0;
  while (performance.now() < until) { window.wasmBindings.analyze_for_benchmark(text, false); n++; }
  return n;
}, { text, ms });
await run(2000);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
const runs = await run(4000);
const { profile } = await cdp.send('Profiler.stop');
console.log(`${article}: ${runs} analyses in 4 s, ${(4000 / runs).toFixed(3)} ms each (under the profiler)`);

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const name = (n) => n.callFrame.functionName || '(anon)';
const self = new Map();
const inclusive = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] || 0;
  total += dt;
  const n = byId.get(id);
  self.set(name(n), (self.get(name(n)) || 0) + dt);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const k = name(byId.get(at));
    if (!seen.has(k)) { seen.add(k); inclusive.set(k, (inclusive.get(k) || 0) + dt); }
  }
});
const top = (m, filter, k) => [...m].filter(([f]) => filter(f)).sort((a, b) => b[1] - a[1]).slice(0, k);
const pct = (v) => `${((100 * v) / total).toFixed(1).padStart(5)}%`;
console.log('\nself time');
for (const [f, v] of top(self, () => true, 30)) console.log(`  ${pct(v)}  ${f}`);
console.log('\ninclusive, analysis functions');
for (const [f, v] of top(inclusive, (f) => f.includes('analysis'), 30)) console.log(`  ${pct(v)}  ${f}`);
await browser.close();
await server.close();
