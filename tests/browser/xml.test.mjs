// RSS and Atom on the web (#18): a .carta pointed at the feed a CMS already publishes shows
// the same cards as the JSON Feed of the same stories. carta-xml.js and carta-xml.wasm are
// fetched only for a feed whose bytes are XML, with their integrity checks; a JSON page
// fetches nothing new; XML that cannot be read is reported where it breaks.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, serveWithFixtures, fixturePage, openAndWaitReady, logical, root, dist, distFile } from './lib.mjs';
import { haveRealRss, rssDir } from '../conformance.mjs';

const rss = fs.readFileSync(path.join(root, 'assets/feeds/demo-rss.xml'), 'utf8');
// An Atom 1.0 feed of two entries, written for this test (facts from the demo feed).
const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="en">
  <title>Mena Today — Atom</title>
  <id>urn:example:mena-today</id>
  <updated>2025-08-29T09:00:00Z</updated>
  <link rel="alternate" href="https://example.org/mena-today/"/>
  <entry>
    <title type="html">Lavrov pledges Russian help with Syria&amp;#8217;s reconstruction</title>
    <id>urn:example:lavrov-pledge</id>
    <link rel="alternate" href="https://example.org/mena-today/syria/lavrov-pledge"/>
    <published>2025-07-31T17:00:00+03:00</published>
    <updated>2025-07-31T18:00:00+03:00</updated>
    <author><name>Rania Haddad</name></author>
    <category term="Syria"/>
    <summary>Moscow says it is ready to help rebuild the country and to review the agreements signed under the former government.</summary>
    <link rel="enclosure" type="image/jpeg" href="images/moscow-press-conference.jpg"/>
  </entry>
  <entry>
    <title>UNIFIL mandate runs to the end of 2026</title>
    <id>urn:example:unifil</id>
    <link href="https://example.org/mena-today/lebanon/unifil"/>
    <updated>2025-08-28T19:05:00+03:00</updated>
    <category term="Lebanon"/>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The Security Council renewed the force one last time.</p></div></content>
  </entry>
</feed>
`;
// Real feeds from another reader's test suite (tests/conformance.mjs: a run without them fails).
const realFeeds = ['rss_2.0_bbc.xml', 'rss_2.0_spiegel.xml', 'rss_2.0_nbcny.xml', 'rss_2.0_ilgiornale.xml',
  'rss_2.0_ilmessaggero.xml', 'rss_2.0_wirecutter.xml', 'atom_mediarss_newscred_1.xml', 'rss_2.0_encoding_1.xml',
  'rss_1.0_iso8859.xml', 'rss_0.92_spec_1.xml'];
const haveReal = haveRealRss();
const page = (feed) => fixturePage(`<main><div class="carta" id="carousel" data-feed="${feed}" data-loading="eager"></div></main>`);

let browser, server;
before(async () => {
  browser = await launch();
  server = await serveWithFixtures('carta-xml-', {
    'rss.html': page('demo-rss.xml'),
    'json.html': page('demo.json'),
    'atom.html': page('atom.xml'),
    'atom.xml': atom,
    'truncated.html': page('truncated.xml'),
    'truncated.xml': rss.slice(0, rss.indexOf('</item>') + '</item>'.length),
    'dtd.html': page('dtd.xml'),
    ...Object.fromEntries(haveReal ? realFeeds.flatMap((f) => [[`real-${f}.html`, page(f)],
      [f, fs.readFileSync(path.join(rssDir, f))]]) : []),
    'dtd.xml': '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<rss version="2.0"><channel><title>&b;</title></channel></rss>\n',
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// Opens a page, records every request's logical path, waits for ready; returns the page.
async function open(name) {
  const p = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const requests = [];
  p.on('request', (r) => requests.push({ path: logical(new URL(r.url()).pathname), type: r.resourceType() }));
  const ready = await openAndWaitReady(p, server.url + name);
  return { p, ready, requests };
}

// The mirror's words of the cards in view: headline, paragraphs, caption.
const cards = (p) => p.evaluate(() => [...document.querySelector('#carousel').shadowRoot.querySelectorAll('.mirror article')]
  .map((a) => ({
    title: a.querySelector('.headline').textContent,
    href: a.querySelector('.headline a').getAttribute('href'),
    caption: a.querySelector('figcaption')?.textContent || '',
    lines: [...a.querySelectorAll(':scope > p')].map((n) => n.textContent),
  })));

test('an RSS feed with Media RSS shows the same cards as the JSON Feed of the same stories', async () => {
  const xml = await open('rss.html');
  const json = await open('json.html');
  try {
    assert.equal(xml.ready.detail.count, 9);
    assert.equal(xml.ready.detail.renderer, 'webgl2');
    const fromXml = await cards(xml.p), fromJson = await cards(json.p);
    assert.ok(fromXml.length >= 2, 'cards are in view');
    // Headline, link, category, byline and date, summary, picture caption and credit: the same.
    assert.deepEqual(fromXml, fromJson);
    assert.match(fromXml[0].caption, /Assaad el-Chaibani and Sergey Lavrov.*© SANA$/);
    assert.ok(fromXml[0].lines.some((l) => /Antoine Khoury/.test(l) && /31 Jul/.test(l)), fromXml[0].lines.join(' | '));
    // The reader module came with the XML feed, once, its wasm by the release's hashed name.
    const parts = xml.requests.filter((r) => /carta-xml/.test(r.path)).map((r) => r.path);
    assert.deepEqual(parts.sort(), ['/carta-xml.js', '/carta-xml.wasm']);
    // The picture named by media:content is drawn (the page fetched it).
    assert.ok(xml.requests.some((r) => r.path === '/images/moscow-press-conference.jpg'));
  } finally {
    await xml.p.close();
    await json.p.close();
  }
});

test('a JSON page fetches nothing of the XML reader', async () => {
  const json = await open('json.html');
  try {
    assert.deepEqual(json.requests.filter((r) => /carta-xml/.test(r.path)), []);
  } finally {
    await json.p.close();
  }
});

test('an Atom feed: enclosure picture, html title with an entity, xhtml content, author', async () => {
  const { p, ready } = await open('atom.html');
  try {
    assert.equal(ready.detail.count, 2);
    const [first] = await cards(p);
    assert.equal(first.title, 'Lavrov pledges Russian help with Syria\u2019s reconstruction');
    assert.equal(first.href, 'https://example.org/mena-today/syria/lavrov-pledge');
    assert.ok(first.lines.includes('Syria'), first.lines.join(' | '));
    assert.ok(first.lines.some((l) => /Rania Haddad/.test(l)), first.lines.join(' | '));
    assert.ok(first.lines.some((l) => /help rebuild the country/.test(l)), first.lines.join(' | '));
  } finally {
    await p.close();
  }
});

test('without WebGL the fallback list reads the RSS feed through the same module', async () => {
  const noGl = await launch(['--disable-webgl']);
  try {
    const p = await noGl.newPage({ viewport: { width: 1000, height: 700 } });
    const ready = await openAndWaitReady(p, server.url + 'rss.html');
    assert.equal(ready.detail.renderer, 'html');
    const first = await p.evaluate(() => {
      const a = document.querySelector('#carousel').shadowRoot.querySelector('.fallback article');
      return { title: a.querySelector('.headline').textContent, caption: a.querySelector('figcaption')?.textContent };
    });
    assert.equal(first.title, 'Post-Assad Syria reaffirms strategic ties with Russia in first Moscow visit');
    assert.match(first.caption, /© SANA/);
  } finally {
    await noGl.close();
  }
});

// The reference is the browser's own XML parser (which honours the declared encoding): the
// widget's first headline is the first item's or entry's title as the browser reads it.
for (const feed of realFeeds) {
  test(`a real feed, ${feed}: the first card's headline is the browser's reading of its first title`, { skip: !haveReal && 'CARTA_CONFORMANCE=none' }, async () => {
    const { p, ready } = await open(`real-${feed}.html`);
    try {
      const expected = await p.evaluate(async (name) => {
        const xhr = new XMLHttpRequest();
        xhr.open('GET', name);
        xhr.responseType = 'document';
        await new Promise((resolve) => { xhr.onload = resolve; xhr.send(); });
        const doc = xhr.responseXML;
        const items = [...doc.getElementsByTagNameNS('*', 'item'), ...doc.getElementsByTagNameNS('*', 'entry')];
        const title = items[0].getElementsByTagNameNS('*', 'title')[0];
        // An Atom title of type html (or an RSS title with escaped markup) is HTML text.
        const text = title ? new DOMParser().parseFromString(title.textContent, 'text/html').body.textContent : '';
        return { count: items.length, title: text.replace(/\s+/g, ' ').trim() };
      }, feed);
      assert.equal(ready.detail.count, expected.count);
      const [first] = await cards(p);
      if (expected.title) assert.equal(first.title, expected.title);
      else assert.ok(first.title.length > 0, 'an item without a title gets one from its text');
    } finally {
      await p.close();
    }
  });
}

test('two RSS widgets share one reader; a reader wasm that fails its integrity check is an error, not a hang', async () => {
  const wasm = distFile('carta-xml.wasm');
  const bytes = fs.readFileSync(path.join(dist, wasm));
  bytes[bytes.length >> 1] ^= 1;
  const two = `<main><div class="carta" id="carousel" data-feed="demo-rss.xml" data-loading="eager"></div>
    <div class="carta" id="second" data-feed="atom.xml" data-loading="eager"></div></main>`;
  const flipped = await serveWithFixtures('carta-xml-flip-', { [wasm]: bytes, 'rss.html': page('demo-rss.xml') });
  const p = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
  try {
    const requests = [];
    p.on('request', (r) => requests.push(logical(new URL(r.url()).pathname)));
    await p.setContent('<!doctype html><title>two</title>');
    const fixtures = await serveWithFixtures('carta-xml-two-', { 'two.html': fixturePage(two), 'atom.xml': atom });
    try {
      await openAndWaitReady(p, fixtures.url + 'two.html');
      await p.waitForFunction(() => document.querySelector('#second').shadowRoot?.querySelector('.mirror article'), null, { timeout: 30000 });
      assert.equal(requests.filter((u) => u === '/carta-xml.wasm').length, 1, requests.join(' '));
    } finally {
      await fixtures.close();
    }
    await assert.rejects(openAndWaitReady(p, flipped.url + 'rss.html', 20000), /carta:error before ready/);
    assert.match((await p.evaluate(() => window.__carta.errors[0])).message, /integrity/);
  } finally {
    await p.close();
    await flipped.close();
  }
});

// XML that cannot be read: carta:error says what and where, the reader sees the error card.
for (const [name, where, message] of [
  ['truncated', /^line \d+, column \d+$/, /ends before its elements are closed/],
  ['dtd', /^line 2, column \d+$/, /declares entities in a DTD/],
]) {
  test(`XML that cannot be read (${name}) gives carta:error with line and column`, async () => {
    const p = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    try {
      const errors = [];
      p.on('console', (m) => { if (m.type() === 'warning') errors.push(m.text()); });
      await assert.rejects(openAndWaitReady(p, server.url + name + '.html'), /carta:error before ready/);
      const detail = await p.evaluate(() => window.__carta.errors[0]);
      assert.match(detail.message, message);
      assert.match(detail.path, where);
      assert.ok(errors.some((t) => t.includes(detail.path)), 'the console names where');
    } finally {
      await p.close();
    }
  });
}
