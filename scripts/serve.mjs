// Serves a folder (default dist/) on 127.0.0.1 the way a careful partner would: correct
// types (application/wasm), no directory listing, no path escapes, and the strict
// Content-Security-Policy Carta promises to work under.
// With `compress`, text, wasm and fonts go out as a CDN sends them: brotli or gzip, by the
// request's Accept-Encoding (the benchmarks' network profiles).
//   node scripts/serve.mjs [--dir dist] [--port 8080] [--compress] [--quiet]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' https: data: blob:";

export const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/feed+json; charset=utf-8',
  '.ttf': 'font/ttf', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml',
};

export const COMPRESSED = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.ttf', '.svg', '.txt', '.xml']);

// `body` in the best encoding the request accepts (brotli, gzip or none).
function encoded(body, accept) {
  if (/\bbr\b/.test(accept)) return { body: zlib.brotliCompressSync(body), encoding: 'br' };
  if (/\bgzip\b/.test(accept)) return { body: zlib.gzipSync(body, { level: 9 }), encoding: 'gzip' };
  return { body, encoding: null };
}

// The decoded path a request asks for ("/" is "/index.html"), or null once a 400 has been
// sent for one that cannot be decoded.
export function requestPath(req, res) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    res.writeHead(400).end('bad request');
    return null;
  }
  return pathname.endsWith('/') ? pathname + 'index.html' : pathname;
}

// A server-side render, as a partner's server does it: in an HTML page, each comment
// <!--carta-html FEED--> becomes that feed's cards (renderHtml of the npm package in
// ROOT/npm/, the feed read from ROOT, its links resolved against the request's origin).
// A page without one is sent as it is.
const INCLUDE = /<!--carta-html ([\w.-]+)-->/g;
async function rendered(base, page, origin) {
  const text = page.toString('utf8');
  const feeds = [...text.matchAll(INCLUDE)].map((m) => m[1]);
  if (!feeds.length) return page;
  const { renderHtml } = await import(pathToFileURL(path.join(base, 'npm/html.mjs')).href);
  const cards = await Promise.all(feeds.map((feed) =>
    renderHtml(fs.readFileSync(path.join(base, feed)), { base: origin + '/' + feed, jsonLd: true })));
  return Buffer.from(text.replace(INCLUDE, () => cards.shift()));
}

// policy(pathname) may give another policy for some paths, type(pathname) another
// Content-Type (the browser tests use them).
export function createServer(root, { policy = () => CSP, type = () => null, compress = false } = {}) {
  const base = path.resolve(root);
  const headers = (pathname, length) => ({
    'Content-Type': type(pathname) || TYPES[path.extname(pathname).toLowerCase()] || 'application/octet-stream',
    'Content-Length': length,
    'Content-Security-Policy': policy(pathname),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  });
  return http.createServer((req, res) => {
    const pathname = requestPath(req, res);
    if (pathname == null) return;
    const file = path.resolve(base, '.' + pathname);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    fs.stat(file, async (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      const ext = path.extname(file).toLowerCase();
      let body = null;  // read whole: a page (rendered) or a file to compress; else streamed
      if (ext === '.html') {
        try {
          body = await rendered(base, fs.readFileSync(file), 'http://' + req.headers.host);
        } catch (e) {
          res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(e && e.message || e));
          return;
        }
      }
      const head = headers(pathname, body ? body.length : st.size);
      if (compress && COMPRESSED.has(ext)) {
        const out = encoded(body || fs.readFileSync(file), req.headers['accept-encoding'] || '');
        body = out.body;
        head['Content-Length'] = body.length;
        head['Vary'] = 'Accept-Encoding';
        if (out.encoding) head['Content-Encoding'] = out.encoding;
      }
      res.writeHead(200, head);
      if (req.method === 'HEAD') res.end();
      else if (body) res.end(body);
      else fs.createReadStream(file).pipe(res);
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const get = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const dir = get('--dir', 'dist');
  const port = Number(get('--port', '8080'));
  const server = createServer(dir, { compress: args.includes('--compress') });
  server.listen(port, '127.0.0.1', () => {
    if (!args.includes('--quiet')) console.log(`Carta demo: http://127.0.0.1:${server.address().port}/ (serving ${dir}, Ctrl-C stops)`);
  });
}
