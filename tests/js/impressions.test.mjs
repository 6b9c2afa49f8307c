// Viewable impressions (web/carta/impressions.js): the MRC rule — half of the card in
// view, with the tab visible, for one continuous second — once per card.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VIEWABLE_MS, impressionTracker } from '../../web/carta/impressions.js';

// A page in a test: an IntersectionObserver driven by hand, a clock, a tab.
function page() {
  const timers = [];
  let now = 0, observer = null;
  const env = {
    hidden: false,
    Observer: class {
      constructor(callback) { this.callback = callback; this.nodes = new Set(); observer = this; }
      observe(node) { this.nodes.add(node); }
      unobserve(node) { this.nodes.delete(node); }
      disconnect() { this.nodes.clear(); }
    },
    setTimeout(fn, ms) { timers.push({ fn, at: now + ms }); return timers.length; },
    clearTimeout(id) { if (id) timers[id - 1].fn = null; }
  };
  return {
    env: Object.assign(env, { hidden: () => env.hiddenNow }),
    tab(hidden) { env.hiddenNow = hidden; },
    see(node, ratio) {
      if (observer.nodes.has(node)) observer.callback([{ target: node, isIntersecting: ratio > 0, intersectionRatio: ratio }]);
    },
    advance(ms) {
      now += ms;
      timers.forEach((t) => { if (t.fn && t.at <= now) { const f = t.fn; t.fn = null; f(); } });
    }
  };
}

const card = (id) => ({ element: {}, card: { index: +id.slice(1), id, url: 'https://news.example/' + id } });

test('a card half in view for a second counts, once', () => {
  const p = page(), counted = [];
  const tracker = impressionTracker((c) => counted.push(c.id), p.env);
  const a = card('a1');
  tracker.watch([a]);
  p.see(a.element, 0.6);
  p.advance(VIEWABLE_MS - 1);
  assert.deepEqual(counted, []);
  p.advance(1);
  assert.deepEqual(counted, ['a1']);
  p.see(a.element, 0);
  p.see(a.element, 1);
  p.advance(5000);
  assert.deepEqual(counted, ['a1'], 'once per card for the widget\'s life');
});

test('less than half, or less than a second, or a hidden tab, does not count', () => {
  const p = page(), counted = [];
  const tracker = impressionTracker((c) => counted.push(c.id), p.env);
  const a = card('a1'), b = card('b2');
  tracker.watch([a, b]);
  p.see(a.element, 0.49);
  p.see(b.element, 0.9);
  p.advance(600);
  p.see(b.element, 0.2);  // scrolled away before its second
  p.advance(1000);
  assert.deepEqual(counted, []);
  p.see(b.element, 0.9);
  p.advance(500);
  p.tab(true);
  tracker.visibility();  // the second stops
  p.advance(2000);
  assert.deepEqual(counted, []);
  p.tab(false);
  tracker.visibility();  // and starts afresh
  p.advance(999);
  assert.deepEqual(counted, []);
  p.advance(1);
  assert.deepEqual(counted, ['b2']);
});
