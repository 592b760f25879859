// A stand-in for the Rust side, for looking at the UI in a plain browser (`npm run dev`, then
// /dev/preview.html). Never part of the built app; the real app talks to Rust, and tests drive that.
import { mockIPC } from "@tauri-apps/api/mocks";
import type { Channel } from "@tauri-apps/api/core";
import type { Facets, LoadEvent, ProfileInfo, QueryResult, Row, RosterStatus, ViewSpec } from "../src/lib/api";
import { statusLabel } from "../src/lib/format";

const FIRST = ["Ada", "Bruno", "Chen", "Dana", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemal", "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Yara"];
const LAST = ["Okafor", "Schmidt", "Nakamura", "García", "Kowalski", "Haddad", "Lindqvist", "O'Brien", "Rossi", "Dubois", "Silva", "Müller", "Novak", "Tanaka", "Andersen", "Costa", "Fischer", "Ivanova"];
const DEPTS = ["Sales", "Customer Support", "Engineering", "Finance", "Marketing", "Legal", "Operations", "HR", "IT", ""];
const SITES = ["London HQ", "Berlin", "Austin", "Singapore", "São Paulo", "Chicago Office"];
const PLANS = ["US/CA Unlimited Calling", "Global Select", "Zoom Phone Basic", "International Calling", "Zoom Phone Pro"];
const STATUSES = ["activate", "activate", "activate", "activate", "activate", "activate", "deactivate", "pending"];
// A few big cost centers and a long tail, as real accounts have.
const COST_CENTERS = Array.from({ length: 38 }, (_, i) => `${4100 + i * 10}-${["SALES", "SUPPORT", "ENG", "FIN", "MKT", "OPS"][i % 6]}`);

/** Deterministic pseudo-random numbers, so screenshots are the same every run. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

function makeRows(n: number): Row[] {
  const rnd = random(7);
  return Array.from({ length: n }, (_, i) => {
    const first = FIRST[Math.floor(rnd() * FIRST.length)];
    const last = LAST[Math.floor(rnd() * LAST.length)];
    const ext = String(1000 + ((i * 37) % 9000));
    const numbers = Math.floor(rnd() * 10);
    const phone = (k: number) => `+1 512 555 ${String((i * 3 + k) % 10000).padStart(4, "0")}`;
    const cc = rnd() < 0.06 ? "" : COST_CENTERS[Math.min(COST_CENTERS.length - 1, Math.floor(COST_CENTERS.length * rnd() ** 2.2))];
    const plan = PLANS[Math.floor(rnd() * PLANS.length)];
    return {
      user_id: `u${String(i).padStart(6, "0")}AbCdEfGh`,
      name: `${first} ${last}`,
      email: `${first}.${last}${i}@acme-example.com`.toLowerCase().normalize("NFD").replace(/[^a-z0-9.@-]/g, ""),
      extension: ext,
      phone_numbers: numbers === 0 ? "" : numbers === 9 ? `${phone(0)}; ${phone(1)}; ${phone(2)}` : phone(0),
      site: SITES[Math.floor(rnd() * SITES.length)],
      department: DEPTS[Math.floor(rnd() * DEPTS.length)],
      cost_center: cc,
      status: STATUSES[Math.floor(rnd() * STATUSES.length)],
      calling_plans: i % 13 === 0 ? "" : i % 11 === 0 ? `${plan}; International Calling` : plan,
      phone_user_id: `pu${String(i).padStart(6, "0")}XyZ`,
      extension_id: `ext${i}`,
      site_id: `site${i % SITES.length}`,
      activation_status: "activated",
    };
  });
}

const ALL = makeRows(10_000);

type FacetKey = keyof Facets;
const FACET_COLUMN: Record<FacetKey, keyof Row> = {
  cost_center: "cost_center",
  department: "department",
  site: "site",
  status: "status",
  calling_plan: "calling_plans",
};
const valuesOf = (row: Row, facet: FacetKey): string[] =>
  facet === "calling_plan" ? (row.calling_plans ? row.calling_plans.split("; ") : [""]) : [row[FACET_COLUMN[facet]]];

/** The engine's semantics in miniature: search, filters OR-ed within and AND-ed across facets,
 * facets counted with every filter but their own, multi-key sort, a window. */
function query(spec: ViewSpec, offset: number, limit: number, rows: Row[]): QueryResult {
  const f = spec.filters ?? {};
  const filters: Record<FacetKey, string[]> = {
    cost_center: f.cost_center ?? [],
    department: f.department ?? [],
    site: f.site ?? [],
    status: f.status ?? [],
    calling_plan: f.calling_plan ?? [],
  };
  const needle = (spec.search ?? "").toLowerCase();
  const keys = Object.keys(FACET_COLUMN) as FacetKey[];
  const searched = needle
    ? rows.filter((r) => [r.name, r.email, r.extension, r.phone_numbers].some((v) => v.toLowerCase().includes(needle)))
    : rows;
  const passes = (row: Row, except: FacetKey | null) =>
    keys.every((k) => k === except || filters[k].length === 0 || valuesOf(row, k).some((v) => filters[k].includes(v)));
  let matched = searched.filter((r) => passes(r, null));
  const facets = {} as Facets;
  for (const k of keys) {
    const counts = new Map<string, number>(filters[k].map((v) => [v, 0]));
    for (const row of searched) if (passes(row, k)) for (const v of new Set(valuesOf(row, k))) counts.set(v, (counts.get(v) ?? 0) + 1);
    facets[k] = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  const sort = spec.sort ?? [];
  if (sort.length > 0) {
    matched = [...matched].sort((a, b) => {
      for (const key of sort) {
        const order = a[key.column].localeCompare(b[key.column], undefined, { numeric: true, sensitivity: "base" });
        if (order !== 0) return key.descending ? -order : order;
      }
      return 0;
    });
  }
  // Rows hold Zoom's status words (the filters match on them); Rust sends rows with the words people say.
  const shown = matched.slice(offset, offset + limit).map((r) => ({ ...r, status: statusLabel(r.status) }));
  return { offset, total: matched.length, roster_size: rows.length, rows: shown, facets };
}

export type Scenario = "welcome" | "connect" | "loading" | "roster" | "snapshot" | "error";

const PROFILE: ProfileInfo = {
  name: "Acme EMEA",
  account_id: "abc",
  client_id: "def",
  cloud: "zoom",
  snapshot: { saved_at: new Date(Date.now() - 86_400_000).toISOString(), users: 10_000 },
  api_address: null,
};

export function installMockBackend(scenario: Scenario): void {
  let loaded: Row[] = scenario === "snapshot" || scenario === "error" ? ALL : [];
  let isDemo = false;
  mockIPC(async (cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    switch (cmd) {
      case "list_profiles":
        // With a saved snapshot the app opens it at once; the other scenarios start on the welcome screen.
        return scenario === "snapshot" || scenario === "error" ? [PROFILE] : [];
      case "launch_options":
        return { demo: false };
      case "app_info":
        return { name: "Phone Roster", version: "0.1.0", build: "preview", os: "linux", arch: "x86_64", licence: "MIT" };
      case "check_for_update":
        return { state: "up_to_date", version: "0.1.0" };
      case "third_party_notices":
        return null;
      case "start_demo":
      case "open_profile": {
        isDemo = cmd === "start_demo";
        const status: RosterStatus = {
          profile: isDemo ? "Demo account" : String(a.name),
          is_demo: isDemo,
          users: loaded.length,
          loaded_at: scenario === "snapshot" || scenario === "error" ? PROFILE.snapshot!.saved_at : null,
          from_snapshot: scenario === "snapshot" || scenario === "error",
        };
        return status;
      }
      case "load_roster": {
        const channel = a.onEvent as Channel<LoadEvent>;
        const send = (e: LoadEvent) => channel.onmessage(e);
        send({ event: "started", profile: "Demo account" });
        const total = ALL.length;
        const stopAt = scenario === "loading" ? 3_400 : scenario === "error" ? 800 : total;
        for (let n = 100; n <= stopAt; n += 700) {
          await new Promise((r) => setTimeout(r, 30));
          loaded = ALL.slice(0, n);
          send({ event: "progress", loaded: n, total });
        }
        if (scenario === "error") {
          loaded = ALL; // a failed load keeps the previous roster
          send({
            event: "failed",
            error: {
              kind: "permission",
              message: "Zoom did not let this app read the list of phone users, so the roster was not refreshed.",
              hint: "In the Zoom App Marketplace, open your app's Scopes page, add phone:read:list_users:admin, then Refresh.",
              tracking_id: "v=2.0;clid=us06;rid=WEB_9f8e7d",
            },
          });
          return null;
        }
        if (scenario === "loading") {
          send({ event: "rate_limited", wait_seconds: 3 });
          return new Promise(() => {});
        }
        loaded = ALL;
        send({ event: "finished", count: total, elapsed_ms: 2400, loaded_at: new Date().toISOString() });
        return null;
      }
      case "export_view": {
        const result = query(a.spec as ViewSpec, 0, 0, loaded);
        return { path: `/home/alex/Documents/${String(a.suggestedName)}`, rows: result.total };
      }
      case "query":
        return query(a.spec as ViewSpec, a.offset as number, a.limit as number, loaded);
      case "test_connection":
        throw {
          kind: "credentials",
          message: "Zoom did not accept the Client ID and Client secret.",
          hint: "Copy both again from your app's App Credentials page in the Zoom Marketplace.",
          tracking_id: "v=2.0;clid=us06;rid=WEB_1b2c3d",
        };
      case "copy_diagnostics":
        return "Phone Roster 0.1.0";
      default:
        return null;
    }
  });
}
