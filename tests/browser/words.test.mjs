// No word lost (#40), in the page: what the mirror says of a headline and a summary is what
// a browser shows for the same field — plain text as text, HTML as rendered — from JSON
// Feed, and from RSS in a legacy encoding named by its declaration or by the HTTP charset.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, serveWithFixtures, fixturePage, openAndWaitReady, root } from './lib.mjs';

const golden = (name) => fs.readFileSync(path.join(root, 'tests/golden/feeds', name));
const page = (feed) => fixturePage(`<main><div class="carta" id="carousel" data-feed="${feed}" data-loading="eager" data-height="460"></div></main>`);

// Plain fields as publishers write them, and HTML bodies (no summary: the card's text is
// the body's) as a browser would render them.
const PLAIN = ['Why <canvas> beats SVG for 5<7 cards', 'Tom & Jerry <3 cheese; a<b and c>d', 'A <b>tag</b> shown as typed'];
const HTML = [
  '<p>Tom &amp; Jerry &lt;3 cheese</p>',
  '5 < 7 and 7 > 5, a<b and <3 hearts',
  '<p>One</p><p>Two<br>Three</p>',
  'Fish &amp; chips<script>document.title = "x"</script><style>p { color: red }</style> tonight',
  'It&#8217;s &eacute;t&eacute;, caf&eacute; &amp; co',
  'a <b>bold</b> <a href="https://example.org/">move</a><!-- not shown -->',
];
const corpus = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'No word lost',
  items: [
    ...PLAIN.map((title, i) => ({ id: 'p' + i, url: 'https://news.example/p' + i, title, summary: PLAIN[(i + 1) % PLAIN.length] })),
    ...HTML.map((html, i) => ({ id: 'h' + i, url: 'https://news.example/h' + i, title: 'Body ' + i, content_html: html })),
  ],
};
const arabicTitle = 'وزيرا خارجية سوريا وروسيا يلتقيان في موسكو';
// The windows-1256 feed with its declaration taken out: only the HTTP charset names it.
const undeclared = Buffer.from(golden('xml-windows-1256-arabic.xml').toString('latin1')
  .replace(' encoding="windows-1256"', ''), 'latin1');

let browser, server;
before(async () => {
  browser = await launch();
  server = await serveWithFixtures('carta-words-', {
    'corpus.json': JSON.stringify(corpus),
    'corpus.html': page('corpus.json'),
    'ar-1256.xml': golden('xml-windows-1256-arabic.xml'),
    'ar-1256.html': page('ar-1256.xml'),
    'ar-8859-6.xml': golden('xml-iso-8859-6-arabic.xml'),
    'ar-8859-6.html': page('ar-8859-6.xml'),
    'ar-http.xml': undeclared,
    'ar-http.html': page('ar-http.xml'),
  }, { type: (p) => p === '/ar-http.xml' ? 'application/rss+xml; charset=windows-1256' : null });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// Every card's headline and text as the mirror and find-in-page strip say them, by id.
async function cardsSaid(url) {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  try {
    await openAndWaitReady(p, url);
    const cards = await p.evaluate(() => document.querySelector('#carousel').cartaHandle.view().cards);
    const all = await p.evaluate(async () => {
      // Every item, as the core reads it (what the cards and the mirror say).
      const el = document.querySelector('#carousel');
      const strip = el.shadowRoot.querySelector('.offstage');
      for (let i = 0; i < 50 && strip.children.length < el.cartaHandle.view().count; i++) await new Promise((r) => setTimeout(r, 50));
      return [...strip.children].map((box) => [...box.querySelectorAll('p')].map((q) => q.textContent));
    });
    const headline = await p.evaluate(() => document.querySelector('#carousel').shadowRoot.querySelector('article .headline a').textContent);
    return { cards, all, headline, errors };
  } finally {
    await context.close();
  }
}

// What a browser shows of an HTML fragment: its rendered text, whitespace runs as one space.
async function rendered(fragments) {
  const context = await browser.newContext();
  const p = await context.newPage();
  try {
    await p.goto(server.url + 'corpus.html');
    return await p.evaluate((list) => list.map((html) => {
      const box = document.createElement('div');
      box.style.position = 'absolute';
      box.style.left = '-9999px';
      box.innerHTML = html;
      document.body.appendChild(box);
      const text = box.innerText.replace(/\s+/g, ' ').trim();
      box.remove();
      return text;
    }), fragments);
  } finally {
    await context.close();
  }
}

test('a JSON Feed title and summary are plain text: every word is shown as typed', async () => {
  const { cards, headline, errors } = await cardsSaid(server.url + 'corpus.html');
  assert.equal(headline, PLAIN[0], 'the mirror\'s first headline');
  assert.equal(cards[0].title, PLAIN[0]);
  assert.equal(cards[0].summary, PLAIN[1]);
  assert.deepEqual(errors, []);
});

test('every headline and text of the corpus is what the browser shows for the same field', async () => {
  const { all } = await cardsSaid(server.url + 'corpus.html');
  const byIndex = (i) => all[i].join(' | ');
  // Plain items: [title, summary] are the fields as typed.
  PLAIN.forEach((title, i) => {
    assert.ok(all[i].includes(title), `item ${i}: "${title}" in ${byIndex(i)}`);
    assert.ok(all[i].includes(PLAIN[(i + 1) % PLAIN.length]), `item ${i}'s summary in ${byIndex(i)}`);
  });
  // HTML items: the text is the browser's rendering of the body.
  const expected = await rendered(HTML);
  expected.forEach((text, k) => {
    const i = PLAIN.length + k;
    assert.ok(all[i].includes(text), `item ${i}: the browser shows "${text}"; Carta says ${byIndex(i)}`);
  });
});

test('an Arabic RSS feed in windows-1256, ISO-8859-6, or named only by the HTTP charset: the headline in Arabic', async () => {
  const titles = { 'ar-1256.html': arabicTitle, 'ar-8859-6.html': 'ميناء اللاذقية يستأنف العمل', 'ar-http.html': arabicTitle };
  for (const [name, title] of Object.entries(titles)) {
    const { headline, cards, errors } = await cardsSaid(server.url + name);
    assert.equal(headline, title, name);
    assert.equal(cards[0].title, title, name);
    assert.deepEqual(errors, [], name);
  }
});
