// The session: what opens at launch, loads and their progress, screens, saving and opening profiles.
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as api from "./api";
import type { FinalLoadEvent, LoadEvent, ProfileInfo, RosterStatus } from "./api";
import { Session, type LoadState } from "./session.svelte";

vi.mock("./api", async (original) => ({
  ...(await original<typeof import("./api")>()),
  launchOptions: vi.fn(),
  listProfiles: vi.fn(),
  openProfile: vi.fn(),
  startDemo: vi.fn(),
  loadRoster: vi.fn(),
  cancelLoad: vi.fn(),
  changeSummary: vi.fn(),
  savedViews: vi.fn(),
  saveView: vi.fn(),
}));

function profile(name: string, savedAt: string | null, users = 10): ProfileInfo {
  return {
    name,
    account_id: `${name}-acc`,
    client_id: `${name}-cli`,
    cloud: "zoom",
    snapshot: savedAt ? { saved_at: savedAt, users } : null,
    api_address: null,
  };
}

function opened(name: string, users: number): RosterStatus {
  return { profile: name, is_demo: false, users, loaded_at: users ? "2026-01-01T08:00:00Z" : null, from_snapshot: users > 0 };
}

const FINISHED: FinalLoadEvent = { event: "finished", count: 120, elapsed_ms: 900, loaded_at: "2026-02-02T10:00:00Z" };

/** A load that sends `events` and ends with `last`; `during` runs while it is still going. */
function loadSends(events: LoadEvent[], last: FinalLoadEvent = FINISHED, during: () => void = () => {}) {
  vi.mocked(api.loadRoster).mockImplementationOnce(async (onEvent) => {
    for (const event of events) onEvent(event);
    during();
    onEvent(last);
    return last;
  });
}

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(api.launchOptions).mockResolvedValue({ demo: false });
  vi.mocked(api.listProfiles).mockResolvedValue([]);
  vi.mocked(api.openProfile).mockImplementation(async (name) => opened(name, 40));
  vi.mocked(api.changeSummary).mockResolvedValue(null);
  vi.mocked(api.savedViews).mockResolvedValue([]);
});

describe("Session beyond the table", () => {
  const SUMMARY = { joined: 12, left: 3, changed: 27, since: "2026-11-28T09:14:00Z" };
  const FINANCE = {
    name: "Finance monthly",
    spec: { search: "", filters: { department: ["Finance"] }, sort: [{ column: "cost_center" as const, descending: true }] },
    columns: ["name" as const, "cost_center" as const],
  };

  it("reads what changed and the saved views of the roster it opens, and again after a load", async () => {
    vi.mocked(api.changeSummary).mockResolvedValueOnce(null).mockResolvedValueOnce(SUMMARY);
    vi.mocked(api.savedViews).mockResolvedValue([FINANCE]);
    const session = new Session();
    await session.openProfile("Acme");
    expect(session.changes).toBeNull();
    expect(session.views).toEqual([FINANCE]);
    loadSends([]);
    await session.refresh();
    expect(session.changes).toEqual(SUMMARY);
  });

  it("opens a saved view on the Phone users tab: its filters, sort and columns", async () => {
    const session = new Session();
    await session.openProfile("Acme");
    session.tab = "report";
    session.openView(FINANCE);
    expect(session.tab).toBe("users");
    expect(session.view.spec.filters.department).toEqual(["Finance"]);
    expect(session.view.spec.filters.cost_center).toEqual([]);
    expect(session.view.spec.sort).toEqual([{ column: "cost_center", descending: true }]);
    expect(session.view.columns).toEqual(["name", "cost_center"]);
  });

  it("saves the view on screen under a name, with its columns in order", async () => {
    vi.mocked(api.saveView).mockImplementation(async (view) => [view]);
    const session = new Session();
    await session.openProfile("Acme");
    session.view.spec.search = "anna";
    session.view.setShown("email", false);
    await session.saveView("Anna's");
    const saved = vi.mocked(api.saveView).mock.calls[0][0];
    expect(saved.name).toBe("Anna's");
    expect(saved.spec.search).toBe("anna");
    expect(saved.columns).toEqual(session.view.columns);
    expect(saved.columns).not.toContain("email");
    expect(session.views.map((v) => v.name)).toEqual(["Anna's"]);
  });
});

describe("Session.init", () => {
  it("starts on the welcome screen when nothing was saved", async () => {
    const session = new Session();
    await session.init();
    expect(session.screen).toBe("welcome");
    expect(session.status).toBeNull();
    expect(api.openProfile).not.toHaveBeenCalled();
  });

  it("opens the profile saved last and shows its snapshot without loading", async () => {
    const profiles = [profile("Old", "2026-01-01T09:00:00Z"), profile("Newest", "2026-03-01T09:00:00Z"), profile("Never", null)];
    vi.mocked(api.listProfiles).mockResolvedValue(profiles);
    const session = new Session();
    await session.init();
    expect(api.openProfile).toHaveBeenCalledWith("Newest");
    expect(session.profiles).toEqual(profiles);
    expect(session.screen).toBe("roster");
    expect(session.status?.profile).toBe("Newest");
    expect(session.generation).toBe(1);
    expect(api.loadRoster).not.toHaveBeenCalled();
  });

  it("starts the demo, and loads it, when launched with --demo", async () => {
    vi.mocked(api.launchOptions).mockResolvedValue({ demo: true });
    vi.mocked(api.listProfiles).mockResolvedValue([profile("Acme", "2026-03-01T09:00:00Z")]);
    vi.mocked(api.startDemo).mockResolvedValue({ ...opened("Demo account", 10_000), is_demo: true });
    loadSends([]);
    const session = new Session();
    await session.init();
    expect(api.openProfile).not.toHaveBeenCalled();
    expect(session.status?.is_demo).toBe(true);
    expect(api.loadRoster).toHaveBeenCalledTimes(1);
  });

  it("says what went wrong when the profiles cannot be read", async () => {
    vi.mocked(api.listProfiles).mockRejectedValue(
      new api.ApiError({ kind: "profile", message: "The profiles file is damaged.", hint: "Add the account again.", tracking_id: null }),
    );
    const session = new Session();
    await session.init();
    expect(session.problem).toEqual({ message: "The profiles file is damaged.", hint: "Add the account again.", trackingId: null });
    expect(session.screen).toBe("welcome");
  });
});

describe("Session loads", () => {
  it("loads a profile that has no snapshot yet, following the progress, then shows the finished roster", async () => {
    const session = new Session();
    vi.mocked(api.openProfile).mockResolvedValue(opened("Fresh", 0));
    const seen: LoadState[] = [];
    loadSends(
      [
        { event: "started", profile: "Fresh" },
        { event: "progress", loaded: 50, total: 120, shown: 50 },
        { event: "progress", loaded: 60, total: 120, shown: 50 },
        { event: "rate_limited", wait_seconds: 2.4 },
      ],
      FINISHED,
      () => seen.push({ ...session.load! }),
    );
    await session.openProfile("Fresh");
    expect(seen).toEqual([{ loaded: 60, total: 120, note: "Waiting for Zoom's rate limit (2 s)…" }]);
    expect(session.load).toBeNull();
    expect(session.status).toEqual({
      profile: "Fresh",
      is_demo: false,
      users: 120,
      loaded_at: "2026-02-02T10:00:00Z",
      from_snapshot: false,
    });
    // Opened, the first page shown, and the end of the load: the table asked each time (and not
    // for the second progress update, which showed no new users).
    expect(session.generation).toBe(3);
  });

  it("says why a retry waits, and a new page clears the note", async () => {
    const session = new Session();
    const notes: (string | null)[] = [];
    vi.mocked(api.loadRoster).mockImplementationOnce(async (onEvent) => {
      onEvent({ event: "retrying", reason: "Zoom did not answer.", attempt: 2, wait_seconds: 4 });
      notes.push(session.load!.note);
      onEvent({ event: "progress", loaded: 10, total: 20, shown: 10 });
      notes.push(session.load!.note);
      return FINISHED;
    });
    await session.refresh();
    expect(notes).toEqual(["Zoom did not answer. Trying again (attempt 2)…", null]);
  });

  it("shows a failed load's error and keeps the roster it had", async () => {
    const session = new Session();
    await session.openProfile("Acme");
    const before = { ...session.status };
    const failed: FinalLoadEvent = {
      event: "failed",
      error: { kind: "permission", message: "Zoom did not allow it.", hint: "Add the scope.", tracking_id: "rid-9" },
    };
    loadSends([{ event: "progress", loaded: 5, total: 40, shown: 40 }], failed);
    await session.refresh();
    expect(session.problem).toEqual({ message: "Zoom did not allow it.", hint: "Add the scope.", trackingId: "rid-9" });
    expect(session.status).toEqual(before);
    expect(session.load).toBeNull();
  });

  it("runs one load at a time", async () => {
    const session = new Session();
    let finish!: (event: FinalLoadEvent) => void;
    vi.mocked(api.loadRoster).mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
    const first = session.refresh();
    await session.refresh();
    expect(api.loadRoster).toHaveBeenCalledTimes(1);
    finish(FINISHED);
    await first;
    expect(session.load).toBeNull();
  });
});

describe("Session screens", () => {
  it("goes back from the connect form to the roster when one is open, else to the welcome screen", async () => {
    const session = new Session();
    session.problem = { message: "old", hint: null, trackingId: null };
    session.showConnect();
    expect(session.screen).toBe("connect");
    expect(session.problem).toBeNull();
    session.leaveConnect();
    expect(session.screen).toBe("welcome");

    await session.openProfile("Acme");
    session.showConnect();
    session.leaveConnect();
    expect(session.screen).toBe("roster");
  });

  it("opens a profile just saved, with the profile list read again", async () => {
    const saved = profile("New", null);
    vi.mocked(api.listProfiles).mockResolvedValue([saved]);
    const session = new Session();
    await session.saved(saved);
    expect(session.profiles).toEqual([saved]);
    expect(api.openProfile).toHaveBeenCalledWith("New");
    expect(session.screen).toBe("roster");
  });

  it("stays where it was when a profile cannot be opened", async () => {
    vi.mocked(api.openProfile).mockRejectedValue(
      new api.ApiError({ kind: "keychain", message: "The keychain is locked.", hint: "Unlock it.", tracking_id: null }),
    );
    const session = new Session();
    await session.openProfile("Acme");
    expect(session.screen).toBe("welcome");
    expect(session.problem?.message).toBe("The keychain is locked.");
    expect(session.generation).toBe(0);
  });
});
