// Core Web Vitals for the partner's page (issue 20): the widgets must not move the page as
// they load. Cumulative Layout Shift of the demo and partner pages, from the browser's own
// layout-shift entries, scrolled top to bottom so every lazy widget starts, at a phone and
// a desktop size: at most 0.01 (Google calls 0.1 "good").
import test from 'node:test';
import assert from 'node:assert/strict';
import { launch, layoutShifts, serve, shiftSum } from './lib.mjs';

const SIZES = [{ width: 390, height: 844 }, { width: 1280, height: 900 }];

test('no layout shift on the demo and partner pages, phone and desktop', async () => {
  const server = await serve();
  const browser = await launch();
  const figures = {};
  try {
    for (const name of ['index.html', 'partner.html']) {
      for (const viewport of SIZES) {
        const page = await browser.newPage({ viewport });
        const shifts = await layoutShifts(page, server.url + name);
        const cls = shiftSum(shifts);
        figures[`${name} ${viewport.width}x${viewport.height}`] = +cls.toFixed(4);
        assert.ok(cls <= 0.01, `${name} at ${viewport.width}x${viewport.height}: CLS ${cls.toFixed(4)}, shifts ${JSON.stringify(shifts)}`);
        await page.close();
      }
    }
    console.log('carta layout shift', JSON.stringify(figures));
  } finally {
    await browser.close();
    await server.close();
  }
});
