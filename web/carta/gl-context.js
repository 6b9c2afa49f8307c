// A widget's WebGL 2 context: made on its canvas within the page's budget, given back while
// far off screen and asked for again near the viewport, recovered after a loss, and moved
// to a canvas with alpha when a picture must show through (see pictures.js).
import { contextBudget } from './contexts.js';
import { INPUT, INPUT_RESULT } from './generated/protocol.js';
import { invalidate } from './frames.js';
import { input } from './wasm.js';

export const budget = contextBudget();

// Every widget's context. Opaque, for the compositor puts an opaque canvas on the screen
// without blending it over the page, on every frame of a slide; but holes in the canvas
// show the pictures the page draws under it (hosts without CORS headers), and a widget that
// needs one is moved to a canvas with alpha (seeThrough). majorVersion is for the module's
// GL.createContext.
export const CONTEXT_ATTRIBUTES = {
  majorVersion: 2, minorVersion: 0, alpha: false, depth: false, stencil: false, antialias: false,
  premultipliedAlpha: true, preserveDrawingBuffer: false, powerPreference: 'low-power'
};
export const SEE_THROUGH_ATTRIBUTES = Object.assign({}, CONTEXT_ATTRIBUTES, { alpha: true });

// Whether the browser has WebGL 2 at all. No context is made to find out (making one costs
// 25-100 ms of the main thread on a phone, and the widget's own is made right after): where
// WebGL 2 exists but gives no context (blocked, lost GPU) the widget's own attempt fails
// and the fallback list is shown then.
export function webgl2Exposed() { return typeof WebGL2RenderingContext === 'function'; }

export function makeCanvas() {
  const c = document.createElement('canvas');
  c.setAttribute('aria-hidden', 'true');
  const cs = c.style;
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

// The canvas's context events: lost (taken by the browser, or given back by release) and
// restored. listen() again after the canvas is replaced.
function contextEvents(w, owner) {
  const life = w.life;
  let listeners = [];
  const on = (type, fn) => { w.canvas.addEventListener(type, fn); listeners.push([w.canvas, type, fn]); };
  return {
    listen() {
      on('webglcontextlost', (e) => {
        e.preventDefault();
        if (life.context !== 'released') { life.setContext('lost'); budget.release(owner); }  // the browser took it
        w.canvas.style.visibility = 'hidden';  // until the restored context draws again
        if (w.raf) { cancelAnimationFrame(w.raf); w.raf = 0; }
        input(w.M, w.id, { kind: INPUT.contextLost });
        w.pictures.drop();
      });
      on('webglcontextrestored', () => {
        life.setContext('live');
        if (!budget.holds(owner)) budget.claim(owner);
        input(w.M, w.id, { kind: INPUT.contextRestored });
        invalidate(w);
      });
    },
    unlisten() {
      listeners.forEach((l) => l[0].removeEventListener(l[1], l[2]));
      listeners = [];
    }
  };
}

export function glContext(w) {
  // WEBGL_lose_context of the widget's context — the one start-up makes before the module's
  // create takes it, or seeThrough's on a new canvas — kept from the start, for a lost
  // context gives no extensions.
  let loseContext = null;
  const life = w.life;
  const owner = w.contextOwner = {
    used: 0,
    offScreen: () => !w.onScreen && !w.near,
    release() {
      budget.release(owner);
      if (!life.made || !loseContext || life.context !== 'live') return;
      life.setContext('released');
      loseContext.loseContext();  // fires webglcontextlost (contextEvents)
    }
  };
  function use(c) { loseContext = c && c.getExtension('WEBGL_lose_context'); }
  const events = contextEvents(w, owner), listen = events.listen, unlisten = events.unlisten;

  return {
    attributes: Object.keys(w.pageOnly()).length ? SEE_THROUGH_ATTRIBUTES : CONTEXT_ATTRIBUTES,
    // Start-up's context, made in a task of its own before the module's create takes it.
    make() {
      budget.claim(owner);
      use(w.canvas.getContext('webgl2', this.attributes));
    },
    // The module made its instance on it.
    made() { life.setContext('live'); listen(); },
    // Asks for the context back when the widget comes near the viewport again.
    reclaim() {
      if (life.context !== 'released' || life.destroyed) return;
      budget.claim(owner);
      loseContext.restoreContext();  // fires webglcontextrestored (contextEvents)
    },
    // Moves the widget to a new canvas whose context has alpha, for a picture the page must
    // show under it; true once it is there (or was). The module makes its GL objects again
    // in the new context and asks for its pictures again (those it had are in the HTTP
    // cache); the old canvas shows its last frame until the new one takes its place, then
    // its context is given back at once.
    seeThrough() {
      if (this.attributes.alpha) return true;
      const old = w.canvas, oldLose = loseContext;
      w.canvas = w.host.canvas = makeCanvas();
      w.canvas.width = old.width;
      w.canvas.height = old.height;
      this.attributes = w.host.contextAttributes = SEE_THROUGH_ATTRIBUTES;
      if (!(input(w.M, w.id, { kind: INPUT.replaceContext }) & INPUT_RESULT.taken)) {  // no second context: the old one stays
        w.canvas = w.host.canvas = old;
        this.attributes = w.host.contextAttributes = CONTEXT_ATTRIBUTES;
        return false;
      }
      unlisten();
      use(w.canvas.getContext('webgl2', SEE_THROUGH_ATTRIBUTES));  // the module's, made just now
      old.replaceWith(w.canvas);
      listen();
      if (oldLose) oldLose.loseContext();
      return true;
    },
    // Gives the context back now, not when the canvas is collected: a page that mounts and
    // destroys widgets (a single-page app) would otherwise run out of them. Destroyed before
    // create, the context start-up made is given back too.
    destroy() {
      unlisten();
      budget.release(owner);
      if (loseContext && life.context !== 'released' && life.context !== 'lost') loseContext.loseContext();
    }
  };
}
