// 100k users: a saved snapshot shown on launch, and the IPC round trip of a 200-row `query` window
// measured in the real web view. The snapshot is written here in the app's format (version 3, JSON
// Lines: see src-tauri/src/snapshot.rs), much faster than loading 100k users through the rate limiter.

import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { TestEnv } from "../lib/env.mjs";
import { APP } from "../lib/paths.mjs";
import { renderedRows, shownCount } from "../lib/ui.mjs";
import { waitFor } from "../lib/webdriver.mjs";

export const USERS = 100_000;
const PROFILE = "Big account";
const ROUNDS = 200;
/** Calls before timing: the first query sorting by a column ranks the roster by it once. */
const WARM_UP = 10;

export function users(n) {
  const departments = ["Sales", "Support", "Finance", "Engineering", "Legal", "Marketing", "Operations", "HR"];
  const plans = ["US/CA Unlimited Calling", "Global Select", "International Calling", "Zoom Phone Basic"];
  return Array.from({ length: n }, (_, i) => ({
    id: `u${i}`,
    phone_user_id: `p${i}`,
    name: `Person ${String((i * 7919) % n).padStart(6, "0")}`,
    email: `person${i}@example.com`,
    extension_id: `e${i}`,
    extension_number: String(10000 + i),
    status: i % 17 === 0 ? "deactivate" : "activate",
    site: { id: `s${i % 40}`, name: `Site ${i % 40}` },
    department: departments[i % departments.length],
    cost_center: `CC-${(i * 31) % 250}`,
    calling_plans: [{ name: plans[i % plans.length], type: 200 + (i % plans.length) }],
    phone_numbers: [{ id: `n${i}`, number: `1423${String(i).padStart(7, "0")}` }],
  }));
}

export function writeFixture(env) {
  mkdirSync(env.configDir, { recursive: true });
  writeFileSync(
    join(env.configDir, "profiles.json"),
    JSON.stringify({ version: 1, profiles: [{ name: PROFILE, account_id: "big", client_id: "big", cloud: "zoom" }] }),
  );
  const dir = join(env.dataDir, "snapshots");
  mkdirSync(dir, { recursive: true });
  const file = createHash("sha256").update(PROFILE, "utf8").digest("hex");
  const header = JSON.stringify({
    version: 3,
    saved_at: new Date(Date.now() - 26 * 3600_000).toISOString(),
    users: USERS,
    owner: { profile: PROFILE, account_id: "big", client_id: "big" },
  });
  writeFileSync(join(dir, `${file}.roster.jsonl`), [header, ...users(USERS).map((u) => JSON.stringify(u))].join("\n"));
}

/** Runs in the page: ROUNDS `query` calls for 200-row windows at spread offsets; their durations in ms. */
const TIME_QUERIES = `
  const [warmUp, rounds, total, sort, done] = arguments;
  const spec = { search: "", filters: { cost_center: [], department: [], site: [], status: [], calling_plan: [] }, sort };
  const times = [];
  (async () => {
    for (let i = 0; i < warmUp + rounds; i++) {
      const offset = (i * 7919) % (total - 200);
      const started = performance.now();
      await window.__TAURI_INTERNALS__.invoke("query", { spec, offset, limit: 200, withFacets: false });
      if (i >= warmUp) times.push(performance.now() - started);
    }
    done(times);
  })().catch((e) => done(String(e)));`;

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export default {
  name: "query_speed",
  onlyWhenNamed: true,
  tests: {
    async "100k users: snapshot on launch and 200-row query windows"({ measure, figure }) {
      const env = new TestEnv("query");
      try {
        writeFixture(env);
        await env.start();
        const d = env.driver;
        const launched = Date.now();
        await d.start(APP);
        await waitFor("100k snapshot rows", async () => (await shownCount(d)) === USERS && (await renderedRows(d)) > 0, 60_000);
        measure("launch to 100k-user snapshot rows shown, ms", Date.now() - launched);

        for (const [order, sort] of [["in Zoom order", []], ["sorted by name", [{ column: "name", descending: false }]]]) {
          const times = await d.execAsync(TIME_QUERIES, WARM_UP, ROUNDS, USERS, sort);
          if (!Array.isArray(times)) throw new Error(`query failed in the page: ${times}`);
          measure(`query 200 rows of 100k ${order}, p50 ms`, percentile(times, 50).toFixed(1));
          figure(`query IPC, 200 rows of 100k ${order}: p95, ms`, percentile(times, 95));
        }
      } finally {
        await env.stop();
      }
    },
  },
};
