// First card, one definition for every carousel: the time after navigation start at which
// the pixels inside the widget's box stop changing for good, read from the browser's own
// frames — Chromium's trace screenshots (disabled-by-default-devtools.screenshot), one a
// compositor frame that changed something, each with the time the frame was meant to be
// shown, on the trace's clock, as navigationStart is. Carta, Swiper 14 and Splide 4 (bench/web)
// on one page shape: one carousel of the demo feed, 420 px high, in an 800 × 600 viewport
// (so two cards show in each), the peers with the same faces as Carta, their pictures past
// the first view lazy (loading="lazy", as Swiper's docs advise; Splide's own lazyLoad,
// as its docs do: bench/web/baseline-cards.js).
//
// Each run is a fresh browser (nothing warm: cache, connections, GPU process, compiled code)
// with the CPU throttled (4x stands in for a mid-range phone), and each network profile:
// none, and slow 4G (150 ms latency, 1.6 Mbit/s down, 750 kbit/s up); the site is served as
// a CDN serves it, each file compressed once (bench/cdn.mjs), brotli or gzip by the request.
// Pages alternate in each round — Carta, Swiper, Splide, Carta… — in one invocation. Nothing
// of Playwright runs in the measured page: it is opened with CDP Page.navigate, left alone
// for the observation window while Node waits, and only then asked for its box.
//
// Per run: visually complete (the first frame from which on the box is what it is at the
// end: no pixel off by more than 24 levels in any channel, 4 px in from its edges; it must
// then stay so to the end of the window, at least --stable ms), the first change in the
// box, the longest main-thread task and total blocking time (each task's time over 50 ms)
// from the trace's tasks on the page's main thread, over the same fixed window for all
// three pages (navigation start to the end of the observation window), what the page
// fetched, and when the browser asked for each picture and had it. Every run is
// printed, then each page's median and range; never a best-of. BENCH_DEBUG=1 also prints
// each run's pixel counts and long tasks; --frames DIR saves the box of every frame as PNG.
//   node bench/visually-complete.mjs [--runs 5] [--rates 4[,1]] [--profiles none,slow4g]
//        [--window-none 8000] [--window-slow4g 14000] [--stable 3000] [--frames DIR] [--json]
// CARTA_DIST=DIR measures the release in DIR instead of this build's dist/.
import fs from 'node:fs';
import path from 'node:path';
import { fixturePage } from '../tests/browser/lib.mjs';
import { baselineFiles, dist, launchBench, option, widget } from './lib.mjs';
import { serveCdn } from './cdn.mjs';

const args = process.argv.slice(2);
const runs = Number(option(args, '--runs', 5));
const rates = option(args, '--rates', '4').split(',').map(Number);
const stableMs = Number(option(args, '--stable', 3000));
const framesDir = option(args, '--frames', '');
const VIEWPORT = { width: 800, height: 600 };

const PROFILES = {
  none: { label: 'no network throttling', window: 8000, conditions: null },
  slow4g: {
    label: 'slow 4G: 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up',
    window: 14000,
    conditions: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8, connectionType: 'cellular4g' },
  },
};
const profiles = option(args, '--profiles', 'none,slow4g').split(',');
for (const name of profiles) {
  if (!PROFILES[name]) throw new Error(`no network profile ${name} (${Object.keys(PROFILES).join(', ')})`);
  PROFILES[name].window = Number(option(args, '--window-' + name, PROFILES[name].window));
}

const files = { ...baselineFiles(), 'carta.html': fixturePage(widget()) };

// How each page's box is found: the element the carousel is built in, its bounding client
// rectangle read once the window is over (the page at rest).
const PAGES = [
  { name: 'Carta', file: 'carta.html', how: '#carousel, the div.carta the widget mounts in (its canvas fills it)' },
  { name: 'Swiper', file: 'swiper.html', how: '#carousel, the div.swiper container (slides, arrows, dots)' },
  { name: 'Splide', file: 'splide.html', how: '#carousel, the section.splide root (track, arrows, dots)' },
];

const TRACE_CATEGORIES = ['toplevel', 'blink.user_timing', 'disabled-by-default-devtools.screenshot', '__metadata'];
const BOX_INSET = 4;       // CSS px left out at each edge: JPEG blocks there also hold pixels outside the box
const PIXEL_CHANGED = 24;  // a pixel changed when a channel moved more than this (JPEG noise stays under it)
const MIN_PIXELS = 3;      // a frame changed the box when at least this many of its pixels did

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// One cold run of `page`: returns the trace's events, the box, a reference screenshot of it
// taken after the window, and the server's log of the run's requests.
async function measure(server, page, profile, rate) {
  const browser = await launchBench();
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    const network = new Map();  // requestId → { url, asked, done } on CDP's monotonic clock (s)
    cdp.on('Network.requestWillBeSent', (e) => network.set(e.requestId, { url: e.request.url, asked: e.timestamp }));
    cdp.on('Network.loadingFinished', (e) => { const r = network.get(e.requestId); if (r) r.done = e.timestamp; });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (profile.conditions) await cdp.send('Network.emulateNetworkConditions', profile.conditions);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await cdp.send('Page.enable');
    await sleep(500);  // the new browser's own start-up settles
    const events = [];
    cdp.on('Tracing.dataCollected', (d) => { for (const e of d.value) events.push(e); });
    const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordContinuously' }, transferMode: 'ReportEvents' });
    const logFrom = server.log.length;
    const url = server.url + page.file;
    await cdp.send('Page.navigate', { url });
    await sleep(profile.window + 300);
    await cdp.send('Tracing.end');
    await traced;
    const requests = server.log.slice(logFrom);
    const box = (await cdp.send('Runtime.evaluate', {
      returnByValue: true,
      expression: `(() => {
        const el = document.querySelector('#carousel');
        const r = el.getBoundingClientRect();
        const canvas = el.querySelector('canvas') || (el.shadowRoot && el.shadowRoot.querySelector('canvas'));
        const c = canvas && canvas.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, element: el.tagName.toLowerCase() + '.' + el.className.split(' ')[0],
                 canvas: c ? [c.x, c.y, c.width, c.height] : null, dpr: devicePixelRatio,
                 images: [...document.querySelectorAll('#carousel img')].filter((i) => i.complete && i.naturalWidth).length };
      })()`,
    })).result.value;
    const reference = (await cdp.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: false })).data;
    await context.close();
    return { url, events, box, reference, requests, network: [...network.values()], browser };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

// The box's frames compared in a blank page of the same (now idle) browser: each trace
// screenshot decoded, cropped to the box (inset), and compared with the one before; the
// last one also with the reference screenshot taken after the window.
async function compareFrames(browser, shots, startsWithBefore, box, reference, saveFrames) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  try {
    return await tab.evaluate(async ({ shots, startsWithBefore, box, reference, viewport, inset, threshold, saveFrames }) => {
      const decode = (b64, type) => createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type }));
      const crop = (bitmap, scale) => {
        const x = Math.round((box.x + inset) * scale), y = Math.round((box.y + inset) * scale);
        const w = Math.round((box.width - 2 * inset) * scale), h = Math.round((box.height - 2 * inset) * scale);
        const canvas = new OffscreenCanvas(w, h);
        const g = canvas.getContext('2d');
        g.drawImage(bitmap, -x, -y);
        return { canvas, data: g.getImageData(0, 0, w, h).data, w, h };
      };
      const changed = (a, b) => {
        let n = 0;
        for (let i = 0; i < a.length; i += 4)
          if (Math.abs(a[i] - b[i]) > threshold || Math.abs(a[i + 1] - b[i + 1]) > threshold || Math.abs(a[i + 2] - b[i + 2]) > threshold) n++;
        return n;
      };
      const toPng = async (canvas) => {
        const blob = await canvas.convertToBlob({ type: 'image/png' });
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let s = '';
        for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(s);
      };
      const out = { diffs: [], toFinal: [], pixels: 0, size: null, pngs: [] };
      const kept = [];
      let previous = null, last = null, scale = 1;
      for (const b64 of shots) {
        const bitmap = await decode(b64, 'image/jpeg');
        scale = bitmap.width / viewport.width;
        out.size = [bitmap.width, bitmap.height];
        const frame = crop(bitmap, scale);
        out.pixels = frame.w * frame.h;
        // No frame before navigation start in the trace: the box was about:blank's white.
        if (!previous && !startsWithBefore) previous = { data: new Uint8ClampedArray(frame.data.length).fill(255) };
        out.diffs.push(previous ? changed(previous.data, frame.data) : null);
        if (saveFrames) out.pngs.push(await toPng(frame.canvas));
        previous = last = frame;
        kept.push(frame.data);
      }
      for (const data of kept) out.toFinal.push(changed(data, last.data));
      // The reference (full size PNG) brought to the trace's scale, then compared cell by
      // cell (16 px cells at that scale): a mean colour off by more than 16 levels in any
      // cell means the trace missed the box's last change.
      const ref = await decode(reference, 'image/png');
      const small = new OffscreenCanvas(Math.round(ref.width * scale), Math.round(ref.height * scale));
      small.getContext('2d').drawImage(ref, 0, 0, small.width, small.height);
      const r = crop(small, 1);
      let worst = 0;
      if (last) {
        const cell = 16;
        for (let cy = 0; cy + cell <= r.h; cy += cell)
          for (let cx = 0; cx + cell <= r.w; cx += cell)
            for (let ch = 0; ch < 3; ch++) {
              let a = 0, b = 0;
              for (let y = cy; y < cy + cell; y++)
                for (let x = cx; x < cx + cell; x++) { const i = (y * r.w + x) * 4 + ch; a += last.data[i]; b += r.data[i]; }
              worst = Math.max(worst, Math.abs(a - b) / (cell * cell));
            }
      }
      out.referenceOff = worst;
      return out;
    }, { shots, startsWithBefore, box, reference, viewport: VIEWPORT, inset: BOX_INSET, threshold: PIXEL_CHANGED, saveFrames });
  } finally {
    await context.close();
  }
}

// The figures of one run from its trace and frames.
async function analyse(m, profile, tag) {
  const nav = m.events.find((e) => e.name === 'navigationStart' && e.args && e.args.data && e.args.data.documentLoaderURL === m.url);
  if (!nav) throw new Error('no navigationStart for ' + m.url + ' in the trace');
  const t0 = nav.ts, end = t0 + profile.window * 1000;
  const ms = (ts) => (ts - t0) / 1000;

  // Tasks: the top-level RunTask slices of the page's main thread (the thread that marked
  // navigationStart), clipped to the window.
  const tasks = m.events
    .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.pid === nav.pid && e.tid === nav.tid)
    .sort((a, b) => a.ts - b.ts);
  let longest = 0, longestAt = NaN, tbt = 0, reach = -Infinity;
  const longTasks = [];
  for (const t of tasks) {
    if (t.ts < reach) continue;  // nested in the one before
    reach = t.ts + t.dur;
    const from = Math.max(t.ts, t0), to = Math.min(t.ts + t.dur, end);
    if (to <= from) continue;
    const d = (to - from) / 1000;
    if (d > longest) { longest = d; longestAt = ms(from); }
    if (d > 50) longTasks.push(`${Math.round(ms(from))}+${Math.round(d)}`);
    tbt += Math.max(0, d - 50);
  }

  // Frames: every screenshot of the window, with the last one shown before navigation start
  // as the first (the box as it was).
  const shots = m.events.filter((e) => e.name === 'Screenshot' && e.args && e.args.snapshot)
    .map((e) => ({ t: e.args.expected_display_time || e.ts, data: e.args.snapshot }))
    .sort((a, b) => a.t - b.t);
  const before = shots.filter((s) => s.t <= t0).pop();
  const frames = (before ? [before] : []).concat(shots.filter((s) => s.t > t0 && s.t <= end + 300000));
  const cmp = await compareFrames(m.browser, frames.map((f) => f.data), !!before, m.box, m.reference, !!framesDir);
  const changes = [];
  cmp.diffs.forEach((d, i) => { if (d !== null && d >= MIN_PIXELS) changes.push({ at: Math.max(0, ms(frames[i].t)), pixels: d }); });
  // Visually complete: the first frame from which on every frame is the last one (no pixel
  // of the box off by more than the threshold) — a change that creeps (a fade) counts
  // until it is within the threshold of where it ends.
  let settled = cmp.toFinal.length - 1;
  while (settled > 0 && cmp.toFinal[settled - 1] < MIN_PIXELS) settled--;
  const vc = settled > 0 || !before ? Math.max(0, ms(frames[settled].t)) : NaN;
  if (framesDir) {
    fs.mkdirSync(framesDir, { recursive: true });
    cmp.pngs.forEach((png, i) => {
      const at = Math.round(ms(frames[i].t));
      fs.writeFileSync(path.join(framesDir, `${tag}-${String(i).padStart(2, '0')}-${at}ms.png`), Buffer.from(png, 'base64'));
    });
  }
  const marks = {};
  for (const e of m.events)
    if (e.cat === 'blink.user_timing' && e.pid === nav.pid && /^(carta|baseline):/.test(e.name) && !(e.name in marks) && e.ts >= t0)
      marks[e.name] = Math.round(ms(e.ts));
  // The pictures' requests as the browser saw them (CDP's timestamps are on the trace's clock).
  const pictureTimes = m.network.filter((r) => /\.(jpe?g|png|webp|avif)$/.test(new URL(r.url).pathname))
    .map((r) => [Math.round(ms(r.asked * 1e6)), Math.round(ms(r.done * 1e6))]).sort((a, b) => a[0] - b[0]);
  const pictures = m.requests.filter((r) => /\.(jpe?g|png|webp|avif)$/.test(r.path) && r.status === 200);
  return {
    visuallyComplete: vc,
    firstChange: changes.length ? changes[0].at : NaN,
    changes,
    frames: frames.length,
    stableFor: profile.window - vc,
    stable: profile.window - vc >= stableMs,
    referenceOff: cmp.referenceOff,
    longestTask: longest,
    longestTaskAt: longestAt,
    longTasks,
    tbt,
    requests: m.requests.length,
    bytes: m.requests.reduce((n, r) => n + r.bytes, 0),
    encodings: [...new Set(m.requests.map((r) => r.encoding).filter(Boolean))],
    pictures: pictures.length,
    pictureTimes,
    pictureBytes: pictures.reduce((n, r) => n + r.bytes, 0),
    notFound: m.requests.filter((r) => r.status !== 200).map((r) => r.path),
    box: m.box,
    screenshot: cmp.size,
    diffs: cmp.diffs,
    toFinal: cmp.toFinal,
    boxPixels: cmp.pixels,
    marks,
  };
}

const median = (xs) => { const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b); return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const spread = (xs) => { const s = xs.filter((x) => !Number.isNaN(x)); return `${Math.round(median(s))} (${Math.round(Math.min(...s))}–${Math.round(Math.max(...s))})`; };
const kb = (b) => (b / 1000).toFixed(1) + ' kB';

const server = await serveCdn('carta-bench-vc-', dist, files);
const results = [];
const boxesShown = new Set();
const started = Date.now();
try {
  console.log(`dist: ${dist}; viewport ${VIEWPORT.width} × ${VIEWPORT.height}, DPR 1; ${runs} runs a page; a fresh browser each run`);
  for (const profileName of profiles) {
    const profile = PROFILES[profileName];
    for (const rate of rates) {
      console.log(`\n${profileName} (${profile.label}), CPU ${rate}x, served compressed; window ${profile.window} ms, stable ≥ ${stableMs} ms`);
      for (let run = 1; run <= runs; run++) {
        for (const page of PAGES) {
          const tag = `${profileName}-${rate}x-run${run}-${page.name.toLowerCase()}`;
          const m = await measure(server, page, profile, rate);
          let r;
          try {
            r = await analyse(m, profile, tag);
          } finally {
            await m.browser.close();
          }
          results.push({ profile: profileName, rate, run, page: page.name, ...r });
          const b = r.box;
          const boxKey = `${page.name} ${b.x},${b.y},${b.width},${b.height}`;
          if (!boxesShown.has(boxKey)) {
            boxesShown.add(boxKey);
            console.log(`  box of ${page.name}: ${page.how}: ${b.element} at (${b.x}, ${b.y}) ${b.width} × ${b.height} CSS px` +
                        (b.canvas ? `, canvas (${b.canvas.join(', ')})` : '') + `, compared inset ${BOX_INSET} px in ${r.screenshot.join(' × ')} trace screenshots`);
          }
          const warn = [];
          if (!r.stable) warn.push(`NOT STABLE: last change ${Math.round(r.stableFor)} ms before the window's end`);
          if (r.referenceOff > 16) warn.push(`last trace frame differs from the screen after the window (cell off by ${r.referenceOff.toFixed(0)})`);
          if (r.notFound.length) warn.push('404: ' + r.notFound.join(' '));
          console.log(`  run ${run} ${page.name.padEnd(6)} visually complete ${String(Math.round(r.visuallyComplete)).padStart(5)} ms` +
                      ` | box changes at ${r.changes.map((c) => Math.round(c.at)).join(' ')} ms (${r.frames} frames)` +
                      ` | longest task ${Math.round(r.longestTask)} ms (from ${Math.round(r.longestTaskAt)}), TBT ${Math.round(r.tbt)} ms` +
                      ` | ${r.requests} requests ${kb(r.bytes)} (${r.encodings.join('/') || 'identity'}), ${r.pictures} pictures ${kb(r.pictureBytes)}` +
                      (warn.length ? ' | ' + warn.join('; ') : ''));
          console.log('             pictures asked–in at ' + r.pictureTimes.map(([a, b]) => `${a}–${b}`).join(', ') +
                      (Object.keys(r.marks).length ? '; marks: ' + Object.entries(r.marks).map(([k, v]) => `${k.replace(/^(carta|baseline):/, '')} ${v}`).join(', ') : ''));
          if (process.env.BENCH_DEBUG) console.log('             pixels changed, frame by frame: ' + r.diffs.join(' ') + ` of ${r.boxPixels}; to the last: ${r.toFinal.join(' ')}; long tasks (at+ms): ${r.longTasks.join(' ')}`);
        }
      }
    }
  }
} finally {
  await server.close();
}

const table = [];
for (const profileName of profiles)
  for (const rate of rates)
    for (const page of PAGES) {
      const rs = results.filter((r) => r.profile === profileName && r.rate === rate && r.page === page.name);
      table.push({
        profile: profileName, rate, page: page.name, runs: rs.length,
        visuallyComplete: spread(rs.map((r) => r.visuallyComplete)),
        firstChange: spread(rs.map((r) => r.firstChange)),
        longestTask: spread(rs.map((r) => r.longestTask)),
        tbt: spread(rs.map((r) => r.tbt)),
        pictures: spread(rs.map((r) => r.pictures)),
        bytes: spread(rs.map((r) => r.bytes / 1000)),
        unstable: rs.filter((r) => !r.stable).length,
        medianVc: median(rs.map((r) => r.visuallyComplete)),
      });
    }

if (args.includes('--json')) {
  console.log(JSON.stringify({ table, results: results.map(({ changes, marks, ...r }) => ({ ...r, changes, marks })) }, null, 2));
} else {
  console.log(`\nmedian (min–max) of ${runs} runs, ms after navigation start; TBT and longest task over navigation start to the window's end; ${((Date.now() - started) / 60000).toFixed(1)} min`);
  console.log('| network | CPU | page | visually complete | ratio to the faster peer | first change in the box | longest task | TBT | pictures fetched | kB fetched | runs not stable |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const row of table) {
    const peers = table.filter((t) => t.profile === row.profile && t.rate === row.rate && t.page !== 'Carta');
    const ratio = row.page === 'Carta' ? (row.medianVc / Math.min(...peers.map((p) => p.medianVc))).toFixed(2) : '';
    console.log(`| ${row.profile} | ${row.rate}x | ${row.page} | ${row.visuallyComplete} | ${ratio} | ${row.firstChange} | ${row.longestTask} | ${row.tbt} | ${row.pictures} | ${row.bytes} | ${row.unstable} |`);
  }
}
