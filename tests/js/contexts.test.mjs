// The page's budget of WebGL contexts (web/carta/contexts.js).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contextBudget } from '../../web/carta/contexts.js';

function widget(name, offScreen, log) {
  return { name, used: 0, offScreen: () => offScreen, release: () => log.push(name) };
}

test('past the budget, the widget off screen longest gives its context back', () => {
  let clock = 0;
  const log = [], budget = contextBudget(3, () => ++clock);
  const a = widget('a', true, log), b = widget('b', true, log), c = widget('c', false, log);
  [a, b, c].forEach((w) => budget.claim(w));
  assert.equal(budget.live, 3);
  b.used = 0.5;  // seen longer ago than a
  const d = widget('d', false, log);
  budget.claim(d);
  assert.deepEqual(log, ['b']);
  assert.equal(budget.holds(b), false);
  assert.equal(budget.holds(d), true);
  assert.equal(budget.live, 3);
});

test('widgets in view keep their contexts: over budget rather than blank', () => {
  const log = [], budget = contextBudget(2, () => 1);
  ['a', 'b', 'c'].forEach((n) => budget.claim(widget(n, false, log)));
  assert.deepEqual(log, []);
  assert.equal(budget.live, 3);
});

test('a claim again moves the owner, never counts it twice; release frees its place', () => {
  const log = [], budget = contextBudget(2, () => 1), a = widget('a', true, log);
  budget.claim(a);
  budget.claim(a);
  assert.equal(budget.live, 1);
  budget.release(a);
  assert.equal(budget.live, 0);
  budget.release(a);  // twice is harmless
  assert.equal(budget.live, 0);
});
