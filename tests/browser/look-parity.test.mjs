// Each publisher's look (web/looks/*.css) drawn by Carta beside a DOM reference styled with
// the same values — the same web fonts, colours, sizes and line heights, at the places the
// layout gives the first card's headline and summary lines (the widget's view()) — compared
// pixel by pixel both ways: what Carta draws must be in the reference and what the reference
// shows must be in Carta's, so a missing or half-drawn line fails. A picture of the two side
// by side goes to build/browser/looks/ (CARTA_LOOKS_OUT).
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveWithFixtures, fixturePage, openAndWaitReady, root, sideBySide, mismatch } from './lib.mjs';

const LOOKS = ['broadsheet', 'tabloid', 'magazine'];
const out = process.env.CARTA_LOOKS_OUT || path.join(root, 'build/browser/looks');
// core/theme.cpp: the headline and body roles' weight, size and line height.
const ROLES = { headline: ['700 20px', 26, '--carta-font-headline'], summaryText: ['400 15px', 22, '--carta-font-text'] };
const CSS = `@import url(gallery.css); @import url(looks/broadsheet.css); @import url(looks/tabloid.css);
@import url(looks/magazine.css);
html, body { margin: 0; background: #fff; }
.wrap { position: absolute; left: 24px; top: 24px; width: 900px; padding: 0; }
`;
const fixtures = { 'parity.css': CSS };
for (const look of LOOKS) {
  fixtures[`carta-${look}.html`] = fixturePage(
    `<div class="wrap look-${look}"><div id="carousel" class="carta" data-feed="demo.json" data-height="460" data-loading="eager"></div></div>`,
    { css: 'parity.css' });
  fixtures[`dom-${look}.html`] = fixturePage(`<div class="wrap look-${look}" id="reference"></div>`, { css: 'parity.css' })
    .replace('<script src="carta.js" async></script>\n', '');
}

// The reference: a card-coloured box per block, each line a block of its own at the place,
// in the font, size, line height and colour Carta's layout gives it.
function drawReference(page, card, blocks) {
  return page.evaluate(async ([card, blocks, roles]) => {
    const ref = document.getElementById('reference');
    ref.style.height = '460px';
    const cs = getComputedStyle(ref);
    const loads = [];
    for (const [name, block] of Object.entries(blocks)) {
      const [font, lh, family] = roles[name];
      const fontText = font + ' ' + cs.getPropertyValue(family);
      loads.push(document.fonts.load(fontText));
      const box = document.createElement('div');
      Object.assign(box.style, { position: 'absolute', left: block.rect[0] - 4 + 'px', top: block.rect[1] + 'px',
                                 width: block.rect[2] + 8 + 'px', height: block.rect[3] + 'px',
                                 background: cs.getPropertyValue('--carta-color-card') });
      ref.appendChild(box);
      block.lines.forEach((text, k) => {
        const line = document.createElement('div');
        Object.assign(line.style, { position: 'absolute', left: block.rect[0] + 'px', top: block.rect[1] + k * lh + 'px',
                                    whiteSpace: 'pre', font: fontText, lineHeight: lh + 'px',
                                    color: cs.getPropertyValue('--carta-color-text') });
        line.textContent = text;
        ref.appendChild(line);
      });
    }
    await Promise.all(loads);
    await document.fonts.ready;
    void card;
  }, [card, blocks, ROLES]);
}

test('each publisher\'s look: headline and summary as the browser sets them in the same fonts, both ways', async () => {
  const server = await serveWithFixtures('carta-parity-', fixtures);
  const browser = await launch();
  fs.mkdirSync(out, { recursive: true });
  const figures = [], pairs = [];
  try {
    for (const look of LOOKS) {
      const context = await browser.newContext({ viewport: { width: 960, height: 520 } });
      try {
        const carta = await context.newPage();
        await openAndWaitReady(carta, server.url + `carta-${look}.html`);
        // Carta waits up to 3 s for the page's fonts, then draws again when a late one
        // arrives: the comparison is of the cards once the page's fonts are in.
        await carta.evaluate(() => document.fonts.ready);
        await carta.waitForTimeout(500);
        const card = (await carta.evaluate(() => document.querySelector('#carousel').cartaHandle.view())).cards[0];
        const blocks = { headline: card.headline, summaryText: card.summaryText };
        assert.ok(blocks.headline && blocks.headline.lines.length, `${look}: a headline`);
        assert.ok(blocks.summaryText && blocks.summaryText.lines.length, `${look}: a summary`);
        const dom = await context.newPage();
        await dom.goto(server.url + `dom-${look}.html`);
        await drawReference(dom, card, blocks);
        await dom.waitForTimeout(200);
        for (const [name, block] of Object.entries(blocks)) {
          const clip = { x: 24 + block.rect[0] - 4, y: 24 + block.rect[1], width: block.rect[2] + 8, height: block.rect[3] };
          const ours = await carta.screenshot({ clip }), theirs = await dom.screenshot({ clip });
          pairs.push([`${look} ${name === 'headline' ? 'headline' : 'summary'}`, theirs, ours]);
          const near = { radius: 1, tolerance: 24 };
          const a = await mismatch(browser, ours, theirs, near), b = await mismatch(browser, theirs, ours, near);
          figures.push(`${look} ${name} (${block.lines.length} lines): ${(a * 100).toFixed(2)} % of Carta's pixels not in the DOM's, ${(b * 100).toFixed(2)} % the other way`);
          assert.ok(a <= 0.005 && b <= 0.005, figures[figures.length - 1]);
        }
      } finally {
        await context.close();
      }
    }
    fs.writeFileSync(path.join(out, 'looks-side-by-side.png'), await sideBySide(browser, pairs, 250));
  } finally {
    console.log(figures.join('\n'));
    await browser.close();
    await server.close();
  }
});
