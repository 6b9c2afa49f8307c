/* The page side of Carta: mounts widgets, fetches the feed, fonts and images, and drives
 * frames on demand (a frame is drawn only when something changed). Emscripten's factory,
 * createCartaModule, sits just above this code inside the same function scope. */
'use strict';

var scriptUrl = (document.currentScript && document.currentScript.src) || location.href;
var assetBase = new URL('.', scriptUrl).href;
// Order matches carta::Face: sans, sans bold, serif bold.
var FONT_FILES = ['fonts/carta-sans.ttf', 'fonts/carta-sans-bold.ttf', 'fonts/carta-serif-bold.ttf'];
var DEFAULT_HEIGHT = 420;

var modulePromise = null;
var fontsPromise = null;
var nextHostId = 1;

function loadModule() {
  if (!modulePromise) {
    var moduleArg = {};
    moduleArg['cartaHosts'] = {};
    moduleArg['locateFile'] = function (path) { return assetBase + path; };
    modulePromise = createCartaModule(moduleArg);
  }
  return modulePromise;
}

function loadFonts() {
  if (!fontsPromise) {
    fontsPromise = Promise.all(FONT_FILES.map(function (file) {
      return fetch(assetBase + file, { credentials: 'omit' }).then(function (r) {
        if (!r.ok) throw new Error('font ' + file + ': HTTP ' + r.status);
        return r.arrayBuffer();
      });
    }));
  }
  return fontsPromise;
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

function option(el, options, name) {
  if (options && options[name] != null) return String(options[name]);
  return el.getAttribute('data-' + name) || el.getAttribute(name);
}

function fire(el, name, detail) {
  el.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail: detail }));
}

function mount(el, options) {
  if (el['cartaHandle']) return el['cartaHandle'];
  var feedUrl = option(el, options, 'feed');
  var dark = option(el, options, 'theme') === 'dark';
  var accent = parseAccent(option(el, options, 'accent'));
  var startIndex = parseInt(option(el, options, 'start') || option(el, options, 'startIndex') || '0', 10) || 0;
  var height = parseInt(option(el, options, 'height') || '', 10) || DEFAULT_HEIGHT;
  var autoplayMs = parseInt(option(el, options, 'autoplay') || '0', 10) || 0;
  var loop = option(el, options, 'loop') === 'true';
  var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  // Reserve the height at once so the page never shifts when the widget arrives.
  el.style.display = 'block';
  el.style.position = 'relative';
  el.style.height = height + 'px';
  var root = el.attachShadow ? el.attachShadow({ mode: 'open' }) : el;
  var canvas = document.createElement('canvas');
  canvas.setAttribute('aria-hidden', 'true');
  canvas.style.display = 'block';
  canvas.style.width = '100%';
  canvas.style.height = '100%';
  canvas.style.touchAction = 'pan-y';  // vertical swipes scroll the page; horizontal ones are ours
  canvas.style.userSelect = 'none';
  root.appendChild(canvas);
  if (!el.hasAttribute('tabindex')) el.tabIndex = 0;

  var id = nextHostId++;
  var M = null;
  var raf = 0;
  var created = false;
  var readyFired = false;
  var bitmaps = {};
  var nextBitmap = 1;
  var observer = null;
  var visibility = null;
  var wakeTimer = 0;
  var destroyed = false;

  var host = {
    canvas: canvas,
    requestImage: function (url, w, h, maxSide) { loadImage(url, w, h, maxSide); },
    takeBitmap: function (n) { var b = bitmaps[n]; delete bitmaps[n]; return b || null; },
    changed: function (index, itemId) { fire(el, 'carta:change', { index: index, id: itemId }); },
    open: function (url, itemId, kind) {
      var ev = new CustomEvent('carta:open', {
        bubbles: true, composed: true, cancelable: true, detail: { url: url, id: itemId, kind: kind }
      });
      el.dispatchEvent(ev);
      // Only http(s), in a new tab, with no opener and no referrer; the host may take over.
      if (!ev.defaultPrevented && /^https?:\/\//i.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
    }
  };

  function invalidate() {
    if (created && !raf && !destroyed) raf = requestAnimationFrame(frame);
  }

  function frame() {
    raf = 0;
    if (destroyed) return;
    var now = performance.now();
    M['_carta_set_now'](id, Date.now() / 1000);
    var flags = M['_carta_frame'](id, now);
    if ((flags & 2) && !readyFired) {
      readyFired = true;
      fire(el, 'carta:ready', { count: M['_carta_item_count'](id) });
    }
    schedule(now);
  }

  // After a frame: keep animating, or sleep until the core's next timer (autoplay, a
  // settling wheel), or sleep until an event. No timer spins while nothing moves.
  function schedule(now) {
    if (wakeTimer) { clearTimeout(wakeTimer); wakeTimer = 0; }
    var wake = M['_carta_next_wake'](id, now);
    if (wake === 0) invalidate();
    else if (wake > 0) wakeTimer = setTimeout(function () { wakeTimer = 0; invalidate(); }, Math.ceil(wake));
  }

  function point(e) {
    var r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  function pointer(kind, e) {
    if (!created) return;
    var p = e ? point(e) : { x: 0, y: 0 };
    var flags = M['_carta_pointer'](id, kind, p.x, p.y, performance.now());
    canvas.style.cursor = (flags & 2) ? 'pointer' : '';
    if (flags & 1) invalidate();
  }

  var KEYS = { ArrowLeft: 0, ArrowRight: 1, Home: 2, End: 3, Enter: 4 };
  function listen() {
    canvas.addEventListener('pointerdown', function (e) {
      if (e.button !== 0) return;
      canvas.setPointerCapture(e.pointerId);
      pointer(0, e);
    });
    canvas.addEventListener('pointermove', function (e) { pointer(1, e); });
    canvas.addEventListener('pointerup', function (e) { pointer(2, e); });
    canvas.addEventListener('pointercancel', function () { pointer(3, null); });
    canvas.addEventListener('pointerleave', function () { pointer(3, null); });
    canvas.addEventListener('wheel', function (e) {
      if (!created) return;
      var scale = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? el.clientWidth : 1;
      if (M['_carta_wheel'](id, e.deltaX * scale, e.deltaY * scale, performance.now())) {
        e.preventDefault();
        invalidate();
      }
    }, { passive: false });
    el.addEventListener('keydown', function (e) {
      if (!created || e.altKey || e.ctrlKey || e.metaKey || !(e.key in KEYS)) return;
      if (M['_carta_key'](id, KEYS[e.key], performance.now())) {
        e.preventDefault();
        invalidate();
      }
    });
    el.addEventListener('focusin', function () { pause(2, true); });
    el.addEventListener('focusout', function () { pause(2, false); });
    visibility = function () { pause(4, document.hidden); };
    document.addEventListener('visibilitychange', visibility);
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

  // The browser fetches (CORS mode: an image we may not read fails here, and the card keeps
  // its placeholder) and decodes it, then scales it to cover the size it is drawn at.
  function loadImage(url, wantW, wantH, maxSide) {
    fetch(url, { mode: 'cors', credentials: 'omit' }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.blob();
    }).then(function (blob) {
      return createImageBitmap(blob);
    }).then(function (full) {
      var scale = Math.min(1, Math.max(wantW / full.width, wantH / full.height),
                           maxSide / Math.max(full.width, full.height));
      if (!(scale < 1)) return full;
      var w = Math.max(1, Math.round(full.width * scale)), h = Math.max(1, Math.round(full.height * scale));
      return createImageBitmap(full, { resizeWidth: w, resizeHeight: h, resizeQuality: 'high' })
        .then(function (small) { full.close(); return small; });
    }).then(function (bitmap) {
      if (destroyed) { bitmap.close(); return; }
      var n = nextBitmap++;
      bitmaps[n] = bitmap;
      withString(M, url, function (p) { M['_carta_image_decoded'](id, p, n, bitmap.width, bitmap.height); });
      invalidate();
    }).catch(function () {
      if (destroyed) return;
      withString(M, url, function (p) { M['_carta_image_failed'](id, p); });
      invalidate();
    });
  }

  function fetchFeed() {
    if (!feedUrl) return Promise.reject(new Error('no feed given (data-feed)'));
    var absolute = new URL(feedUrl, location.href);
    if (absolute.protocol !== 'https:' && absolute.protocol !== 'http:')
      return Promise.reject(new Error('the feed must be an http(s) URL'));
    return fetch(absolute.href, { credentials: 'omit' }).then(function (r) {
      if (!r.ok) throw new Error('the feed could not be loaded (HTTP ' + r.status + ')');
      return r.arrayBuffer();
    }).then(function (buffer) { return { bytes: new Uint8Array(buffer), url: absolute.href }; });
  }

  var feedPromise = fetchFeed().then(function (f) { return f; }, function (e) { return { error: e }; });
  Promise.all([loadModule(), loadFonts(), feedPromise]).then(function (parts) {
    if (destroyed) return;
    M = parts[0];
    M['cartaHosts'][id] = host;
    var s = size();
    if (!M['_carta_create'](id, s.w, s.h, s.dpr, dark ? 1 : 0, accent, startIndex, autoplayMs,
                            reducedMotion ? 1 : 0, loop ? 1 : 0)) {
      throw new Error('WebGL 2 is not available');
    }
    created = true;
    listen();
    parts[1].forEach(function (buffer, face) {
      withBytes(M, new Uint8Array(buffer), function (p, n) { M['_carta_set_font'](id, face, p, n); });
    });
    var feed = parts[2];
    if (feed.error) {
      withString(M, feed.error.message, function (p) { M['_carta_set_feed_failure'](id, p); });
      fire(el, 'carta:error', { message: feed.error.message, path: '' });
    } else {
      withString(M, feed.url, function (u) {
        withBytes(M, feed.bytes, function (p, n) { M['_carta_set_feed'](id, p, n, u); });
      });
      var message = M['UTF8ToString'](M['_carta_error_message'](id));
      if (message) fire(el, 'carta:error', { message: message, path: M['UTF8ToString'](M['_carta_error_pointer'](id)) });
    }
    if (window.ResizeObserver) {
      observer = new ResizeObserver(function () {
        var s2 = size();
        M['_carta_resize'](id, s2.w, s2.h, s2.dpr);
        invalidate();
      });
      observer.observe(el);
    }
    invalidate();
  }).catch(function (e) {
    fire(el, 'carta:error', { message: String(e && e.message || e), path: '' });
  });

  function move(how) {
    return function (i) {
      if (!created) return;
      var now = performance.now();
      if (how === 'go') M['_carta_go'](id, i | 0, now);
      else M['_carta_go'](id, M['_carta_current'](id) + (how === 'next' ? 1 : -1), now);
      invalidate();
    };
  }

  var handle = {
    next: move('next'),
    prev: move('prev'),
    go: move('go'),
    destroy: function () {
      if (destroyed) return;
      destroyed = true;
      if (raf) cancelAnimationFrame(raf);
      if (wakeTimer) clearTimeout(wakeTimer);
      if (visibility) document.removeEventListener('visibilitychange', visibility);
      if (observer) observer.disconnect();
      if (M && created) {
        M['_carta_destroy'](id);
        delete M['cartaHosts'][id];
      }
      Object.keys(bitmaps).forEach(function (k) { bitmaps[k].close(); });
      canvas.remove();
      el['cartaHandle'] = null;
    }
  };
  el['cartaHandle'] = handle;
  return handle;
}

function mountAll() {
  var nodes = document.querySelectorAll('.carta[data-feed]');
  for (var i = 0; i < nodes.length; i++) mount(nodes[i]);
}

window['Carta'] = { 'mount': mount, 'version': '0.1.0' };
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
else mountAll();
})();
