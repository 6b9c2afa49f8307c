// A widget's life (web/carta/lifecycle.js): one state at a time, only the transitions the
// widget makes, and frames only while running on a live context.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lifecycle } from '../../web/carta/lifecycle.js';

test('a widget goes waiting → loading → creating → running → destroyed', () => {
  const life = lifecycle();
  assert.equal(life.state, 'waiting');
  assert.equal(life.made, false);
  life.to('loading');
  life.to('creating');
  assert.equal(life.made, true);
  assert.equal(life.drawable, false, 'no frame before the feed and atlas are set up');
  life.to('running');
  assert.equal(life.drawable, false, 'no frame without a live context');
  life.setContext('live');
  assert.equal(life.drawable, true);
  assert.throws(() => life.to('loading'), /running cannot become loading/, 'a running widget never loads again');
  life.to('destroyed');
  assert.equal(life.made, false);
  assert.equal(life.drawable, false);
  assert.equal(life.destroyed, true);
});

test('a lost or released context draws nothing until it is live again', () => {
  const life = lifecycle();
  ['loading', 'creating', 'running'].forEach((s) => life.to(s));
  for (const context of ['lost', 'released']) {
    life.setContext(context);
    assert.equal(life.drawable, false, context);
    life.setContext('live');
    assert.equal(life.drawable, true);
  }
});

test('a transition the widget never makes is refused, naming both states', () => {
  const life = lifecycle();
  assert.throws(() => life.to('running'), /waiting cannot become running/);
  life.to('fallback');
  assert.throws(() => life.to('creating'), /fallback cannot become creating/);
  life.to('destroyed');
  assert.throws(() => life.to('loading'), /destroyed cannot become loading/);
});
