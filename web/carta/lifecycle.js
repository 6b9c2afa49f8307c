// A widget's life, as one state at a time instead of flags:
//   waiting   mounted; nothing fetched until it nears the viewport (or at once when eager)
//   loading   the module, fonts and feed are on their way
//   creating  the module made it; the feed is read and the atlas built, in tasks of their own
//   running   frames are drawn on demand
//   fallback  the plain list (no WebGL 2, no WebAssembly, or the module failed to load)
//   destroyed its handle's destroy(), or its element left the page
// and, beside it, its WebGL context: none, live, lost (the browser took it), released (given
// back to the page's budget while far off screen).
const NEXT = {
  waiting: ['loading', 'fallback', 'destroyed'],
  loading: ['creating', 'fallback', 'destroyed'],
  creating: ['running', 'destroyed'],
  running: ['destroyed'],
  fallback: ['destroyed'],
  destroyed: []
};

export function lifecycle() {
  let state = 'waiting', context = 'none';
  return {
    get state() { return state; },
    get context() { return context; },
    to(next) {
      if (NEXT[state].indexOf(next) < 0) throw new Error('Carta: a widget ' + state + ' cannot become ' + next);
      state = next;
    },
    setContext(next) { context = next; },
    // The module holds an instance for the widget (carta_create returned 1, not destroyed).
    get made() { return state === 'creating' || state === 'running'; },
    get destroyed() { return state === 'destroyed'; },
    // A frame may be drawn: running, on a context it holds.
    get drawable() { return state === 'running' && context === 'live'; }
  };
}
