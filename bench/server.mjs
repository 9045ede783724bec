// A static file server for a built site, mounted under /news-atlas/ like the
// end-to-end tests' one, but sending gzip (level 9, precomputed) to clients
// that accept it, as static hosts do, so the browser's transfer sizes are
// real ones.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

export const BASE_PATH = '/news-atlas/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Every file of `root` with its raw and gzip -9 size, for the size table. */
export async function siteFiles(root) {
  const names = await fs.readdir(root);
  const files = [];
  for (const name of names.sort()) {
    const body = await fs.readFile(path.join(root, name));
    files.push({ name, raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length });
  }
  return files;
}

/** Serves `root` on a free loopback port; resolves to { url, close }. */
export async function serveSite(root) {
  const cache = new Map();
  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    if (!pathname.startsWith(BASE_PATH)) {
      res.writeHead(404).end('outside the site');
      return;
    }
    const relative = decodeURIComponent(pathname.slice(BASE_PATH.length)) || 'index.html';
    const file = path.resolve(root, relative);
    if (!file.startsWith(path.resolve(root) + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!cache.has(file)) {
        const body = await fs.readFile(file);
        cache.set(file, { body, gzip: zlib.gzipSync(body, { level: 9 }) });
      }
      const { body, gzip } = cache.get(file);
      const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
      if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': gzip.length });
        res.end(gzip);
      } else {
        res.writeHead(200, { ...headers, 'content-length': body.length });
        res.end(body);
      }
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
