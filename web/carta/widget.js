// Carta.mount(element, options): one widget — its canvas and mirror in the host's shadow
// root, its life (lifecycle.js), and start-up once it nears the viewport. The work is the
// modules': frames.js draws, input.js listens, pictures.js and gl-context.js hold what the
// GPU needs, feeding.js reads, mirror.js speaks.
import { CHANGE_CAUSE, FONT_PART, INPUT, INPUT_RESULT, PAUSE } from './generated/protocol.js';
import { loadFontPart, loadModule, loadTextStack } from './assets.js';
import { addWords, failFeed, fallback, scheduleRefresh, setFonts, useBrowserText, useFeed } from './feeding.js';
import { call, invalidate, mark, pause, readView, resize, size, updateMirror } from './frames.js';
import { fire, openLink, reportError, toDataLayer } from './events.js';
import { glContext, makeCanvas, webgl2Exposed } from './gl-context.js';
import { impressionTracker } from './impressions.js';
import { consentGate } from './consent.js';
import { listenToInput } from './input.js';
import { lifecycle } from './lifecycle.js';
import { createMirror } from './mirror.js';
import { readConfig } from './options.js';
import { pageOnlyOrigins, pictures } from './pictures.js';
import { needsTextStack } from './scripts.js';
import { loadWords } from './words.js';
import { input, json, withDesc } from './wasm.js';
import { feedSource } from './feed-source.js';
import { readerQueries } from './reader.js';
import { fontsOf, loadFonts, lookOf, watchLook } from './look.js';
import { updateWidget } from './update.js';

let nextHostId = 1;
export const widgets = { mounted: 0 };

// A promise settled in a task of its own: start-up's steps are spread over tasks.
function afterTask() { return new Promise((resolve) => setTimeout(resolve, 0)); }

export function mount(el, options) {
  if (el['cartaHandle']) return el['cartaHandle'];
  options = options || {};
  const config = readConfig(el, options);
  widgets.mounted++;
  // Reserve the height at once so the page never shifts when the widget arrives.
  el.style.display = 'block';
  el.style.position = 'relative';
  el.style.height = config.height + 'px';
  const root = el.shadowRoot || (el.attachShadow ? el.attachShadow({ mode: 'open' }) : el);
  // The host takes no tabindex: a negative one would hide the mirror's links and buttons
  // from Tab, and they are where keyboard focus belongs.
  const w = {
    el, root, config, id: nextHostId++, M: null, life: lifecycle(),
    onScreen: !config.lazy, near: !config.lazy, pageVisible: !document.hidden, frameWanted: false,
    raf: 0, wakeTimer: 0, refreshTimer: 0, mirrorSoon: 0, frames: 0, wordsRun: 0, pending: [],
    readyFired: false, textWanted: false, textPending: false, extFonts: false, dragging: false,
    userPaused: false, mirrorStale: false, announce: false, announcedIndex: -1, baseFonts: null, look: '',
    pageOnly: () => pageOnlyOrigins
  };
  const cleanups = [];
  const listen = (target, type, fn, opts) => {
    target.addEventListener(type, fn, opts);
    cleanups.push(() => target.removeEventListener(type, fn, opts));
  };
  w.queries = readerQueries(config, root);
  w.pictures = pictures(w, root);
  // Cards the page's server wrote inside the host (`carta html`, README): they stay in view
  // until the canvas holds its first frame (frames.js), and are the widget without WebGL 2.
  if (el.querySelector('.carta-cards')) (w.slot = root.appendChild(document.createElement('slot'))).style.cssText = 'position:absolute;inset:0;display:block';
  w.canvas = makeCanvas();
  root.appendChild(w.canvas);
  w.gl = glContext(w);
  // Counting waits for the reader's consent where the page asks for it (consent.js).
  w.consent = consentGate(config.consent, window);
  // The stories the reader has seen that are paid content: their opens say so.
  w.sponsored = new Set();
  w.open = (url, id, kind) => openLink(el, config, url, id, kind, w.consent.when, w.sponsored.has(id));
  w.applyTheme = () => {
    if (!w.life.made) return;
    w.queries.applyTheme(w.M, w.id, w.look);
    invalidate(w);
  };
  // Card `index` into view (`how` INPUT.go), or the next or previous (INPUT.step, +1 or -1).
  const go = (index, cause, how = INPUT.go) => {
    if (!w.life.made) return;
    call(w, () => input(w.M, w.id, { kind: how, code: index, cause }));
    invalidate(w);
  };
  const impressions = impressionTracker((card) => {
    const detail = Object.assign({}, card);
    w.consent.when(() => {
      fire(el, 'carta:impression', detail);
      toDataLayer(config, 'carta_impression', detail);
    });
  });
  listen(document, 'visibilitychange', impressions.visibility);
  w.mirror = createMirror(root, mirrorActions(w, go, impressions), { heading: 'h' + config.headingLevel, label: config.label, links: config.links });
  w.host = hostOf(w);
  cleanups.push(watchViewport(w, () => start(w, listen, cleanups)));
  const handle = widgetHandle(w, go, options, () => {
    cleanups.forEach((undo) => undo());
    impressions.destroy();
    w.consent.destroy();
  });
  el['cartaHandle'] = handle;
  return handle;
}

// What the mirror's links and buttons do: the reader's own changes, said so to the core.
function mirrorActions(w, go, impressions) {
  const step = (by) => () => go(by, CHANGE_CAUSE.reader, INPUT.step);
  return {
    cards(shown) {
      shown.forEach((s) => { if (s.card.sponsored) w.sponsored.add(s.card.id); });
      impressions.watch(shown);
    },
    open: w.open,
    go: (i) => go(i, CHANGE_CAUSE.reader),
    prev: step(-1),
    next: step(1),
    focus(kind, index, related) {
      if (!w.life.made) return;
      input(w.M, w.id, { kind: INPUT.focus, code: kind, index, related });
      invalidate(w);
    },
    toggle() {
      w.userPaused = !w.userPaused;
      pause(w, PAUSE.user, w.userPaused);
      updateMirror(w);
    },
    reveal: (i) => go(i, CHANGE_CAUSE.reader)
  };
}

// The widget as the module sees it (Module.cartaHosts[id], src/platform/web/library.js).
function hostOf(w) {
  return {
    canvas: w.canvas,
    // See-through at once where the page has met a host whose pictures it must show itself.
    contextAttributes: w.gl.attributes,
    requestImage: w.pictures.request,
    takeBitmap: w.pictures.take,
    changed(index, itemId, cause, announce) {
      w.mirrorStale = true;  // move the mirror (and keyboard focus) to the new card at once
      if (announce) w.announce = true;
      w.pending.push(() => fire(w.el, 'carta:change', { index: index, id: itemId, cause: causeName(cause) }));
    },
    open(url, itemId, kind) { w.pending.push(() => w.open(url, itemId, kind)); }
  };
}

function causeName(cause) {
  return Object.keys(CHANGE_CAUSE).filter((k) => CHANGE_CAUSE[k] === cause)[0] || '';
}

// One observer decides both when to start (within lazyMargin of the viewport) and whether
// the widget is on screen now (nothing is drawn or autoplayed while it is not). An eager
// widget starts in a task of its own, not inside the script's evaluation (or the page's
// Carta.mount call): on a phone that task is long enough already.
function watchViewport(w, start) {
  if (!window.IntersectionObserver) {
    w.onScreen = true;
    setTimeout(start, 0);
    return () => {};
  }
  const nearby = new IntersectionObserver((entries) => {
    w.near = entries[entries.length - 1].isIntersecting;
    if (w.near) { start(); w.gl.reclaim(); }
  }, { rootMargin: w.config.lazyMargin });
  const seen = new IntersectionObserver((entries) => {
    const visible = entries[entries.length - 1].isIntersecting;
    if (visible === w.onScreen) return;
    w.onScreen = visible;
    if (visible) { w.contextOwner.used = performance.now(); w.gl.reclaim(); }
    pause(w, PAUSE.offscreen, !visible);
    if (visible && w.frameWanted) { w.frameWanted = false; invalidate(w); }
  });
  nearby.observe(w.el);
  seen.observe(w.el);
  if (!w.config.lazy) setTimeout(start, 0);
  return () => { nearby.disconnect(); seen.disconnect(); };
}

// Runs `fn` in a task of its own, unless the widget is gone by then.
function inTask(w, fn) {
  setTimeout(() => {
    if (!w.life.made) return;
    try { fn(); } catch (e) {
      console.error('Carta: ' + (e && e.message ? e.message : e));  // never silent, never stuck
      if (w.life.state === 'creating') w.life.to('running');
      invalidate(w);
    }
  }, 0);
}

const marked = (w, what) => (value) => { mark(w, what); return value; };

// Start-up is marked in the page's performance timeline (carta:module, carta:fonts,
// carta:feed, carta:create, carta:model, carta:atlas, carta:first-frame) for
// bench/startup.mjs and for partners' own tools. Each step has a task of its own, so that
// none is a long task on a slow phone (bench/tasks.mjs shows what each holds): the feed's
// fetch here, the module's factory and fetch in the next task, the fonts' fetches in the
// one after (a fetch() call costs the main thread 5-10 ms at 4x CPU throttling); once all
// have arrived, the WebGL context (30-40 ms), then the module's instance, the model, the atlas.
function start(w, listen, cleanups) {
  if (w.life.state !== 'waiting') return;
  mark(w, 'start');
  const feedPromise = feedSource(w.el, w.config.feed).then((f) => f, (e) => ({ error: e }));
  if (typeof WebAssembly !== 'object' || !webgl2Exposed()) {
    w.life.to('fallback');
    fallback(w, feedPromise);
    return;
  }
  w.life.to('loading');
  // The words of the page's and the feed's languages, before the first frame too, and one
  // with right-to-left or other scripts the browser's text stack, fetched beside them.
  const wordsReady = feedPromise.then((f) => loadWords([w.config.locale].concat(f.languages || [])));
  // The partner's look, and the page's fonts it names loaded before the first frame.
  w.look = lookOf(w.el);
  const pageFontsReady = loadFonts(w.look), pageFonts = fontsOf(w.look);
  if (pageFonts[0] || pageFonts[1]) loadTextStack().catch(() => {});  // the page's fonts are drawn by it
  // A look that names both fonts needs none of Carta's: they are not fetched.
  const ownFonts = !(pageFonts[0] && pageFonts[1]);
  feedPromise.then((f) => { if (needsTextStack(f.scripts)) loadTextStack().catch(() => {}); });
  const moduleReady = afterTask().then(loadModule).then(marked(w, 'module'));
  const fontsReady = afterTask().then(afterTask).then(() => ownFonts ? loadFontPart('base') : null).then(marked(w, 'fonts'));
  Promise.all([moduleReady, fontsReady, feedPromise.then(marked(w, 'feed')), wordsReady, pageFontsReady]).then((parts) =>
    afterTask().then(() => {
      if (w.life.destroyed) return;
      size(w);  // the drawing buffer made at its size, not made again (width, height) in create's task
      w.gl.make();  // the module takes this one (GL.createContext)
    }).then(afterTask).then(() => parts)
  ).then(([M, fonts, feed, words]) => {
    if (w.life.destroyed) return;
    w.M = M;
    M['cartaHosts'][w.id] = w.host;
    addWords(M, words);
    if (!create(w)) {
      delete M['cartaHosts'][w.id];
      w.gl.destroy();
      w.life.to('fallback');
      fallback(w, feedPromise);
      return;
    }
    begin(w, fonts, feed, listen, cleanups);
  }).catch((e) => {
    if (w.life.state === 'loading') {  // the module or fonts could not load: the plain list, and why
      reportError(w.el, String(e && e.message || e), '');
      w.life.to('fallback');
      fallback(w, feedPromise);
    } else if (!w.life.destroyed) console.error('Carta: ' + (e && e.message ? e.message : e));  // never silent
  });
}

function create(w) {
  const s = size(w), c = w.config;
  return withDesc(w.M, {
    width: s.w, height: s.h, dpr: s.dpr, dark: w.queries.dark() ? 1 : 0, accent: c.accent, start: c.start,
    autoplayMs: c.autoplay, reducedMotion: w.queries.matches('reduced') ? 1 : 0, loop: c.loop ? 1 : 0,
    debug: c.debug ? 1 : 0, locale: c.locale, linkParams: c.linkParams
  }, (desc) => w.M['_carta_create'](w.id, desc));
}

// Made: the feed read into the model, then the atlas, in tasks of their own so the page's
// input and rendering get in between on a slow phone; the first frame follows in the next
// animation frame.
function begin(w, fonts, feed, listen, cleanups) {
  w.life.to('creating');
  w.gl.made();
  w.baseFonts = fonts;
  if (fonts) setFonts(w, fonts, FONT_PART.base);
  w.queries.applyTheme(w.M, w.id, w.look);
  if (fontsOf(w.look).some(Boolean)) useBrowserText(w);  // the page's fonts are drawn by the browser
  const onLook = (look) => {
    w.look = look;
    const named = fontsOf(look);
    if (named[0] || named[1]) useBrowserText(w);
    // A look that drops one of the page's fonts needs Carta's own, fetched now.
    const own = !(named[0] && named[1]) && !w.baseFonts ? loadFontPart('base').then((buffers) => {
      if (!w.life.made || w.baseFonts) return;
      w.baseFonts = buffers;
      setFonts(w, buffers, FONT_PART.base);
    }) : null;
    Promise.all([loadFonts(look), own]).then(w.applyTheme, (e) => console.warn('Carta: ' + (e && e.message || e)));
  };
  // The page's CSS may have arrived while the widget was loading (an async carta.js does not
  // wait for it): the look as it is now, and from now on as it changes.
  const now = lookOf(w.el);
  if (now !== w.look) onLook(now);
  cleanups.push(watchLook(w.el, now, onLook));
  mark(w, 'create');
  listenToInput(w, listen);
  if (window.ResizeObserver) {
    const ro = new ResizeObserver(() => resize(w));
    ro.observe(w.el);
    cleanups.push(() => ro.disconnect());
  }
  watchPixelRatio(w, cleanups);
  if (!w.onScreen) pause(w, PAUSE.offscreen, true);
  inTask(w, () => {
    const ok = feed.error ? (failFeed(w, feed.error), false) : useFeed(w, feed);
    mark(w, 'model');
    scheduleRefresh(w, ok);
    if (ok) prefetchFirst(w);
    // The atlas, with the glyphs the first cards use: one role's glyphs a task.
    inTask(w, function prepare() {
      if (input(w.M, w.id, { kind: INPUT.prepare }) & INPUT_RESULT.more) return inTask(w, prepare);
      mark(w, 'atlas');
      w.life.to('running');  // frames were held back until now: none is drawn without the feed
      invalidate(w);
    });
  });
}

// The pictures of the cards the first frame will show, fetched, decoded and scaled to the
// size it draws them at as soon as the model has read the feed, and handed to the core:
// the frame would ask only once the atlas is made, some 150-700 ms later on a phone, and
// would draw them a frame or two after its own (bench/README.md).
function prefetchFirst(w) {
  const v = readView(w), dpr = size(w).dpr;
  w.pictures.prefetch(json(w.M, w.id, 'items', v.index, Math.max(1, v.perView)).map((it) => it.image),
    Math.ceil(v.picture[2] * dpr), Math.ceil(v.picture[3] * dpr));
}

// ResizeObserver misses a devicePixelRatio change (a window dragged to another screen,
// browser zoom keeps CSS size): watch the current ratio and re-arm on every change.
function watchPixelRatio(w, cleanups) {
  if (!window.matchMedia || w.life.destroyed) return;
  const query = window.matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
  const onChange = () => {
    query.removeEventListener('change', onChange);
    resize(w);
    watchPixelRatio(w, cleanups);
  };
  query.addEventListener('change', onChange);
  cleanups.push(() => query.removeEventListener('change', onChange));
}

// The handle Carta.mount returns.
function widgetHandle(w, go, options, undo) {
  const move = (how) => (i) => {
    if (how === 'go') go(i | 0, CHANGE_CAUSE.api);
    else go(how === 'next' ? 1 : -1, CHANGE_CAUSE.api, INPUT.step);
  };
  return {
    // What the widget costs right now: frames drawn so far, the WebAssembly memory (shared
    // by every widget on the page), the decoded images it keeps on the GPU, its context.
    'stats': () => ({
      'frames': w.frames,
      'wasmMemoryBytes': w.M ? w.M['HEAPU8'].length : 0,
      'imageBytes': w.life.made ? json(w.M, w.id, 'stats').imageBytes : 0,
      // 'live', or 'released' to the page's budget of WebGL contexts while far off screen.
      'context': !w.life.made ? 'none' : w.life.context
    }),
    // What the canvas shows now (the core's view: cards in view, their headline lines and
    // boxes), for tests and debugging.
    'view': () => w.life.made ? json(w.M, w.id, 'view') : null,
    'next': move('next'),
    'prev': move('prev'),
    'go': move('go'),
    // New settings, as mount's options ({feed, theme, ...}): the feed, theme, accent, height
    // and start change the running widget, the others re-mount it (update.js).
    'update': (changes) => { options = updateWidget(w, options, changes || {}, go, mount); },
    'destroy': () => {
      if (w.life.destroyed) return;
      const made = w.life.made;
      w.life.to('destroyed');
      widgets.mounted--;
      if (w.raf) cancelAnimationFrame(w.raf);
      clearTimeout(w.wakeTimer);
      clearTimeout(w.mirrorSoon);
      clearTimeout(w.refreshTimer);
      undo();
      if (w.M && made) {
        w.M['_carta_destroy'](w.id);
        delete w.M['cartaHosts'][w.id];
      }
      w.gl.destroy();
      w.pending.length = 0;
      w.pictures.drop();
      // Everything the widget added goes: a moved <carta-carousel> mounts afresh, once.
      if (w.host.text) w.host.text.destroy();
      w.mirror.destroy();
      w.pictures.remove();
      w.canvas.remove();
      w.el['cartaHandle'] = null;
    }
  };
}
