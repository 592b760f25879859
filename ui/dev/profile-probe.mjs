// The parts of dev/profile.mjs that run in the page, the same in Chromium and WebKitGTK: each is a
// plain function of one argument, handed to the engine's "evaluate" as source, so it uses nothing
// from this module's scope.

/** Installs `window.__perf`: the time of the last input event, and a watch for the first frame whose
 * count and rows on screen are the expected ones. */
export function install({ rowHeight, headerHeight }) {
  const perf = (window.__perf = { input: 0 });
  // The input event's own time stamp, when the engine gives one on the page's clock.
  const stamp = (e) => (e.timeStamp > 0 && e.timeStamp <= performance.now() ? e.timeStamp : performance.now());
  for (const type of ["keydown", "pointerdown"]) addEventListener(type, (e) => (perf.input = stamp(e)), { capture: true });
  const grid = () => document.querySelector("[role=grid]");
  // Read once: reading it each frame would lay the page out early.
  const height = grid().clientHeight;
  perf.visible = (scrollTop) => {
    const first = Math.floor(scrollTop / rowHeight);
    return { first, count: Math.ceil((scrollTop + height - headerHeight) / rowHeight) - first };
  };
  /** The rows in the page, by their index among the users. */
  perf.rows = () => {
    const rows = new Map();
    for (const row of grid().querySelector("[role=rowgroup]").children) rows.set(Number(row.getAttribute("aria-rowindex")) - 2, row);
    return rows;
  };
  /** True when the count reads `countText` and rows `first`… show `emails`, on the frame about to be drawn. */
  const right = ({ countText, first, emails }) => {
    if (document.querySelector(".toolbar [aria-live]")?.textContent.trim() !== countText) return false;
    const rows = perf.rows();
    return emails.every((email, i) => rows.get(first + i)?.textContent.includes(email));
  };
  /** Starts watching for `want`; `perf.done` then resolves with the milliseconds from the next input
   * event (or from now, without `afterInput`) to the end of the first frame showing it: a task queued
   * from that frame's requestAnimationFrame runs after its style, layout and paint. */
  perf.arm = ({ want, afterInput }) => {
    const armed = performance.now();
    perf.input = 0;
    perf.done = new Promise((resolve) => {
      const frame = () => {
        const start = afterInput ? perf.input : armed;
        if (start >= armed && right(want)) setTimeout(() => resolve(performance.now() - start), 0);
        else if (performance.now() - armed > 5000) resolve(null);
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  };
  /** Resolves once nothing was asked of the page for `ms` and the frame after that was drawn. */
  perf.quiet = (ms) => new Promise((resolve) => setTimeout(() => requestAnimationFrame(() => setTimeout(resolve, 0)), ms));
}

/** What the stand-in's engine answers for `view` at the rows a scroll to `scrollTop` shows: the
 * count's words and those rows' emails. */
export async function expected({ view, scrollTop, users }) {
  const { first, count } = window.__perf.visible(scrollTop);
  const answer = await window.standInQuery(view, first, count);
  const n = new Intl.NumberFormat("en-US");
  return { countText: `Showing ${n.format(answer.total)} of ${n.format(users)} phone users`, first, emails: answer.rows.map((r) => r.email) };
}

export const arm = (args) => window.__perf.arm(args);
export const done = () => window.__perf.done;
export const quiet = (ms) => window.__perf.quiet(ms);
export const scrollTo = (top) => document.querySelector("[role=grid]").scrollTo(0, top);
export const maxScroll = () => {
  const grid = document.querySelector("[role=grid]");
  return grid.scrollHeight - grid.clientHeight;
};

/** Where cost-center bar `n` is on screen, and its value. */
export function bar(n) {
  const button = document.querySelectorAll("#cc-chart-body button[aria-pressed]")[n];
  const { x, y, width, height } = button.getBoundingClientRect();
  const name = button.querySelector(".name").textContent;
  return { x: Math.round(x + width / 2), y: Math.round(y + height / 2), value: name === "(no cost center)" ? "" : name };
}

/** Scrolls to `top` at once and resolves with the milliseconds until the rows of `want` are drawn. */
export function jump({ top, want }) {
  window.__perf.arm({ want, afterInput: false });
  document.querySelector("[role=grid]").scrollTo(0, top);
  return window.__perf.done;
}

/** Scrolls down `step` pixels a frame for `ms`: each frame's interval, and whether it showed a row
 * still empty (checked before the frame is drawn, scrolled after it was, as a wheel does). */
export function steadyScroll({ step, ms }) {
  return new Promise((resolve) => {
    const grid = document.querySelector("[role=grid]");
    const frames = [];
    let top = grid.scrollTop;
    let last = performance.now();
    const end = last + ms;
    const frame = (now) => {
      const { first, count } = window.__perf.visible(top);
      const rows = window.__perf.rows();
      const empty = Array.from({ length: count }, (_, i) => rows.get(first + i)).some(
        (row) => !row || row.firstElementChild?.getAttribute("aria-busy") === "true",
      );
      frames.push({ interval: now - last, empty });
      last = now;
      if (now > end) return resolve(frames);
      setTimeout(() => {
        top += step;
        grid.scrollTop = top;
        requestAnimationFrame(frame);
      }, 0);
    };
    requestAnimationFrame(frame);
  });
}
