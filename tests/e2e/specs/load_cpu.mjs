// A first load of 100k users as an admin sees it, measured from outside (run by `cargo xtask bench`,
// which judges the figures against their targets in xtask/src/targets.rs): the cores the web view
// uses while the table fills, and how far the table's count trails the progress bar. Zoom's pace:
// 150 ms an answer, 10 requests a second.

import { TestEnv } from "../lib/env.mjs";
import { APP } from "../lib/paths.mjs";
import { appProcesses, cpuSeconds } from "../lib/procs.mjs";
import { simEndpoints, startSim } from "../lib/sim.mjs";
import { attribute, byRole, connectSimAccount, shownCount } from "../lib/ui.mjs";
import { waitFor } from "../lib/webdriver.mjs";

const USERS = 100_000;
const EVERY_MS = 500;

export default {
  name: "load_cpu",
  onlyWhenNamed: true,
  tests: {
    async "100k first load: web view cores and the count against the progress bar"({ measure, figure }) {
      const sim = await startSim(["--users", String(USERS), "--latency-ms", "150", "--qps", "10"]);
      const env = new TestEnv("load-cpu", simEndpoints(sim));
      try {
        await env.start();
        const d = env.driver;
        await connectSimAccount(d, APP, "Big account");
        const progress = () => byRole(d, "progressbar", "Phone users loaded");
        await waitFor("the progress bar", progress, 30_000);
        const { web } = appProcesses(APP);
        const samples = [];
        const started = Date.now();
        for (;;) {
          const bar = await progress();
          if (!bar) break; // the load finished
          // No value until Zoom's first page says how many there are.
          const loaded = Number((await attribute(d, bar, "aria-valuenow").catch(() => null)) ?? 0);
          samples.push({ at: Date.now() - started, loaded, shown: (await shownCount(d)) ?? 0, cpu: web.map(cpuSeconds) });
          await new Promise((done) => setTimeout(done, EVERY_MS));
        }
        if (samples.length < 4) throw new Error(`the load ended after ${samples.length} samples`);
        const [first, last] = [samples[0], samples.at(-1)];
        const seconds = (last.at - first.at) / 1000;
        const cores = web.map((_, i) => (last.cpu[i] - first.cpu[i]) / seconds);
        // The count at each moment against what the bar said a second before.
        const behind = samples
          .filter((s) => s.at >= 1000)
          .map((s) => samples.filter((earlier) => earlier.at <= s.at - 1000).at(-1).loaded - s.shown);
        measure("100k load: web view cores on average while loading", `${cores.map((c) => c.toFixed(2)).join(" + ")} over ${seconds.toFixed(0)} s`);
        figure("100k first load: web view cores on average", cores.reduce((a, b) => a + b, 0));
        figure("100k first load: most users the count trailed the bar of a second before", Math.max(0, ...behind));
      } catch (error) {
        error.message += `\n--- tauri-driver output ---\n${env.driverLog.join("").slice(-3000)}`;
        throw error;
      } finally {
        await env.stop();
        sim.stop();
      }
    },
  },
};
