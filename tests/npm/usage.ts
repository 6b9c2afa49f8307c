// How a TypeScript page uses carta-carousel: tsc --strict must accept all of it (package.test.mjs).
import { mount, configure, consent, stats, version, EVENTS } from 'carta-carousel';
import type { CartaChangeDetail, CartaHandle, CartaOptions } from 'carta-carousel';

configure({ assets: new URL('/static/carta/', 'https://example.org') });
const options: CartaOptions = { feed: '/feed.json', theme: 'auto', autoplay: 6000, linkParams: { utm_source: 'partner' }, headingLevel: 3 };
const handle: CartaHandle = mount(document.body, options);
handle.go(2);
consent(true);
mount(document.body, { feed: '/feed.json', consent: 'tcf', linkRel: 'sponsored nofollow', referrerPolicy: 'strict-origin-when-cross-origin' });
handle.update({ theme: 'dark' });
const live: 'none' | 'live' | 'lost' | 'released' = handle.stats().context;
const widgets: number = stats().widgets;
const release: string = version;

const el = document.createElement('carta-carousel');
el.feed = '/feed.json';
el.loop = true;
el.headingLevel = 3;
el.referrerPolicy = 'origin';
el.addEventListener('carta:change', (e) => {
  const detail: CartaChangeDetail = e.detail;
  const cause: 'reader' | 'autoplay' | 'feed' | 'api' = detail.cause;
  console.log(detail.index, cause, live, widgets, release);
});
el.addEventListener('carta:open', (e) => { if (e.detail.kind === 'related') e.preventDefault(); });
el.addEventListener(EVENTS.impression, () => {});
el.addEventListener('carta-open', (e) => { const url: string = e.detail.url; console.log(url); });

// A server-side render (Node): the cards as HTML, to put inside <carta-carousel>.
import { renderHtml } from 'carta-carousel/html';
import type { RenderHtmlOptions } from 'carta-carousel/html';
const htmlOptions: RenderHtmlOptions = { base: 'https://news.example/feed.json', jsonLd: true, headingLevel: 3, now: new Date(),
                                         onWarning: (message: string) => console.warn(message) };
renderHtml('{"version":"https://jsonfeed.org/version/1.1","items":[]}', htmlOptions).then((cards: string) => cards.length);
renderHtml(new Uint8Array(0), { locale: 'ar', now: '2025-08-30T14:00:00+03:00' });
