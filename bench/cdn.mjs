// A site served as a CDN serves it: every text, wasm and font file compressed once, ahead
// of the first request (brotli at quality 11, gzip at level 9), and each response given
// the encoding the request accepts. scripts/serve.mjs's `compress` compresses on every
// request instead — brotli 11 of carta.wasm takes about 0.9 s on the 2-core machine, time
// a CDN's cache never adds and which would be counted against whichever page asks for the
// biggest file. The headers are serve.mjs's (its CSP, nosniff, no-cache). Every request
// is logged (path, encoding, bytes sent) so a benchmark can say what each page fetched.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { COMPRESSED, CSP, TYPES, requestPath } from '../scripts/serve.mjs';

// Serves a temporary copy of `dist` with `files` (name → text or bytes) added; close()
// stops the server and removes the copy. `compress: false` serves every file as it is.
export async function serveCdn(prefix, dist, files, { compress = true } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(dist, dir, { recursive: true });
  for (const [name, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), body);
  }
  const bodies = new Map();  // path → { identity, br, gzip }
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) { walk(file); continue; }
      const identity = fs.readFileSync(file);
      const body = { identity };
      if (compress && COMPRESSED.has(path.extname(file).toLowerCase())) {
        body.br = zlib.brotliCompressSync(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
        body.gzip = zlib.gzipSync(identity, { level: 9 });
      }
      bodies.set('/' + path.relative(dir, file).split(path.sep).join('/'), body);
    }
  };
  walk(dir);

  const log = [];
  const server = http.createServer((req, res) => {
    const pathname = requestPath(req, res);
    if (pathname == null) return;
    const body = bodies.get(pathname);
    if (!body) {
      log.push({ path: pathname, status: 404, encoding: null, bytes: 0 });
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const accept = req.headers['accept-encoding'] || '';
    const encoding = body.br && /\bbr\b/.test(accept) ? 'br' : body.gzip && /\bgzip\b/.test(accept) ? 'gzip' : null;
    const bytes = encoding ? body[encoding] : body.identity;
    const headers = {
      'Content-Type': TYPES[path.extname(pathname).toLowerCase()] || 'application/octet-stream',
      'Content-Length': bytes.length,
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    };
    if (body.br) headers.Vary = 'Accept-Encoding';
    if (encoding) headers['Content-Encoding'] = encoding;
    log.push({ path: pathname, status: 200, encoding, bytes: bytes.length });
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : bytes);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    dir,
    log,
    close: async () => {
      await new Promise((r) => server.close(r));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
