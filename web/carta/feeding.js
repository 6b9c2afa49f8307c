// What a widget reads: its feed handed to the core (and refreshed), the font parts and
// words the feed needs, the browser's text stack for scripts the atlas lacks — or, without
// WebGL 2, the plain list the mirror shows instead.
import { ASSET, FONT_PART } from './generated/protocol.js';
import { loadFallbackList, loadFontPart, loadModule, loadTextStack } from './assets.js';
import { needsTextStack } from './scripts.js';
import { loadWords } from './words.js';
import { call, fillWords, invalidate } from './frames.js';
import { feedSource } from './feed-source.js';
import { fire, reportError } from './events.js';
import { json, readJson, withBytes, withString } from './wasm.js';

export function setFonts(w, buffers, part) {
  buffers.forEach((buffer, face) => {
    withBytes(w.M, new Uint8Array(buffer), (p, n) => { w.M['_carta_asset'](w.id, ASSET.font, face, part, p, n); });
  });
}

// A language's words, for every widget of the module.
export function addWords(M, texts) {
  texts.forEach((text) => withBytes(M, new TextEncoder().encode(text), (p, n) => { M['_carta_asset'](0, ASSET.words, 0, 0, p, n); }));
}

// The feed's bytes for the core to read (`url` resolves its links), or why it could not be
// fetched (`failure`; '' for none yet: the loading state).
export function handFeed(w, bytes, url, failure) {
  const M = w.M;
  withString(M, url, (u) => failure == null
    ? withBytes(M, bytes, (p, n) => call(w, () => M['_carta_feed'](w.id, p, n, u, 0)))
    : withString(M, failure, (f) => M['_carta_feed'](w.id, 0, 0, u, f)));
}

// Text the atlas cannot draw goes to the browser's text stack (carta-text.js); the widget
// draws nothing until that and its fonts are ready, so no line is ever "???".
export function useBrowserText(w) {
  if (w.textWanted || w.life.destroyed) return;
  w.textWanted = w.textPending = true;
  loadTextStack().then((factory) => {
    if (w.life.destroyed) return;
    w.host.text = factory(w.root, w.baseFonts);
    return w.host.text.ready;
  }).then(() => {
    if (!w.life.destroyed && w.host.text) w.M['_carta_asset'](w.id, ASSET.browserText, 0, 0, 0, 0);
  }).catch((e) => {
    console.warn('Carta: ' + (e && e.message || e));  // the atlas draws what it can
  }).then(() => {
    w.textPending = false;
    invalidate(w);
  });
}

// Hands a feed to the core; returns true when it could be shown.
export function useFeed(w, feed) {
  if (needsTextStack(feed.scripts)) useBrowserText(w);
  // A refreshed feed may bring a language the page has no words for yet.
  loadWords(feed.languages).then((texts) => {
    if (!w.life.made || !texts.length) return;
    addWords(w.M, texts);
    w.mirrorStale = true;
    invalidate(w);
  });
  // Latin Extended-A fonts arrive after the first frame; a refreshed feed may bring them later.
  if (feed.scripts.ext && !w.extFonts && w.baseFonts) {  // none with the page's fonts alone
    w.extFonts = true;  // once: a refresh must not make the atlas rasterize everything again
    loadFontPart('ext').then((buffers) => {
      if (!w.life.made) return;
      setFonts(w, buffers, FONT_PART.ext);
      invalidate(w);
    }, (e) => console.warn('Carta: ' + e.message));  // those letters show as the base font's fallback glyph
  }
  const M = w.M;
  handFeed(w, feed.bytes, feed.url);
  if (w.life.destroyed) return false;
  const error = json(M, w.id, 'error');
  if (error.message) reportError(w.el, error.message, feed.path(error.path));
  else if (w.readyFired) setTimeout(() => fillWords(w), 0);  // the first feed's, after the first mirror
  invalidate(w);
  return !error.message;
}

export function failFeed(w, error) {
  handFeed(w, null, '', error.message);
  reportError(w.el, error.message, error.where || '');
  invalidate(w);
}

// A refresh keeps the current card (by id) and, when it fails, the last good feed. One that
// arrives after the page gave the widget another feed (update.js counts them) is dropped.
export function scheduleRefresh(w, hadGoodFeed) {
  if (!w.config.refresh || w.life.destroyed) return;
  w.refreshTimer = setTimeout(() => {
    const serial = w.feeds, stale = () => w.life.destroyed || w.feeds !== serial;
    feedSource(w.el, w.config.feed).then((feed) => {
      if (stale()) return;
      scheduleRefresh(w, useFeed(w, feed) || hadGoodFeed);
    }, (e) => {
      if (stale()) return;
      if (hadGoodFeed) reportError(w.el, e.message, '');
      else failFeed(w, e);
      scheduleRefresh(w, hadGoodFeed);
    });
  }, w.config.refresh * 1000);
}

// The plain list of links where WebAssembly does not run (no browser released since 2017
// lacks it, but a page's CSP may forbid it): each item's title as a link to its http(s)
// URL with the partner's link-params, read with JSON.parse alone — no second reader of the
// feed. Everything else a card says needs the core.
function linksOnly(feed, linkParams) {
  const data = JSON.parse(new TextDecoder().decode(feed.bytes));
  const link = (v) => {
    try {
      const u = new URL(String(v), feed.url);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') return '';
      new URLSearchParams(linkParams).forEach((value, key) => { if (!u.searchParams.has(key)) u.searchParams.append(key, value); });
      return u.href;
    } catch (e) { return ''; }
  };
  const items = (data && Array.isArray(data.items) ? data.items : []).slice(0, 5000)
    .filter((it) => it && typeof it.title === 'string' && link(it.url))
    .map((it, i) => ({ index: i, id: String(it.id != null ? it.id : it.url), url: link(it.url), title: it.title }));
  return { status: 'ready', title: typeof data.title === 'string' ? data.title : '', language: '', items: items };
}

// Without WebGL 2 or WebAssembly (or when the module cannot load) the mirror becomes the
// widget: a plain list of the feed's cards, read by the core with the same rules, words
// and dates as the canvas (carta_read_feed) — WebGL 2 is what is usually missing.
export function fallback(w, feedPromise) {
  w.canvas.remove();
  // The cards the page's server wrote (widget.js) are the plain list already.
  if (w.slot) return fire(w.el, 'carta:ready', { count: w.el.querySelectorAll('.carta-card').length, renderer: 'html' });
  const core = typeof WebAssembly === 'object' ? loadModule().catch(() => null) : Promise.resolve(null);
  Promise.all([feedPromise, core, loadFallbackList()]).then(([feed, M, show]) => {
    if (feed.error) throw feed.error;
    return loadWords([w.config.locale].concat(feed.languages)).then((texts) => [feed, M, texts, show]);
  }).then(([feed, M, texts, show]) => {
    if (w.life.destroyed) return;
    let model;
    if (M) {
      addWords(M, texts);
      model = readJson(M, withString(M, feed.url, (u) => withString(M, w.config.locale, (l) =>
        withString(M, w.config.linkParams, (q) => withBytes(M, feed.bytes, (p, n) =>
          M['_carta_read_feed'](p, n, u, l, Date.now() / 1000, q, w.queries.dark() ? 1 : 0))))));
    } else {
      model = linksOnly(feed, w.config.linkParams);
    }
    w.mirror.fallback(show, model, (url, id, kind) => w.open(url, id, kind));
    if (model.status === 'failed') reportError(w.el, model.message, feed.path(model.path));
    else fire(w.el, 'carta:ready', { count: model.items.length, renderer: 'html' });
  }).catch((e) => reportError(w.el, String(e && e.message || e), ''));
}
