// Writes docs/arabic-vs-chromium.png: the first Arabic demo card as `carta shot` draws it
// (Pango and HarfBuzz, the platform text path), beside the same words set by Chromium
// (HarfBuzz) in an HTML page with the same Noto fonts at the same sizes. For a reader of
// Arabic to judge joining, order and alignment side by side; not a pixel test (the
// browser's own pixels are compared in text.test.mjs).
//   node tests/browser/arabic-reference.mjs [CARTA_BINARY]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, root } from './lib.mjs';

const carta = process.argv[2] || path.join(root, 'build/native/carta');
const feed = JSON.parse(fs.readFileSync(path.join(root, 'assets/feeds/demo-ar.json'), 'utf8'));
const item = feed.items[0];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'carta-arabic-'));
const shot = path.join(tmp, 'carta.png');
execFileSync(carta, ['shot', path.join(root, 'assets/feeds/demo-ar.json'), '-o', shot, '--size', '420x560', '--dpr', '2',
  '--now', '2025-08-10T12:00:00Z']);

const fontDir = '/usr/share/fonts/truetype/noto';
const font = (file) => `url(data:font/ttf;base64,${fs.readFileSync(path.join(fontDir, file)).toString('base64')})`;
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
// The card's sizes (src/core/theme.cpp, ems as in CSS) times the Arabic factors of
// src/draw/fonts.cpp (1.0).
const em = (size, factor) => `${size * factor}px`;
const reference = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>
@font-face { font-family: CartaSans; src: ${font('NotoSansArabic-Regular.ttf')}; }
@font-face { font-family: CartaSans; font-weight: 700; src: ${font('NotoSansArabic-Bold.ttf')}; }
@font-face { font-family: CartaSerif; font-weight: 700; src: ${font('NotoNaskhArabic-Bold.ttf')}; }
body { margin: 0; background: #f2f0eb; padding-top: 214px; }
.card { box-sizing: border-box; width: 388px; margin: 16px; padding: 18px; background: #fff; border-radius: 12px; color: #18181b; }
.category { font: 700 ${em(12, 1.0)}/16px CartaSans; color: #a01e24; margin: 0 0 4px; }
h3 { font: 700 ${em(20, 1.0)}/26px CartaSerif; margin: 0 0 6px; }
.meta { font: 400 ${em(13, 1.0)}/18px CartaSans; color: #5c5c64; margin: 0 0 10px; }
p { font: 400 ${em(15, 1.0)}/22px CartaSans; margin: 0; }
</style></head><body><div class="card">
<p class="category">${esc(item._carta.category)}</p>
<h3>${esc(item.title)}</h3>
<p class="meta">أنطوان خوري · 31 يوليو 2025 · قراءة في دقيقة</p>
<p>${esc(item.summary)}</p>
</div></body></html>`;

const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 420, height: 560 }, deviceScaleFactor: 2 });
  await page.setContent(reference);
  await page.evaluate(() => document.fonts.ready);
  const chromium = await page.screenshot();
  const b64 = (buf) => `data:image/png;base64,${buf.toString('base64')}`;
  const both = await browser.newPage({ viewport: { width: 860, height: 620 }, deviceScaleFactor: 1 });
  await both.setContent(`<!doctype html><body style="margin:0;display:flex;gap:20px;background:#ddd;font:14px sans-serif">
    <figure style="margin:0"><figcaption style="padding:6px">Chromium (HarfBuzz), same fonts and sizes</figcaption>
      <img src="${b64(chromium)}" style="width:420px"></figure>
    <figure style="margin:0"><figcaption style="padding:6px">carta shot (Pango, the platform text path), DPR 2</figcaption>
      <img src="${b64(fs.readFileSync(shot))}" style="width:420px"></figure></body>`);
  await both.evaluate(() => Promise.all([...document.images].map((i) => i.decode())));
  const out = path.join(root, 'docs/arabic-vs-chromium.png');
  await both.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${path.relative(root, out)}`);
} finally {
  await browser.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
