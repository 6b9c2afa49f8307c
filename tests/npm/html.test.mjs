// `carta html` (core/html_cards.cpp): the cards as plain HTML for a page to carry before
// JavaScript — valid HTML (html-validate's recommended rules), every headline a link, text
// escaped, and a schema.org ItemList of NewsArticle as JSON-LD that names each item.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { haveRealRss, rssDir } from '../conformance.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'tests/browser/package.json'));
const carta = path.join(root, 'build/native/carta');
const BASE = 'https://news.example/feeds/';

function html(feed, ...args) {
  assert.ok(fs.existsSync(carta), 'no build/native/carta: build it first (cmake --build --preset native)');
  return execFileSync(carta, ['html', feed, '--now', '2025-08-30T14:00:00+03:00', ...args], { encoding: 'utf8' });
}
const page = (body) => `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>News</title>\n` +
  `<link rel="stylesheet" href="carta-cards.css">\n</head>\n<body>\n<main>\n<h1>News</h1>\n${body}</main>\n</body>\n</html>\n`;

test('the HTML of every demo feed is valid HTML (html-validate, recommended rules)', async () => {
  const { HtmlValidate } = require('html-validate');
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
  for (const feed of ['demo.json', 'demo-kinds.json', 'demo-ar.json', 'demo-mixed.json', 'demo-rss.xml']) {
    const report = await validator.validateString(page(html(path.join(root, 'assets/feeds', feed), '--base', BASE + feed, '--json-ld')));
    const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
    assert.deepEqual(problems, [], feed);
  }
});

test('each card: the headline a link of its own, the marks, the picture and its description', () => {
  const out = html(path.join(root, 'assets/feeds/demo-kinds.json'), '--base', BASE + 'demo-kinds.json', '--heading-level', '3');
  const feed = JSON.parse(fs.readFileSync(path.join(root, 'assets/feeds/demo-kinds.json'), 'utf8'));
  assert.equal((out.match(/<article /g) || []).length, feed.items.length);
  for (const it of feed.items)
    assert.ok(out.includes(`<h3 class="carta-headline"><a href="${it.url}" target="_blank" rel="noopener noreferrer` +
      `${it._carta && it._carta.sponsor ? ' sponsored' : ''}">${it.title.replace(/'/g, '&#39;')}</a></h3>`), it.id);
  for (const words of ['Live', 'Video, 3:24', 'Sponsored by Levant Solar Cooperative', 'Opinion · Subscribers only'])
    assert.ok(out.includes(`<p class="carta-marks">${words}</p>`), words);
  assert.match(out, /<time datetime="2025-08-30T11:15:00\+03:00">Updated 2 h ago<\/time>/);
  assert.ok(out.includes(`<img src="${BASE}images/tartous-harbour.jpg" alt=""`), 'relative pictures resolve against --base');
  const demo = html(path.join(root, 'assets/feeds/demo.json'));
  assert.match(demo, /<img src="[^"]+moscow-press-conference\.jpg" alt="Two officials stand at wooden podiums/);
  assert.match(demo, /<figcaption>The foreign ministers of Syria and Russia[^<]+<span class="carta-credit">© SANA<\/span><\/figcaption>/);
});

test('text is escaped, in the cards and in the JSON-LD, whatever a feed holds', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carta-html-'));
  const feed = path.join(dir, 'hostile.json');
  fs.writeFileSync(feed, JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'A & B <i>', items: [
    { id: 'a', url: 'https://x.example/a?b=1&c="2"', title: 'Why <script>alert(1)</script> & 5<7 is text',
      summary: '</script><!-- "quoted" \'single\'', authors: [{ name: 'Jane <b>Doe</b>' }] }] }));
  const out = html(feed, '--json-ld');
  assert.ok(!/<script>alert|<b>Doe|<i>/.test(out.replace(/<script type="application\/ld\+json">[^]*$/, '')), out);
  assert.ok(out.includes('Why &lt;script&gt;alert(1)&lt;/script&gt; &amp; 5&lt;7 is text'));
  assert.ok(out.includes('href="https://x.example/a?b=1&amp;c=%222%22"') || out.includes('href="https://x.example/a?b=1&amp;c=&quot;2&quot;"'), out);
  const ld = out.slice(out.indexOf('<script type="application/ld+json">'));
  assert.equal((ld.match(/<\/script>/g) || []).length, 1, 'the JSON-LD cannot be closed early');
  assert.ok(!ld.slice(0, -10).includes('<!--'));
  const data = JSON.parse(ld.replace(/^<script[^>]*>/, '').replace(/<\/script>\s*$/, ''));
  assert.equal(data.itemListElement[0].item.headline, 'Why <script>alert(1)</script> & 5<7 is text');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the JSON-LD is a schema.org ItemList naming each item\'s url, headline, image, datePublished and author', () => {
  const out = html(path.join(root, 'assets/feeds/demo.json'), '--base', BASE + 'demo.json', '--json-ld');
  const feed = JSON.parse(fs.readFileSync(path.join(root, 'assets/feeds/demo.json'), 'utf8'));
  const ld = JSON.parse(out.match(/<script type="application\/ld\+json">([^]*)<\/script>/)[1]);
  assert.equal(ld['@context'], 'https://schema.org');
  assert.equal(ld['@type'], 'ItemList');
  assert.equal(ld.itemListElement.length, feed.items.length);
  ld.itemListElement.forEach((e, i) => {
    const it = feed.items[i];
    assert.equal(e.position, i + 1);
    assert.equal(e.item['@type'], 'NewsArticle');
    assert.equal(e.item.url, it.url);
    assert.equal(e.item.headline, it.title);
    assert.equal(e.item.image, new URL(it.image, BASE + 'demo.json').href);
    assert.equal(Date.parse(e.item.datePublished), Date.parse(it.date_published));
    assert.deepEqual(e.item.author.map((a) => a.name), (it.authors || feed.authors).map((a) => a.name));
  });
});

test('a feed that cannot be read prints no HTML and says why', () => {
  const r = spawnSync(carta, ['html', path.join(root, 'tests/golden/feeds/truncated.json')], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /error/);
});

// renderHtml, the npm package's carta-carousel/html (dist/npm/html.mjs: carta html compiled
// to WebAssembly for Node), prints what the native command prints, byte for byte: the demo
// feeds, RSS and real feeds from another reader's suite — ISO-8859-1 among them, decoded
// by Node's TextDecoder there and by iconv here — in English and Arabic, with the JSON-LD.
const haveReal = haveRealRss();  // fails loudly when a run that should have them does not

async function renderHtml() {
  const file = path.join(root, 'dist/npm/html.mjs');
  assert.ok(fs.existsSync(file), 'no dist/npm/html.mjs: run ./build-wasm.sh first');
  return (await import(file)).renderHtml;
}
const NOW = '2025-08-30T14:00:00+03:00';

test('renderHtml under Node prints the same HTML as carta html for the same feed', async () => {
  const render = await renderHtml();
  const feeds = ['demo.json', 'demo-kinds.json', 'demo-ar.json', 'demo-mixed.json', 'demo-world.json', 'demo-rss.xml']
    .map((f) => path.join(root, 'assets/feeds', f));
  if (haveReal)
    feeds.push(...['rss_1.0_iso8859.xml', 'rss_2.0_bbc.xml', 'atom_mediarss_newscred_1.xml'].map((f) => path.join(rssDir, f)));
  for (const feed of feeds) {
    const base = BASE + path.basename(feed);
    for (const [args, options] of [[[], {}], [['--json-ld', '--locale', 'ar', '--heading-level', '3', '--label', 'Stories'],
      { jsonLd: true, locale: 'ar', headingLevel: 3, label: 'Stories' }]]) {
      const native = html(feed, '--base', base, ...args);
      const node = await render(fs.readFileSync(feed), { base, now: NOW, ...options });
      assert.equal(node, native, `${path.basename(feed)} ${args.join(' ')}`);
      assert.ok(node.includes('<article class="carta-card"'), path.basename(feed));
    }
  }
  // A string is the same feed as its bytes.
  const demo = path.join(root, 'assets/feeds/demo.json');
  assert.equal(await render(fs.readFileSync(demo, 'utf8'), { base: BASE + 'demo.json', now: new Date(NOW) }),
    html(demo, '--base', BASE + 'demo.json'));
});

test('renderHtml says why a feed cannot be read, and passes warnings on', async () => {
  const render = await renderHtml();
  const broken = path.join(root, 'tests/golden/feeds/truncated.json');
  const native = spawnSync(carta, ['html', broken], { encoding: 'utf8' }).stderr.trim();
  await assert.rejects(render(fs.readFileSync(broken)), (e) => e.message === 'renderHtml: the feed cannot be read:\n' + native);
  const warnings = [];
  const out = await render('{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1","url":"story.html","title":"A"}]}',
    { onWarning: (m) => warnings.push(m) });
  assert.ok(!out.includes('href='), 'a relative link without a base is left out: ' + out);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /\/items\/0\/url/);
  await assert.rejects(render('{}', { headingLevel: 7 }), RangeError);
  await assert.rejects(render(42), TypeError);
});

test('a project that installed the package imports renderHtml from carta-carousel/html (its exports map)', () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'carta-ssr-'));
  try {
    fs.mkdirSync(path.join(project, 'node_modules'));
    fs.cpSync(path.join(root, 'dist/npm'), path.join(project, 'node_modules/carta-carousel'), { recursive: true });
    fs.copyFileSync(path.join(root, 'assets/feeds/demo-kinds.json'), path.join(project, 'feed.json'));
    fs.writeFileSync(path.join(project, 'render.mjs'),
      "import fs from 'node:fs';\nimport { renderHtml } from 'carta-carousel/html';\n" +
      "process.stdout.write(await renderHtml(fs.readFileSync('feed.json', 'utf8'), { base: 'https://news.example/feeds/demo-kinds.json', now: '2025-08-30T14:00:00+03:00' }));\n");
    const out = execFileSync(process.execPath, ['render.mjs'], { cwd: project, encoding: 'utf8' });
    assert.equal(out, html(path.join(root, 'assets/feeds/demo-kinds.json'), '--base', BASE + 'demo-kinds.json'));
  } finally {
    fs.rmSync(project, { recursive: true, force: true });
  }
});
