// <carta-carousel>'s attributes and properties (web/carta/element.js), without a browser:
// the element class is made over a stand-in for HTMLElement that calls
// attributeChangedCallback as the DOM does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OBSERVED, PROPERTIES, attributeText, elementClass, typed } from '../../web/carta/element.js';

class FakeElement {
  constructor(attrs = {}) { this.attrs = new Map(Object.entries(attrs)); this.style = {}; }
  getAttribute(name) { return this.attrs.has(name) ? this.attrs.get(name) : null; }
  setAttribute(name, value) { this.change(name, String(value)); }
  removeAttribute(name) { if (this.attrs.has(name)) this.change(name, null); }
  change(name, value) {
    const old = this.getAttribute(name);
    if (value == null) this.attrs.delete(name); else this.attrs.set(name, value);
    if (this.constructor.observedAttributes.includes(name)) this.attributeChangedCallback(name, old, value);
  }
}

const row = (attr) => PROPERTIES.find((p) => p[0] === attr);

test('every attribute has its property, and both spellings are observed', () => {
  assert.deepEqual(PROPERTIES.map((p) => [p[0], p[1]]), [
    ['feed', 'feed'], ['theme', 'theme'], ['accent', 'accent'], ['start', 'start'], ['autoplay', 'autoplay'],
    ['loop', 'loop'], ['locale', 'locale'], ['height', 'height'], ['refresh', 'refresh'], ['debug', 'debug'],
    ['link-params', 'linkParams'], ['analytics', 'analytics'], ['loading', 'loading'], ['heading-level', 'headingLevel'],
    ['label', 'label'], ['consent', 'consent'], ['link-rel', 'linkRel'], ['referrer-policy', 'referrerPolicy']]);
  for (const p of PROPERTIES) {
    assert.ok(OBSERVED.includes(p[0]), p[0]);
    assert.ok(OBSERVED.includes('data-' + p[0]), 'data-' + p[0]);
  }
});

test('properties are typed: numbers, boolean attributes, strings with what the widget uses when absent', () => {
  assert.equal(typed(row('start'), '3'), 3);
  assert.equal(typed(row('start'), null), 0);
  assert.equal(typed(row('autoplay'), '6000'), 6000);
  assert.equal(typed(row('height'), null), 420);
  assert.equal(typed(row('height'), 'tall'), 420);
  assert.equal(typed(row('refresh'), '60'), 60);
  assert.equal(typed(row('loop'), ''), true, 'present');
  assert.equal(typed(row('loop'), 'true'), true);
  assert.equal(typed(row('loop'), 'false'), false);
  assert.equal(typed(row('debug'), null), false, 'absent');
  assert.equal(typed(row('theme'), null), 'light');
  assert.equal(typed(row('theme'), 'dark'), 'dark');
  assert.equal(typed(row('loading'), null), 'lazy');
  assert.equal(typed(row('feed'), null), '');
  assert.equal(attributeText(row('loop'), true), '');
  assert.equal(attributeText(row('loop'), false), null);
  assert.equal(attributeText(row('start'), 3), '3');
  assert.equal(attributeText(row('feed'), null), null);
  assert.equal(attributeText(row('feed'), undefined), null);
  assert.equal(attributeText(row('accent'), false), null);
});

test('properties reflect to attributes; after mount each change goes to the handle once', () => {
  const mounted = [];
  const Carousel = elementClass(FakeElement, (el) => mounted.push(el));
  const el = new Carousel({ 'data-feed': '/a.json', feed: '/b.json' });
  assert.equal(el.feed, '/a.json', 'data-feed first, as for .carta elements');
  el.start = 3;
  assert.equal(el.getAttribute('start'), '3');
  assert.equal(el.start, 3);
  el.loop = true;
  assert.equal(el.getAttribute('loop'), '');
  assert.equal(el.loop, true);
  el.loop = false;
  assert.equal(el.getAttribute('loop'), null);
  el.linkParams = 'utm_source=x';
  assert.equal(el.getAttribute('link-params'), 'utm_source=x');
  el.setAttribute('autoplay', '5000');
  assert.equal(el.autoplay, 5000);
  el.connectedCallback();
  assert.deepEqual(mounted, [el]);

  const updates = [];
  el.cartaHandle = { update: (c) => updates.push(c), destroy: () => updates.push('destroy') };
  el.feed = '/c.json';
  assert.equal(el.getAttribute('feed'), '/c.json');
  assert.equal(el.getAttribute('data-feed'), null, 'the data- attribute it would be hidden behind goes');
  el.setAttribute('theme', 'dark');
  el.removeAttribute('theme');
  el.setAttribute('data-height', '480');
  el.accent = null;
  el.debug = true;
  assert.deepEqual(updates, [{ feed: '/c.json' }, { theme: 'dark' }, { theme: 'light' }, { height: 480 },
                             { accent: '' }, { debug: true }]);
  el.disconnectedCallback();
  assert.equal(updates.at(-1), 'destroy');
});
