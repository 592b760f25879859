// A performance probe of the roster screen on 100k users, measured in the real web view. Run by
// `cargo xtask bench` on the release build, which judges its figures against their targets
// (xtask/src/targets.rs); never by `cargo xtask test` (the machine is noisy). The 100k snapshot is
// query_speed's, in the app's format.
// Times are taken in the page (performance.now, requestAnimationFrame: a change seen in a frame
// callback is painted in that frame):
// - "loaded" (the roster screen, i.e. the grid, shows; the snapshot is read) to the first rows painted,
//   and the count showing all 100k users to the first rows painted;
// - a keystroke in the search box (its keydown) to the updated rows (count or first row changed, no
//   placeholder rows), p50/p95 over 20 keystrokes (the search box asks Rust at each keystroke);
// - a click on a cost-center bar (its pointerdown) to the updated rows, p50/p95 over 20 clicks;
// - a scroll (scrollTop set) to the rows at the new position filled, p50/p95 over 20 jumps.
// Then, from /proc: the cores the web view uses while idle (nothing focused, then the search box's
// caret blinking), and the peak memory of the app and of its web view after the grid was scrolled
// from top to bottom.

import { TestEnv } from "../lib/env.mjs";
import { APP } from "../lib/paths.mjs";
import { cpuSeconds, coresOver, appProcesses, peakMemoryMB } from "../lib/procs.mjs";
import { IN_PAGE, byRole, ref, searchBox, shownCount } from "../lib/ui.mjs";
import { ELEMENT, waitFor } from "../lib/webdriver.mjs";
import { USERS, writeFixture } from "./query_speed.mjs";

const BACKSPACE = "\uE003";
/** 20 keystrokes, each changing the result: "9", "98" … "98765", back to "", then "5" … "56789" and back. */
const KEYSTROKES = [..."98765", ...BACKSPACE.repeat(5), ..."56789", ...BACKSPACE.repeat(5)];
const SCROLLS = 20;
/** Each click toggles a bar: on, off, on the next bar… so that every click changes the rows. */
const CLICKS = 20;
/** Scrolling end to end: positions from the top to the bottom of the grid, each filled before the next. */
const SWEEP = 100;
const IDLE_MS = 5000;

/** Runs in the page from launch: when the roster screen (the grid) shows, when the count first
 * shows every user, and when rows are then painted. */
const FIRST_ROWS = `${IN_PAGE}
  const [users, done] = arguments;
  const count = () => Number(countText()?.match(/^Showing ([\\d,]+)/)?.[1].replace(/,/g, '') ?? 0);
  const rows = () => !!grid()?.querySelector('[role=rowgroup] [role=gridcell]:not([aria-busy=true])');
  const already = !!grid();
  let shown = null;
  let loaded = null;
  const started = performance.now();
  const frame = () => {
    const now = performance.now();
    if (shown === null && grid()) shown = now;
    if (loaded === null && count() === users) loaded = now;
    if (shown !== null && loaded !== null && rows()) return done({ fromGrid: now - shown, fromCount: now - loaded, already });
    if (now - started > 120000) return done({ error: 'no rows after 120 s' });
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);`;

/** Installs the input probe: each keydown or pointerdown starts a timing that the next frame showing a
 * changed count or first row (and no placeholders) ends. */
const INSTALL_PROBE = `${IN_PAGE}
  const table = grid();
  const state = () => (countText() ?? '') + '|' + (table.querySelector('[role=rowgroup] [role=row][aria-rowindex="2"]')?.textContent ?? '');
  const filled = () => !table.querySelector('[role=rowgroup] [role=gridcell][aria-busy=true]');
  window.__probe = { times: [] };
  const start = () => {
    const probe = { start: performance.now(), before: state(), end: null };
    window.__probe.current = probe;
    const frame = (now) => {
      if (window.__probe.current !== probe) return;
      if (state() !== probe.before && filled()) { probe.end = performance.now(); window.__probe.times.push(probe.end - probe.start); return; }
      if (performance.now() - probe.start > 5000) { probe.end = -1; return; }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };
  for (const type of ['keydown', 'pointerdown']) document.addEventListener(type, start, true);`;

const AWAIT_CHANGE = `
  const done = arguments[0];
  const started = performance.now();
  const poll = () => {
    const probe = window.__probe.current;
    if (probe && probe.end !== null) return done(probe.end < 0 ? null : probe.end - probe.start);
    if (performance.now() - started > 6000) return done(null);
    setTimeout(poll, 5);
  };
  poll();`;

/** Jumps the grid to spread positions; for each, ms from setting scrollTop to the frame where the
 * row at the new top is rendered and no rendered row is a placeholder. */
const TIME_SCROLLS = `${IN_PAGE}
  const [jumps, total, done] = arguments;
  const scroller = grid();
  const times = [];
  const ROW = 30;
  let i = 0;
  const next = () => {
    if (i === jumps) return done(times);
    const index = Math.floor(((i * 7919 + 1237) % 97) / 97 * (total - 100));
    i++;
    const started = performance.now();
    scroller.scrollTop = index * ROW;
    const frame = () => {
      const top = Math.floor(scroller.scrollTop / ROW);
      const row = scroller.querySelector('[role=rowgroup] [role=row][aria-rowindex="' + (top + 2) + '"]');
      if (row && !scroller.querySelector('[role=rowgroup] [role=gridcell][aria-busy=true]')) {
        times.push(performance.now() - started);
        return setTimeout(next, 100);
      }
      if (performance.now() - started > 5000) { times.push(null); return setTimeout(next, 100); }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };
  next();`;

/** Scrolls the grid from top to bottom in `steps` positions, each filled before the next. */
const SWEEP_SCROLL = `${IN_PAGE}
  const [steps, done] = arguments;
  const scroller = grid();
  let i = 0;
  const next = () => {
    if (i > steps) return done(true);
    scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * (i++ / steps);
    const started = performance.now();
    const frame = () => {
      const busy = scroller.querySelector('[role=rowgroup] [role=gridcell][aria-busy=true]');
      if (!busy || performance.now() - started > 5000) return setTimeout(next, 0);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };
  next();`;

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** "p50 / p95 (n=…)" of timings, some of which may have timed out (not numbers). */
const summary = (values) => {
  const ok = values.filter((v) => typeof v === "number");
  const missed = values.length - ok.length;
  return `${percentile(ok, 50).toFixed(1)} / ${p95(values).toFixed(1)} (n=${ok.length}${missed ? `, ${missed} timed out` : ""})`;
};

/** The p95 of timings; infinite when one timed out, which no target admits. */
const p95 = (values) => (values.every((v) => typeof v === "number") ? percentile(values, 95) : Infinity);

export default {
  name: "roster_speed",
  onlyWhenNamed: true,
  tests: {
    async "100k users: first rows, keystroke to rows, scroll to rows filled"({ measure, figure }) {
      const env = new TestEnv("roster-speed");
      try {
        writeFixture(env);
        await env.start();
        const d = env.driver;
        await d.start(APP);
        const first = await d.execAsync(FIRST_ROWS, USERS);
        if (first.error) throw new Error(first.error);
        if (first.already) measure("100k: first rows", "the grid was already shown when the probe started: a lower bound");
        figure("100k: roster screen shown to first rows painted, ms", first.fromGrid);
        measure("100k: count shows 100,000 to first rows painted, ms", first.fromCount.toFixed(1));
        await waitFor("the 100k roster", async () => (await shownCount(d)) === USERS);

        await d.exec(INSTALL_PROBE);
        const search = await searchBox(d);
        const keystrokes = [];
        for (const key of KEYSTROKES) {
          await d.sendKeys(search, key);
          keystrokes.push(await d.execAsync(AWAIT_CHANGE));
        }
        measure("100k: keystroke in search to updated rows, p50 / p95 ms", summary(keystrokes));
        figure("100k: keystroke in search to updated rows: p95, ms", p95(keystrokes));
        await waitFor("the search cleared", async () => (await shownCount(d)) === USERS);

        const chart = await byRole(d, "region", "Users per cost center");
        const bars = await d.exec(
          `${IN_PAGE} return byRole('button', null, arguments[0]).filter((b) => b.hasAttribute('aria-pressed')).slice(0, 10);`,
          ref(chart),
        );
        const clicks = [];
        for (let i = 0; i < CLICKS; i++) {
          await d.click(bars[Math.floor(i / 2) % bars.length][ELEMENT]);
          clicks.push(await d.execAsync(AWAIT_CHANGE));
        }
        measure("100k: cost-center bar click to updated rows, p50 / p95 ms", summary(clicks));
        figure("100k: cost-center bar click to updated rows: p95, ms", p95(clicks));
        await waitFor("every bar off again", async () => (await shownCount(d)) === USERS);

        const scrolls = await d.execAsync(TIME_SCROLLS, SCROLLS, USERS);
        measure("100k: far scroll to rows filled, p50 / p95 ms", summary(scrolls));
        figure("100k: far scroll to rows filled: p95, ms", p95(scrolls));

        const { app, web } = appProcesses(APP);
        await d.exec("document.activeElement?.blur()");
        // Overlay scrollbars fade out for a few seconds after the last scroll: WebKitGTK's own frames.
        await new Promise((done) => setTimeout(done, IDLE_MS));
        const idle = web.map((pid) => coresOver(pid, IDLE_MS));
        measure("100k: web view idle, nothing focused, cores", (await Promise.all(idle)).map((c) => c.toFixed(2)).join(" + "));
        await d.click(search);
        const caret = web.map((pid) => coresOver(pid, IDLE_MS));
        measure("100k: web view idle, caret blinking in the search box, cores", (await Promise.all(caret)).map((c) => c.toFixed(2)).join(" + "));

        await d.execAsync(SWEEP_SCROLL, SWEEP);
        figure("100k: app process peak memory, scrolled end to end, MB", peakMemoryMB(app));
        // The largest of the web view's processes (each is held to the target).
        figure("100k: web view process peak memory, scrolled end to end, MB", Math.max(...web.map(peakMemoryMB)));
        measure("100k: CPU time so far, app / web view, s", `${cpuSeconds(app)} / ${web.map(cpuSeconds).join(" + ")}`);
      } catch (error) {
        error.message += `\n--- tauri-driver output ---\n${env.driverLog.join("").slice(-3000)}`;
        throw error;
      } finally {
        await env.stop();
      }
    },
  },
};
