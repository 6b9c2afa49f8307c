// Viewable impressions. The MRC rule: a card counts once at least half of its area has been
// in the viewport, with the tab visible, for one continuous second, whatever brought it
// there. The cards are the mirror's articles, placed where the canvas (or the fallback
// list) shows them, so the browser's IntersectionObserver measures them, iframes and
// clipping ancestors included. `report(card)` is called once per card id for the widget's
// life; nothing is stored.
export const VIEWABLE_MS = 1000;

// `env` is the page's by default: {Observer (IntersectionObserver), hidden() (the tab is
// hidden), setTimeout, clearTimeout}; tests give their own.
export function impressionTracker(report, env) {
  env = env || {
    Observer: window.IntersectionObserver,
    hidden: () => document.hidden,
    setTimeout: (f, ms) => setTimeout(f, ms),
    clearTimeout: (t) => clearTimeout(t)
  };
  const counted = {}, timers = {}, inView = {};
  let watched = [];
  const io = env.Observer && new env.Observer((entries) => {
    entries.forEach((e) => {
      const card = e.target['cartaCard'];
      if (card) set(card, e.isIntersecting && e.intersectionRatio >= 0.5);
    });
  }, { threshold: 0.5 });
  function set(card, visible) {
    const id = card.id;
    if (visible) inView[id] = card; else delete inView[id];
    if (!visible || env.hidden()) {
      env.clearTimeout(timers[id]);
      delete timers[id];
    } else if (!timers[id] && !counted[id]) {
      timers[id] = env.setTimeout(() => {
        delete timers[id];
        if (!counted[id] && inView[id] && !env.hidden()) { counted[id] = true; report(inView[id]); }
      }, VIEWABLE_MS);
    }
  }
  return {
    // The articles showing cards now ({element, card: {index, id, url}}), replacing the last.
    watch(items) {
      if (!io) return;
      const ids = items.map((it) => it.card.id);
      // A card in both keeps its running second; its new article's first report follows.
      watched.forEach((node) => {
        io.unobserve(node);
        if (ids.indexOf(node['cartaCard'].id) < 0) set(node['cartaCard'], false);
      });
      watched = items.map((it) => {
        it.element['cartaCard'] = it.card;
        if (!counted[it.card.id]) io.observe(it.element);
        return it.element;
      });
    },
    // The tab was hidden (every running second stops) or shown again (they start afresh).
    visibility() { Object.keys(inView).forEach((id) => set(inView[id], true)); },
    destroy() { if (io) io.disconnect(); Object.keys(timers).forEach((id) => env.clearTimeout(timers[id])); }
  };
}
