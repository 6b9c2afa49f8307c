import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { serve, launch, dist } from './lib.mjs';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'carta-x-'));
fs.cpSync(dist, tmp, { recursive: true });
fs.writeFileSync(path.join(tmp, 'missing.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title><link rel="icon" href="data:,"></head><body>
<div id="carousel" class="carta" data-feed="nope.json" data-height="420" data-loading="eager"></div>
<script src="carta.js" async></script></body></html>`);
const server = await serve(tmp);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
page.on('console', m => console.log(m.text()));
let release; const held = new Promise(r => release = r);
await page.route('**/nope.json', async (route) => { await held; await route.continue(); });
await page.goto(server.url + 'missing.html');
await page.waitForTimeout(1500);
fs.writeFileSync('/tmp/scratch/loading.png', await page.locator('#carousel').screenshot());
release();
await page.waitForTimeout(2000);
fs.writeFileSync('/tmp/scratch/error.png', await page.locator('#carousel').screenshot());
console.log(await page.locator('#carousel').ariaSnapshot());
await browser.close(); await server.close(); fs.rmSync(tmp, { recursive: true });
