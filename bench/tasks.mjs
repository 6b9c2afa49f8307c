// What runs in each long main-thread task of a page with one Carta widget, and in the task
// that answers a press of the next button and of ArrowRight: a Chromium trace (the
// devtools timeline's events) of one cold load, split by task, the largest parts first.
//   ./build-wasm.sh && node bench/tasks.mjs [--rate 4] [--page carta.html] [--min 50] [--profile]
import { fixturePage } from '../tests/browser/lib.mjs';
import { NEXT_BUTTON, launchBench, option, serveWithBaselines, throttledPage, waitForMark, widget } from './lib.mjs';

const args = process.argv.slice(2);
const rate = Number(option(args, '--rate', 4));
const file = option(args, '--page', 'carta.html');
const sampled = args.includes('--profile');
const min = Number(option(args, '--min', 50));  // ms: tasks at least this long are listed
const presses = Number(option(args, '--presses', 1));  // of each: next button, ArrowRight
const server = await serveWithBaselines('carta-bench-tasks-', {
  'carta.html': fixturePage(widget('carousel')),
  'carta-3.html': fixturePage(widget('carousel') + widget('second') + widget('third')),
});

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute',
  'v8.wasm', 'disabled-by-default-v8.compile', 'blink.user_timing', 'loading', 'gpu', 'cc', 'viz', 'input'];

const browser = await launchBench('gpu');
let events = [], profile = null;
try {
  const { context, tab } = await throttledPage(browser, rate, { width: 800, height: 1300 });
  const cdp = await context.newCDPSession(tab);
  cdp.on('Tracing.dataCollected', (m) => { events = events.concat(m.value); });
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  if (sampled) {  // the profiler's own cost (code logging) lengthens every task
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  await tab.addInitScript(() => document.addEventListener('carta:ready', () => performance.mark('carta:ready')));
  await tab.goto(server.url + file);
  await waitForMark(context, tab, 'carta:ready');
  await tab.waitForTimeout(1000);
  for (let i = 0; i < presses; i++) {
    await tab.evaluate(() => performance.mark('press:next'));
    await tab.mouse.click(NEXT_BUTTON.x, NEXT_BUTTON.y);
    await tab.waitForTimeout(1000);
  }
  await tab.focus('#carousel a[data-kind="0"]');
  for (let i = 0; i < presses; i++) {
    await tab.evaluate(() => performance.mark('press:key'));
    await tab.keyboard.press('ArrowRight');
    await tab.waitForTimeout(1000);
  }
  if (sampled) profile = (await cdp.send('Profiler.stop')).profile;
  await cdp.send('Tracing.end');
  await done;
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

// The renderer's main thread: the thread named CrRendererMain of the process that ran
// the page's user timing marks.
const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name');
const mark = events.find((e) => e.name === 'carta:ready');
const main = names.find((e) => e.args.name === 'CrRendererMain' && e.pid === mark.pid);
const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask')
  .sort((a, b) => a.ts - b.ts || b.dur - a.dur)
  .filter((e, i, all) => !all.slice(0, i).some((o) => o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur));  // outermost only
const t0 = (events.find((e) => e.name === 'navigationStart' && e.pid === main.pid) || tasks[0]).ts;
const marks = events.filter((e) => e.pid === main.pid && e.cat.includes('blink.user_timing'))
  .map((e) => ({ name: e.name, at: (e.ts - t0) / 1000 }));

// Inside a task: each named event's self time summed by name (what the task spent where).
function parts(task) {
  const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur || 0) <= task.ts + task.dur)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  for (const e of inside) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.own -= e.dur || 0;
    const item = { ts: e.ts, dur: e.dur || 0, own: e.dur || 0, name: label(e) };
    stack.push(item);
    inside[inside.indexOf(e)] = item;
  }
  for (const it of inside) self.set(it.name, (self.get(it.name) || 0) + it.own);
  return [...self.entries()].sort((a, b) => b[1] - a[1]).filter(([, us]) => us >= 1000);
}

function label(e) {
  const d = e.args && e.args.data;
  if (e.name === 'FunctionCall' && d) return `FunctionCall ${d.functionName || '(anonymous)'} ${(d.url || '').split('/').pop()}:${d.lineNumber}`;
  if (e.name === 'EvaluateScript' && d) return `EvaluateScript ${(d.url || '').split('/').pop()}`;
  if (e.name === 'TimerFire') return 'TimerFire';
  if (e.name === 'EventDispatch' && d) return `EventDispatch ${d.type}`;
  return e.name;
}

console.log(`${file} at ${rate}x; marks: ${marks.map((m) => `${m.name} ${m.at.toFixed(0)} ms`).join(', ')}`);
const pressMarks = marks.filter((m) => m.name.startsWith('press:'));
for (const task of tasks) {
  const at = (task.ts - t0) / 1000, ms = task.dur / 1000;
  const pressed = pressMarks.some((m) => at >= m.at && at < m.at + 300);
  if (ms < min && !pressed) continue;
  if (ms < 2) continue;
  console.log(`\ntask at ${at.toFixed(0)} ms: ${ms.toFixed(1)} ms`);
  for (const [name, us] of parts(task).slice(0, 8)) console.log(`  ${(us / 1000).toFixed(1).padStart(7)} ms  ${name}`);
  const js = profile ? samples(task) : [];
  if (js.length) console.log('  JavaScript and wasm, self time by function (sampled):');
  for (const [name, us] of js.slice(0, 10)) console.log(`  ${(us / 1000).toFixed(1).padStart(7)} ms  ${name}`);
}

// The CPU profile's samples inside a task, self time by function.
function samples(task) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = new Map();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    const dt = profile.timeDeltas[i + 1] || 0;
    if (t < task.ts || t > task.ts + task.dur) return;
    const f = byId.get(id).callFrame;
    if (['(idle)', '(program)', '(garbage collector)', '(root)'].includes(f.functionName) && f.functionName !== '(garbage collector)') return;
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    out.set(name, (out.get(name) || 0) + dt);
  });
  return [...out.entries()].sort((a, b) => b[1] - a[1]).filter(([, us]) => us >= 1000);
}

// Each input's latency (Chromium's EventLatency: the event's creation to its frame on
// screen) split into its stages, to tell the page's own work from the compositor's and
// the GPU process's.
const open = new Map(), spans = [];  // ids are reused: a span is a 'b' and the next 'e' of its id and name
for (const e of events.filter((x) => x.ph === 'b' || x.ph === 'e').sort((x, y) => x.ts - y.ts)) {
  const key = `${e.pid} ${e.id2 ? e.id2.local || e.id2.global : e.id} ${e.name}`;
  if (e.ph === 'b') open.set(key, e);
  else if (open.has(key)) { spans.push({ key, b: open.get(key), e }); open.delete(key); }
}
const STAGES = ['RendererCompositorToMain', 'RendererMainProcessing', 'RendererMainFinishedToCommit',
  'EndActivateToSubmitCompositorFrame', 'SubmitCompositorFrameToPresentationCompositorFrame', 'SwapStartToPresentation'];
const INPUTS = ['MOUSE_PRESSED', 'MOUSE_RELEASED', 'KEY_PRESSED', 'KEY_RELEASED'];
console.log(`\ninput latency and its stages (ms): ${INPUTS.join(', ')}\n  at, type, total, ${STAGES.join(', ')}`);
for (const span of spans) {
  if (span.b.name !== 'EventLatency') continue;
  const type = ((span.b.args || {}).event_latency || {}).event_type;
  if (!INPUTS.includes(type)) continue;
  const id = span.key.slice(0, span.key.lastIndexOf(' '));
  const stage = (name) => {
    const s = spans.find((o) => o.key === `${id} ${name}` && o.b.ts >= span.b.ts && o.e.ts <= span.e.ts);
    return s ? ((s.e.ts - s.b.ts) / 1000).toFixed(1) : '-';
  };
  console.log(`  ${((span.b.ts - t0) / 1000).toFixed(0).padStart(6)} ms ${type.padEnd(15)} ${((span.e.ts - span.b.ts) / 1000).toFixed(1).padStart(6)}  ${STAGES.map(stage).join(' ')}`);
}

if (process.env.DUMP) {
  const fs = await import('node:fs');
  fs.writeFileSync(process.env.DUMP, JSON.stringify({ t0, marks, events }));
}
