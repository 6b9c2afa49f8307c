// The reader's input: pointer, wheel and keys on the host element, focus, the tab's
// visibility and the reader's settings — each handed to the module by the protocol's names.
import { INPUT, INPUT_RESULT, KEY, PAUSE } from './generated/protocol.js';
import { call, invalidate, pause, updateMirror } from './frames.js';
import { input } from './wasm.js';

function origin(e) { return e.composedPath ? e.composedPath()[0] : e.target; }

function pointer(w, kind, e) {
  if (!w.life.made) return;
  if (kind !== INPUT.pointerMove) w.dragging = kind === INPUT.pointerDown;
  let x = 0, y = 0;
  if (e) {
    const r = w.canvas.getBoundingClientRect();
    x = e.clientX - r.left;
    y = e.clientY - r.top;
  }
  const flags = call(w, () => input(w.M, w.id, { kind, x, y }));
  if (w.life.destroyed) return;
  w.canvas.style.cursor = (flags & INPUT_RESULT.overLink) ? 'pointer' : '';
  if (flags & INPUT_RESULT.redraw) invalidate(w);
}

// On the host, not the canvas: the mirror's links lie over the canvas (hover, middle click,
// context menu are theirs), and a press or drag that starts on one is the carousel's. A
// modified or non-primary press is left to the link under it.
function listenToPointer(w, listen) {
  const el = w.el;
  let pressed = -1;
  listen(el, 'pointerdown', (e) => {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    const o = origin(e);
    if (o && o.tagName === 'BUTTON') return;  // the rotation control's own
    pressed = e.pointerId;
    w.canvas.setPointerCapture(e.pointerId);
    pointer(w, INPUT.pointerDown, e);
  });
  listen(el, 'pointermove', (e) => pointer(w, INPUT.pointerMove, e));
  listen(el, 'pointerup', (e) => {
    if (e.pointerId !== pressed) return;
    pressed = -1;
    pointer(w, INPUT.pointerUp, e);
  });
  listen(el, 'pointercancel', () => { pressed = -1; pointer(w, INPUT.pointerLeave, null); });
  listen(el, 'pointerleave', () => pointer(w, INPUT.pointerLeave, null));
  listen(el, 'wheel', (e) => {
    const scale = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? el.clientWidth : 1;
    if (input(w.M, w.id, { kind: INPUT.wheel, x: e.deltaX * scale, y: e.deltaY * scale }) & INPUT_RESULT.taken) {
      e.preventDefault();
      invalidate(w);
    }
  }, { passive: false });
}

function listenToKeys(w, listen) {
  listen(w.el, 'keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || !(e.key in KEY)) return;
    // Enter on a focused link or button of the mirror does what that element does: the
    // mirror moved with the card (below), so it is the one the reader sees focused.
    const o = origin(e);
    if (e.key === 'Enter' && o && (o.tagName === 'A' || o.tagName === 'BUTTON')) return;
    if (call(w, () => input(w.M, w.id, { kind: INPUT.key, code: KEY[e.key] })) & INPUT_RESULT.taken) {
      e.preventDefault();
      updateMirror(w);  // now, before the frame that shows it: keyboard focus goes with the card
      invalidate(w);
    }
  });
  listen(w.el, 'focusin', (e) => {
    pause(w, PAUSE.focus, true);
    // Keyboard focus anywhere in the carousel stops autoplay until the reader starts it
    // again with the rotation control (the WAI-ARIA carousel pattern).
    const o = origin(e);
    const keyboard = o && o.matches && o.matches(':focus-visible');
    if (keyboard && w.config.autoplay > 0 && !w.userPaused && !(o.classList && o.classList.contains('toggle'))) {
      w.userPaused = true;
      pause(w, PAUSE.user, true);
      updateMirror(w);
    }
  });
  listen(w.el, 'focusout', () => pause(w, PAUSE.focus, false));
}

// The tab's visibility and the reader's settings (colour scheme, contrast, forced colours,
// reduced motion), live.
function listenToPage(w, listen) {
  listen(document, 'visibilitychange', () => {
    w.pageVisible = !document.hidden;
    pause(w, PAUSE.hidden, document.hidden);
    if (w.pageVisible && w.frameWanted) { w.frameWanted = false; invalidate(w); }
  });
  ['scheme', 'forced', 'contrast'].forEach((name) => {
    const q = w.queries.get(name);
    if (q) listen(q, 'change', () => w.applyTheme());
  });
  const reduced = w.queries.get('reduced');
  if (reduced) {
    listen(reduced, 'change', () => {
      input(w.M, w.id, { kind: INPUT.reducedMotion, code: reduced.matches ? 1 : 0 });
      updateMirror(w);
      invalidate(w);
    });
  }
}

export function listenToInput(w, listen) {
  listenToPointer(w, listen);
  listenToKeys(w, listen);
  listenToPage(w, listen);
}
