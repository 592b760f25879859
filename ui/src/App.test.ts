// The whole app over a stand-in IPC (dev/fake-commands.ts): switching and removing profiles, and every
// kind of error Rust can answer, as a person sees them.
import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { fail, fakeCommands, type Handlers } from "../dev/fake-commands";
import type { AppError, ProfileInfo, Row } from "./lib/api";
import { fold } from "./lib/roster/findValue";
import { layOutElements, phoneUser } from "./test-support";
import App from "./App.svelte";

layOutElements();

/** The answers every launch needs, over the IPC the real app uses. */
const LAUNCH: Partial<Handlers> = {
  appInfo: () => ({ name: "Phone Roster", version: "1.0.0", build: "debug", os: "linux", arch: "x86_64", licence: "MIT" }),
  launchOptions: () => ({ demo: false }),
  checkForUpdate: () => ({ state: "up_to_date", version: "1.0.0" }),
};

const NO_FACETS = { cost_center: [], department: [], site: [], status: [], calling_plan: [] };

function profile(name: string, savedAt: string, users: number): ProfileInfo {
  return { name, account_id: `${name}-account`, client_id: `${name}-client`, cloud: "zoom", snapshot: { saved_at: savedAt, users }, api_address: null };
}

describe("switching profiles", () => {
  const rosters: Record<string, Row[]> = {
    Acme: [phoneUser(1, { name: "Ada Acme" }), phoneUser(2, { name: "Alan Acme" }), phoneUser(3, { name: "Anna Acme" })],
    Globex: [phoneUser(4, { name: "Gus Globex" }), phoneUser(5, { name: "Greta Globex" })],
  };
  const profiles = [profile("Globex", "2026-01-01T09:00:00Z", 2), profile("Acme", "2026-01-02T09:00:00Z", 3)];

  function backend() {
    let open = "";
    const opened: string[] = [];
    fakeCommands({
      ...LAUNCH,
      listProfiles: () => profiles,
      openProfile: (name) => {
        open = name;
        opened.push(name);
        const snapshot = profiles.find((p) => p.name === name)!.snapshot!;
        return { profile: name, is_demo: false, users: snapshot.users, loaded_at: snapshot.saved_at, from_snapshot: true };
      },
      query: (spec, offset, limit) => {
        const rows = rosters[open].filter((row) => fold(row.name).includes(fold(spec.search ?? "")));
        return { offset, total: rows.length, roster_size: rosters[open].length, rows: rows.slice(offset, offset + limit), facets: NO_FACETS };
      },
    });
    return opened;
  }

  it("shows the chosen profile's roster, and the top bar names it and its size", async () => {
    const user = userEvent.setup();
    const opened = backend();
    render(App);

    // At launch: the profile saved last.
    const grid = await screen.findByRole("grid", { name: "Phone users" });
    expect(await within(grid).findByText("Ada Acme")).toBeInTheDocument();
    const bar = screen.getByRole("banner");
    const account = within(bar).getByRole("combobox", { name: "Zoom account" });
    expect(account).toHaveDisplayValue("Acme");
    expect(within(bar).getByText(/^3 phone users · as of /)).toBeInTheDocument();
    await user.type(screen.getByRole("searchbox", { name: /Search name/ }), "Anna");
    await waitFor(() => expect(within(grid).queryByText("Ada Acme")).toBeNull());

    await user.selectOptions(account, "Globex");

    expect(await within(grid).findByText("Gus Globex")).toBeInTheDocument();
    expect(within(grid).getByText("Greta Globex")).toBeInTheDocument();
    expect(within(grid).queryByText(/Acme/)).toBeNull();
    expect(opened).toEqual(["Acme", "Globex"]);
    expect(account).toHaveDisplayValue("Globex");
    expect(within(bar).getByText(/^2 phone users · as of /)).toBeInTheDocument();
    expect(screen.getByText("Showing 2 of 2 phone users")).toBeInTheDocument();
    // The search typed for the other account does not follow.
    expect(screen.getByRole("searchbox", { name: /Search name/ })).toHaveValue("");
  });
});

describe("every error the backend can answer", () => {
  // Typed from the bindings: a kind added in Rust and missing here (or one removed) fails `npm run check`.
  const KINDS = Object.keys({
    credentials: 0,
    permission: 0,
    zoom: 0,
    network: 0,
    profile: 0,
    profile_exists: 0,
    keychain: 0,
    invalid_request: 0,
    export: 0,
    busy: 0,
    not_loaded: 0,
    update: 0,
    internal: 0,
  } satisfies Record<AppError["kind"], 0>) as AppError["kind"][];

  it.each(KINDS)("%s: its message, hint and tracking ID are on screen", async (kind) => {
    const error = {
      kind,
      message: `What went wrong (${kind}).`,
      hint: `The one thing to do (${kind}).`,
      tracking_id: `rid-${kind}`,
    } as AppError;
    fakeCommands({ ...LAUNCH, listProfiles: () => fail(error) });
    render(App);

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText(error.message)).toBeVisible();
    expect(within(alert).getByText(error.hint!)).toBeVisible();
    expect(within(alert).getByText(`rid-${kind}`)).toBeVisible();
    expect(screen.getByRole("heading", { name: "Phone Roster" })).toBeInTheDocument();
  });
});

describe("removing a profile", () => {
  it("asks first, then forgets the open profile and shows the welcome screen", async () => {
    const user = userEvent.setup();
    let saved = [profile("Globex", "2026-01-01T09:00:00Z", 2), profile("Acme", "2026-01-02T09:00:00Z", 3)];
    const deleted: string[] = [];
    fakeCommands({
      ...LAUNCH,
      listProfiles: () => saved,
      openProfile: (name) => ({ profile: name, is_demo: false, users: 3, loaded_at: "2026-01-02T09:00:00Z", from_snapshot: true }),
      query: (_spec, offset) => ({ offset, total: 0, roster_size: 3, rows: [], facets: NO_FACETS }),
      deleteProfile: (name) => {
        deleted.push(name);
        saved = saved.filter((p) => p.name !== name);
        return null;
      },
    });
    render(App);
    const account = await screen.findByRole("combobox", { name: "Zoom account" });
    await waitFor(() => expect(account).toHaveDisplayValue("Acme"));

    await user.selectOptions(account, "Remove “Acme”…");
    const dialog = await screen.findByRole("alertdialog", { name: "Remove the profile “Acme”?" });
    expect(dialog).toHaveAccessibleDescription(/deleted from this computer's keychain, and its saved roster of 3 phone users/);
    // The safe answer has the focus; keeping it changes nothing.
    expect(within(dialog).getByRole("button", { name: "Keep it" })).toHaveFocus();
    await user.click(within(dialog).getByRole("button", { name: "Keep it" }));
    expect(deleted).toEqual([]);
    expect(screen.queryByRole("alertdialog")).toBeNull();

    await user.selectOptions(account, "Remove “Acme”…");
    await user.click(await screen.findByRole("button", { name: "Remove profile" }));

    await waitFor(() => expect(deleted).toEqual(["Acme"]));
    await waitFor(() => expect(screen.queryByRole("grid", { name: "Phone users" })).toBeNull());
    const options = within(screen.getByRole("combobox", { name: "Zoom account" })).getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual(["Choose an account…", "Globex", "Demo account", "Add a Zoom account…"]);
  });
});
