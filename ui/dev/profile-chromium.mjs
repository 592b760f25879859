// dev/profile.mjs's driver for Debian's Chromium (`apt-get install chromium`; CHROMIUM=path for
// another), through Playwright: input as real events, and a performance trace of each interaction
// read the way DevTools' summary reads it, plus the compositing layers the page makes.
import { chromium } from "playwright-core";

const CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "disabled-by-default-devtools.timeline.frame",
  "toplevel",
  "v8.execute",
  "disabled-by-default-v8.cpu_profiler",
];
const KIND = [
  [/^(FunctionCall|EvaluateScript|TimerFire|EventDispatch|FireAnimationFrame|RunMicrotasks|FireIdleCallback|HandlePostMessage|V8\.|v8\.|MinorGC|MajorGC|GCEvent|BlinkGC|ParseHTML|ResizeObserver|IntersectionObserver)/, "scripting"],
  [/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|InvalidateLayout|ScheduleStyleRecalculation)/, "style"],
  [/^(Layout|UpdateLayerTree|HitTest|ComputeIntersections)/, "layout"],
  [/^(Paint|PrePaint|PaintImage|Layerize|Commit|CompositeLayers|UpdateLayer|Rasterize|RasterTask|Decode)/, "paint"],
];
const kindOf = (name) => KIND.find(([re]) => re.test(name))?.[1] ?? "other";

export async function openChromium(url, { width, height }) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage({ viewport: { width, height } });
  page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
  await page.goto(url);
  return {
    name: "Chromium",
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    press: (key) => page.keyboard.press(key),
    click: (x, y) => page.mouse.click(x, y),
    /** Runs `act` under a trace: its result, and the page's main thread's CPU time by kind. */
    async traced(act) {
      await browser.startTracing(page, { categories: CATEGORIES });
      const result = await act();
      return { result, trace: mainThread(JSON.parse((await browser.stopTracing()).toString()).traceEvents) };
    },
    layers: () => layers(page),
    close: () => browser.close(),
  };
}

/** Self CPU time on the page's main thread by kind, paints, and the JS functions with most self time. */
function mainThread(events) {
  const names = new Map(events.filter((e) => e.ph === "M" && e.name === "thread_name").map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const thread = (e) => `${e.pid}:${e.tid}`;
  const busy = (key) => events.filter((e) => thread(e) === key && e.ph === "X").reduce((sum, e) => sum + (e.dur ?? 0), 0);
  // The page's renderer is the busiest one.
  const main = [...names].filter(([, name]) => name === "CrRendererMain").map(([key]) => key).sort((a, b) => busy(b) - busy(a))[0];
  const onMain = events.filter((e) => thread(e) === main && e.ph === "X" && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const kinds = { scripting: 0, style: 0, layout: 0, paint: 0, other: 0 };
  const stack = [];
  let total = 0;
  const close = (until) => {
    while (stack.length && stack.at(-1).end <= until) {
      const done = stack.pop();
      kinds[kindOf(done.name)] += done.self / 1000;
    }
  };
  // Nested by wall time, counted in CPU time: other processes on the machine then do not show up.
  for (const e of onMain) {
    close(e.ts);
    const cpu = e.tdur ?? e.dur;
    if (stack.length) stack.at(-1).self -= cpu;
    else total += cpu / 1000;
    stack.push({ name: e.name, end: e.ts + e.dur, self: cpu });
  }
  close(Infinity);
  // The sampled JS profile of the main thread: self time per function.
  const profiles = new Set(events.filter((e) => e.name === "Profile" && thread(e) === main).map((e) => `${e.pid}:${e.id}`));
  const frames = new Map();
  const self = new Map();
  for (const e of events.filter((e) => e.name === "ProfileChunk" && profiles.has(`${e.pid}:${e.id}`))) {
    const { cpuProfile = {}, timeDeltas = [] } = e.args.data;
    for (const node of cpuProfile.nodes ?? []) frames.set(node.id, node.callFrame);
    (cpuProfile.samples ?? []).forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (timeDeltas[i] ?? 0) / 1000));
  }
  const functions = new Map();
  for (const [id, ms] of self) {
    const frame = frames.get(id);
    if (!frame || ["(idle)", "(program)", "(root)"].includes(frame.functionName)) continue;
    const where = frame.url ? ` ${frame.url.replace(/^.*\//, "").replace(/-[\w-]{8}\.js/, ".js")}:${frame.lineNumber + 1}` : "";
    const key = `${frame.functionName || "(anonymous)"}${where}`;
    functions.set(key, (functions.get(key) ?? 0) + ms);
  }
  const count = (name) => onMain.filter((e) => e.name === name).length;
  return { busy: total, kinds, paints: count("Paint"), top: [...functions].sort((a, b) => b[1] - a[1]).slice(0, 8) };
}

/** The compositing layers that draw, with their size and why Chromium made them. */
async function layers(page) {
  const cdp = await page.context().newCDPSession(page);
  const tree = new Promise((resolve) => cdp.on("LayerTree.layerTreeDidChange", (e) => e.layers && resolve(e.layers)));
  await cdp.send("LayerTree.enable");
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  const list = await Promise.race([tree, new Promise((resolve) => setTimeout(() => resolve([]), 2000))]);
  const described = [];
  for (const layer of list.filter((l) => l.drawsContent)) {
    const { compositingReasons = [] } = await cdp.send("LayerTree.compositingReasons", { layerId: layer.layerId }).catch(() => ({}));
    described.push(`${layer.width}x${layer.height} ${compositingReasons.join(", ") || "root"}`);
  }
  await cdp.detach();
  return described;
}
