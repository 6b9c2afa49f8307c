// Frames on demand: a frame is drawn only when something changed (input, an animation, a
// picture arriving, a resize), and the mirror follows what the canvas shows.
import { FRAME, INPUT } from './generated/protocol.js';
import { input, json } from './wasm.js';
import { fire } from './events.js';

// Cards whose words are put in the page for find in page, per task.
const WORDS_SLICE = 200;

export function invalidate(w) {
  if (!w.life.drawable || w.textPending) return;
  if (!w.onScreen || !w.pageVisible) { w.frameWanted = true; return; }  // draw when seen again
  if (!w.raf) w.raf = requestAnimationFrame(() => frame(w));
}

export function mark(w, what) { if (performance.mark) performance.mark('carta:' + what, { detail: w.id }); }

// Runs a call into the module; the page's events it raised (carta:change, carta:open) leave
// after it has returned — a listener may destroy the widget, which must not free it under
// a running call — still inside the reader's own input event, so window.open keeps working.
export function call(w, fn) {
  const result = fn();
  while (w.pending.length) w.pending.shift()();
  return result;
}

function frame(w) {
  w.raf = 0;
  if (!w.life.drawable) return;
  const M = w.M, now = performance.now();
  w.frames++;
  w.contextOwner.used = now;
  const flags = call(w, () => M['_carta_frame'](w.id, now, Date.now() / 1000));
  if (w.life.destroyed) return;
  // The canvas shows once it holds a frame, in place of the page's own cards (widget.js).
  if ((flags & FRAME.drew) && w.canvas.style.visibility) { w.canvas.style.visibility = ''; if (w.slot) w.slot.remove(); }
  const wake = schedule(w, now);
  const first = (flags & FRAME.headlineVisible) && !w.readyFired;
  // The mirror follows the canvas when the card changes and once it is at rest: not on
  // every animation frame, nor on every frame of a drag (the release redraws it).
  // It is updated in a task after this frame's, so that the frame answering a click is
  // presented without waiting for the mirror's DOM, style and layout. A key the core took
  // has moved it already (input.js).
  if (!first && ((wake !== 0 && !w.dragging) || w.mirrorStale) && (flags & FRAME.drew)) {
    w.mirrorStale = false;
    if (!w.mirrorSoon) w.mirrorSoon = setTimeout(() => {
      w.mirrorSoon = 0;
      if (!w.life.destroyed) updateMirror(w);
    }, 0);
  }
  if (flags & FRAME.pagePictures) w.pictures.place();
  if (first) ready(w);
}

// The first mirror and carta:ready in tasks of their own, so that the first frame's task
// stays short on a slow phone: the view read from the module (its code compiled on first
// use) in one, the mirror's DOM (its script compiled on first use) in the next — the view
// read again if the card has changed since.
function ready(w) {
  w.readyFired = true;
  mark(w, 'first-frame');
  setTimeout(() => {
    if (!w.life.made) return;
    const view = readView(w);
    setTimeout(() => {
      if (w.life.destroyed) return;
      const fresh = !w.mirrorStale;
      w.mirrorStale = false;
      w.announce = false;
      updateMirror(w, fresh ? view : null);
      fire(w.el, 'carta:ready', { count: view.count, renderer: 'webgl2' });
      setTimeout(() => fillWords(w), 0);
    }, 0);
  }, 0);
}

// After a frame: keep animating, or sleep until the core's next timer (autoplay, a
// settling wheel), or sleep until an event. No timer spins while nothing moves.
export function schedule(w, now) {
  if (w.wakeTimer) { clearTimeout(w.wakeTimer); w.wakeTimer = 0; }
  if (!w.life.made) return -1;
  const wake = w.M['_carta_next_wake'](w.id, now);
  if (wake === 0) invalidate(w);
  else if (wake > 0) w.wakeTimer = setTimeout(() => { w.wakeTimer = 0; invalidate(w); }, Math.ceil(wake));
  return wake;
}

export function pause(w, reason, on) {
  if (!w.life.made) return;
  input(w.M, w.id, { kind: INPUT.pause, code: reason, index: on ? 1 : 0 });
  schedule(w, performance.now());
}

export function readView(w) { return json(w.M, w.id, 'view'); }

// The mirror of `view`, or of the view now. A change the core says the reader made is
// announced (the live region), once.
export function updateMirror(w, view) {
  if (!w.life.made) return;
  view = view || readView(w);
  const announce = w.announce && view.index !== w.announcedIndex;
  w.announce = false;
  w.announcedIndex = view.index;
  w.mirror.update(view, {
    loop: w.config.loop,
    autoplay: { on: w.config.autoplay > 0 && !w.queries.matches('reduced'), paused: w.userPaused },
    announce: announce
  });
}

// Every card's words for find in page, in slices of tasks of their own after the first
// mirror and after each new feed (a feed may hold thousands of items).
export function fillWords(w) {
  const run = ++w.wordsRun;
  let from = 0;
  (function slice() {
    if (!w.life.made || run !== w.wordsRun) return;
    const items = json(w.M, w.id, 'items', from, WORDS_SLICE);
    w.mirror.addWords(items, from);
    from += items.length;
    if (items.length === WORDS_SLICE) setTimeout(slice, 0);
  })();
}

export function size(w) {
  const dpr = window.devicePixelRatio || 1;
  const width = Math.max(1, w.el.clientWidth), height = Math.max(1, w.el.clientHeight);
  const pw = Math.round(width * dpr), ph = Math.round(height * dpr);
  if (w.canvas.width !== pw) w.canvas.width = pw;
  if (w.canvas.height !== ph) w.canvas.height = ph;
  return { w: width, h: height, dpr: dpr };
}

export function resize(w) {
  if (!w.life.made) return;
  const s = size(w);
  input(w.M, w.id, { kind: INPUT.resize, x: s.w, y: s.h, dpr: s.dpr });
  invalidate(w);
}
