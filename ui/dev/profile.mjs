// What the page itself costs on a big account, over the stand-in backend (mock-backend.ts, its engine
// in a worker as Rust is in a process of its own), with 100,000 users:
//
//   node dev/profile.mjs [--engine chromium|webkit] [--users 100000] [--samples 30]
//                        [--only keystroke,click,jump,idle,scroll] [--css RULES] [--json FILE]
//
// (--css adds style rules to the page, to try a change of style without rebuilding.)
// Chromium (the default; Debian's, profile-chromium.mjs) gives a performance trace: for each
// interaction, where the page's main thread spent its CPU time (self time by kind, as DevTools'
// summary: scripting, style, layout, paint, other), the JS functions with the most self time, and
// the compositing layers. WebKitGTK (profile-webkit.mjs: the app's engine, under Xvfb; with
// WEBKIT_DISABLE_COMPOSITING_MODE=1 to measure it without compositing) gives no trace.
// Both give the latency p50/p95 over the samples and the CPU time of the browser's busiest threads
// (profile-cpu.mjs), for:
// - keystroke: a key in the search box, until "Showing N of M phone users" and the rows on screen are
//   the ones the engine answers for the new text;
// - click: a cost-center bar (filter to it, then the same bar again to clear it), until count and rows
//   are right;
// - jump: the table scrolled to a far position at once, until every row on screen is filled;
// - idle: the search box focused and nothing else happening for 8 s, then 5 s measured (the caret
//   blinks);
// - scroll: a steady fast scroll (90 px a frame): frame interval p50/p95 and frames showing an empty row.
// The clock starts at the input event's time stamp (or just before the scroll) and stops after the
// first frame showing the right state was drawn. Each sample waits 400 ms after the last, so the CPU
// per sample holds what the engine keeps doing after an interaction. The machine's other load shows
// up in the latencies (not in the CPU times): compare runs made under the same load.
import { build, preview } from "vite";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { cpuNow, cpuSince } from "./profile-cpu.mjs";
import * as probe from "./profile-probe.mjs";

const { values: opts } = parseArgs({
  options: {
    engine: { type: "string", default: "chromium" },
    users: { type: "string", default: "100000" },
    samples: { type: "string", default: "30" },
    only: { type: "string", default: "keystroke,click,jump,idle,scroll" },
    css: { type: "string" },
    json: { type: "string" },
  },
});
const USERS = Number(opts.users);
const SAMPLES = Number(opts.samples);
const ONLY = new Set(opts.only.split(","));
const ROW_HEIGHT = 30;
const HEADER_HEIGHT = 34;
const spec = (search = "", costCenters = []) => ({
  search,
  filters: { cost_center: costCenters, department: [], site: [], status: [], calling_plan: [] },
  sort: [{ column: "name", descending: false }],
});
const count = (n) => new Intl.NumberFormat("en-US").format(n);

// The page as the app ships it: a production build (Svelte's dev mode adds costs of its own), not
// minified, so that the profile names functions.
const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = join(tmpdir(), "phone-roster-profile");
await build({ root, logLevel: "error", build: { outDir, emptyOutDir: true, minify: false, rollupOptions: { input: join(root, "dev/preview.html") } } });
const server = await preview({ root, logLevel: "error", build: { outDir }, preview: { port: 0 } });
const url = `${server.resolvedUrls.local[0]}dev/preview.html?scenario=snapshot&users=${USERS}`;
const { openChromium } = await import("./profile-chromium.mjs");
const { openWebKit } = await import("./profile-webkit.mjs");
const page = await (opts.engine === "webkit" ? openWebKit : openChromium)(url, { width: 1280, height: 800 });
console.log(`${page.name}, ${count(USERS)} users, ${SAMPLES} samples`);

const everyone = `Showing ${count(USERS)} of ${count(USERS)} phone users`;
const shows = (text) =>
  page.evaluate(async (text) => {
    for (const end = performance.now() + 60_000; performance.now() < end; await new Promise((r) => setTimeout(r, 50))) {
      if (document.querySelector(".toolbar [aria-live]")?.textContent.trim() === text) return true;
    }
    return false;
  }, text);
if (!(await shows(everyone))) throw new Error(`the page never showed "${everyone}"`);
if (opts.css) await page.evaluate((css) => document.head.append(Object.assign(document.createElement("style"), { textContent: css })), opts.css);
await page.evaluate(probe.install, { rowHeight: ROW_HEIGHT, headerHeight: HEADER_HEIGHT });
const quiet = (ms = 400) => page.evaluate(probe.quiet, ms);
const focusSearch = () => page.evaluate(() => document.querySelector("input[type=search][placeholder^='Search name']").focus());

/** The time from the input `act` makes until the page shows `want`. */
async function timed(want, act) {
  await page.evaluate(probe.arm, { want, afterInput: true });
  await act();
  return page.evaluate(probe.done);
}

/** Runs `act` (which returns its samples), with the engine's trace and CPU time per thread. */
async function measured(act) {
  const before = cpuNow();
  const started = Date.now();
  const { result, trace } = await page.traced(act);
  return { samples: result, trace, cpu: cpuSince(before), seconds: (Date.now() - started) / 1000 };
}

const results = { engine: page.name };
const percentile = (xs, p) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
function report(name, { samples, trace, cpu, seconds }, extra = {}) {
  const n = samples.length;
  const per = (ms) => (ms / n).toFixed(1);
  const failed = samples.filter((x) => !Number.isFinite(x)).length;
  const row = { n, p50: percentile(samples, 50), p95: percentile(samples, 95), max: percentile(samples, 100), failed, cpu, trace, seconds, ...extra };
  results[name] = row;
  const note = Object.entries(extra).map(([k, v]) => `, ${k} ${v}`).join("");
  const latency = samples.some((x) => x !== 0) ? `: p50 ${row.p50.toFixed(0)} ms, p95 ${row.p95.toFixed(0)} ms, max ${row.max.toFixed(0)} ms over ${n} samples` : "";
  console.log(`\n${name}${latency}${failed ? `, ${failed} never right` : ""}${note}`);
  const total = cpu.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`  browser CPU per sample: ${per(total)} ms; ${cpu.slice(0, 5).map(([thread, ms]) => `${thread} ${per(ms)}`).join(", ")}`);
  if (!trace) return;
  const k = trace.kinds;
  console.log(
    `  page main thread per sample: ${per(trace.busy)} ms = scripting ${per(k.scripting)}, style ${per(k.style)}, layout ${per(k.layout)}, ` +
      `paint ${per(k.paint)}, other ${per(k.other)}; ${(trace.paints / seconds).toFixed(1)} paints/s`,
  );
  for (const [fn, ms] of trace.top) console.log(`    ${per(ms).padStart(6)} ms  ${fn}`);
}

if (ONLY.has("keystroke")) {
  await focusSearch();
  await quiet();
  // Typed and taken back, letter by letter: wide and narrow matches, and the whole roster again.
  const keys = Array.from({ length: SAMPLES }, (_, i) => ["m", "a", "r", "Backspace", "Backspace", "Backspace"][i % 6]);
  const run = await measured(async () => {
    const out = [];
    let text = "";
    for (const key of keys) {
      text = key === "Backspace" ? text.slice(0, -1) : text + key;
      const want = await page.evaluate(probe.expected, { view: spec(text), scrollTop: 0, users: USERS });
      out.push(await timed(want, () => page.press(key)));
      await quiet();
    }
    return out;
  });
  report("keystroke", run);
  await page.evaluate(() => {
    const input = document.querySelector("input[type=search][placeholder^='Search name']");
    input.value = "";
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await shows(everyone);
}

if (ONLY.has("click")) {
  await page.evaluate(probe.scrollTo, 0);
  await quiet();
  const run = await measured(async () => {
    const out = [];
    for (let i = 0; i < SAMPLES; i++) {
      const { x, y, value } = await page.evaluate(probe.bar, Math.floor(i / 2) % 15);
      const want = await page.evaluate(probe.expected, { view: spec("", i % 2 === 0 ? [value] : []), scrollTop: 0, users: USERS });
      out.push(await timed(want, () => page.click(x, y)));
      await quiet();
    }
    return out;
  });
  report("click", run);
}

if (ONLY.has("jump")) {
  await page.evaluate(probe.scrollTo, 0);
  await quiet();
  const maxTop = await page.evaluate(probe.maxScroll);
  const run = await measured(async () => {
    const out = [];
    for (let i = 0; i < SAMPLES; i++) {
      // Spread over the whole roster, landing on a row's top edge.
      const top = Math.min(maxTop, Math.round(((((i * 7919) % SAMPLES) + 0.5) / SAMPLES) * (USERS - 40)) * ROW_HEIGHT);
      const want = await page.evaluate(probe.expected, { view: spec(), scrollTop: top, users: USERS });
      out.push(await page.evaluate(probe.jump, { top, want }));
      await quiet();
    }
    return out;
  });
  report("jump", run);
}

if (ONLY.has("idle")) {
  await page.evaluate(probe.scrollTo, 0);
  await focusSearch();
  // Long enough for what a scroll sets off in WebKitGTK (its scrollbars fade in and out for ~5 s).
  await quiet(8000);
  // Five samples of one second each.
  const run = await measured(async () => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 1000));
    return [0, 0, 0, 0, 0];
  });
  report("idle, search box focused (per second)", run);
}

if (ONLY.has("scroll")) {
  const run = await measured(async () => {
    const frames = [];
    for (let start = 0; start < 3; start++) {
      await page.evaluate(probe.scrollTo, start * 600_000);
      await quiet();
      frames.push(...(await page.evaluate(probe.steadyScroll, { step: 3 * ROW_HEIGHT, ms: 2000 })).slice(1));
    }
    return frames;
  });
  const empty = run.samples.filter((f) => f.empty).length;
  report("scroll (frame interval)", { ...run, samples: run.samples.map((f) => f.interval) }, { "frames with an empty row": empty });
}

const layers = await page.layers();
if (layers.length) {
  results.layers = layers;
  console.log(`\ncompositing layers that draw: ${layers.length}`);
  for (const layer of layers) console.log(`  ${layer}`);
}

if (opts.json) writeFileSync(opts.json, JSON.stringify(results, null, 2));
await page.close();
await server.close();
