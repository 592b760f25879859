// The roster screen over a stubbed api: the count in words, filters, the column chooser and exports.
import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as api from "../api";
import type { Column, Facets, Row, TableWindow, ViewSpec } from "../api";
import { COLUMN_LABELS } from "../format";
import { layOutElements, phoneUser as user } from "../../test-support";
import RosterScreen from "./RosterScreen.svelte";

vi.mock("../api", async (original) => ({
  ...(await original<typeof import("../api")>()),
  query: vi.fn(),
  exportView: vi.fn(),
  reveal: vi.fn(),
}));

const ROWS = [user(1), user(2, { status: "Pending" }), user(3, { cost_center: "" })];
const FACETS: Facets = {
  cost_center: [
    { value: "CC-1", count: 1 },
    { value: "CC-2", count: 1 },
    { value: "", count: 1 },
  ],
  department: [{ value: "Sales", count: 3 }],
  site: [{ value: "Austin", count: 3 }],
  status: [
    { value: "activate", count: 2 },
    { value: "pending", count: 1 },
  ],
  calling_plan: [{ value: "Basic", count: 3 }],
};

function answer(rows: Row[] = ROWS, facets: Facets = FACETS): TableWindow {
  return { offset: 0, total: rows.length, roster_size: 3, rows, facets };
}

/** The spec of the last query sent to Rust. */
function lastSpec(): ViewSpec {
  const calls = vi.mocked(api.query).mock.calls;
  return calls[calls.length - 1][0];
}

/** The grid's column headers, left to right, by the column's name. */
function headersOnScreen(): string[] {
  return screen.getAllByRole("columnheader").map((header) => header.getAttribute("aria-label")!.split(",")[0]);
}

async function renderScreen(props: Partial<{ profile: string; loading: boolean }> = {}) {
  const result = render(RosterScreen, { profile: "Acme", generation: 1, loading: false, ...props });
  await screen.findByText("Showing 3 of 3 phone users");
  return result;
}

layOutElements();

beforeEach(() => {
  vi.clearAllMocks();
  localStorage.clear();
  vi.mocked(api.query).mockResolvedValue(answer());
});

describe("RosterScreen", () => {
  it("shows the rows Rust sends, with Status in plain words and the ids hidden", async () => {
    await renderScreen();
    const grid = screen.getByRole("grid");
    expect(grid).toHaveAttribute("aria-rowcount", "4");
    expect(await within(grid).findByText("Person 1")).toBeInTheDocument();
    expect(within(grid).getAllByText("Active")).toHaveLength(2);
    expect(within(grid).getByText("Pending")).toBeInTheDocument();
    expect(within(grid).queryByRole("columnheader", { name: /User ID/ })).toBeNull();
    expect(screen.getByText("Showing 3 of 3 phone users")).toHaveAttribute("aria-live", "polite");
  });

  it("sorts on header clicks: ascending, descending, off; Shift adds a key", async () => {
    const u = userEvent.setup();
    await renderScreen();
    const header = (name: RegExp) => screen.getByRole("columnheader", { name });
    expect(header(/^Name/)).toHaveAttribute("aria-sort", "ascending");

    await u.click(header(/^Extension/));
    await waitFor(() => expect(lastSpec().sort).toEqual([{ column: "extension", descending: false }]));
    expect(header(/^Name/)).toHaveAttribute("aria-sort", "none");
    await u.click(header(/^Extension/));
    await waitFor(() => expect(lastSpec().sort).toEqual([{ column: "extension", descending: true }]));
    expect(header(/^Extension/)).toHaveAttribute("aria-sort", "descending");

    await u.keyboard("{Shift>}");
    await u.click(header(/^Site/));
    await u.keyboard("{/Shift}");
    await waitFor(() =>
      expect(lastSpec().sort).toEqual([
        { column: "extension", descending: true },
        { column: "site", descending: false },
      ]),
    );
    expect(header(/^Site/)).toHaveAccessibleName(/sort key 2/);

    await u.click(header(/^Site/));
    await u.click(header(/^Site/));
    await u.click(header(/^Site/));
    await waitFor(() => expect(lastSpec().sort).toEqual([]));
  });

  it("filters by a ticked facet value, shows it as a chip, and the chip removes it", async () => {
    const u = userEvent.setup();
    await renderScreen();
    const status = screen.getByRole("region", { name: "Status" });
    await u.click(within(status).getByRole("checkbox", { name: /Pending/ }));
    await waitFor(() => expect(lastSpec().filters?.status).toEqual(["pending"]));

    const chips = screen.getByRole("list", { name: "Active filters" });
    expect(within(chips).getByText("Status: Pending")).toBeInTheDocument();
    await u.click(within(chips).getByRole("button", { name: "Remove filter Status: Pending" }));
    await waitFor(() => expect(lastSpec().filters?.status).toEqual([]));
    expect(screen.queryByRole("list", { name: "Active filters" })).toBeNull();
    expect(within(status).getByRole("checkbox", { name: /Pending/ })).not.toBeChecked();
  });

  it("lists blanks as (none) and Select all / None set the whole facet", async () => {
    const u = userEvent.setup();
    await renderScreen();
    const costCenter = screen.getByRole("region", { name: /^Cost Center/ });
    expect(within(costCenter).getByRole("checkbox", { name: /\(none\)/ })).toBeInTheDocument();
    await u.click(within(costCenter).getByRole("button", { name: "Select all" }));
    await waitFor(() => expect(lastSpec().filters?.cost_center).toEqual(["CC-1", "CC-2", ""]));
    await u.click(within(costCenter).getByRole("button", { name: "None" }));
    await waitFor(() => expect(lastSpec().filters?.cost_center).toEqual([]));
  });

  it("filters to a chart bar on click and adds or removes bars with Ctrl-click, like the checklist", async () => {
    const u = userEvent.setup();
    await renderScreen();
    const chart = screen.getByRole("region", { name: "Users per cost center" });
    const bar = (name: RegExp) => within(chart).getByRole("button", { name });
    expect(bar(/^\(no cost center\)/)).toBeInTheDocument();

    await u.click(bar(/^CC-1:/));
    await waitFor(() => expect(lastSpec().filters?.cost_center).toEqual(["CC-1"]));
    expect(bar(/^CC-1:/)).toHaveAttribute("aria-pressed", "true");

    await u.keyboard("{Control>}");
    await u.click(bar(/^CC-2:/));
    await u.keyboard("{/Control}");
    await waitFor(() => expect(lastSpec().filters?.cost_center).toEqual(["CC-1", "CC-2"]));
    const checklist = screen.getByRole("region", { name: /^Cost Center/ });
    expect(within(checklist).getByRole("checkbox", { name: /CC-2/ })).toBeChecked();

    await u.keyboard("{Control>}");
    await u.click(bar(/^CC-1:/));
    await u.keyboard("{/Control}");
    await waitFor(() => expect(lastSpec().filters?.cost_center).toEqual(["CC-2"]));
    expect(bar(/^CC-1:/)).toHaveAttribute("aria-pressed", "false");

    await u.click(bar(/^CC-1:/));
    await waitFor(() => expect(lastSpec().filters?.cost_center).toEqual(["CC-1"]));
  });

  it("says what the export will do and exports the view with the visible columns in order", async () => {
    const u = userEvent.setup();
    vi.mocked(api.exportView).mockResolvedValue({ path: "/home/a/Acme.csv", rows: 3 });
    await renderScreen();
    const button = screen.getByRole("button", { name: "Export 3 users to CSV" });
    await u.click(button);
    const columns: Column[] = ["name", "email", "extension", "phone_numbers", "site", "department", "cost_center", "status", "calling_plans"];
    expect(api.exportView).toHaveBeenCalledWith(
      {
        search: "",
        filters: { cost_center: [], department: [], site: [], status: [], calling_plan: [] },
        sort: [{ column: "name", descending: false }],
      },
      columns,
      { format: "csv", bom: true, delimiter: "comma", style: "for_people" },
      expect.stringMatching(/^Acme - all phone users - \d{4}-\d\d-\d\d$/),
    );
    expect(headersOnScreen()).toEqual(columns.map((c) => COLUMN_LABELS[c]));
    const toast = await screen.findByRole("status");
    expect(toast).toHaveTextContent("Saved 3 users");
    expect(toast).toHaveTextContent("/home/a/Acme.csv");
    await u.click(within(toast).getByRole("button", { name: "Show in folder" }));
    expect(api.reveal).toHaveBeenCalledWith("/home/a/Acme.csv");
  });

  it("exports exactly the view on screen: search, filters, sort, and the columns shown in their order", async () => {
    const u = userEvent.setup();
    vi.mocked(api.exportView).mockResolvedValue(null);
    await renderScreen();
    await u.type(screen.getByRole("searchbox", { name: /Search name/ }), "Person");
    const status = screen.getByRole("region", { name: "Status" });
    await u.click(within(status).getByRole("checkbox", { name: /Pending/ }));
    await u.click(screen.getByRole("columnheader", { name: /^Extension/ }));
    await u.keyboard("{Shift>}");
    await u.click(screen.getByRole("columnheader", { name: /^Site/ }));
    await u.keyboard("{/Shift}");
    // Email hidden, User ID added, Status moved before Cost Center.
    await u.click(screen.getByRole("button", { name: "Columns" }));
    await u.click(screen.getByRole("checkbox", { name: "Email" }));
    await u.click(screen.getByRole("checkbox", { name: "User ID" }));
    await u.click(screen.getByRole("button", { name: "Move Status earlier" }));
    await u.click(screen.getByRole("button", { name: "Done" }));

    await u.click(screen.getByRole("button", { name: "Export 3 users to CSV" }));
    expect(api.exportView).toHaveBeenCalledTimes(1);
    const [spec, columns] = vi.mocked(api.exportView).mock.calls[0];
    expect(spec).toEqual({
      search: "Person",
      filters: { cost_center: [], department: [], site: [], status: ["pending"], calling_plan: [] },
      sort: [
        { column: "extension", descending: false },
        { column: "site", descending: false },
      ],
    });
    expect(columns).toEqual(["name", "extension", "phone_numbers", "site", "department", "status", "cost_center", "calling_plans", "user_id"]);
    expect(headersOnScreen()).toEqual(columns.map((c) => COLUMN_LABELS[c]));
    // What was exported is what the table was last asked for.
    expect(lastSpec()).toEqual(spec);
  });

  it("does not export while a load is still filling the table", async () => {
    const u = userEvent.setup();
    await renderScreen({ loading: true });
    expect(screen.getByRole("button", { name: "Export 3 users to CSV" })).toBeDisabled();
    await u.keyboard("{Control>}e{/Control}");
    expect(api.exportView).not.toHaveBeenCalled();
  });

  it("follows the view in the export button and offers the other formats in its menu", async () => {
    const u = userEvent.setup();
    vi.mocked(api.exportView).mockResolvedValue(null);
    vi.mocked(api.query).mockResolvedValue({ ...answer([ROWS[0]]), total: 1 });
    render(RosterScreen, { profile: "Acme", generation: 1, loading: false });
    expect(await screen.findByRole("button", { name: "Export 1 user to CSV" })).toBeInTheDocument();
    await u.click(screen.getByRole("button", { name: "More export formats" }));
    await u.click(screen.getByRole("menuitem", { name: /semicolon/ }));
    expect(vi.mocked(api.exportView).mock.calls[0][2]).toEqual({
      format: "csv",
      bom: true,
      delimiter: "semicolon",
      style: "for_people",
    });
    await u.click(screen.getByRole("button", { name: "More export formats" }));
    await u.click(screen.getByRole("menuitem", { name: /JSON/ }));
    expect(vi.mocked(api.exportView).mock.calls[1][2]).toEqual({ format: "json" });
    // Rust adds the format's extension to the name.
    expect(vi.mocked(api.exportView).mock.calls[1][3]).toMatch(/^Acme - all phone users - \d{4}-\d\d-\d\d$/);
    await u.click(screen.getByRole("button", { name: "More export formats" }));
    await u.click(screen.getByRole("menuitem", { name: /Excel workbook/ }));
    expect(vi.mocked(api.exportView).mock.calls[2][2]).toEqual({ format: "xlsx" });
    expect(vi.mocked(api.exportView).mock.calls[2][3]).toBe(vi.mocked(api.exportView).mock.calls[1][3]);
    await u.click(screen.getByRole("button", { name: "More export formats" }));
    await u.click(screen.getByRole("menuitem", { name: /Plain CSV for scripts/ }));
    expect(vi.mocked(api.exportView).mock.calls[3][2]).toEqual({
      format: "csv",
      bom: true,
      delimiter: "comma",
      style: "plain",
    });
  });

  it("explains a failed query in plain words and tries again", async () => {
    const u = userEvent.setup();
    vi.mocked(api.query).mockRejectedValueOnce(
      new api.ApiError({ kind: "not_loaded", message: "No roster is loaded yet.", hint: "Use Refresh to load it.", tracking_id: null }),
    );
    render(RosterScreen, { profile: "Acme", generation: 1, loading: false });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("No roster is loaded yet.");
    expect(alert).toHaveTextContent("Use Refresh to load it.");
    await u.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("Showing 3 of 3 phone users")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("says when nothing matches and clears the filters in one click", async () => {
    const u = userEvent.setup();
    await renderScreen();
    vi.mocked(api.query).mockResolvedValue({ ...answer([]), total: 0 });
    await u.type(screen.getByRole("searchbox", { name: /Search name/ }), "zzz");
    expect(await screen.findByText("No users match")).toBeInTheDocument();
    await waitFor(() => expect(lastSpec().search).toBe("zzz"));
    vi.mocked(api.query).mockResolvedValue(answer());
    await u.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(lastSpec().search).toBe(""));
    expect(screen.getByRole("searchbox", { name: /Search name/ })).toHaveValue("");
    expect(await screen.findByText("Showing 3 of 3 phone users")).toBeInTheDocument();
  });

  it("moves through the grid with the arrow keys, copies a cell and opens the details", async () => {
    const u = userEvent.setup();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText } });
    await renderScreen();
    const grid = screen.getByRole("grid");
    const first = await within(grid).findByText("Person 1");
    expect(first).toHaveAttribute("tabindex", "0");
    first.focus();

    await u.keyboard("{ArrowDown}");
    await waitFor(() => expect(within(grid).getByText("Person 2")).toHaveFocus());
    expect(within(grid).getByText("Person 2").closest("[role=row]")).toHaveAttribute("aria-rowindex", "3");
    await u.keyboard("{ArrowRight}");
    await waitFor(() => expect(within(grid).getByText("p2@example.com")).toHaveFocus());

    await u.keyboard("{Control>}c{/Control}");
    await waitFor(() => expect(writeText).toHaveBeenCalledWith("p2@example.com"));

    await u.keyboard("{ArrowUp}{ArrowUp}");
    await waitFor(() => expect(screen.getByRole("columnheader", { name: /^Email/ })).toHaveFocus());
    await u.keyboard("{Enter}");
    await waitFor(() => expect(lastSpec().sort).toEqual([{ column: "email", descending: false }]));

    within(grid).getByText("Person 3").focus();
    await u.keyboard("{Enter}");
    const details = await screen.findByRole("complementary", { name: "Person 3" });
    expect(within(details).getByText("+1 555 111 3")).toBeInTheDocument();
    expect(within(details).getByText("Global Select")).toBeInTheDocument();
    expect(within(details).getByText("pu3")).toBeInTheDocument();
    await waitFor(() => expect(within(details).getByRole("button", { name: "Close details" })).toHaveFocus());
    await u.click(within(details).getByRole("button", { name: "Copy Email" }));
    expect(writeText).toHaveBeenLastCalledWith("p3@example.com");
    await u.keyboard("{Escape}");
    expect(screen.queryByRole("complementary", { name: "Person 3" })).toBeNull();
  });

  it("shows a cut-off cell's whole text while the pointer is on it, and a cell that fits none", async () => {
    const u = userEvent.setup();
    await renderScreen();
    const grid = screen.getByRole("grid");
    const cut = await within(grid).findByText("p1@example.com");
    // jsdom lays nothing out: this cell is told it is wider than its box, the others fit (0 = 0).
    Object.defineProperty(cut, "scrollWidth", { configurable: true, value: 300 });
    Object.defineProperty(cut, "clientWidth", { configurable: true, value: 120 });
    expect(cut).not.toHaveAttribute("title");
    await u.hover(cut);
    expect(cut).toHaveAttribute("title", "p1@example.com");
    await u.unhover(cut);
    expect(cut).not.toHaveAttribute("title");
    const fits = within(grid).getByText("Person 1");
    await u.hover(fits);
    expect(fits).not.toHaveAttribute("title");
  });

  it("focuses the search with Ctrl+F and exports with Ctrl+E", async () => {
    const u = userEvent.setup();
    vi.mocked(api.exportView).mockResolvedValue(null);
    await renderScreen();
    await u.keyboard("{Control>}f{/Control}");
    expect(screen.getByRole("searchbox", { name: /Search name/ })).toHaveFocus();
    await u.keyboard("{Control>}e{/Control}");
    expect(api.exportView).toHaveBeenCalledTimes(1);
  });

  it("hides columns from the chooser, remembers it per profile, and Reset brings them back", async () => {
    const u = userEvent.setup();
    const header = (name: RegExp) => screen.queryByRole("columnheader", { name });
    const acme = await renderScreen({ profile: "Acme" });
    await u.click(screen.getByRole("button", { name: "Columns" }));
    await u.click(screen.getByRole("checkbox", { name: "Email" }));
    await u.click(screen.getByRole("checkbox", { name: "User ID" }));
    expect(header(/^Email/)).toBeNull();
    expect(header(/^User ID/)).toBeInTheDocument();
    acme.unmount();

    // Another profile does not get Acme's layout, and what is changed there stays there.
    const other = await renderScreen({ profile: "Other" });
    expect(header(/^Email/)).toBeInTheDocument();
    expect(header(/^User ID/)).toBeNull();
    await u.click(screen.getByRole("button", { name: "Columns" }));
    await u.click(screen.getByRole("checkbox", { name: "Site" }));
    expect(header(/^Site(?! ID)/)).toBeNull();
    other.unmount();

    await renderScreen({ profile: "Acme" });
    expect(header(/^Email/)).toBeNull();
    expect(header(/^User ID/)).toBeInTheDocument();
    expect(header(/^Site(?! ID)/)).toBeInTheDocument();
    await u.click(screen.getByRole("button", { name: "Columns" }));
    await u.click(screen.getByRole("button", { name: "Reset" }));
    expect(header(/^Email/)).toBeInTheDocument();
    expect(header(/^User ID/)).toBeNull();
  });
});
