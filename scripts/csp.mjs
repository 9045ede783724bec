#!/usr/bin/env node
// Trunk post-build hook: puts the place data beside the wasm and writes the
// page's Content-Security-Policy into the built index.html as a
// <meta http-equiv> tag, so the static site carries both to any host.
//
// Place data: data/gazetteer.bin is not inside the wasm (the page fetches it
// once it runs, see src/app/place_data.rs). It is copied into the site as
// gazetteer-<first 16 hex digits of its SHA-384>.bin, so a host may cache it
// for good and an older page still finds its own, and named with its
// Subresource Integrity value in
//   <meta name="news-atlas-place-data" content="gazetteer-….bin" data-integrity="sha384-…">
// The browser refuses bytes that do not match.
//
// Trunk's loader is an inline <script type="module"> whose text names the
// hashed file names, so it changes every build: the policy allows exactly
// the inline scripts present, each by its SHA-256, and nothing else inline.
//
//   default-src 'none'              nothing unless listed below
//   script-src 'self' 'wasm-unsafe-eval' 'sha256-…'
//                                   the app's own JS, compiling its wasm, the loader
//   style-src 'self'                the stylesheets only: no inline style
//                                   attributes (the map sets its inline styles
//                                   through CSSOM, which CSP allows)
//   img-src 'self' data:            the favicon is a data: URL
//   connect-src 'self'              fetching the .wasm and the place data (and
//                                   trunk serve's reload socket)
//   font-src 'self'
//   base-uri 'none'; form-action 'none'; object-src 'none'
//
// frame-ancestors cannot be set from a <meta> tag; a host that sends
// headers should add `frame-ancestors 'none'` itself.
//
// Usage: node scripts/csp.mjs [index.html]  (default: $TRUNK_STAGING_DIR/index.html)
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const file = process.argv[2] ?? path.join(process.env.TRUNK_STAGING_DIR ?? 'dist', 'index.html');
let html = fs.readFileSync(file, 'utf8');

// The place data, copied under its hash (an earlier copy in the folder is replaced).
const site = path.dirname(file);
const source = path.join(process.env.TRUNK_SOURCE_DIR ?? process.cwd(), 'data', 'gazetteer.bin');
const data = fs.readFileSync(source);
const digest = crypto.createHash('sha384').update(data).digest();
const dataName = `gazetteer-${digest.toString('hex').slice(0, 16)}.bin`;
for (const old of fs.readdirSync(site)) {
  if (/^gazetteer-[0-9a-f]{16}\.bin$/.test(old) && old !== dataName) fs.rmSync(path.join(site, old));
}
fs.writeFileSync(path.join(site, dataName), data);
html = html.replace(/\s*<meta name="news-atlas-place-data"[^>]*>/i, '');
const dataMeta = `<meta name="news-atlas-place-data" content="${dataName}" data-integrity="sha384-${digest.toString('base64')}">`;
if (!/<\/head>/i.test(html)) {
  console.error(`csp: no </head> in ${file} to name the place data in`);
  process.exit(1);
}
html = html.replace(/<\/head>/i, `  ${dataMeta}\n</head>`);
console.log(`csp: place data ${source} -> ${path.join(site, dataName)} (${data.length.toLocaleString('en')} bytes)`);

// Idempotent: a policy from an earlier run is replaced.
html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');

const hashes = [];
for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (/\bsrc\s*=/i.test(attributes)) continue;
  if (body.includes('{{__TRUNK_ADDRESS__}}')) {
    // trunk serve's live-reload script: the server rewrites it per request,
    // so no hash can match; the policy blocks it and the page reloads by hand.
    console.warn('csp: trunk serve live-reload script left out of the policy (reload by hand)');
    continue;
  }
  hashes.push(`'sha256-${crypto.createHash('sha256').update(body, 'utf8').digest('base64')}'`);
}
if (hashes.length === 0) {
  console.error(`csp: no inline loader script found in ${file}`);
  process.exit(1);
}

const policy = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

// Right after <meta charset>: a policy governs only what follows it.
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
const charset = /<meta charset="[^"]*">/i;
if (!charset.test(html)) {
  console.error(`csp: no <meta charset> in ${file} to put the policy after`);
  process.exit(1);
}
html = html.replace(charset, (m) => `${m}\n  ${meta}`);
fs.writeFileSync(file, html);
console.log(`csp: ${hashes.length} inline script(s) allowed by hash in ${file}`);
