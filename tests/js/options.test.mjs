// A widget's settings (web/carta/options.js) and its description in the module's memory
// (web/carta/wasm.js, at the offsets protocol.js gives).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkParamsOf, parseAccent, readConfig } from '../../web/carta/options.js';
import { linkPolicy } from '../../web/carta/links.js';
import { input, withDesc } from '../../web/carta/wasm.js';
import { INPUT, INPUT_LAYOUT, KEY, WIDGET_DESC } from '../../web/carta/generated/protocol.js';

const element = (attrs) => ({ getAttribute: (name) => (name in attrs ? attrs[name] : null) });

test('options win over data- attributes, which win over plain ones', () => {
  const el = element({ 'data-feed': '/a.json', feed: '/b.json', theme: 'dark', 'data-autoplay': '6000', 'link-params': 'utm_source=x' });
  const c = readConfig(el, {});
  assert.equal(c.feed, '/a.json');
  assert.equal(c.theme, 'dark');
  assert.equal(c.autoplay, 6000);
  assert.equal(c.height, 420);
  assert.equal(c.lazy, true);
  assert.equal(c.linkParams, 'utm_source=x');
  const o = readConfig(el, { feed: '/c.json', lazy: false, linkParams: { utm_source: 'p', utm_medium: 'carta carousel' } });
  assert.equal(o.feed, '/c.json');
  assert.equal(o.lazy, false);
  assert.equal(o.linkParams, 'utm_source=p&utm_medium=carta+carousel');
});

test('loop and debug are boolean attributes: present and not "false"', () => {
  const el = element({ loop: '', debug: 'false' });
  const c = readConfig(el, {});
  assert.equal(c.loop, true);
  assert.equal(c.debug, false);
  assert.equal(readConfig(el, { loop: false }).loop, false);
  assert.equal(readConfig(element({ 'data-loop': 'true' }), {}).loop, true);
});

test('accent colours and link parameters', () => {
  assert.equal(parseAccent('#0a7d3e'), 0x0a7d3e);
  assert.equal(parseAccent('red'), -1);
  assert.equal(parseAccent(null), -1);
  assert.equal(linkParamsOf(null), '');
  assert.equal(linkParamsOf('a=1&b=2'), 'a=1&b=2');
});

// A module's memory with a bump allocator, as much of Emscripten's as wasm.js uses.
function module() {
  const heap = new Uint8Array(4096), freed = [], calls = [];
  let top = 8, mallocs = 0;
  return {
    HEAPU8: heap, freed, calls, get mallocs() { return mallocs; },
    _malloc: (n) => { const p = top; top += (n + 7) & ~7; mallocs++; return p; },
    _free: (p) => freed.push(p),
    lengthBytesUTF8: (s) => new TextEncoder().encode(s).length,
    stringToUTF8: (s, p) => { heap.set(new TextEncoder().encode(s + '\0'), p); },
    _carta_input: (id, ptr) => {
      const view = new DataView(heap.buffer), f = INPUT_LAYOUT.fields;
      calls.push({ id, kind: view.getInt32(ptr + f.kind[0], true), code: view.getInt32(ptr + f.code[0], true),
                   cause: view.getInt32(ptr + f.cause[0], true), x: view.getFloat32(ptr + f.x[0], true),
                   ms: view.getFloat64(ptr + f.ms[0], true) });
      return 4;
    }
  };
}

test('an Input is written where the C++ struct has each field, in one buffer per module', () => {
  const M = module();
  assert.equal(input(M, 3, { kind: INPUT.key, code: KEY.End }), 4);
  assert.equal(input(M, 3, { kind: INPUT.wheel, x: -120.5 }), 4);
  assert.equal(M.mallocs, 1, 'the Input\'s memory is made once');
  assert.deepEqual(M.calls.map((c) => [c.id, c.kind, c.code, c.x]), [[3, INPUT.key, KEY.End, 0], [3, INPUT.wheel, 0, -120.5]]);
  assert.ok(M.calls.every((c) => c.ms > 0), 'the page\'s clock');
});

test('the widget\'s description is written where the C++ struct has each field', () => {
  const M = module(), heap = M.HEAPU8, freed = M.freed;
  const values = { width: 800, height: 420, dpr: 2, dark: 1, accent: -1, start: 3, autoplayMs: 6000,
                   reducedMotion: 0, loop: 1, debug: 0, locale: 'ar', linkParams: 'utm_source=x' };
  let seen = null;
  withDesc(M, values, (ptr) => {
    const view = new DataView(heap.buffer), f = WIDGET_DESC.fields, text = (p) => {
      let end = p;
      while (heap[end]) end++;
      return new TextDecoder().decode(heap.subarray(p, end));
    };
    seen = {};
    for (const name of Object.keys(f)) {
      const [offset, type] = f[name], at = ptr + offset;
      seen[name] = type === 'f32' ? view.getFloat32(at, true) : type === 'f64' ? view.getFloat64(at, true)
        : type === 'i32' ? view.getInt32(at, true) : text(view.getUint32(at, true));
    }
  });
  assert.deepEqual(seen, values);
  assert.equal(freed.length, 3, 'the struct and its two strings are freed');
  assert.deepEqual(Object.keys(WIDGET_DESC.fields).sort(), Object.keys(values).sort(), 'every field of WidgetDesc is written');
});

test('headline level and region label: h2 by default, an attribute or option to change them', () => {
  assert.equal(readConfig(element({}), {}).headingLevel, 2);
  assert.equal(readConfig(element({ 'heading-level': '3' }), {}).headingLevel, 3);
  assert.equal(readConfig(element({ 'data-heading-level': '9' }), {}).headingLevel, 6);
  assert.equal(readConfig(element({}), { headingLevel: 4 }).headingLevel, 4);
  assert.equal(readConfig(element({ label: 'Sport' }), {}).label, 'Sport');
  assert.equal(readConfig(element({}), {}).label, '');
});

test('link policy: noopener always, noreferrer unless a referrer policy keeps it, the partner\'s words after', () => {
  const warned = [], warn = console.warn;
  console.warn = (m) => warned.push(m);
  try {
    assert.deepEqual(linkPolicy('', ''), { rel: 'noopener noreferrer', referrerPolicy: null });
    assert.deepEqual(linkPolicy('sponsored nofollow', ''), { rel: 'noopener noreferrer sponsored nofollow', referrerPolicy: null });
    assert.deepEqual(linkPolicy('Sponsored, UGC sponsored', 'strict-origin-when-cross-origin'),
                     { rel: 'noopener sponsored ugc', referrerPolicy: 'strict-origin-when-cross-origin' });
    assert.deepEqual(linkPolicy('', 'no-referrer'), { rel: 'noopener noreferrer', referrerPolicy: 'no-referrer' });
    // A page cannot give the story this page's window back, nor a word that is not one.
    assert.deepEqual(linkPolicy('opener noopener noreferrer "x" nofollow', 'origin'), { rel: 'noopener nofollow', referrerPolicy: 'origin' });
    assert.deepEqual(warned, []);
    assert.deepEqual(linkPolicy('', 'everything'), { rel: 'noopener noreferrer', referrerPolicy: null }, 'unknown: none sent');
    assert.match(warned[0], /unknown referrer-policy everything/);
  } finally {
    console.warn = warn;
  }
});

test('link policy from link-rel and referrer-policy, data- attributes, or mount\'s linkRel and referrerPolicy', () => {
  assert.deepEqual(readConfig(element({ 'link-rel': 'sponsored', 'data-referrer-policy': 'origin' }), {}).links,
                   { rel: 'noopener sponsored', referrerPolicy: 'origin' });
  assert.deepEqual(readConfig(element({ 'link-rel': 'sponsored' }), { linkRel: 'nofollow', referrerPolicy: 'same-origin' }).links,
                   { rel: 'noopener nofollow', referrerPolicy: 'same-origin' });
});
