// Where a widget's feed comes from: an inline <script type="application/feed+json">, or
// its URL, fetched with a time limit and a size limit counted as it streams. RSS and Atom
// (by content) are converted to JSON Feed by carta-xml.wasm; the core reads the rest.
import { FEED_LIMIT } from './generated/protocol.js';
import { loadXml } from './assets.js';
import { languagesIn, scriptsIn } from './scripts.js';

// The core's limit (carta::FeedLimits): a larger feed is refused before it is read into memory.
export const MAX_FEED_BYTES = FEED_LIMIT.bytes;
export const FETCH_TIMEOUT_MS = 15000;

// The core's words for the same refusal; `bytes` 0: more than the limit, size unknown.
export function tooLarge(bytes) {
  return new Error(FEED_LIMIT.message.replace('{size}', bytes || 'more than ' + MAX_FEED_BYTES));
}

// By content, as carta::sniff_feed: '<' after a byte order mark and whitespace is XML.
export function isXml(b) {
  if (b[0] + b[1] === 0x1FD) return b[2] === 60 || b[3] === 60;  // FF FE or FE FF: UTF-16
  let i = b[0] === 0xEF && b[1] === 0xBB ? 3 : 0;
  while (b[i] === 32 || b[i] === 9 || b[i] === 10 || b[i] === 13) i++;
  return b[i] === 60;
}

// The charset a Content-Type names ("" when none): the XML reader decodes with it.
export function charsetOf(contentType) {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType || '');
  return m ? m[1].toLowerCase() : '';
}

// A feed as the core reads it: RSS and Atom converted to JSON Feed by carta-xml.wasm, whose
// element paths (/rss/channel/item[3]/pubDate) then stand for the core's JSON pointers.
export function feedOf(bytes, url, charset) {
  const feed = { url: url, path: (p) => p };
  return (isXml(bytes) ? loadXml().then((convert) => {
    const out = convert(bytes, charset || '');
    feed.path = out.path;
    return out.bytes;
  }) : Promise.resolve(bytes)).then((b) => {
    feed.bytes = b;
    feed.scripts = scriptsIn(b);
    feed.languages = languagesIn(b);
    return feed;
  });
}

// The body, counted as it streams: reading stops at the limit (after Content-Length has
// been checked), so an oversized feed never sits whole in memory, let alone in the wasm heap.
export function readLimited(response, limit = MAX_FEED_BYTES) {
  const declared = +response.headers.get('Content-Length');
  if (declared > limit) return Promise.reject(tooLarge(declared));
  if (!response.body || !response.body.getReader) return response.arrayBuffer();
  const reader = response.body.getReader(), chunks = [];
  let total = 0;
  const pump = () => reader.read().then((part) => {
    if (part.done) {
      const all = new Uint8Array(total);
      let at = 0;
      chunks.forEach((c) => { all.set(c, at); at += c.length; });
      return all.buffer;
    }
    total += part.value.length;
    if (total > limit) {
      reader.cancel();
      throw tooLarge(0);
    }
    chunks.push(part.value);
    return pump();
  });
  return pump();
}

// fetch() that gives up after FETCH_TIMEOUT_MS, with errors a publisher can read.
export function fetchFeed(url) {
  const controller = window.AbortController ? new AbortController() : null;
  const timer = setTimeout(() => { if (controller) controller.abort(); }, FETCH_TIMEOUT_MS);
  let charset = '';
  return fetch(url, { credentials: 'omit', signal: controller && controller.signal }).then((r) => {
    if (!r.ok) throw new Error('the feed could not be loaded (HTTP ' + r.status + ' from ' + url + ')');
    charset = charsetOf(r.headers.get('Content-Type'));
    return readLimited(r);
  }, (e) => {
    throw new Error(e && e.name === 'AbortError'
      ? 'the feed did not arrive within ' + (FETCH_TIMEOUT_MS / 1000) + ' s (' + url + ')'
      : 'the feed could not be fetched (' + url + '): ' + (e && e.message || e));
  }).then((buffer) => {
    clearTimeout(timer);
    return feedOf(new Uint8Array(buffer), url, charset);
  }, (e) => {
    clearTimeout(timer);
    throw e;
  });
}

// The widget's feed: inline, else its URL (http or https only).
export function feedSource(el, address) {
  const script = el.querySelector('script[type="application/feed+json"]');
  if (script) return feedOf(new TextEncoder().encode(script.textContent), location.href, '');
  if (!address) return Promise.reject(new Error('no feed given (data-feed, or an inline feed)'));
  let absolute;
  try { absolute = new URL(address, location.href); } catch (e) {
    return Promise.reject(new Error('the feed address is not a URL: ' + address));
  }
  if (absolute.protocol !== 'https:' && absolute.protocol !== 'http:')
    return Promise.reject(new Error('the feed must be an http(s) URL'));
  return fetchFeed(absolute.href);
}
