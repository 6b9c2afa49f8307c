/* The page side of Carta: mounts widgets, fetches the feed, fonts and images, and drives
 * frames on demand (a frame is drawn only when something changed). Emscripten's factory,
 * createCartaModule, sits just above this code inside the same function scope, so the
 * only global this file leaves behind is `Carta`.
 *   [X] .carta[data-feed] elements, <carta-carousel>, Carta.mount(el, options)
 *   [X] inline feeds in <script type="application/feed+json">
 *   [X] lazy start within a viewport of being visible; no drawing while off-screen/hidden
 *   [X] ResizeObserver + devicePixelRatio changes; WebGL context loss and restore
 *   [X] carta:ready, carta:change, carta:open, carta:error on the host element */
var scriptUrl = (document.currentScript && document.currentScript.src) || location.href;
var assetBase = new URL('.', scriptUrl).href;
var VERSION = '0.3.0';
// The release (scripts/release.mjs writes it here): every file carta.js loads, by its own
// name, with its SHA-256 (base64), whose first 6 bytes in hex are in the file's name
// (carta.<hash>.wasm). A build without that step loads the plain names, unchecked.
var RELEASE = JSON.parse('{"release":"dev"}');
function assetFile(name) {
  var digest = RELEASE.files && RELEASE.files[name], dot = name.lastIndexOf('.'), hex = '';
  if (!digest) return [name, ''];
  atob(digest.slice(0, 8)).split('').forEach(function (c) { hex += (c.charCodeAt(0) | 256).toString(16).slice(1); });
  return [name.slice(0, dot) + '.' + hex + name.slice(dot), 'sha256-' + digest];
}
function assetUrl(name) { return assetBase + assetFile(name)[0]; }
// Each file is fetched with its integrity check: a changed byte is refused, as a page's
// integrity= refuses a changed carta.js, which holds these hashes.
function fetchAsset(name) {
  return fetch(assetUrl(name), { credentials: 'omit', integrity: assetFile(name)[1] }).then(function (r) {
    if (!r.ok) throw new Error(name + ': HTTP ' + r.status);
    return r;
  }, function (e) {
    throw new Error(assetFile(name)[0] + ' could not be fetched, or failed its integrity check (' + (e && e.message) + ')');
  });
}
// The font parts (carta::FontPart), each a file per carta::Face (sans, sans bold, serif
// bold): the base, always; Latin Extended-A (ş ğ İ ł č...), fetched only for a feed that
// uses it. Right-to-left scripts and every other script the atlas lacks are set by the
// browser's own text stack (carta-text.js) in the page's fonts.
var FONT_PARTS = {};
['base', 'ext'].forEach(function (name, part) {
  FONT_PARTS[name] = { part: part, files: ['sans', 'sans-bold', 'serif-bold'].map(function (face) {
    return 'fonts/carta-' + (name === 'base' ? '' : name + '-') + face + '.ttf';
  }) };
});
var DEFAULT_HEIGHT = 420;
// carta::FeedLimits::max_bytes: a larger feed is refused before it is read into memory.
var MAX_FEED_BYTES = 8 << 20;
var FETCH_TIMEOUT_MS = 15000;
// Pause reasons, as in carta::PauseReason.
var PAUSE_HOVER = 1, PAUSE_FOCUS = 2, PAUSE_HIDDEN = 4, PAUSE_OFFSCREEN = 8, PAUSE_USER = 16;
// A change within this long after the reader's own input is announced; autoplay is not.
var ANNOUNCE_WINDOW_MS = 1500;
// Cards whose words are put in the page for find in page, per task.
var WORDS_SLICE = 200;

var modulePromise = null, loadedModule = null;
var mountedCount = 0;  // widgets mounted and not destroyed
var nextHostId = 1;
// Origins whose pictures the page could not read for WebGL (no CORS headers, or a policy
// that forbids the fetch): later pictures from them go straight to the page's <img> layer,
// so a host costs the failed fetches already under way, not one per picture.
var pageOnlyOrigins = {};

// Emscripten's instantiateWasm for the named wasm, fetched with its integrity check; a
// refusal calls `fail`.
function instantiateAsset(name, fail) {
  return function (imports, receive) {
    fetchAsset(name).then(function (r) {
      return window.WebAssembly.instantiateStreaming && /wasm/.test(r.headers.get('Content-Type'))
        ? WebAssembly.instantiateStreaming(r, imports)
        : r.arrayBuffer().then(function (b) { return WebAssembly.instantiate(b, imports); });
    }).then(function (out) { receive(out.instance, out.module); }, fail);
    return {};
  };
}

// One WebAssembly module serves every widget on the page; each has its own WebGL
// context and its own carousel inside it.
function loadModule() {
  if (!modulePromise) {
    var moduleArg = {};
    moduleArg['cartaHosts'] = {};
    moduleArg['locateFile'] = assetUrl;
    var wasmFailed = new Promise(function (resolve, reject) {
      moduleArg['instantiateWasm'] = instantiateAsset('carta.wasm', reject);
    });
    modulePromise = Promise.race([createCartaModule(moduleArg), wasmFailed]).then(function (M) { return (loadedModule = M); });
  }
  return modulePromise;
}

function fetchFonts(files) {
  return Promise.all(files.map(function (file) {
    return fetchAsset(file).then(function (r) { return r.arrayBuffer(); });
  }));
}

// One font part's files, fetched once per page.
var fontPartPromises = {};
function loadFontPart(name) {
  if (!fontPartPromises[name]) fontPartPromises[name] = fetchFonts(FONT_PARTS[name].files);
  return fontPartPromises[name];
}

// Whether the web widget's font atlas has a character: the Latin ranges of
// src/draw/fonts.cpp (Arabic and Hebrew are not in it on the web).
function atlasHas(c) {
  return c < 0x180 || (c >= 0x2010 && c <= 0x2027) || c === 0x2030 || c === 0x2032 || c === 0x2033 ||
    c === 0x2039 || c === 0x203A || c === 0x2044 || c === 0x20AC || c === 0x2122 || (c >= 0x200C && c <= 0x200F) ||
    (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// What a feed's text needs beyond the base fonts, from one pass over its UTF-8 bytes (and
// \u escapes): `ext` for Latin Extended-A (U+0100..U+017F); `rtl` for the right-to-left
// scripts (U+0590..U+08FF, U+FB1D..U+FEFC) and RLM, RLE, RLO; `other` for any character the
// atlas lacks (other scripts, emoji). Right-to-left and other text is set by the browser's
// own text stack (carta-text.js).
function scriptsIn(bytes) {
  var found = { ext: false, rtl: false, other: false };
  var code = function (c) {
    if (c !== c) return;  // a \u not followed by four hex digits
    if (c >= 0x100 && c <= 0x17F) found.ext = true;
    if ((c >= 0x590 && c <= 0x8FF) || (c >= 0xFB1D && c <= 0xFEFC) || c === 0x200F || c === 0x202B || c === 0x202E)
      found.rtl = true;
    else if (!atlasHas(c)) found.other = true;
  };
  for (var i = 0; i < bytes.length; i++) {
    var b = bytes[i];
    if (b >= 0xF0) { found.other = true; i += 3; }  // beyond the BMP: emoji, rarer CJK…
    else if (b >= 0xE0 && i + 2 < bytes.length) {
      code(((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F));
      i += 2;
    } else if (b >= 0xC0 && i + 1 < bytes.length) {
      code(((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F));
      i += 1;
    } else if (b === 0x5C && bytes[i + 1] === 0x75 && i + 5 < bytes.length)  // \u
      code(parseInt(String.fromCharCode(bytes[i + 2], bytes[i + 3], bytes[i + 4], bytes[i + 5]), 16));
  }
  return found;
}

// Whether a feed (scriptsIn's answer) needs the browser's text stack.
function needsTextStack(found) { return !!(found && (found.rtl || found.other)); }

// The words of the languages in `codes` that Carta speaks beyond English (assets/words/),
// each fetched once per page; resolves with their texts, which the mirror has taken in and
// the caller hands to the canvas (carta_add_words). A language that fails to load stays in
// English.
var wordPromises = {};
function loadWords(codes) {
  var wanted = codes.map(function (c) { return String(c).split(/[-_]/)[0].toLowerCase(); })
    .map(function (c) { return c === 'iw' ? 'he' : c; })
    .filter(function (c, k, all) { return c !== 'en' && WORD_LANGUAGES.indexOf(c) >= 0 && all.indexOf(c) === k; });
  return Promise.all(wanted.map(function (code) {
    if (!wordPromises[code]) {
      wordPromises[code] = fetchAsset('words/' + code + '.json').then(function (r) {
        return r.text();
      }).then(function (text) {
        STRINGS[code] = JSON.parse(text);
        return text;
      }).catch(function (e) { console.warn('Carta: ' + e.message); return null; });
    }
    return wordPromises[code];
  })).then(function (texts) { return texts.filter(Boolean); });
}

// The languages a feed names (its own, its items'), from its bytes, without parsing it.
function languagesIn(bytes) {
  var found = [], re = /"language"\s*:\s*"([A-Za-z]{2,3})/g, m;
  var text = new TextDecoder().decode(bytes);
  while ((m = re.exec(text))) if (found.indexOf(m[1]) < 0) found.push(m[1]);
  return found;
}

// The optional parts, each a script that adds one function to Carta, fetched once per page
// and only for a feed that needs it: carta-text.js (Carta.textStack), the browser's text
// stack for what the atlas cannot draw, and carta-xml.js (Carta.xml), the RSS and Atom reader.
var partPromises = {}, scriptPolicy = null;
// A part's address for a script element: under Trusted Types (require-trusted-types-for
// 'script') through a policy named "carta" that allows these files and nothing else.
function partUrl(file) {
  var url = assetUrl(file);
  var tt = window['trustedTypes'];
  if (!tt || !tt['createPolicy']) return url;
  try {
    scriptPolicy = scriptPolicy || tt['createPolicy']('carta', { 'createScriptURL': function (u) {
      if (u !== assetUrl('carta-text.js') && u !== assetUrl('carta-xml.js')) throw new TypeError('Carta loads no script but its own parts');
      return u;
    } });
    return scriptPolicy['createScriptURL'](url);
  } catch (e) {
    return url;  // a page whose trusted-types directive does not name "carta": the sink decides
  }
}
function loadPart(file, name) {
  if (!partPromises[file]) {
    partPromises[file] = new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = partUrl(file);
      script.async = true;
      var integrity = assetFile(file)[1];
      if (integrity) { script.integrity = integrity; script.crossOrigin = 'anonymous'; }
      script.onload = function () {
        var factory = window['Carta'] && window['Carta'][name];
        factory ? resolve(factory) : reject(new Error(file + ' did not define Carta.' + name));
      };
      script.onerror = function () { reject(new Error(file + ' could not be loaded')); };
      document.head.appendChild(script);
    });
  }
  return partPromises[file];
}
function loadTextStack() { return loadPart('carta-text.js', 'textStack'); }

// By content, as carta::sniff_feed: '<' after a byte order mark and whitespace is XML.
function isXml(b) {
  if (b[0] + b[1] === 0x1FD) return b[2] === 60 || b[3] === 60;  // FF FE or FE FF: UTF-16
  for (var i = b[0] === 0xEF && b[1] === 0xBB ? 3 : 0; b[i] === 32 || b[i] === 9 || b[i] === 10 || b[i] === 13; i++);
  return b[i] === 60;
}

// A feed as the core reads it: RSS and Atom converted to JSON Feed by carta-xml.wasm, whose
// element paths (/rss/channel/item[3]/pubDate) then stand for the core's JSON pointers.
// One reader per page, made once; a wasm that fails its check rejects it.
var xmlPromise = null;
function loadXml() {
  return xmlPromise || (xmlPromise = loadPart('carta-xml.js', 'xml').then(function (create) {
    return new Promise(function (resolve, reject) { create(instantiateAsset('carta-xml.wasm', reject)).then(resolve, reject); });
  }));
}
function feedOf(bytes, url) {
  var feed = { url: url, path: function (p) { return p; } };
  return (isXml(bytes) ? loadXml().then(function (convert) {
    var out = convert(bytes);
    feed.path = out.path;
    return out.bytes;
  }) : Promise.resolve(bytes)).then(function (b) {
    feed.bytes = b;
    feed.scripts = scriptsIn(b);
    feed.languages = languagesIn(b);
    return feed;
  });
}

// The Latin Extended-A fonts when `found` (from scriptsIn) asks for them; null when it
// does not. Resolves with their buffers, or null when they fail to load (those letters
// then show as the base font's fallback glyph).
function loadExtras(found) {
  if (!found.ext) return null;
  return loadFontPart('ext').catch(function (e) { console.warn('Carta: ' + e.message); return null; });
}

function withString(M, text, use) {
  var size = M['lengthBytesUTF8'](text) + 1;
  var ptr = M['_malloc'](size);
  M['stringToUTF8'](text, ptr, size);
  try { return use(ptr); } finally { M['_free'](ptr); }
}

function withBytes(M, bytes, use) {
  var ptr = M['_malloc'](Math.max(1, bytes.length));
  M['HEAPU8'].set(bytes, ptr);
  try { return use(ptr, bytes.length); } finally { M['_free'](ptr); }
}

function parseAccent(text) {
  var m = /^#([0-9a-f]{6})$/i.exec(text || '');
  return m ? parseInt(m[1], 16) : -1;
}

// An option from Carta.mount's object, else the data-NAME or NAME attribute.
function option(el, options, name) {
  if (options && options[name] != null) return String(options[name]);
  var attr = el.getAttribute('data-' + name);
  return attr != null ? attr : el.getAttribute(name);
}

function linkParamsOf(value) {
  return value == null ? '' : typeof value === 'object' ? new URLSearchParams(value).toString() : String(value);
}

function fire(el, name, detail) {
  el.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail: detail }));
}

// fetch() that gives up after `ms`, with errors a publisher can read.
// The core's words for the same refusal; `bytes` 0: more than the limit, size unknown.
function tooLarge(bytes) {
  return new Error('the feed is ' + (bytes || 'more than ' + MAX_FEED_BYTES) + ' bytes; the limit is ' +
                   (MAX_FEED_BYTES >> 10) + ' KiB (' + MAX_FEED_BYTES + ' bytes)');
}

// The body, counted as it streams: reading stops at the limit (after Content-Length has
// been checked), so an oversized feed never sits whole in memory, let alone in the wasm heap.
function readLimited(response) {
  var declared = +response.headers.get('Content-Length');
  if (declared > MAX_FEED_BYTES) return Promise.reject(tooLarge(declared));
  if (!response.body || !response.body.getReader) return response.arrayBuffer();
  var reader = response.body.getReader(), chunks = [], total = 0;
  function pump() {
    return reader.read().then(function (part) {
      if (part.done) {
        var all = new Uint8Array(total), at = 0;
        chunks.forEach(function (c) { all.set(c, at); at += c.length; });
        return all.buffer;
      }
      total += part.value.length;
      if (total > MAX_FEED_BYTES) {
        reader.cancel();
        throw tooLarge(0);
      }
      chunks.push(part.value);
      return pump();
    });
  }
  return pump();
}

function fetchFeed(url) {
  var controller = window.AbortController ? new AbortController() : null;
  var timer = setTimeout(function () { if (controller) controller.abort(); }, FETCH_TIMEOUT_MS);
  return fetch(url, { credentials: 'omit', signal: controller && controller.signal }).then(function (r) {
    if (!r.ok) throw new Error('the feed could not be loaded (HTTP ' + r.status + ' from ' + url + ')');
    return readLimited(r);
  }, function (e) {
    throw new Error(e && e.name === 'AbortError'
      ? 'the feed did not arrive within ' + (FETCH_TIMEOUT_MS / 1000) + ' s (' + url + ')'
      : 'the feed could not be fetched (' + url + '): ' + (e && e.message || e));
  }).then(function (buffer) {
    clearTimeout(timer);
    return feedOf(new Uint8Array(buffer), url);
  }, function (e) {
    clearTimeout(timer);
    throw e;
  });
}

function inlineFeed(el) {
  var script = el.querySelector('script[type="application/feed+json"]');
  if (!script) return null;
  return feedOf(new TextEncoder().encode(script.textContent), location.href);
}

// --- WebGL contexts: a budget for the page -------------------------------------------
// A browser keeps about 16 live WebGL contexts per page (phones fewer) and silently drops
// the oldest beyond that, leaving its widget blank for good. Carta keeps at most
// MAX_LIVE_CONTEXTS: a widget that needs one while the budget is spent takes it from the
// widget off screen longest, which gives its context back (WEBGL_lose_context) and asks for
// it again when it comes near the viewport (its cards are drawn afresh, same card).
var MAX_LIVE_CONTEXTS = 8;
var liveContexts = [];  // {used: time last drawn or seen, offScreen(), release()}

function claimContext(owner) {
  releaseContext(owner);
  while (liveContexts.length >= MAX_LIVE_CONTEXTS) {
    var victim = null;
    liveContexts.forEach(function (o) { if (o.offScreen() && (!victim || o.used < victim.used)) victim = o; });
    if (!victim) break;  // every live widget is in view: over budget rather than blank
    victim.release();
  }
  owner.used = performance.now();
  liveContexts.push(owner);
}

function releaseContext(owner) {
  var i = liveContexts.indexOf(owner);
  if (i >= 0) liveContexts.splice(i, 1);
}

// Whether the browser has WebGL 2 at all. No context is made to find out (making one costs
// 25-100 ms of the main thread on a phone, and the widget's own is made right after): where
// WebGL 2 exists but gives no context (blocked, lost GPU) the widget's own attempt fails
// and the fallback list is shown then.
function webgl2Exposed() {
  return typeof WebGL2RenderingContext === 'function';
}

// Every widget's context. Opaque, for the compositor puts an opaque canvas on the screen
// without blending it over the page, on every frame of a slide; but holes in the canvas
// show the pictures the page draws under it (hosts without CORS headers), and a widget that
// needs one is moved to a canvas with alpha (seeThrough). majorVersion is for the module's
// GL.createContext.
var CONTEXT_ATTRIBUTES = {
  majorVersion: 2, minorVersion: 0, alpha: false, depth: false, stencil: false, antialias: false,
  premultipliedAlpha: true, preserveDrawingBuffer: false, powerPreference: 'low-power'
};
var SEE_THROUGH_ATTRIBUTES = Object.assign({}, CONTEXT_ATTRIBUTES, { alpha: true });

// A promise settled in a task of its own: start-up's steps are spread over tasks.
function afterTask() { return new Promise(function (resolve) { setTimeout(resolve, 0); }); }

// --- Viewable impressions ---------------------------------------------------------------
// The MRC rule: a card counts once at least half of its area has been in the viewport, with
// the tab visible, for one continuous second, whatever brought it there. The cards are the
// mirror's articles, placed where the canvas (or the fallback list) shows them, so the
// browser's IntersectionObserver measures them, iframes and clipping ancestors included.
// `report(card)` is called once per card id for the widget's life; nothing is stored.
var VIEWABLE_MS = 1000;
function impressionTracker(report) {
  var counted = {}, timers = {}, watched = [], inView = {};
  var io = window.IntersectionObserver && new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      var card = e.target['cartaCard'];
      if (card) set(card, e.isIntersecting && e.intersectionRatio >= 0.5);
    });
  }, { threshold: 0.5 });
  function set(card, visible) {
    var id = card.id;
    if (visible) inView[id] = card; else delete inView[id];
    if (!visible || document.hidden) {
      clearTimeout(timers[id]);
      delete timers[id];
    } else if (!timers[id] && !counted[id]) {
      timers[id] = setTimeout(function () {
        delete timers[id];
        if (!counted[id] && inView[id] && !document.hidden) { counted[id] = true; report(inView[id]); }
      }, VIEWABLE_MS);
    }
  }
  return {
    // The articles showing cards now ({element, card: {index, id, url}}), replacing the last.
    watch: function (items) {
      if (!io) return;
      var ids = items.map(function (it) { return it.card.id; });
      // A card in both keeps its running second; its new article's first report follows.
      watched.forEach(function (node) {
        io.unobserve(node);
        if (ids.indexOf(node['cartaCard'].id) < 0) set(node['cartaCard'], false);
      });
      watched = items.map(function (it) {
        it.element['cartaCard'] = it.card;
        if (!counted[it.card.id]) io.observe(it.element);
        return it.element;
      });
    },
    // The tab was hidden (every running second stops) or shown again (they start afresh).
    visibility: function () { Object.keys(inView).forEach(function (id) { set(inView[id], true); }); },
    destroy: function () { if (io) io.disconnect(); Object.keys(timers).forEach(function (id) { clearTimeout(timers[id]); }); }
  };
}

function mount(el, options) {
  if (el['cartaHandle']) return el['cartaHandle'];
  options = options || {};
  var config = {
    feed: option(el, options, 'feed'),
    theme: option(el, options, 'theme') || 'light',  // light, dark, or auto (the reader's scheme)
    dark: false,  // resolved at start (wantsDark)
    accent: parseAccent(option(el, options, 'accent')),
    start: parseInt(option(el, options, 'start') || option(el, options, 'startIndex') || '0', 10) || 0,
    height: parseInt(option(el, options, 'height') || '', 10) || DEFAULT_HEIGHT,
    autoplay: parseInt(option(el, options, 'autoplay') || '0', 10) || 0,
    loop: option(el, options, 'loop') === 'true',
    refresh: parseInt(option(el, options, 'refresh') || '0', 10) || 0,  // seconds
    locale: option(el, options, 'locale') || '',  // UI language; empty follows the feed
    // The error card shows the feed's diagnostic instead of the readers' sentence.
    debug: option(el, options, 'debug') === 'true',
    // Fetch nothing until the widget is within this distance of the viewport.
    lazy: options.lazy !== false && option(el, options, 'loading') !== 'eager',
    lazyMargin: option(el, options, 'lazyMargin') || '100% 0px',
    // Campaign parameters for every story link ("utm_source=partner&utm_medium=carta", or
    // an object of them as the linkParams option); the core adds them (core/url.cpp).
    linkParams: linkParamsOf(options.linkParams != null ? options.linkParams : option(el, null, 'link-params')),
    // "datalayer": impressions and opens are also pushed onto the page's window.dataLayer.
    analytics: option(el, options, 'analytics') || ''
  };

  mountedCount++;
  // Reserve the height at once so the page never shifts when the widget arrives.
  el.style.display = 'block';
  el.style.position = 'relative';
  el.style.height = config.height + 'px';
  var root = el.shadowRoot || (el.attachShadow ? el.attachShadow({ mode: 'open' }) : el);
  function makeCanvas() {
    var c = document.createElement('canvas');
    c.setAttribute('aria-hidden', 'true');
    var cs = c.style;
    cs.display = 'block';
    cs.width = '100%';
    cs.height = '100%';
    cs.touchAction = 'pan-y';  // vertical swipes scroll the page; horizontal ones are ours
    cs.userSelect = 'none';
    cs.outline = 'none';
    cs.position = 'relative';  // above the pictures' layer
    // Hidden until it holds a frame: an opaque canvas is black before its first one.
    cs.visibility = 'hidden';
    return c;
  }
  var canvas = makeCanvas();
  // Pictures WebGL may not read (hosts without CORS headers) are <img>s in this layer under
  // the canvas, which leaves a hole where each one goes.
  var pictureLayer = document.createElement('div');
  pictureLayer.setAttribute('aria-hidden', 'true');
  var ls = pictureLayer.style;
  ls.position = 'absolute';
  ls.left = ls.top = ls.right = ls.bottom = '0';
  ls.overflow = 'hidden';
  ls.pointerEvents = 'none';
  root.appendChild(pictureLayer);
  root.appendChild(canvas);
  // The host takes no tabindex: a negative one would hide the mirror's links and buttons
  // from Tab, and they are where keyboard focus belongs.

  var id = nextHostId++;
  var M = null;
  var created = false, destroyed = false, started = false, readyFired = false, lost = false;
  // released: this widget gave its context back to the page's budget (see claimContext).
  // loseContext: WEBGL_lose_context of the widget's context — the one start-up makes in a
  // task of its own before the module's create takes it, or seeThrough's on a new canvas —
  // kept from the start, for a lost context gives no extensions.
  var loseContext = null, released = false, near = !config.lazy;
  function useContext(c) { loseContext = c && c.getExtension('WEBGL_lose_context'); }
  var contextOwner = {
    used: 0,
    offScreen: function () { return !onScreen && !near; },
    release: function () {
      releaseContext(contextOwner);
      if (!created || !loseContext || released) return;
      released = true;
      loseContext.loseContext();  // fires webglcontextlost, below
    }
  };
  // Asks for the context back when the widget comes near the viewport again.
  function reclaim() {
    if (!released || destroyed) return;
    released = false;
    claimContext(contextOwner);
    loseContext.restoreContext();  // fires webglcontextrestored, below
  }
  var onScreen = !config.lazy, pageVisible = !document.hidden, frameWanted = false;
  var raf = 0, wakeTimer = 0, refreshTimer = 0, frames = 0;
  var bitmaps = {}, nextBitmap = 1, pagePictures = {};
  var cleanups = [];
  var reducedQuery = window.matchMedia ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;
  // The reader's colours: theme="auto" follows the colour scheme, live; forced colours
  // (Windows High Contrast) and prefers-contrast: more apply whatever the theme.
  var query = function (q) { return window.matchMedia ? window.matchMedia(q) : null; };
  var schemeQuery = query('(prefers-color-scheme: dark)'), forcedQuery = query('(forced-colors: active)');
  var contrastQuery = query('(prefers-contrast: more)');
  var matches = function (q) { return !!(q && q.matches); };
  function wantsDark() { return config.theme === 'auto' ? matches(schemeQuery) : config.theme === 'dark'; }
  config.dark = wantsDark();
  // CSS system colours (CanvasText…) as 0xRRGGBB, as this page's forced colours resolve them.
  function systemColors(names) {
    var probe = document.createElement('span');
    root.appendChild(probe);
    var out = names.map(function (name) {
      probe.style.color = name;
      var m = /(\d+),\s*(\d+),\s*(\d+)/.exec(getComputedStyle(probe).color);
      return m ? (+m[1] << 16) | (+m[2] << 8) | +m[3] : 0;
    });
    probe.remove();
    return out;
  }
  function applyTheme() {
    if (!created || destroyed) return;
    config.dark = wantsDark();
    var forced = matches(forcedQuery);
    var c = forced ? systemColors(['Canvas', 'CanvasText', 'LinkText', 'ButtonText']) : [0, 0, 0, 0];
    M['_carta_set_theme'](id, config.dark ? 1 : 0, config.accent, matches(contrastQuery) ? 1 : 0, forced ? 1 : 0,
                          c[0], c[1], c[2], c[3]);
    invalidate();
  }
  var lastUserInput = -Infinity, announcedIndex = -1, userPaused = false, mirrorStale = false, mirrorSoon = 0;
  var starting = false;  // made, but the feed and atlas are still being set up (inTask)
  var baseFonts = null, textWanted = false, textPending = false, fontPartsSet = {}, dragging = false;
  // Events for the page wait here until the wasm call that raised them has returned: a
  // listener may destroy the widget, which must not free it under a running call. They
  // still leave inside the reader's own input event, so window.open keeps working.
  var pending = [];
  function call(fn) {
    var result = fn();
    while (pending.length) pending.shift()();
    return result;
  }
  function go(index) {
    if (!created) return;
    call(function () { M['_carta_go'](id, index, performance.now()); });
    invalidate();
  }
  var impressions = impressionTracker(function (card) {
    var detail = { index: card.index, id: card.id, url: card.url };
    fire(el, 'carta:impression', detail);
    toDataLayer('carta_impression', detail);
  });
  listen(document, 'visibilitychange', impressions.visibility);
  // analytics="datalayer": the page's tag manager gets {event, carta: detail}, when there is one.
  function toDataLayer(event, detail) {
    var layer = window['dataLayer'];
    if (config.analytics === 'datalayer' && layer && typeof layer.push === 'function')
      layer.push({ 'event': event, 'carta': detail });
  }
  var mirror = createMirror(root, {
    cards: impressions.watch,
    open: openLink,
    go: function (i) { userInput(); go(i); },
    prev: function () { userInput(); go(M['_carta_current'](id) - 1); },
    next: function () { userInput(); go(M['_carta_current'](id) + 1); },
    focus: function (kind, index, related) {
      if (!created) return;
      M['_carta_focus'](id, kind, index, related);
      invalidate();
    },
    toggle: function () {
      userPaused = !userPaused;
      pause(PAUSE_USER, userPaused);
      updateMirror(false);
    },
    reveal: function (i) { userInput(); go(i); }
  });

  // Every card's words for find in page, in slices of tasks of their own after the first
  // mirror and after each new feed (a feed may hold thousands of items).
  var wordsRun = 0;
  function fillWords() {
    var run = ++wordsRun, from = 0;
    (function slice() {
      if (destroyed || !created || run !== wordsRun) return;
      var items = JSON.parse(M['UTF8ToString'](M['_carta_items_json'](id, from, WORDS_SLICE)));
      mirror.addWords(items, from);
      from += items.length;
      if (items.length === WORDS_SLICE) setTimeout(slice, 0);
    })();
  }

  function userInput() { lastUserInput = performance.now(); }

  function readView() { return JSON.parse(M['UTF8ToString'](M['_carta_view_json'](id))); }

  // The mirror of `view`, or of the view now.
  function updateMirror(announce, view) {
    if (!created) return;
    view = view || readView();
    var changed = view.index !== announcedIndex;
    announcedIndex = view.index;
    mirror.update(view, {
      loop: config.loop,
      autoplay: { on: config.autoplay > 0 && !(reducedQuery && reducedQuery.matches), paused: userPaused },
      announce: announce && changed && performance.now() - lastUserInput < ANNOUNCE_WINDOW_MS
    });
  }

  function listen(target, type, fn, opts) {
    target.addEventListener(type, fn, opts);
    cleanups.push(function () { target.removeEventListener(type, fn, opts); });
  }

  // Pictures the frame asked for are fetched in a task after the frame's (a fetch() call
  // costs the main thread 5-10 ms on a slow phone; the first frame asks for several).
  var imageQueue = [];
  function requestImage(url, w, h, maxSide) {
    if (!imageQueue.length) setTimeout(function () {
      var queue = imageQueue;
      imageQueue = [];
      if (!destroyed) queue.forEach(function (args) { loadImage.apply(null, args); });
    }, 0);
    imageQueue.push([url, w, h, maxSide]);
  }

  var host = {
    canvas: canvas,
    // See-through at once where the page has met a host whose pictures it must show itself.
    contextAttributes: Object.keys(pageOnlyOrigins).length ? SEE_THROUGH_ATTRIBUTES : CONTEXT_ATTRIBUTES,
    requestImage: requestImage,
    takeBitmap: function (n) { var b = bitmaps[n]; delete bitmaps[n]; return b || null; },
    changed: function (index, itemId) {
      mirrorStale = true;  // move the mirror (and keyboard focus) to the new card at once
      pending.push(function () { fire(el, 'carta:change', { index: index, id: itemId }); });
    },
    open: function (url, itemId, kind) { pending.push(function () { openLink(url, itemId, kind); }); }
  };

  function openLink(url, itemId, kind) {
    var ev = new CustomEvent('carta:open', {
      bubbles: true, composed: true, cancelable: true, detail: { url: url, id: itemId, kind: kind }
    });
    el.dispatchEvent(ev);
    toDataLayer('carta_open', { url: url, id: itemId, kind: kind });
    // Only http(s), in a new tab, with no opener and no referrer; the host may take over.
    if (!ev.defaultPrevented && /^https?:\/\//i.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
  }

  // --- Frames on demand ----------------------------------------------------------------
  function invalidate() {
    if (!created || destroyed || lost || textPending || starting) return;
    if (!onScreen || !pageVisible) { frameWanted = true; return; }  // draw when seen again
    if (!raf) raf = requestAnimationFrame(frame);
  }

  function frame() {
    raf = 0;
    if (destroyed || lost) return;
    var now = performance.now();
    frames++;
    contextOwner.used = now;
    M['_carta_set_now'](id, Date.now() / 1000);
    var flags = call(function () { return M['_carta_frame'](id, now); });
    if (destroyed) return;
    if ((flags & 1) && canvas.style.visibility) canvas.style.visibility = '';
    var wake = schedule(now);
    var first = (flags & 2) && !readyFired;
    // The mirror follows the canvas when the card changes and once it is at rest: not on
    // every animation frame, nor on every frame of a drag (the release redraws it).
    // It is updated in a task after this frame's, so that the frame answering a key or a
    // click is presented without waiting for the mirror's DOM, style and layout.
    if (!first && ((wake !== 0 && !dragging) || mirrorStale) && (flags & 1)) {
      mirrorStale = false;
      if (!mirrorSoon) mirrorSoon = setTimeout(function () {
        mirrorSoon = 0;
        if (!destroyed) updateMirror(true);
      }, 0);
    }
    if (flags & 8) placePictures();
    if (first) {
      readyFired = true;
      mark('first-frame');
      // The first mirror and carta:ready in tasks of their own, so that the first frame's
      // task stays short on a slow phone: the view read from the module (its code compiled
      // on first use) in one, the mirror's DOM (its script compiled on first use) in the
      // next — the view read again if the card has changed since.
      setTimeout(function () {
        if (destroyed || !created) return;
        var view = readView();
        setTimeout(function () {
          if (destroyed) return;
          var fresh = !mirrorStale;
          mirrorStale = false;
          updateMirror(false, fresh ? view : null);
          fire(el, 'carta:ready', { count: M['_carta_item_count'](id), renderer: 'webgl2' });
          setTimeout(fillWords, 0);
        }, 0);
      }, 0);
    }
  }

  // After a frame: keep animating, or sleep until the core's next timer (autoplay, a
  // settling wheel), or sleep until an event. No timer spins while nothing moves.
  function schedule(now) {
    if (wakeTimer) { clearTimeout(wakeTimer); wakeTimer = 0; }
    if (!created) return -1;
    var wake = M['_carta_next_wake'](id, now);
    if (wake === 0) invalidate();
    else if (wake > 0) wakeTimer = setTimeout(function () { wakeTimer = 0; invalidate(); }, Math.ceil(wake));
    return wake;
  }

  function pause(reason, on) {
    if (!created) return;
    M['_carta_set_paused'](id, reason, on ? 1 : 0, performance.now());
    schedule(performance.now());
  }

  function size() {
    var dpr = window.devicePixelRatio || 1;
    var w = Math.max(1, el.clientWidth), h = Math.max(1, el.clientHeight);
    var pw = Math.round(w * dpr), ph = Math.round(h * dpr);
    if (canvas.width !== pw) canvas.width = pw;
    if (canvas.height !== ph) canvas.height = ph;
    return { w: w, h: h, dpr: dpr };
  }

  function resize() {
    if (!created) return;
    var s = size();
    M['_carta_resize'](id, s.w, s.h, s.dpr);
    invalidate();
  }

  // ResizeObserver misses a devicePixelRatio change (a window dragged to another screen,
  // browser zoom keeps CSS size): watch the current ratio and re-arm on every change.
  function watchPixelRatio() {
    if (!window.matchMedia || destroyed) return;
    var query = window.matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
    var onChange = function () {
      query.removeEventListener('change', onChange);
      resize();
      watchPixelRatio();
    };
    query.addEventListener('change', onChange);
    cleanups.push(function () { query.removeEventListener('change', onChange); });
  }

  // --- Images --------------------------------------------------------------------------
  // The browser fetches (CORS mode) and decodes a picture, then scales it to cover the size
  // it is drawn at, for a texture. A picture it may not read that way (no CORS headers, or
  // no connect-src for its host) is shown by the page itself, as an <img> under the canvas.
  function loadImage(url, wantW, wantH, maxSide) {
    var origin = new URL(url, location.href).origin, opaque = false;
    (pageOnlyOrigins[origin] ? Promise.reject({ pageOnly: true }) : fetch(url, { mode: 'cors', credentials: 'omit' })).then(function (r) {
      if (!r.ok) throw { http: r.status };
      return r.blob();
    }).then(function (blob) {
      opaque = blob.type === 'image/jpeg';  // no alpha channel: the canvas skips what it covers
      return createImageBitmap(blob);
    }).then(function (full) {
      var scale = Math.min(1, Math.max(wantW / full.width, wantH / full.height),
                           maxSide / Math.max(full.width, full.height));
      if (!(scale < 1)) return full;
      var w = Math.max(1, Math.round(full.width * scale)), h = Math.max(1, Math.round(full.height * scale));
      return createImageBitmap(full, { resizeWidth: w, resizeHeight: h, resizeQuality: 'high' })
        .then(function (small) { full.close(); return small; });
    }).then(function (bitmap) {
      if (destroyed || lost) { bitmap.close(); return; }
      var n = nextBitmap++;
      bitmaps[n] = bitmap;
      withString(M, url, function (p) { M['_carta_image_decoded'](id, p, n, bitmap.width, bitmap.height, opaque ? 1 : 0); });
      invalidate();
    }).catch(function (e) {
      if (destroyed || !created) return;
      if (e instanceof TypeError) pageOnlyOrigins[origin] = true;  // fetch refused: CORS or CSP
      (e && e.http ? Promise.reject(e) : pictureInPage(url)).then(function () {
        // Lost or given back, the context forgets its pictures: each is asked for again.
        if (destroyed || !created || lost || released) return;
        if (!seeThrough()) throw new Error('no context with alpha');
        withString(M, url, function (p) { M['_carta_image_in_page'](id, p); });
        invalidate();
      }).catch(function () {
        if (destroyed || !created) return;
        withString(M, url, function (p) { M['_carta_image_failed'](id, p); });
        invalidate();
      });
    });
  }

  function pictureInPage(url) {
    var img = pagePictures[url];
    if (!img) {
      img = pagePictures[url] = document.createElement('img');
      img.alt = '';  // the mirror describes it
      img.decoding = 'async';
      img.referrerPolicy = 'no-referrer';
      var s = img.style;
      s.position = 'absolute';
      s.objectFit = 'cover';  // cover-cropped, as the canvas draws pictures
      s.display = 'none';
      pictureLayer.appendChild(img);
      img.src = url;
    }
    return img.decode();
  }

  // Puts each page-shown picture where this frame cut its hole (same frame, so they move
  // together through drags and slides) and hides the others.
  function placePictures() {
    var shown = {};
    JSON.parse(M['UTF8ToString'](M['_carta_page_pictures'](id))).forEach(function (p) {
      var img = pagePictures[p.url];
      if (!img) return;
      shown[p.url] = true;
      var s = img.style, r = p.radius + 'px';
      s.left = p.rect[0] + 'px';
      s.top = p.rect[1] + 'px';
      s.width = p.rect[2] + 'px';
      s.height = p.rect[3] + 'px';
      // carta::Corner bits: 1 top left, 2 top right, 4 bottom left, 8 bottom right.
      s.borderRadius = [1, 2, 8, 4].map(function (bit) { return p.corners & bit ? r : '0'; }).join(' ');
      s.display = 'block';
    });
    Object.keys(pagePictures).forEach(function (u) { if (!shown[u]) pagePictures[u].style.display = 'none'; });
  }

  // --- Feed ----------------------------------------------------------------------------
  function feedSource() {
    var inline = inlineFeed(el);
    if (inline) return Promise.resolve(inline);
    if (!config.feed) return Promise.reject(new Error('no feed given (data-feed, or an inline feed)'));
    var absolute;
    try { absolute = new URL(config.feed, location.href); } catch (e) {
      return Promise.reject(new Error('the feed address is not a URL: ' + config.feed));
    }
    if (absolute.protocol !== 'https:' && absolute.protocol !== 'http:')
      return Promise.reject(new Error('the feed must be an http(s) URL'));
    return fetchFeed(absolute.href);
  }

  // Hands a feed to the core; returns true when it could be shown.
  function setFonts(buffers, part) {
    buffers.forEach(function (buffer, face) {
      withBytes(M, new Uint8Array(buffer), function (p, n) { M['_carta_set_font'](id, face, part, p, n); });
    });
  }

  // Text the atlas cannot draw goes to the browser's text stack (carta-text.js); the
  // widget draws nothing until that and its fonts are ready, so no line is ever "???".
  function useBrowserText() {
    if (textWanted || destroyed) return;
    textWanted = textPending = true;
    loadTextStack().then(function (factory) {
      if (destroyed) return;
      host.text = factory(root, baseFonts);
      return host.text.ready;
    }).then(function () {
      if (!destroyed && host.text) M['_carta_use_browser_text'](id);
    }).catch(function (e) {
      console.warn('Carta: ' + (e && e.message || e));  // the atlas draws what it can
    }).then(function () {
      textPending = false;
      invalidate();
    });
  }

  // The publisher's diagnostic (where, and what): to carta:error and the console, never to
  // the reader, who sees the calm sentence of the error card.
  function reportError(message, path) {
    console.warn('Carta: ' + message + (path ? ' (at ' + path + ')' : ''));
    fire(el, 'carta:error', { message: message, path: path });
  }

  function addWords(texts) {
    texts.forEach(function (text) { withString(M, text, function (p) { M['_carta_add_words'](p); }); });
  }

  function useFeed(feed) {
    if (needsTextStack(feed.scripts)) useBrowserText();
    // A refreshed feed may bring a language the page has no words for yet.
    loadWords(feed.languages).then(function (texts) {
      if (destroyed || !created || !texts.length) return;
      addWords(texts);
      mirrorStale = true;
      invalidate();
    });
    // Latin Extended-A fonts arrive after the first frame; a refreshed feed may bring them later.
    var extras = loadExtras(feed.scripts);
    if (extras) extras.then(function (buffers) {
      if (destroyed || !created || !buffers || fontPartsSet.ext) return;
      fontPartsSet.ext = true;  // once: a refresh must not make the atlas rasterize everything again
      setFonts(buffers, FONT_PARTS.ext.part);
      invalidate();
    });
    withString(M, feed.url, function (u) {
      withBytes(M, feed.bytes, function (p, n) { call(function () { M['_carta_set_feed'](id, p, n, u); }); });
    });
    if (destroyed) return false;
    var message = M['UTF8ToString'](M['_carta_error_message'](id));
    if (message) reportError(message, feed.path(M['UTF8ToString'](M['_carta_error_pointer'](id))));
    else if (readyFired) setTimeout(fillWords, 0);  // the first feed's, after the first mirror
    invalidate();
    return !message;
  }

  function failFeed(error) {
    withString(M, error.message, function (p) { M['_carta_set_feed_failure'](id, p); });
    reportError(error.message, error.where || '');
    invalidate();
  }

  // A refresh keeps the current card (by id) and, when it fails, the last good feed.
  function scheduleRefresh(hadGoodFeed) {
    if (!config.refresh || destroyed) return;
    refreshTimer = setTimeout(function () {
      feedSource().then(function (feed) {
        if (destroyed) return;
        var ok = useFeed(feed);
        scheduleRefresh(hadGoodFeed || ok);
      }, function (e) {
        if (destroyed) return;
        if (hadGoodFeed) reportError(e.message, '');
        else failFeed(e);
        scheduleRefresh(hadGoodFeed);
      });
    }, config.refresh * 1000);
  }

  // --- Input ---------------------------------------------------------------------------
  function point(e) {
    var r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  function pointer(kind, e) {
    if (!created) return;
    if (kind !== 1 && kind !== 3) userInput();
    if (kind !== 1) dragging = kind === 0;
    var p = e ? point(e) : { x: 0, y: 0 };
    var flags = call(function () { return M['_carta_pointer'](id, kind, p.x, p.y, performance.now()); });
    if (destroyed) return;
    canvas.style.cursor = (flags & 2) ? 'pointer' : '';
    if (flags & 1) invalidate();
  }

  var KEYS = { ArrowLeft: 0, ArrowRight: 1, Home: 2, End: 3, Enter: 4 };
  function listenToInput() {
    // On the host, not the canvas: the mirror's links lie over the canvas (hover, middle
    // click, context menu are theirs), and a press or drag that starts on one is the
    // carousel's. A modified or non-primary press is left to the link under it.
    var pressed = -1;
    listen(el, 'pointerdown', function (e) {
      if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      var origin = e.composedPath ? e.composedPath()[0] : e.target;
      if (origin && origin.tagName === 'BUTTON') return;  // the rotation control's own
      pressed = e.pointerId;
      canvas.setPointerCapture(e.pointerId);
      pointer(0, e);
    });
    listen(el, 'pointermove', function (e) { pointer(1, e); });
    listen(el, 'pointerup', function (e) {
      if (e.pointerId !== pressed) return;
      pressed = -1;
      pointer(2, e);
    });
    listen(el, 'pointercancel', function () { pressed = -1; pointer(3, null); });
    listen(el, 'pointerleave', function () { pointer(3, null); });
    listen(el, 'wheel', function (e) {
      var scale = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? el.clientWidth : 1;
      if (M['_carta_wheel'](id, e.deltaX * scale, e.deltaY * scale, performance.now())) {
        e.preventDefault();
        userInput();
        invalidate();
      }
    }, { passive: false });
    listen(el, 'keydown', function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey || !(e.key in KEYS)) return;
      // Enter on a focused link or button of the mirror does what that element does.
      var origin = e.composedPath ? e.composedPath()[0] : e.target;
      if (e.key === 'Enter' && origin && (origin.tagName === 'A' || origin.tagName === 'BUTTON')) {
        // The card changed and the canvas shows it (focus ring on its headline), but the
        // mirror follows a task later: bring it up to date now, and when focus moves with
        // it, Enter is for the element that has it — the one the reader sees focused.
        if (mirrorStale || mirrorSoon) {
          clearTimeout(mirrorSoon);
          mirrorSoon = 0;
          mirrorStale = false;
          updateMirror(true);
          var now = root.activeElement;
          if (now && now !== origin && now.click) { e.preventDefault(); now.click(); }
        }
        return;
      }
      userInput();
      if (call(function () { return M['_carta_key'](id, KEYS[e.key], performance.now()); })) {
        e.preventDefault();
        invalidate();
      }
    });
    listen(el, 'focusin', function (e) {
      pause(PAUSE_FOCUS, true);
      // Keyboard focus anywhere in the carousel stops autoplay until the reader starts it
      // again with the rotation control (the WAI-ARIA carousel pattern).
      var origin = e.composedPath ? e.composedPath()[0] : e.target;
      var keyboard = origin && origin.matches && origin.matches(':focus-visible');
      if (keyboard && config.autoplay > 0 && !userPaused && !(origin.classList && origin.classList.contains('toggle'))) {
        userPaused = true;
        pause(PAUSE_USER, true);
        updateMirror(false);
      }
    });
    listen(el, 'focusout', function () { pause(PAUSE_FOCUS, false); });
    listen(document, 'visibilitychange', function () {
      pageVisible = !document.hidden;
      pause(PAUSE_HIDDEN, document.hidden);
      if (pageVisible && frameWanted) { frameWanted = false; invalidate(); }
    });
    [schemeQuery, forcedQuery, contrastQuery].forEach(function (q) { if (q) listen(q, 'change', applyTheme); });
    if (reducedQuery) {
      listen(reducedQuery, 'change', function () {
        M['_carta_set_reduced_motion'](id, reducedQuery.matches ? 1 : 0, performance.now());
        updateMirror(false);
        invalidate();
      });
    }
    listenToContext();
  }

  // A lost context is restored by the browser when it can; then every GL object is made
  // again and the same card is drawn. The listeners go with the canvas (seeThrough).
  var contextListeners = [];
  function listenToContext() {
    var on = function (type, fn) {
      canvas.addEventListener(type, fn);
      contextListeners.push([canvas, type, fn]);
    };
    on('webglcontextlost', function (e) {
      e.preventDefault();
      lost = true;
      canvas.style.visibility = 'hidden';  // until the restored context draws again
      if (!released) releaseContext(contextOwner);  // the browser took it
      if (raf) { cancelAnimationFrame(raf); raf = 0; }
      M['_carta_context_lost'](id);
      Object.keys(bitmaps).forEach(function (k) { bitmaps[k].close(); delete bitmaps[k]; });
    });
    on('webglcontextrestored', function () {
      lost = false;
      if (liveContexts.indexOf(contextOwner) < 0) claimContext(contextOwner);
      M['_carta_context_restored'](id);
      invalidate();
    });
  }
  function unlistenToContext() {
    contextListeners.forEach(function (l) { l[0].removeEventListener(l[1], l[2]); });
    contextListeners = [];
  }
  cleanups.push(unlistenToContext);

  // Moves the widget to a new canvas whose context has alpha, for a picture the page must
  // show under it; true once it is there (or was). The module makes its GL objects again in
  // the new context and asks for its pictures again (those it had are in the HTTP cache);
  // the old canvas shows its last frame until the new one takes its place, then its
  // context is given back at once.
  function seeThrough() {
    if (host.contextAttributes.alpha) return true;
    var old = canvas, oldLose = loseContext;
    canvas = makeCanvas();
    canvas.width = old.width;
    canvas.height = old.height;
    host.canvas = canvas;
    host.contextAttributes = SEE_THROUGH_ATTRIBUTES;
    if (!M['_carta_replace_context'](id)) {  // no second context: the old one stays
      canvas = host.canvas = old;
      host.contextAttributes = CONTEXT_ATTRIBUTES;
      return false;
    }
    unlistenToContext();
    useContext(canvas.getContext('webgl2', SEE_THROUGH_ATTRIBUTES));  // the module's, made just now
    old.replaceWith(canvas);
    listenToContext();
    if (oldLose) oldLose.loseContext();
    return true;
  }

  // Without WebGL 2 or WebAssembly (or when the module cannot load) the mirror becomes the
  // widget: a plain list of the feed's cards, read by a small JavaScript reader.
  // With WebAssembly (WebGL 2 is what is usually missing) the core reads the feed, with the
  // same rules, words and dates as the canvas; without it, a small JavaScript reader.
  function fallback(feedPromise) {
    canvas.remove();
    var core = typeof WebAssembly === 'object' ? loadModule().catch(function () { return null; }) : Promise.resolve(null);
    Promise.all([feedPromise, core]).then(function (parts) {
      var feed = parts[0];
      if (feed.error) return [feed, null, []];
      return loadWords([config.locale].concat(feed.languages)).then(function (texts) { return [feed, parts[1], texts]; });
    }).then(function (parts) {
      var feed = parts[0], model;
      if (destroyed) return;
      if (feed.error) throw feed.error;
      if (parts[1]) {
        M = parts[1];
        addWords(parts[2]);
        model = JSON.parse(M['UTF8ToString'](withString(M, feed.url, function (u) {
          return withString(M, config.locale, function (l) {
            return withString(M, config.linkParams, function (q) {
              return withBytes(M, feed.bytes, function (p, n) { return M['_carta_read_feed'](p, n, u, l, Date.now() / 1000, q); });
            });
          });
        })));
      } else {
        model = readFeedForFallback(feed.bytes, feed.url, config.locale, config.linkParams);
      }
      mirror.fallback(model, config.dark ? 'dark' : 'light', openLink);
      if (model.status === 'failed') reportError(model.message, feed.path(model.path));
      else fire(el, 'carta:ready', { count: model.items.length, renderer: 'html' });
    }).catch(function (e) {
      reportError(String(e && e.message || e), '');
    });
  }


  // --- Start: module, fonts and feed, only once the widget is near the viewport --------
  // Runs `fn` in a task of its own, unless the widget is gone by then.
  function inTask(fn) {
    setTimeout(function () {
      if (destroyed || !created) return;
      try { fn(); } catch (e) {
        console.error('Carta: ' + (e && e.message ? e.message : e));  // never silent, never stuck
        starting = false;
        invalidate();
      }
    }, 0);
  }
  function mark(what) { if (performance.mark) performance.mark('carta:' + what, { detail: id }); }
  function marked(what) { return function (value) { mark(what); return value; }; }

  function start() {
    if (started || destroyed) return;
    started = true;
    mark('start');
    var feedPromise = feedSource().then(function (f) { return f; }, function (e) { return { error: e }; });
    if (typeof WebAssembly !== 'object' || !webgl2Exposed()) {
      fallback(feedPromise);
      return;
    }
    // The words of the page's and the feed's languages, before the first frame too.
    var wordsReady = feedPromise.then(function (f) { return loadWords([config.locale].concat(f.languages || [])); });
    // … and one with right-to-left or other scripts the browser's text stack, fetched beside them.
    feedPromise.then(function (f) { if (needsTextStack(f.scripts)) loadTextStack().catch(function () {}); });
    // Start-up is marked in the page's performance timeline (carta:module, carta:fonts,
    // carta:feed, carta:create, carta:model, carta:atlas, carta:first-frame) for
    // bench/startup.mjs and for partners' own tools.
    // Each step of start-up has a task of its own, so that none is a long task on a slow
    // phone (bench/tasks.mjs shows what each holds): the feed's fetch here, the module's
    // factory and fetch in the next task, the fonts' fetches in the one after (a fetch()
    // call costs the main thread 5-10 ms at 4x CPU throttling); once all have arrived, the
    // WebGL context (30-40 ms), then the module's instance for it, the model, the atlas.
    var moduleReady = afterTask().then(loadModule).then(marked('module'));
    var fontsReady = afterTask().then(afterTask).then(function () { return loadFontPart('base'); }).then(marked('fonts'));
    Promise.all([moduleReady, fontsReady, feedPromise.then(marked('feed')), wordsReady]).then(function (parts) {
      return afterTask().then(function () {
        if (destroyed) return;
        claimContext(contextOwner);
        size();  // the drawing buffer made at its size, not made again (twice: width, height) in create's task
        useContext(canvas.getContext('webgl2', host.contextAttributes));  // the module takes this one (GL.createContext)
      }).then(afterTask).then(function () { return parts; });
    }).then(function (parts) {
      if (destroyed) return;
      M = parts[0];
      M['cartaHosts'][id] = host;
      addWords(parts[3]);
      var s = size();
      if (!M['_carta_create'](id, s.w, s.h, s.dpr, config.dark ? 1 : 0, config.accent, config.start, config.autoplay,
                              reducedQuery && reducedQuery.matches ? 1 : 0, config.loop ? 1 : 0, config.debug ? 1 : 0)) {
        delete M['cartaHosts'][id];
        releaseContext(contextOwner);
        fallback(feedPromise);
        return;
      }
      created = true;
      starting = true;
      if (matches(forcedQuery) || matches(contrastQuery)) applyTheme();
      if (config.locale) withString(M, config.locale, function (p) { M['_carta_set_locale'](id, p); });
      if (config.linkParams) withString(M, config.linkParams, function (p) { M['_carta_set_link_params'](id, p); });
      mark('create');
      listenToInput();
      baseFonts = parts[1];
      setFonts(parts[1], FONT_PARTS.base.part);
      if (window.ResizeObserver) {
        var ro = new ResizeObserver(resize);
        ro.observe(el);
        cleanups.push(function () { ro.disconnect(); });
      }
      watchPixelRatio();
      if (!onScreen) pause(PAUSE_OFFSCREEN, true);
      // Start-up in tasks of their own — the feed read into the model, then the atlas — so
      // the page's input and rendering get in between on a slow phone; the first frame
      // follows in the next animation frame.
      inTask(function () {
        var feed = parts[2];
        var ok = feed.error ? (failFeed(feed.error), false) : useFeed(feed);
        mark('model');
        scheduleRefresh(ok);
        // The atlas, with the glyphs the first cards use: one role's glyphs a task.
        inTask(function prepare() {
          if (M['_carta_prepare'](id, performance.now())) return inTask(prepare);
          mark('atlas');
          starting = false;  // frames were held back until now: none is drawn without the feed
          invalidate();
        });
      });
    }).catch(function (e) {
      if (!created && !destroyed) {  // the module or fonts could not load: the plain list, and why
        reportError(String(e && e.message || e), '');
        fallback(feedPromise);
      }
      else if (!destroyed) console.error('Carta: ' + (e && e.message ? e.message : e));  // never silent
    });
  }

  // One observer decides both when to start (within lazyMargin of the viewport) and
  // whether the widget is on screen now (nothing is drawn or autoplayed while it is not).
  if (window.IntersectionObserver) {
    var nearby = new IntersectionObserver(function (entries) {
      near = entries[entries.length - 1].isIntersecting;
      if (near) { start(); reclaim(); }
    }, { rootMargin: config.lazyMargin });
    var seen = new IntersectionObserver(function (entries) {
      var visible = entries[entries.length - 1].isIntersecting;
      if (visible === onScreen) return;
      onScreen = visible;
      if (visible) { contextOwner.used = performance.now(); reclaim(); }
      pause(PAUSE_OFFSCREEN, !visible);
      if (visible && frameWanted) { frameWanted = false; invalidate(); }
    });
    nearby.observe(el);
    seen.observe(el);
    cleanups.push(function () { nearby.disconnect(); seen.disconnect(); });
  } else {
    onScreen = true;
  }
  // An eager widget starts in a task of its own, not inside the script's evaluation (or the
  // page's Carta.mount call): on a phone that task is long enough already.
  if (!config.lazy || !window.IntersectionObserver) setTimeout(start, 0);

  // --- The handle ----------------------------------------------------------------------
  function move(how) {
    return function (i) {
      if (!created) return;
      go(how === 'go' ? i | 0 : M['_carta_current'](id) + (how === 'next' ? 1 : -1));
    };
  }

  var handle = {
    // What the widget costs right now: frames drawn so far, the WebAssembly memory (shared
    // by every widget on the page), the decoded images it keeps on the GPU, its context.
    'stats': function () {
      return {
        'frames': frames,
        'wasmMemoryBytes': M ? M['HEAPU8'].length : 0,
        'imageBytes': created ? M['_carta_image_bytes'](id) : 0,
        // 'live', or 'released' to the page's budget of WebGL contexts while far off screen.
        'context': !created ? 'none' : released ? 'released' : lost ? 'lost' : 'live'
      };
    },
    // What the canvas shows now (the core's view: cards in view, their headline lines and
    // boxes), for tests and debugging.
    'view': function () { return created ? JSON.parse(M['UTF8ToString'](M['_carta_view_json'](id))) : null; },
    'next': move('next'),
    'prev': move('prev'),
    'go': move('go'),
    'destroy': function () {
      if (destroyed) return;
      destroyed = true;
      mountedCount--;
      if (raf) cancelAnimationFrame(raf);
      if (wakeTimer) clearTimeout(wakeTimer);
      if (mirrorSoon) clearTimeout(mirrorSoon);
      if (refreshTimer) clearTimeout(refreshTimer);
      cleanups.forEach(function (undo) { undo(); });
      impressions.destroy();
      if (M && created) {
        M['_carta_destroy'](id);
        delete M['cartaHosts'][id];
      }
      // Give the context back now, not when the canvas is collected: a page that mounts
      // and destroys widgets (a single-page app) would otherwise run out of them.
      releaseContext(contextOwner);
      // Destroyed before create, the context start-up made is given back too.
      if (loseContext && !released && !lost) loseContext.loseContext();
      created = false;
      pending.length = 0;
      Object.keys(bitmaps).forEach(function (k) { bitmaps[k].close(); });
      // Everything the widget added goes: a moved <carta-carousel> mounts afresh, once.
      if (host.text) host.text.destroy();
      mirror.destroy();
      pictureLayer.remove();
      canvas.remove();
      el['cartaHandle'] = null;
    }
  };
  el['cartaHandle'] = handle;
  return handle;
}

// <carta-carousel feed="…" theme="dark" autoplay="6000" height="420"></carta-carousel>
if (window.customElements && !customElements.get('carta-carousel')) {
  customElements.define('carta-carousel', class extends HTMLElement {
    connectedCallback() { mount(this); }
    disconnectedCallback() { if (this['cartaHandle']) this['cartaHandle']['destroy'](); }
  });
}

function mountAll() {
  var nodes = document.querySelectorAll('.carta[data-feed], .carta:not([data-feed]) > script[type="application/feed+json"]');
  for (var i = 0; i < nodes.length; i++) mount(nodes[i].tagName === 'SCRIPT' ? nodes[i].parentElement : nodes[i]);
}

// What all the page's widgets cost together: how many there are, how many hold a WebGL
// context now, the WebAssembly heap they share (its high-water mark) and their font atlases.
function pageStats() {
  var M = loadedModule;
  return {
    'widgets': mountedCount,
    'liveContexts': liveContexts.length,
    'wasmHeapBytes': M ? M['_carta_heap_bytes']() : 0,
    'atlases': M ? M['_carta_atlas_count']() : 0
  };
}

// The release: "0.3.0+<id of its files>" (docs/deploying.md), "0.3.0+dev" for a plain build.
window['Carta'] = { 'mount': mount, 'stats': pageStats, 'version': VERSION + '+' + RELEASE.release };
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
else mountAll();
