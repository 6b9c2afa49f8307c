// Core Web Vitals for the partner's page (issue 20): the widgets must not move the page as
// they load. Cumulative Layout Shift of the demo and partner pages, from the browser's own
// layout-shift entries, scrolled top to bottom so every lazy widget starts, at a phone and
// a desktop size: at most 0.01 (Google calls 0.1 "good").
import test from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve } from './lib.mjs';

const SIZES = [{ width: 390, height: 844 }, { width: 1280, height: 900 }];

test('no layout shift on the demo and partner pages, phone and desktop', async () => {
  const server = await serve();
  const browser = await launch();
  const figures = {};
  try {
    for (const name of ['index.html', 'partner.html']) {
      for (const viewport of SIZES) {
        const page = await browser.newPage({ viewport });
        await page.addInitScript(() => {
          window.__shifts = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) {
              if (!e.hadRecentInput) window.__shifts.push({ value: e.value, sources: (e.sources || []).map((s) => s.node && (s.node.id || s.node.nodeName)) });
            }
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(server.url + name);
        await page.waitForTimeout(1500);
        // Scroll to the end in steps (lazy widgets start as they come near) and back.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0; y <= height; y += viewport.height / 2) {
          await page.evaluate((top) => window.scrollTo(0, top), y);
          await page.waitForTimeout(250);
        }
        await page.waitForTimeout(1500);
        const shifts = await page.evaluate(() => window.__shifts);
        const cls = shifts.reduce((sum, s) => sum + s.value, 0);
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
