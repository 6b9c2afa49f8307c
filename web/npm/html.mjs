// carta-carousel/html: the cards as plain HTML under Node, for a server-side render or a
// build — `carta html` (the native command) compiled to WebAssembly with the same reader
// and the same writer (src/platform/node/render_html.cpp), so both print the same HTML for
// the same feed. Put what it returns inside the page's <carta-carousel>, with
// carta-cards.css: the page reads before and without JavaScript, and carta.js upgrades it
// in place. Node only; no browser code imports this file.
import fs from 'node:fs';
import { createRequire } from 'node:module';

// The module, made once: its wasm read from beside this file (not fetched: Node's fetch
// takes no file paths).
let module_;
function core() {
  if (!module_) {
    const wasm = fs.readFileSync(new URL('./carta-html.wasm', import.meta.url));
    let fail;
    const failed = new Promise((resolve, reject) => { fail = reject; });
    module_ = Promise.race([failed, createRequire(import.meta.url)('./carta-html.cjs')({
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(wasm, imports).then((out) => receive(out.instance, out.module), fail);
        return {};
      },
    })]);
  }
  return module_;
}

// `now` as seconds since 1970: a Date, milliseconds, or an RFC 3339 string.
function seconds(now) {
  const ms = now == null ? Date.now() : now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.parse(now);
  if (!Number.isFinite(ms)) throw new TypeError('renderHtml: now must be a Date, milliseconds or an RFC 3339 time');
  return Math.floor(ms / 1000);
}

/**
 * Renders a feed's cards as HTML. `feed`: its text, or its bytes (a Uint8Array or Buffer —
 * XML in a legacy encoding is decoded as its declaration says). Resolves with the HTML;
 * rejects with an Error listing the problems (line:column, JSON pointer or element path)
 * when the feed cannot be read. Warnings go to options.onWarning, one line each.
 */
export async function renderHtml(feed, options = {}) {
  const M = await core();
  let bytes = typeof feed === 'string' ? new TextEncoder().encode(feed) : feed instanceof Uint8Array ? feed : null;
  if (!bytes) throw new TypeError('renderHtml: feed must be a string or a Uint8Array');
  const level = options.headingLevel == null ? 2 : Number(options.headingLevel);
  if (!(level >= 1 && level <= 6 && Number.isInteger(level))) throw new RangeError('renderHtml: headingLevel takes 1 to 6');
  const now = seconds(options.now);
  const held = [];
  const text = (s) => { const n = M.lengthBytesUTF8(s) + 1, p = M._malloc(n); M.stringToUTF8(s, p, n); held.push(p); return p; };
  const copy = (b) => { const p = M._malloc(b.length || 1); M.HEAPU8.set(b, p); held.push(p); return p; };
  try {
    let utf8 = 0;
    const encoding = M.UTF8ToString(M._carta_html_encoding(copy(bytes), bytes.length));
    if (encoding && encoding !== 'UTF-8') {  // an unknown label is left to the reader, which names it
      bytes = new TextEncoder().encode(new TextDecoder(encoding).decode(bytes));
      utf8 = 1;
    }
    const ok = M._carta_html_render(copy(bytes), bytes.length, utf8, text(String(options.base || '')),
      text(String(options.locale || '')), text(String(options.label || '')), level, options.jsonLd ? 1 : 0, now);
    const messages = M.UTF8ToString(M._carta_html_messages()).split('\n').filter(Boolean);
    if (!ok) throw new Error('renderHtml: the feed cannot be read:\n' + messages.join('\n'));
    if (options.onWarning) messages.forEach((m) => options.onWarning(m));
    return M.UTF8ToString(M._carta_html_output());
  } finally {
    held.forEach((p) => M._free(p));
  }
}
