// A stand-in for the Rust side, to look at the real UI in a plain browser without building the app.
//
// Run it: `npm run dev` in ui/, then open http://localhost:1420/dev/preview.html?scenario=roster
// (scenarios: welcome, connect, loading, roster, snapshot, error: see `Scenario`), or take a
// screenshot of each with `node dev/screenshots.mjs OUTDIR`. Never part of the built app (`vite build`
// bundles index.html only); the real app talks to Rust, and the end-to-end tests drive that.
//
// What it fakes, over Tauri's IPC, for every command of the generated bindings (typed from them in
// fake-commands.ts, so a command changed in Rust fails `npm run check` until this follows):
// - 10,000 made-up phone users, the same every run, and the roster engine in miniature: search
//   ignoring case and accents, facet filters and counts, multi-key sort, windows of rows;
// - the demo account, and one saved profile with a day-old snapshot (scenarios snapshot and error);
// - a load streamed in pages with progress, stuck at a rate-limit wait (loading) or failing for a
//   missing scope (error); a connection test that always fails with wrong credentials;
// - an export that names a file in ~/Documents but writes nothing; no update ever available.
// What it does not fake: the keychain (profiles cannot be saved or deleted), the native dialogs and
// folders, the Zoom Marketplace, and the phone-number search of Rust ("+1 (512) 555-0100").
import type { Channel } from "@tauri-apps/api/core";
import type { Column, Facets, LoadEvent, ProfileInfo, Row, RosterStatus, TableWindow, ViewSpec } from "../src/lib/bindings";
import { statusLabel } from "../src/lib/format";
import { fold } from "../src/lib/roster/findValue";
import { fail, fakeCommands, type Handlers } from "./fake-commands";

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
    const phones = numbers === 0 ? [] : numbers === 9 ? [phone(0), phone(1), phone(2)] : [phone(0)];
    const plans = i % 13 === 0 ? [] : i % 11 === 0 ? [plan, "International Calling"] : [plan];
    return {
      user_id: `u${String(i).padStart(6, "0")}AbCdEfGh`,
      name: `${first} ${last}`,
      email: `${first}.${last}${i}@acme-example.com`.toLowerCase().normalize("NFD").replace(/[^a-z0-9.@-]/g, ""),
      extension: ext,
      phone_numbers: phones.join("; "),
      site: SITES[Math.floor(rnd() * SITES.length)],
      department: DEPTS[Math.floor(rnd() * DEPTS.length)],
      cost_center: cc,
      status: STATUSES[Math.floor(rnd() * STATUSES.length)],
      calling_plans: plans.join("; "),
      phone_user_id: `pu${String(i).padStart(6, "0")}XyZ`,
      extension_id: `ext${i}`,
      site_id: `site${i % SITES.length}`,
      activation_status: "activated",
      lists: { phone_numbers: phones, calling_plans: plans },
    };
  });
}

const ALL = makeRows(10_000);

type FacetKey = keyof Facets;
const FACET_COLUMN: Record<FacetKey, Column> = {
  cost_center: "cost_center",
  department: "department",
  site: "site",
  status: "status",
  calling_plan: "calling_plans",
};
const valuesOf = (row: Row, facet: FacetKey): string[] =>
  facet === "calling_plan" ? (row.lists.calling_plans.length ? row.lists.calling_plans : [""]) : [row[FACET_COLUMN[facet]]];

/** The engine's semantics in miniature: search, filters OR-ed within and AND-ed across facets,
 * facets counted with every filter but their own, multi-key sort, a window. */
function query(spec: ViewSpec, offset: number, limit: number, withFacets: boolean, rows: Row[]): TableWindow {
  const f = spec.filters ?? {};
  const filters: Record<FacetKey, string[]> = {
    cost_center: f.cost_center ?? [],
    department: f.department ?? [],
    site: f.site ?? [],
    status: f.status ?? [],
    calling_plan: f.calling_plan ?? [],
  };
  const needle = fold(spec.search ?? "");
  const keys = Object.keys(FACET_COLUMN) as FacetKey[];
  const searched = needle
    ? rows.filter((r) => [r.name, r.email, r.extension, r.phone_numbers].some((v) => fold(v).includes(needle)))
    : rows;
  const passes = (row: Row, except: FacetKey | null) =>
    keys.every((k) => k === except || filters[k].length === 0 || valuesOf(row, k).some((v) => filters[k].includes(v)));
  let matched = searched.filter((r) => passes(r, null));
  const facets = {} as Facets;
  for (const k of withFacets ? keys : []) {
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
  return { offset, total: matched.length, roster_size: rows.length, rows: shown, facets: withFacets ? facets : null };
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

/** The "permission" error Zoom's missing scope gives, as Rust words it. */
const MISSING_SCOPE = {
  kind: "permission",
  message: "Zoom did not let this app read the list of phone users, so the roster was not refreshed.",
  hint: "In the Zoom App Marketplace, open your app's Scopes page, add phone:read:list_users:admin, then Refresh.",
  tracking_id: "v=2.0;clid=us06;rid=WEB_9f8e7d",
} as const;

export function installMockBackend(scenario: Scenario): void {
  const withSnapshot = scenario === "snapshot" || scenario === "error";
  let loaded: Row[] = withSnapshot ? ALL : [];

  function open(profile: string, isDemo: boolean): RosterStatus {
    return {
      profile,
      is_demo: isDemo,
      users: loaded.length,
      loaded_at: withSnapshot ? PROFILE.snapshot!.saved_at : null,
      from_snapshot: withSnapshot,
    };
  }

  async function load(channel: Channel<LoadEvent>): Promise<null> {
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
      send({ event: "failed", error: MISSING_SCOPE });
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

  const handlers: Handlers = {
    appInfo: () => ({ name: "Phone Roster", version: "0.1.0", build: "preview", os: "linux", arch: "x86_64", licence: "MIT" }),
    launchOptions: () => ({ demo: false }),
    thirdPartyNotices: () => null,
    checkForUpdate: () => ({ state: "up_to_date", version: "0.1.0" }),
    installUpdate: () => null,
    // With a saved snapshot the app opens it at once; the other scenarios start on the welcome screen.
    listProfiles: () => (withSnapshot ? [PROFILE] : []),
    saveProfile: () =>
      fail({ kind: "keychain", message: "The preview has no keychain to keep the secret in.", hint: "Try the demo account.", tracking_id: null }),
    deleteProfile: () => null,
    testConnection: () =>
      fail({
        kind: "credentials",
        message: "Zoom did not accept the Client ID and Client secret.",
        hint: "Copy both again from your app's App Credentials page in the Zoom Marketplace.",
        tracking_id: "v=2.0;clid=us06;rid=WEB_1b2c3d",
      }),
    openProfile: (name) => open(name, false),
    openMarketplace: () => null,
    startDemo: () => open("Demo account", true),
    loadRoster: load,
    cancelLoad: () => {},
    query: (spec, offset, limit, withFacets) => query(spec, offset, limit, withFacets, loaded),
    exportView: (spec, _columns, format, stem) => ({
      path: `/home/alex/Documents/${stem}.${format.format}`,
      rows: query(spec, 0, 0, false, loaded).total,
    }),
    cancelExport: () => {},
    reveal: () => null,
    copyDiagnostics: () => "Phone Roster 0.1.0",
  };
  fakeCommands(handlers);
}
