// The end-to-end suite: the built app in its real web view (tauri-driver + WebKitWebDriver under Xvfb),
// against zoom-sim on loopback. `cargo xtask e2e` builds what it needs and runs this; run it directly
// with `node tests/e2e/run.mjs [spec-name…]` once the app and zoom-sim are built.
// The last line of output is always `N passed, M failed`; the exit code is non-zero on any failure.

import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { APP, ROOT, SCREENSHOTS, SIM } from "./lib/paths.mjs";
import { startXvfb } from "./lib/display.mjs";
import demo from "./specs/demo.mjs";
import connect from "./specs/connect.mjs";
import query from "./specs/query_speed.mjs";
import roster from "./specs/roster.mjs";
import rosterSpeed from "./specs/roster_speed.mjs";
import native from "./specs/native.mjs";
import updates from "./specs/updates.mjs";
import installed from "./specs/installed.mjs";
import insights from "./specs/insights.mjs";
import loadCpu from "./specs/load_cpu.mjs";

const SPECS = [demo, connect, query, roster, insights, rosterSpeed, loadCpu, native, updates, installed];
const only = process.argv.slice(2);
const measurements = {};

async function main() {
  for (const binary of [APP, SIM]) {
    if (!existsSync(binary)) throw new Error(`${binary} is missing: run \`cargo xtask e2e\`, which builds it`);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const stopXvfb = await ensureDisplay();
  let passed = 0;
  let failed = 0;
  try {
    // A spec marked `onlyWhenNamed` runs only when asked for by name: the installed package's (by
    // `cargo xtask install-check`) and the speed specs (by `cargo xtask bench`).
    for (const spec of SPECS.filter((s) => (only.length === 0 ? !s.onlyWhenNamed : only.includes(s.name)))) {
      for (const [title, test] of Object.entries(spec.tests)) {
        const started = Date.now();
        try {
          await test({ measure, figure, screenshotPath: (name) => join(SCREENSHOTS, `${name}.png`) });
          passed++;
          console.log(`ok   ${spec.name}: ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        } catch (error) {
          failed++;
          console.log(`FAIL ${spec.name}: ${title}\n     ${String(error?.stack ?? error).replaceAll("\n", "\n     ")}`);
        }
      }
    }
  } finally {
    stopXvfb?.();
  }
  const out = join(ROOT, "target/e2e-measurements.json");
  writeFileSync(out, JSON.stringify(measurements, null, 2));
  console.log(`measurements (also in ${out}):`);
  for (const [key, value] of Object.entries(measurements)) console.log(`  ${key}: ${value}`);
  return { passed, failed };
}

function measure(key, value) {
  measurements[key] = value;
}

/** A figure `cargo xtask bench` judges against its target (xtask/src/targets.rs), printed in the
 * one format its benchmark programs share. */
function figure(name, value) {
  console.log(`figure: ${name} = ${value}`);
}

/** Xvfb on :99 unless a display is already given; the function that stops it, if started. */
async function ensureDisplay() {
  if (process.env.DISPLAY) return null;
  const stop = await startXvfb(99, 1280, 800);
  process.env.DISPLAY = ":99";
  return stop;
}

main().then(
  ({ passed, failed }) => {
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed === 0 && passed > 0 ? 0 : 1);
  },
  (error) => {
    console.log(`the suite could not run: ${error?.stack ?? error}`);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
