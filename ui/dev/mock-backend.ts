// A stand-in for the Rust side, to look at the real UI in a plain browser without building the app.
//
// Run it: `npm run dev` in ui/, then open http://localhost:1420/dev/preview.html?scenario=roster
// (scenarios: welcome, connect, loading, roster, snapshot, error: see `Scenario`; &users=100000 for a
// bigger account), or take a screenshot of each with `node dev/screenshots.mjs OUTDIR`; profile the
// page on 100,000 users with `node dev/profile.mjs`. Never part of the built app (`vite build`
// bundles index.html only); the real app talks to Rust, and the end-to-end tests drive that.
//
// What it fakes, over Tauri's IPC, for every command of the generated bindings (typed from them in
// fake-commands.ts, so a command changed in Rust fails `npm run check` until this follows):
// - 10,000 made-up phone users (or as many as asked), the same every run, and the roster engine in
//   miniature (mock-roster.ts), in a worker and as fast as Rust: search ignoring case and accents,
//   facet filters and counts, multi-key sort, windows of rows;
// - the demo account, and one saved profile with a day-old snapshot (scenarios snapshot and error);
// - a load streamed in pages with progress, stuck at a rate-limit wait (loading) or failing for a
//   missing scope (error); a connection test that always fails with wrong credentials;
// - an export that names a file in ~/Documents but writes nothing; no update ever available.
// What it does not fake: the keychain (profiles cannot be saved or deleted), the native dialogs and
// folders, the Zoom Marketplace, the phone-number search of Rust ("+1 (512) 555-0100"), and the
// Changes and Report tabs (no earlier roster, no report).
import type { Channel } from "@tauri-apps/api/core";
import type { AppError, LoadEvent, ProfileInfo, RosterStatus, SavedView, TableWindow, ViewSpec } from "../src/lib/bindings";
import { fail, fakeCommands, type Handlers } from "./fake-commands";

import type { EngineAnswer, EngineMessage } from "./mock-roster.worker";

const NOT_HERE: AppError = {
  kind: "internal",
  message: "The stand-in backend has no earlier roster and counts no report.",
  hint: "Run the app (cargo xtask demo) to see the Changes and Report tabs.",
  tracking_id: null,
};

export type Scenario = "welcome" | "connect" | "loading" | "roster" | "snapshot" | "error";

const PROFILE: ProfileInfo = {
  name: "Acme EMEA",
  account_id: "abc",
  client_id: "def",
  cloud: "zoom",
  snapshot: { saved_at: new Date(Date.now() - 86_400_000).toISOString(), users: 0 },
  api_address: null,
};

/** The "permission" error Zoom's missing scope gives, as Rust words it. */
const MISSING_SCOPE = {
  kind: "permission",
  message: "Zoom did not let this app read the list of phone users, so the roster was not refreshed.",
  hint: "In the Zoom App Marketplace, open your app's Scopes page, add phone:read:list_users:admin, then Refresh.",
  tracking_id: "v=2.0;clid=us06;rid=WEB_9f8e7d",
} as const;

/** The engine's answers, from its worker. */
function engine(users: number): (spec: ViewSpec, offset: number, limit: number, withFacets: boolean, size: number) => Promise<TableWindow> {
  const worker = new Worker(new URL("./mock-roster.worker.ts", import.meta.url), { type: "module" });
  const send = (message: EngineMessage) => worker.postMessage(message);
  const waiting = new Map<number, (window: TableWindow) => void>();
  worker.onmessage = ({ data }: MessageEvent<EngineAnswer>) => {
    waiting.get(data.id)?.(data.window);
    waiting.delete(data.id);
  };
  send({ users });
  let id = 0;
  return (spec, offset, limit, withFacets, size) =>
    new Promise((resolve) => {
      waiting.set(++id, resolve);
      send({ id, spec, offset, limit, withFacets, size });
    });
}

/** Answers the app's commands as `scenario` has it, with `users` made-up phone users. Returns the
 * engine's query on the whole roster, for dev/profile.mjs to know the rows a view must show. */
export function installMockBackend(scenario: Scenario, users = 10_000): (spec: ViewSpec, offset: number, limit: number) => Promise<TableWindow> {
  const withSnapshot = scenario === "snapshot" || scenario === "error";
  const query = engine(users);
  /** How many users the roster holds: a load brings them a page at a time. */
  let loaded = withSnapshot ? users : 0;
  const profile: ProfileInfo = { ...PROFILE, snapshot: { saved_at: PROFILE.snapshot!.saved_at, users } };

  function open(name: string, isDemo: boolean): RosterStatus {
    return {
      profile: name,
      is_demo: isDemo,
      users: loaded,
      loaded_at: withSnapshot ? PROFILE.snapshot!.saved_at : null,
      from_snapshot: withSnapshot,
    };
  }

  async function load(channel: Channel<LoadEvent>): Promise<null> {
    const send = (e: LoadEvent) => channel.onmessage(e);
    send({ event: "started", profile: "Demo account" });
    const stopAt = scenario === "loading" ? (users * 34) / 100 : scenario === "error" ? (users * 8) / 100 : users;
    for (let n = users / 100; n <= stopAt; n += (users * 7) / 100) {
      await new Promise((r) => setTimeout(r, 30));
      loaded = Math.round(n);
      send({ event: "progress", loaded, total: users, shown: loaded });
    }
    if (scenario === "error") {
      loaded = users; // a failed load keeps the previous roster
      send({ event: "failed", error: MISSING_SCOPE });
      return null;
    }
    if (scenario === "loading") {
      send({ event: "rate_limited", wait_seconds: 3 });
      return new Promise(() => {});
    }
    loaded = users;
    send({ event: "finished", count: users, elapsed_ms: 2400, loaded_at: new Date().toISOString() });
    return null;
  }

  let views: SavedView[] = [];
  const handlers: Handlers = {
    appInfo: () => ({ name: "Phone Roster", version: "0.1.0", build: "preview", os: "linux", arch: "x86_64", licence: "MIT" }),
    launchOptions: () => ({ demo: false }),
    thirdPartyNotices: () => null,
    checkForUpdate: () => ({ state: "up_to_date", version: "0.1.0" }),
    installUpdate: () => null,
    // With a saved snapshot the app opens it at once; the other scenarios start on the welcome screen.
    listProfiles: () => (withSnapshot ? [profile] : []),
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
    exportView: async (spec, _columns, format, stem) => ({
      path: `/home/alex/Documents/${stem}.${format.format}`,
      rows: (await query(spec, 0, 0, false, loaded)).total,
    }),
    cancelExport: () => {},
    reveal: () => null,
    copyDiagnostics: () => "Phone Roster 0.1.0",
    // The stand-in keeps no earlier roster and counts no report: the real engine does both (run the
    // app, `cargo xtask demo`, to see them).
    changeSummary: () => null,
    changes: () => fail(NOT_HERE),
    exportChanges: () => fail(NOT_HERE),
    report: () => fail(NOT_HERE),
    exportReport: () => fail(NOT_HERE),
    savedViews: () => views,
    saveView: (view) => (views = [...views.filter((v) => v.name.toLowerCase() !== view.name.toLowerCase()), view]),
    removeView: (name) => (views = views.filter((v) => v.name !== name)),
  };
  fakeCommands(handlers);
  return (spec, offset, limit) => query(spec, offset, limit, false, users);
}
