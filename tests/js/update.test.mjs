// What a change of settings does to a mounted widget (web/carta/update.js, handle.update):
// the setting it will start with, a change in the running widget, or a re-mount.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { updateWidget } from '../../web/carta/update.js';
import { lifecycle } from '../../web/carta/lifecycle.js';
import { readConfig } from '../../web/carta/options.js';
import { CHANGE_CAUSE } from '../../web/carta/generated/protocol.js';

const element = (attrs) => ({ style: {}, getAttribute: (name) => (name in attrs ? attrs[name] : null) });

// A widget as update.js sees it, in `state`, with a handle whose calls are recorded.
function widget(state, attrs = { feed: '/a.json' }) {
  const calls = [], el = element(attrs), life = lifecycle();
  for (const s of { waiting: [], loading: ['loading'], running: ['loading', 'creating', 'running'] }[state]) life.to(s);
  const w = { el, life, config: readConfig(el, {}), applyTheme: () => calls.push('theme') };
  el.cartaHandle = { destroy: () => { calls.push('destroy'); el.cartaHandle = null; }, old: true };
  const go = (index, cause) => calls.push(['go', index, cause]);
  const mount = (e, options) => { calls.push(['mount', options]); return { fresh: true }; };
  return { w, calls, go, update: (options, changes) => updateWidget(w, options, changes, go, mount) };
}

test('before the widget starts, a change is only the setting it will start with', () => {
  const { w, calls, update } = widget('waiting');
  const options = update({}, { feed: '/b.json', theme: 'dark', autoplay: 5000, height: 500 });
  assert.equal(w.config.feed, '/b.json');
  assert.equal(w.config.theme, 'dark');
  assert.equal(w.config.autoplay, 5000);
  assert.equal(w.el.style.height, '500px');
  assert.deepEqual(calls, []);
  assert.deepEqual(options, { feed: '/b.json', theme: 'dark', autoplay: 5000, height: 500 });
  update(options, { loading: 'eager' });
  assert.deepEqual(calls, ['destroy', ['mount', { feed: '/b.json', theme: 'dark', autoplay: 5000, height: 500, loading: 'eager' }]],
                   'when it starts is decided at mount');
});

test('a running widget takes theme, accent, height and start live, and re-mounts for the rest', () => {
  const { w, calls, update } = widget('running');
  update({}, { theme: 'dark' });
  update({}, { accent: '#0a7d3e' });
  update({}, { theme: 'dark' });  // no change: nothing to do
  assert.equal(w.config.accent, 0x0a7d3e);
  update({}, { startIndex: 4 });
  update({}, { height: 300 });
  assert.equal(w.el.style.height, '300px');
  assert.deepEqual(calls, ['theme', 'theme', ['go', 4, CHANGE_CAUSE.api]]);
  const handle = w.el.cartaHandle;
  update({ lazy: false }, { autoplay: 4000 });
  assert.deepEqual(calls.slice(3), ['destroy', ['mount', { lazy: false, autoplay: 4000 }]]);
  assert.equal(w.el.cartaHandle, handle, 'the page keeps the handle it holds');
  assert.equal(handle.fresh, true, 'now the new widget\'s');
  for (const changes of [{ loop: true }, { locale: 'ar' }, { debug: true }, { linkParams: 'a=1' }, { refresh: 30 }]) {
    const t = widget('running');
    t.update({}, changes);
    assert.equal(t.calls[0], 'destroy', JSON.stringify(changes));
  }
});

test('a widget still loading is mounted again for a new feed', () => {
  const { calls, update } = widget('loading');
  update({}, { feed: '/b.json' });
  assert.deepEqual(calls, ['destroy', ['mount', { feed: '/b.json' }]]);
});
