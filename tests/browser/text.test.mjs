// Text in every script: what the font atlas does not cover is set by the browser's own text
// stack (carta-text.js), fetched only for feeds that need it. Each corpus line is drawn
// twice in headless Chromium, as DOM text in the same font, size, width and language and
// as a Carta headline on the canvas, and the pixels are compared; with carta-text.js
// blocked (the atlas alone, the old path) the same comparison must fail for Thai and
// Devanagari.
import fs from 'node:fs';
import test from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveWithFixtures, fixturePage, openAndWaitReady, logical, distFile, sideBySide, mismatch } from './lib.mjs';

// One line per script; each becomes the only item of a feed.
const CORPUS = {
  th: 'ซีเรียยืนยันความสัมพันธ์เชิงยุทธศาสตร์กับรัสเซียในการเยือนมอสโกครั้งแรก',
  hi: 'असद के बाद सीरिया ने रूस के साथ रणनीतिक संबंधों की पुष्टि की',
  ta: 'டார்டஸ், ஹ்மெய்மிம் தளங்கள் ரஷ்யாவுக்கு ஏன் முக்கியம்',
  zh: '阿萨德倒台后，叙利亚重申与俄罗斯的战略关系',
  ja: '安保理、UNIFILの任務終了日を決定',
  ko: '라브로프, 시리아 전후 재건에 러시아 지원 약속',
  ru: 'Сирия после Асада подтверждает стратегические связи',
  el: 'Το Συμβούλιο Ασφαλείας ορίζει ημερομηνία λήξης',
  vi: 'Bộ trưởng Ngoại giao Syria lần đầu thăm Moscow',
  emoji: '🇸🇾 🤝 🇷🇺 Damascus and Moscow 👨‍👩‍👧‍👦 👍🏽',
  // Right to left: the browser's shaping (joining, lam-alef, marks), numbers and Latin kept
  // left to right inside, brackets mirrored.
  ar: 'الشيباني في موسكو: «شراكة استراتيجية» مع روسيا (2025)',
  fa: 'وزیر خارجه سوریه برای نخستین بار به مسکو سفر کرد',
  he: 'מועצת הביטחון קבעה את סיום משימת UNIFIL ב־2026',
};
const RTL = new Set(['ar', 'fa', 'he', 'ur']);
// Where the layout puts the headline of a lone card in an 800 x 450 widget (wide card:
// picture on the left 48 %, text from 18 px inside the rest): core/layout.cpp. A
// right-to-left card is mirrored: picture on the right, text box at the mirrored x.
const HEADLINE = { x: 403, y: 34, width: 363, lineHeight: 26 };
const headlineX = (lang) => (RTL.has(lang) ? 800 - HEADLINE.x - HEADLINE.width : HEADLINE.x);

const feed = (lang, title) => JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1', title: 'corpus', language: lang === 'emoji' ? 'en' : lang,
  items: [{ id: 'a', url: 'https://example.org/a', title }],
});

const fixtures = { 'reference.css': `@font-face { font-family: carta-serif; font-weight: 700; src: url(${distFile('fonts/carta-serif-bold.ttf')}); }
html, body { margin: 0; background: #fff; }
.line { position: absolute; left: ${HEADLINE.x}px; top: ${HEADLINE.y}px; width: ${HEADLINE.width}px;
  font: 700 20px carta-serif, serif; line-height: ${HEADLINE.lineHeight}px; color: rgb(24, 24, 27);
  overflow-wrap: break-word; }
.line[dir="rtl"] { left: ${headlineX('ar')}px; }
` };
for (const [lang, line] of Object.entries(CORPUS)) {
  fixtures[`feed-${lang}.json`] = feed(lang, line);
  fixtures[`carta-${lang}.html`] = fixturePage(
    `<div id="carousel" class="carta" data-feed="feed-${lang}.json" data-height="450" data-loading="eager"></div>`);
  const dir = RTL.has(lang) ? ' dir="rtl"' : '';
  fixtures[`dom-${lang}.html`] = fixturePage(`<div class="line" lang="${lang === 'emoji' ? 'en' : lang}"${dir}>${line}</div>`,
    { css: 'reference.css' }).replace('<script src="carta.js" async></script>\n', '');
}

// The DOM's rendering of a line, its height in lines, and Carta's rendering of the same box.
async function renderBoth(browser, url, lang, dpr, { blockText = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 800, height: 450 }, deviceScaleFactor: dpr });
  try {
    const dom = await context.newPage();
    await dom.goto(url + `dom-${lang}.html`);
    await dom.evaluate(() => document.fonts.ready);
    const height = await dom.evaluate(() => document.querySelector('.line').getBoundingClientRect().height);
    const clip = { x: headlineX(lang) - 4, y: HEADLINE.y, width: HEADLINE.width + 8, height };
    const domPng = await dom.screenshot({ clip });
    const carta = await context.newPage();
    const requests = [];
    carta.on('request', (r) => requests.push(logical(new URL(r.url()).pathname)));
    if (blockText) await carta.route(/\/carta-text\.[0-9a-f]{12}\.js$|\/carta-text\.js$/, (route) => route.abort());
    await openAndWaitReady(carta, url + `carta-${lang}.html`);
    await carta.waitForTimeout(300);
    const cartaPng = await carta.screenshot({ clip });
    return { domPng, cartaPng, lines: Math.round(height / HEADLINE.lineHeight), requests };
  } finally {
    await context.close();
  }
}

test('every script of the corpus matches the browser\'s own rendering, at DPR 1 and 2', async () => {
  const server = await serveWithFixtures('carta-text-', fixtures);
  const browser = await launch();
  const figures = {};
  const pairs = [];
  try {
    for (const dpr of [1, 2]) {
      for (const lang of Object.keys(CORPUS)) {
        const { domPng, cartaPng, requests } = await renderBoth(browser, server.url, lang, dpr);
        assert.ok(requests.includes('/carta-text.js'), `${lang}: the browser's text stack is fetched`);
        const fraction = await mismatch(browser, cartaPng, domPng);
        figures[`${lang}@${dpr}x`] = +(fraction * 100).toFixed(3);
        if (dpr === 2) pairs.push([lang, domPng, cartaPng]);
        assert.ok(fraction <= 0.005, `${lang} at DPR ${dpr}: ${(fraction * 100).toFixed(2)} % of pixels differ (limit 0.5 %)`);
      }
    }
    console.log('carta text parity, % of pixels differing', JSON.stringify(figures));
    // CARTA_TEXT_PICTURE=docs/text-vs-chromium.png: the pairs side by side, for people.
    if (process.env.CARTA_TEXT_PICTURE) fs.writeFileSync(process.env.CARTA_TEXT_PICTURE, await sideBySide(browser, pairs));
  } finally {
    await browser.close();
    await server.close();
  }
});

test('negative control: the atlas alone fails the same comparison for Thai and Devanagari', async () => {
  const server = await serveWithFixtures('carta-text-', fixtures);
  const browser = await launch();
  try {
    for (const lang of ['th', 'hi']) {
      const { domPng, cartaPng } = await renderBoth(browser, server.url, lang, 1, { blockText: true });
      const fraction = await mismatch(browser, cartaPng, domPng);
      assert.ok(fraction > 0.005, `${lang} through the atlas should not pass (${(fraction * 100).toFixed(2)} %)`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
});

test('a Russian feed gets Russian words on the canvas and in the mirror, fetched for it alone', async () => {
  const ru = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1', title: 'Новости', language: 'ru',
    items: [1, 2, 3].map((n) => ({ id: `ru-${n}`, url: `https://example.org/ru/${n}`, title: CORPUS.ru + ' ' + n,
      date_published: '2025-07-31T20:15:00+03:00', _carta: { read_time_minutes: n } })),
  });
  const server = await serveWithFixtures('carta-words-', {
    'ru.json': ru,
    'ru.html': fixturePage('<div id="carousel" class="carta" data-feed="ru.json" data-height="420" data-loading="eager"></div>'),
  });
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 600 } });
    const requests = [];
    page.on('request', (r) => requests.push(logical(new URL(r.url()).pathname)));
    await openAndWaitReady(page, server.url + 'ru.html');
    await page.waitForTimeout(300);
    const mirror = await page.evaluate(() => {
      const root = document.querySelector('#carousel').shadowRoot;
      return {
        lang: root.querySelector('[role="region"]').getAttribute('lang'),
        next: root.querySelector('button[data-kind="3"]').getAttribute('aria-label'),
        text: root.querySelector('[role="region"]').textContent,
      };
    });
    assert.equal(mirror.lang, 'ru');
    assert.equal(mirror.next, 'Следующая карточка');
    // The card's meta line is the canvas's own (carta_view_json): Russian date and plurals.
    assert.match(mirror.text, /31 июл\. 2025/);
    assert.match(mirror.text, /1 минута чтения/);
    assert.match(mirror.text, /2 минуты чтения/);
    assert.deepEqual(requests.filter((p) => p.startsWith('/words/')), ['/words/ru.json']);
  } finally {
    await browser.close();
    await server.close();
  }
});

// Long headlines, wrapped at three card widths; the atlas path (en) and the browser's (ar,
// th, ja, hi) must break where the browser's own layout breaks the same text.
const BREAKS = {
  en: ['en', 'Post-Assad Syria reaffirms strategic ties with Russia as Lavrov promises help with rebuilding', 'carta-serif', 'fonts/carta-serif-bold.ttf'],
  ar: ['ar', 'سوريا ما بعد الأسد تؤكد شراكتها الاستراتيجية مع روسيا في أول زيارة إلى موسكو', 'carta-serif', 'fonts/carta-serif-bold.ttf'],
  th: ['th', CORPUS.th, 'carta-serif', 'fonts/carta-serif-bold.ttf'],
  ja: ['ja', '国連安全保障理事会は、レバノン暫定軍の任務を最後に延長し、2026年12月31日をもって終了することを全会一致で決定した', 'carta-serif', 'fonts/carta-serif-bold.ttf'],
  hi: ['hi', CORPUS.hi + ' और पुनर्निर्माण में मदद का वादा किया', 'carta-serif', 'fonts/carta-serif-bold.ttf'],
};
const SIZES = [[360, 560], [800, 450], [1280, 420]];

test('line breaks: Carta breaks headlines where the browser does, in th, ja, hi, ar and en at three widths', async () => {
  const files = {};
  for (const [key, [lang, title]] of Object.entries(BREAKS)) {
    files[`breaks-${key}.json`] = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 't', language: lang,
      items: [{ id: 'a', url: 'https://example.org/a', title }] });
    for (const [w, h] of SIZES)
      files[`breaks-${key}-${w}.html`] = fixturePage(`<div id="carousel" class="carta" data-feed="breaks-${key}.json" data-height="${h}" data-loading="eager"></div>`);
  }
  files['breaks.html'] = fixturePage('', { css: 'breaks.css' }).replace('<script src="carta.js" async></script>\n', '');
  files['breaks.css'] = Object.values(BREAKS).map(([, , family, file]) =>
    `@font-face { font-family: ${family}; font-weight: 700; src: url(${distFile(file)}); }`).join('\n') + '\nbody { margin: 0; }';
  const server = await serveWithFixtures('carta-breaks-', files);
  const browser = await launch();
  const normal = (s) => s.replace(/…/g, '').normalize('NFKC').replace(/[\s\u200f\u200e]/g, '');
  try {
    for (const [key, [lang, title, family]] of Object.entries(BREAKS)) {
      for (const [w, h] of SIZES) {
        const page = await browser.newPage({ viewport: { width: w, height: h } });
        await openAndWaitReady(page, server.url + `breaks-${key}-${w}.html`);
        const view = await page.evaluate(() => document.querySelector('#carousel').cartaHandle.view());
        const headline = view.cards[0].headline;
        const ref = await browser.newPage({ viewport: { width: w, height: h } });
        await ref.goto(server.url + 'breaks.html');
        const domLines = await ref.evaluate(async ([text, lang, family, width]) => {
          await document.fonts.load(`700 20px ${family}`, text);
          const div = document.createElement('div');
          div.lang = lang;
          div.dir = lang === 'ar' ? 'rtl' : 'ltr';
          div.style.cssText = `position:absolute;width:${width}px;font:700 20px ${family}, serif;line-height:26px;overflow-wrap:break-word`;
          div.textContent = text;
          document.body.appendChild(div);
          const node = div.firstChild, range = document.createRange(), starts = [0];
          const seg = [...new Intl.Segmenter(lang, { granularity: 'grapheme' }).segment(text)].map((s) => s.index);
          let top = null;
          for (const i of seg) {
            range.setStart(node, i);
            range.setEnd(node, i + 1 <= text.length ? i + 1 : i);
            const r = range.getClientRects()[0];
            if (!r || !r.height) continue;
            if (top === null) top = r.top;
            else if (r.top > top + 13) { starts.push(i); top = r.top; }
          }
          return starts.map((s, k) => text.slice(s, starts[k + 1] ?? text.length));
        }, [title, lang, family, headline.rect[2]]);
        // Carta clamps the headline (its last line may end in an ellipsis): every line before
        // the last must be the browser's line, and the last must begin like the browser's.
        const carta = headline.lines.map(normal), dom = domLines.map(normal);
        const where = `${key} at ${w} px (${headline.rect[2]} px):\n carta ${JSON.stringify(headline.lines)}\n dom   ${JSON.stringify(domLines)}`;
        if (process.env.CARTA_BREAKS_LOG) console.log(where);
        assert.ok(carta.length >= 1 && carta.length <= dom.length, where);
        for (let k = 0; k + 1 < carta.length; k++) assert.equal(carta[k], dom[k], where);
        assert.ok(dom[carta.length - 1].startsWith(carta[carta.length - 1]), where);
        await page.close();
        await ref.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
});
