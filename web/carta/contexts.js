// WebGL contexts: a budget for the page. A browser keeps about 16 live WebGL contexts per
// page (phones fewer) and silently drops the oldest beyond that, leaving its widget blank
// for good. Carta keeps at most `max`: a widget that needs one while the budget is spent
// takes it from the widget off screen longest, which gives its context back
// (WEBGL_lose_context) and asks for it again when it comes near the viewport (its cards
// are drawn afresh, same card). An owner is {used: time last drawn or seen, offScreen(),
// release()}.
export const MAX_LIVE_CONTEXTS = 8;

export function contextBudget(max = MAX_LIVE_CONTEXTS, now = () => performance.now()) {
  const live = [];
  const budget = {
    get live() { return live.length; },
    holds(owner) { return live.indexOf(owner) >= 0; },
    release(owner) {
      const i = live.indexOf(owner);
      if (i >= 0) live.splice(i, 1);
    },
    // `owner` takes a context: the widget off screen longest gives its own back while the
    // budget is spent. Every live widget in view: over budget rather than blank.
    claim(owner) {
      budget.release(owner);
      while (live.length >= max) {
        let victim = null;
        live.forEach((o) => { if (o.offScreen() && (!victim || o.used < victim.used)) victim = o; });
        if (!victim) break;
        budget.release(victim);
        victim.release();
      }
      owner.used = now();
      live.push(owner);
    }
  };
  return budget;
}
