// <carta-carousel feed="…" theme="dark" autoplay="6000" height="420">: each attribute
// observed, with a property of its own (README, "The element's attributes and properties").
// Before the widget mounts a change is only the setting it will mount with; after, it goes
// to the widget's handle.update (update.js).
import { DEFAULT_HEIGHT, flag, int } from './options.js';
import { mount } from './widget.js';

// attribute, property, its type (string, number or boolean), its value when the attribute
// is absent (what the widget then uses). data-NAME is read first, as for .carta elements.
export const PROPERTIES = [
  ['feed', 'feed', 's', ''],
  ['theme', 'theme', 's', 'light'],
  ['accent', 'accent', 's', ''],
  ['start', 'start', 'n', 0],
  ['autoplay', 'autoplay', 'n', 0],
  ['loop', 'loop', 'b', false],
  ['locale', 'locale', 's', ''],
  ['height', 'height', 'n', DEFAULT_HEIGHT],
  ['refresh', 'refresh', 'n', 0],
  ['debug', 'debug', 'b', false],
  ['link-params', 'linkParams', 's', ''],
  ['analytics', 'analytics', 's', ''],
  ['loading', 'loading', 's', 'lazy'],
  ['heading-level', 'headingLevel', 'n', 2],
  ['label', 'label', 's', ''],
  ['consent', 'consent', 's', ''],
  ['link-rel', 'linkRel', 's', ''],
  ['referrer-policy', 'referrerPolicy', 's', '']
];
export const OBSERVED = PROPERTIES.map((p) => p[0]).concat(PROPERTIES.map((p) => 'data-' + p[0]));

// The property's value for the attribute's text (null: absent).
export function typed(p, text) {
  return p[2] === 'b' ? flag(text) : text == null ? p[3] : p[2] === 'n' ? int(text, p[3]) : text;
}

// The attribute's text for a value given to the property (null: the attribute is removed).
export function attributeText(p, value) {
  return p[2] === 'b' ? (value && value !== 'false' ? '' : null) : value == null || value === false ? null : String(value);
}

// Setting a property writes its attribute once: the callbacks of that write stay quiet.
let quiet = false;

export function elementClass(Base, mountElement) {
  class CartaCarousel extends Base {
    static get observedAttributes() { return OBSERVED; }
    connectedCallback() { mountElement(this); }
    disconnectedCallback() { if (this['cartaHandle']) this['cartaHandle']['destroy'](); }
    attributeChangedCallback(name) {
      if (!quiet) changed(this, PROPERTIES.filter((p) => p[0] === name.replace(/^data-/, ''))[0]);
    }
  }
  PROPERTIES.forEach((p) => Object.defineProperty(CartaCarousel.prototype, p[1], {
    get() {
      const data = this.getAttribute('data-' + p[0]);
      return typed(p, data != null ? data : this.getAttribute(p[0]));
    },
    // The plain attribute, and no data- one it would be hidden behind.
    set(value) {
      const text = attributeText(p, value);
      quiet = true;
      try {
        this.removeAttribute('data-' + p[0]);
        if (text == null) this.removeAttribute(p[0]);
        else this.setAttribute(p[0], text);
      } finally { quiet = false; }
      changed(this, p);
    },
    configurable: true,
    enumerable: true
  }));
  return CartaCarousel;
}

// A mounted widget is told (no handle yet: the attribute is the setting it will mount with).
function changed(el, p) {
  const handle = el['cartaHandle'], change = {};
  change[p[1]] = el[p[1]];
  if (handle) handle['update'](change);
}

if (typeof window !== 'undefined' && window.customElements && !customElements.get('carta-carousel'))
  customElements.define('carta-carousel', elementClass(HTMLElement, mount));
