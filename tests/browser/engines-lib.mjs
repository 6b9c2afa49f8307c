// Firefox and WebKit for the browser tests, from Debian's packages (scripts/deps-engines.sh):
//   firefox   /usr/bin/firefox-esr over WebDriver BiDi, driven by puppeteer-core
//   webkit    WebKitGTK's MiniBrowser through WebKitWebDriver, over classic WebDriver (plain
//             HTTP with fetch: no client library)
// Both run headed in a private Xvfb display: headless Firefox has no WebGL 2 here, and Mesa's
// llvmpipe gives both engines a real WebGL 2 under Xvfb. One small interface for the tests:
//   session.goto(url)   session.eval(fn, ...args)   session.waitFor(fn, args, timeout, what)
//   session.key(name)   session.click(x, y)         session.screenshot() → PNG Buffer
//   session.close()     session.version
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import zlib from 'node:zlib';

export const FIREFOX = process.env.CARTA_FIREFOX || '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = process.env.CARTA_WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.CARTA_MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const XVFB = '/usr/bin/Xvfb';

// A run that must have both engines: CI, or CARTA_ENGINES=required (scripts/test.sh sets it).
export const enginesRequired = process.env.CI === 'true' || process.env.CARTA_ENGINES === 'required';

const executable = (file) => { try { fs.accessSync(file, fs.constants.X_OK); return true; } catch { return false; } };

// What is missing to run `engine` ('firefox' | 'webkit'): [] when it can run.
export async function engineProblems(engine) {
  const missing = [];
  if (!executable(XVFB)) missing.push(`${XVFB} (Debian package xvfb)`);
  if (engine === 'firefox') {
    if (!executable(FIREFOX)) missing.push(`${FIREFOX} (Debian package firefox-esr)`);
    try { await import('puppeteer-core'); } catch { missing.push('puppeteer-core (npm ci in tests/browser)'); }
  } else {
    if (!executable(WEBKIT_DRIVER)) missing.push(`${WEBKIT_DRIVER} (Debian package webkit2gtk-driver)`);
    if (!executable(MINIBROWSER)) missing.push(`${MINIBROWSER} (Debian package libwebkit2gtk-4.1-0)`);
  }
  return missing;
}

const children = new Set();
process.on('exit', () => { for (const c of children) try { c.kill('SIGKILL'); } catch {} });
function track(child) {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A private X display (Xvfb picks a free number and writes it to fd 3).
export async function startXvfb({ width = 1400, height = 1000 } = {}) {
  const child = track(spawn(XVFB, ['-displayfd', '3', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] }));
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const display = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('Xvfb did not start in 10 s: ' + stderr)), 10000);
    child.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) { clearTimeout(timer); resolve(':' + out.trim()); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Xvfb exited (${code}): ${stderr}`)); });
  });
  return { display, close: async () => { child.kill(); await sleep(50); } };
}

const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.on('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

// ---- Firefox: puppeteer-core over WebDriver BiDi ------------------------------------------

async function launchFirefox({ display, webgl, width, height }) {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: false,
    env: { ...process.env, DISPLAY: display },
    extraPrefsFirefox: {
      ...(webgl ? {} : { 'webgl.disabled': true }),
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
    protocolTimeout: 60000,
  });
  const page = await browser.newPage();
  await page.setViewport({ width, height, deviceScaleFactor: 1 });
  const version = await browser.version();
  return {
    engine: 'firefox',
    version,
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    eval: (fn, ...args) => page.evaluate(fn, ...args),
    key: (name) => page.keyboard.press(name),
    click: (x, y) => page.mouse.click(x, y),
    screenshot: async () => Buffer.from(await page.screenshot({ type: 'png' })),
    close: () => browser.close(),
  };
}

// ---- WebKit: WebKitWebDriver + MiniBrowser over classic WebDriver -------------------------

const KEYS = { ArrowRight: '\uE014', ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowDown: '\uE015', Home: '\uE011',
               End: '\uE010', Enter: '\uE007', Tab: '\uE004', Escape: '\uE00C', Space: ' ' };

async function launchWebKit({ display, webgl, width, height }) {
  const port = await freePort();
  const driver = track(spawn(WEBKIT_DRIVER, [`--port=${port}`], {
    env: { ...process.env, DISPLAY: display }, stdio: ['ignore', 'ignore', 'pipe'],
  }));
  let driverLog = '';
  driver.stderr.on('data', (d) => { driverLog = (driverLog + d).slice(-4000); });
  const base = `http://127.0.0.1:${port}`;
  const wd = async (method, path, body) => {
    const r = await fetch(base + path, {
      method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60000),
    });
    const j = await r.json();
    if (!r.ok) throw new Error(`WebDriver ${method} ${path}: ${j.value?.error}: ${j.value?.message}`);
    return j.value;
  };
  for (let i = 0; ; i++) {
    try { await fetch(base + '/status'); break; } catch (e) {
      if (i > 100 || driver.exitCode !== null) { driver.kill(); throw new Error(`WebKitWebDriver did not start: ${driverLog}`); }
      await sleep(100);
    }
  }
  let session;
  try {
    session = await wd('POST', '/session', { capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': {
      binary: MINIBROWSER,
      args: ['--automation', ...(webgl ? [] : ['--enable-webgl=false'])],
    } } } });
  } catch (e) {
    driver.kill();
    throw new Error(`${e.message}\n${driverLog}`);
  }
  const s = `/session/${session.sessionId}`;
  // The window's size, so that the viewport inside it is width × height.
  await wd('POST', `${s}/window/rect`, { width, height });
  const [iw, ih] = await wd('POST', `${s}/execute/sync`, { script: 'return [innerWidth, innerHeight]', args: [] });
  if (iw !== width || ih !== height) await wd('POST', `${s}/window/rect`, { width: 2 * width - iw, height: 2 * height - ih });
  const script = (fn) => `return (${fn}).apply(null, arguments)`;
  return {
    engine: 'webkit',
    version: `WebKitGTK ${session.capabilities.browserVersion} (${session.capabilities.browserName})`,
    goto: (url) => wd('POST', `${s}/url`, { url }),
    eval: (fn, ...args) => wd('POST', `${s}/execute/sync`, { script: script(fn), args }),
    key: async (name) => {
      const value = KEYS[name] ?? name;
      await wd('POST', `${s}/actions`, { actions: [{ type: 'key', id: 'keyboard', actions: [
        { type: 'keyDown', value }, { type: 'keyUp', value }] }] });
      await wd('DELETE', `${s}/actions`);
    },
    click: async (x, y) => {
      await wd('POST', `${s}/actions`, { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
        { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport', duration: 0 },
        { type: 'pointerDown', button: 0 }, { type: 'pause', duration: 50 }, { type: 'pointerUp', button: 0 }] }] });
      await wd('DELETE', `${s}/actions`);
    },
    screenshot: async () => Buffer.from(await wd('GET', `${s}/screenshot`), 'base64'),
    close: async () => {
      try { await wd('DELETE', s); } finally { driver.kill(); }
    },
  };
}

// Starts `engine` in `display` with a width × height viewport; webgl: false turns WebGL off.
export async function launchEngine(engine, { display, webgl = true, width = 1000, height = 700 } = {}) {
  const options = { display, webgl, width, height };
  const session = engine === 'firefox' ? await launchFirefox(options) : await launchWebKit(options);
  // Polls fn(...args) in the page until it returns something truthy.
  session.waitFor = async (fn, args = [], timeout = 20000, what = String(fn)) => {
    const until = Date.now() + timeout;
    for (;;) {
      const value = await session.eval(fn, ...args);
      if (value) return value;
      if (Date.now() > until) throw new Error(`${engine}: timed out after ${timeout} ms waiting for ${what}`);
      await sleep(100);
    }
  };
  return session;
}

// ---- PNG (8-bit RGB or RGBA, not interlaced: what both engines write) -----------------------

export function decodePng(buf) {
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let off = 8, width = 0, height = 0, type = 0;
  const idat = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off), name = buf.toString('latin1', off + 4, off + 8);
    const body = buf.subarray(off + 8, off + 8 + len);
    if (name === 'IHDR') {
      width = body.readUInt32BE(0); height = body.readUInt32BE(4); type = body[9];
      if (body[8] !== 8 || (type !== 2 && type !== 6) || body[12] !== 0) throw new Error(`PNG kind not handled: depth ${body[8]} type ${type}`);
    } else if (name === 'IDAT') idat.push(body);
    else if (name === 'IEND') break;
    off += 12 + len;
  }
  const bpp = type === 6 ? 4 : 3, stride = width * bpp;
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const out = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)], line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
      let v = line[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      cur[i] = v & 255;
    }
    for (let x = 0; x < width; x++) {
      out.set([cur[x * bpp], cur[x * bpp + 1], cur[x * bpp + 2], bpp === 4 ? cur[x * bpp + 3] : 255], (y * width + x) * 4);
    }
    prev = cur;
  }
  return { width, height, data: out };
}

// Colour statistics of a region of a decoded image (as lib.mjs's pixelStats: 15-bit colours,
// dark = r + g + b < 200).
export function regionStats(img, x0 = 0, y0 = 0, w = img.width, h = img.height) {
  const colours = new Set();
  let dark = 0, n = 0;
  for (let y = Math.max(0, Math.round(y0)); y < Math.min(img.height, Math.round(y0 + h)); y++) {
    for (let x = Math.max(0, Math.round(x0)); x < Math.min(img.width, Math.round(x0 + w)); x++) {
      const i = (y * img.width + x) * 4, r = img.data[i], g = img.data[i + 1], b = img.data[i + 2];
      colours.add((r >> 3) << 10 | (g >> 3) << 5 | (b >> 3));
      if (r + g + b < 200) dark++;
      n++;
    }
  }
  return { pixels: n, colours: colours.size, darkFraction: n ? dark / n : 0 };
}

// The fraction of pixels that differ by more than `tolerance` (on any channel) between a
// w × h region of decoded image a at (ax, ay) and the same-sized region of b at (bx, by).
export function differingFraction(a, [ax, ay], b, [bx, by], w, h, tolerance = 48) {
  let differ = 0, n = 0;
  for (let y = 0; y < Math.round(h); y++) {
    for (let x = 0; x < Math.round(w); x++) {
      const i = ((Math.round(ay) + y) * a.width + Math.round(ax) + x) * 4, j = ((Math.round(by) + y) * b.width + Math.round(bx) + x) * 4;
      if (Math.abs(a.data[i] - b.data[j]) > tolerance || Math.abs(a.data[i + 1] - b.data[j + 1]) > tolerance ||
          Math.abs(a.data[i + 2] - b.data[j + 2]) > tolerance) differ++;
      n++;
    }
  }
  return differ / n;
}
