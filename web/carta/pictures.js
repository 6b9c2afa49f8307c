// A widget's pictures. The browser fetches (CORS mode) and decodes a picture, then scales
// it to cover the size it is drawn at, for a texture. A picture it may not read that way
// (no CORS headers, or no connect-src for its host) is shown by the page itself, as an
// <img> in a layer under the canvas, which leaves a hole where it goes.
import { CORNER, IMAGE } from './generated/protocol.js';
import { json, withString } from './wasm.js';
import { invalidate } from './frames.js';

// Origins whose pictures the page could not read for WebGL (no CORS headers, or a policy
// that forbids the fetch): later pictures from them go straight to the page's <img> layer,
// so a host costs the failed fetches already under way, not one per picture.
export const pageOnlyOrigins = {};

// The layer under the canvas where the page shows pictures itself.
function makeLayer(root) {
  const layer = document.createElement('div');
  layer.setAttribute('aria-hidden', 'true');
  const ls = layer.style;
  ls.position = 'absolute';
  ls.left = ls.top = ls.right = ls.bottom = '0';
  ls.overflow = 'hidden';
  ls.pointerEvents = 'none';
  root.appendChild(layer);
  return layer;
}

// A decoded picture scaled down to cover wantW x wantH (no side over maxSide): textures of
// the size they are drawn at, not of the camera's.
function scaledToCover(full, wantW, wantH, maxSide) {
  const scale = Math.min(1, Math.max(wantW / full.width, wantH / full.height), maxSide / Math.max(full.width, full.height));
  if (!(scale < 1)) return full;
  const width = Math.max(1, Math.round(full.width * scale)), height = Math.max(1, Math.round(full.height * scale));
  return createImageBitmap(full, { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' })
    .then((small) => { full.close(); return small; });
}

// Tells the widget what became of `url` (protocol IMAGE) and draws again.
function tell(w, url, state, n = 0, bitmap = null, opaque = false) {
  withString(w.M, url, (p) => {
    w.M['_carta_image'](w.id, p, state, n, bitmap ? bitmap.width : 0, bitmap ? bitmap.height : 0, opaque ? 1 : 0);
  });
  invalidate(w);
}

// The page's own <img> of `url` in `layer` (made once, hidden until placed); resolves when
// it is decoded.
function showInPage(layer, inPage, url) {
  let img = inPage[url];
  if (!img) {
    img = inPage[url] = document.createElement('img');
    img.alt = '';  // the mirror describes it
    img.decoding = 'async';
    img.referrerPolicy = 'no-referrer';
    const s = img.style;
    s.position = 'absolute';
    s.objectFit = 'cover';  // cover-cropped, as the canvas draws pictures
    s.display = 'none';
    layer.appendChild(img);
    img.src = url;
  }
  return img.decode();
}

// Puts each page-shown picture where this frame cut its hole and hides the others.
function placeInPage(inPage, placed) {
  const shown = {};
  placed.forEach((p) => {
    const img = inPage[p.url];
    if (!img) return;
    shown[p.url] = true;
    const s = img.style, r = p.radius + 'px';
    s.left = p.rect[0] + 'px';
    s.top = p.rect[1] + 'px';
    s.width = p.rect[2] + 'px';
    s.height = p.rect[3] + 'px';
    s.borderRadius = [CORNER.topLeft, CORNER.topRight, CORNER.bottomRight, CORNER.bottomLeft]
      .map((bit) => p.corners & bit ? r : '0').join(' ');
    s.display = 'block';
  });
  Object.keys(inPage).forEach((u) => { if (!shown[u]) inPage[u].style.display = 'none'; });
}

export function pictures(w, root) {
  const layer = makeLayer(root);
  const bitmaps = {}, inPage = {};
  let nextBitmap = 1, queue = [];
  const gone = () => !w.life.made;
  const live = () => !gone() && w.life.context === 'live';

  function decoded(url, bitmap, opaque) {
    if (!live()) { bitmap.close(); return; }
    const n = nextBitmap++;
    bitmaps[n] = bitmap;
    tell(w, url, IMAGE.loaded, n, bitmap, opaque);
  }

  // Not readable for WebGL: shown by the page under a canvas with alpha, or failed.
  function notReadable(url, origin, e) {
    if (gone()) return;
    if (e instanceof TypeError) pageOnlyOrigins[origin] = true;  // fetch refused: CORS or CSP
    (e && e.http ? Promise.reject(e) : showInPage(layer, inPage, url)).then(() => {
      // Lost or given back, the context forgets its pictures: each is asked for again.
      if (!live()) return;
      if (!w.gl.seeThrough()) throw new Error('no context with alpha');
      tell(w, url, IMAGE.inPage);
    }).catch(() => { if (!gone()) tell(w, url, IMAGE.failed); });
  }

  // The picture, fetched for WebGL (CORS) and decoded: {full, opaque}; one fetched early is
  // taken once.
  const early = {};
  function decode(url, origin) {
    const got = early[url] || (pageOnlyOrigins[origin] ? Promise.reject({ pageOnly: true })
      : fetch(url, { mode: 'cors', credentials: 'omit' }).then((r) => {
        if (!r.ok) throw { http: r.status };
        return r.blob();
      }).then((blob) => createImageBitmap(blob).then((full) => ({
        full, opaque: blob.type === 'image/jpeg'  // no alpha channel: the canvas skips what it covers
      }))));
    delete early[url];
    return got;
  }

  function load(url, wantW, wantH, maxSide) {
    const origin = new URL(url, location.href).origin;
    let opaque = false;
    decode(url, origin).then((d) => { opaque = d.opaque; return scaledToCover(d.full, wantW, wantH, maxSide); })
      .then((bitmap) => decoded(url, bitmap, opaque), (e) => notReadable(url, origin, e));
  }

  return {
    // The frame asked for a picture: fetched in a task after the frame's (a fetch() call
    // costs the main thread 5-10 ms on a slow phone; the first frame asks for several).
    request(url, width, height, maxSide) {
      if (!queue.length) setTimeout(() => {
        const asked = queue;
        queue = [];
        if (!w.life.destroyed) asked.forEach((args) => load.apply(null, args));
      }, 0);
      queue.push([url, width, height, maxSide]);
    },
    // The first cards' pictures, fetched and decoded while the atlas is made (the model
    // knows them, and the size the first frame draws them at, before it asks): handed over
    // when ready, unless the frame has asked first (then its request takes them).
    prefetch(urls, width, height) {
      urls.forEach((url) => {
        if (!url || early[url]) return;
        const got = early[url] = decode(url, new URL(url, location.href).origin);
        got.then(() => { if (early[url] === got) load(url, width, height, 4096); }, () => {});
      });
    },
    take(n) { const b = bitmaps[n]; delete bitmaps[n]; return b || null; },
    // Every decoded picture not yet handed over is dropped (a lost context, destroy).
    drop() { Object.keys(bitmaps).forEach((k) => { bitmaps[k].close(); delete bitmaps[k]; }); },
    // Same frame as the canvas's holes, so they move together through drags and slides.
    place() { placeInPage(inPage, json(w.M, w.id, 'pagePictures')); },
    remove() { layer.remove(); }
  };
}
