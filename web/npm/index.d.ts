// Types of carta-carousel: the options of mount() and of <carta-carousel>'s properties, the
// handle, and every event's detail. The attributes are the properties' names in kebab case
// (link-params, heading-level); custom-elements.json lists them.

/** Settings of a widget: mount()'s options, or the element's attributes and properties. */
export interface CartaOptions {
  /** The feed's URL (JSON Feed, RSS or Atom), relative to the page. Without it, an inline
   * <script type="application/feed+json"> child is read. */
  feed?: string;
  /** 'light' (default), 'dark', or 'auto' (the reader's colour scheme). */
  theme?: 'light' | 'dark' | 'auto';
  /** Accent colour, '#rrggbb'. */
  accent?: string;
  /** The card shown first (0-based). */
  start?: number;
  /** Milliseconds between cards; 0 (default) does not rotate. */
  autoplay?: number;
  /** After the last card comes the first. */
  loop?: boolean;
  /** The UI's language (BCP 47, one of Carta's 13); '' follows the feed. */
  locale?: string;
  /** Height in CSS px (default 420). */
  height?: number;
  /** Seconds between re-reads of the feed; 0 (default) never. */
  refresh?: number;
  /** The error card shows the feed's diagnostic instead of the readers' sentence. */
  debug?: boolean;
  /** Added to every story link: 'utm_source=partner&utm_medium=carta', or an object of them. */
  linkParams?: string | Record<string, string>;
  /** 'datalayer': impressions and opens are also pushed onto window.dataLayer. */
  analytics?: '' | 'datalayer';
  /** 'lazy' (default): nothing is fetched until the widget nears the viewport; 'eager'. */
  loading?: 'lazy' | 'eager';
  /** mount() only: false is loading 'eager'. */
  lazy?: boolean;
  /** mount() only: how near the viewport a lazy widget starts (an IntersectionObserver rootMargin). */
  lazyMargin?: string;
  /** The headlines' heading level, 1–6 (default 2: under the page's h1). */
  headingLevel?: number;
  /** The carousel region's accessible name; '' names it after the feed. */
  label?: string;
  /** Whose answer counting (impressions, dataLayer pushes) waits for: '' none (default),
   * 'tcf' the page's IAB TCF v2.2 CMP (purpose 8), 'manual' consent(true). */
  consent?: '' | 'tcf' | 'manual';
  /** Words added to every story link's rel, e.g. 'sponsored nofollow' (noopener always;
   * noreferrer unless referrerPolicy keeps the referrer). */
  linkRel?: string;
  /** The referrer every story link and what opens sends; default none (noreferrer). */
  referrerPolicy?: '' | 'no-referrer' | 'no-referrer-when-downgrade' | 'origin' | 'origin-when-cross-origin' |
    'same-origin' | 'strict-origin' | 'strict-origin-when-cross-origin' | 'unsafe-url';
}

/** A card as the events name it; `sponsored` (only then present) for paid content. */
export interface CartaCard { index: number; id: string; url: string; sponsored?: true; }

export interface CartaReadyDetail { count: number; renderer: 'webgl2' | 'html'; }
export interface CartaChangeDetail { index: number; id: string; cause: 'reader' | 'autoplay' | 'feed' | 'api'; }
export interface CartaOpenDetail { url: string; id: string; kind: 'card' | 'related'; sponsored?: true; }
export type CartaImpressionDetail = CartaCard;
export interface CartaErrorDetail { message: string; path: string; }

/** Every event the host element fires (bubbling, composed), by its name. */
export interface CartaEventMap {
  'carta:ready': CustomEvent<CartaReadyDetail>;
  'carta:change': CustomEvent<CartaChangeDetail>;
  /** Cancelable: preventDefault() keeps the widget from opening the link. */
  'carta:open': CustomEvent<CartaOpenDetail>;
  'carta:impression': CustomEvent<CartaImpressionDetail>;
  'carta:error': CustomEvent<CartaErrorDetail>;
  /** The same events under the dash names frameworks' templates can write (oncarta-change, @carta-change). */
  'carta-ready': CustomEvent<CartaReadyDetail>;
  'carta-change': CustomEvent<CartaChangeDetail>;
  'carta-open': CustomEvent<CartaOpenDetail>;
  'carta-impression': CustomEvent<CartaImpressionDetail>;
  'carta-error': CustomEvent<CartaErrorDetail>;
}

/** What the widget costs now. */
export interface CartaWidgetStats {
  frames: number;
  wasmMemoryBytes: number;
  imageBytes: number;
  context: 'none' | 'live' | 'lost' | 'released';
}

/** What all the page's widgets cost together. */
export interface CartaPageStats {
  widgets: number;
  liveContexts: number;
  wasmHeapBytes: number;
  wasmHeapInUseBytes: number;
  atlases: number;
}

/** What mount() returns (also the element's cartaHandle). */
export interface CartaHandle {
  next(): void;
  prev(): void;
  go(index: number): void;
  /** New settings: feed, theme, accent, height and start change the running widget; the
   * others re-mount it. */
  update(changes: CartaOptions): void;
  destroy(): void;
  stats(): CartaWidgetStats;
  /** What the canvas shows now, for tests and debugging. */
  view(): unknown;
}

/** <carta-carousel>: each setting a property and an attribute. */
export interface CartaCarouselElement extends HTMLElement {
  feed: string;
  theme: string;
  accent: string;
  start: number;
  autoplay: number;
  loop: boolean;
  locale: string;
  height: number;
  refresh: number;
  debug: boolean;
  linkParams: string;
  analytics: string;
  loading: string;
  headingLevel: number;
  label: string;
  consent: string;
  linkRel: string;
  referrerPolicy: string;
  readonly cartaHandle?: CartaHandle;
  addEventListener<K extends keyof CartaEventMap>(type: K, listener: (this: CartaCarouselElement, ev: CartaEventMap[K]) => void,
                                                  options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap { 'carta-carousel': CartaCarouselElement; }
  interface Window { CartaAssets?: string; }
}

/** Mounts a carousel in `element`. Throws outside a browser. */
export function mount(element: HTMLElement, options?: CartaOptions): CartaHandle;
/** Where Carta's files are (a folder URL), for a bundler that moved them. */
export function configure(settings: { assets?: string | URL }): void;
export function stats(): CartaPageStats;
/** The reader's answer from a consent platform other than TCF, for every widget of the page:
 * held counts are sent on true, dropped on false. */
export function consent(yes: boolean): void;
export const version: string;
export const EVENTS: {
  readonly ready: 'carta:ready';
  readonly change: 'carta:change';
  readonly open: 'carta:open';
  readonly impression: 'carta:impression';
  readonly error: 'carta:error';
};
