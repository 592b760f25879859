// The Changes and Report tabs over a stubbed api: they follow the roster's view, say in words what
// they show, and a report cell opens its users on the Phone users tab.
import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as api from "../api";
import type { ChangeList, Facets, Report } from "../api";
import { layOutElements, phoneUser as user } from "../../test-support";
import RosterScreen from "./RosterScreen.svelte";
import { RosterView } from "./rosterView.svelte";

vi.mock("../api", async (original) => ({
  ...(await original<typeof import("../api")>()),
  query: vi.fn(),
  changeSummary: vi.fn(),
  changes: vi.fn(),
  exportChanges: vi.fn(),
  report: vi.fn(),
  exportReport: vi.fn(),
}));

const SUMMARY = { joined: 1, left: 0, changed: 1, since: "2026-11-28T09:14:00Z" };
const FACETS: Facets = { cost_center: [], department: [], site: [], status: [], calling_plan: [] };

const CHANGES: ChangeList = {
  summary: SUMMARY,
  shown: 2,
  rows: [
    { kind: "joined", user: user(1), what_changed: "", fields: [] },
    {
      kind: "changed",
      user: user(2),
      what_changed: "Cost Center: CC-1 → CC-2",
      fields: [{ column: "cost_center", before: "CC-1", after: "CC-2" }],
    },
  ],
};

const REPORT: Report = {
  rows_by: "cost_center",
  columns_by: "calling_plan",
  row_values: ["CC-1", ""],
  column_values: ["Basic", "Global"],
  counts: [
    [3, 1],
    [0, 2],
  ],
  row_totals: [4, 2],
  column_totals: [3, 3],
  total: 6,
};

layOutElements();

beforeEach(() => {
  vi.clearAllMocks();
  localStorage.clear();
  vi.mocked(api.query).mockResolvedValue({ offset: 0, total: 0, roster_size: 6, rows: [], facets: FACETS });
  vi.mocked(api.changeSummary).mockResolvedValue(SUMMARY);
  vi.mocked(api.changes).mockResolvedValue(CHANGES);
  vi.mocked(api.report).mockResolvedValue(REPORT);
});

function renderOn(tab: "changes" | "report") {
  const view = new RosterView();
  render(RosterScreen, { profile: "Acme", generation: 1, loading: false, view, tab });
  return view;
}

describe("the Changes tab", () => {
  it("lists each change with what changed, counts in words, and narrows by kind", async () => {
    renderOn("changes");
    await screen.findByText(/^Showing 2 of 2 changes since/);
    const region = screen.getByRole("region", { name: "Changes" });
    expect(within(region).getByText("Joined", { selector: ".badge" })).toBeInTheDocument();
    expect(within(region).getByText("CC-1", { selector: ".before" })).toBeInTheDocument();
    expect(within(region).getByText("CC-2", { selector: ".after" })).toBeInTheDocument();
    await userEvent.click(within(region).getByRole("button", { name: "Changed 1" }));
    await waitFor(() => expect(api.changes).toHaveBeenLastCalledWith(expect.anything(), ["changed"], 0, 200));
    expect(within(region).getByRole("button", { name: "Changed 1" })).toHaveAttribute("aria-pressed", "true");
  });

  it("asks Rust for a window of rows, and the next one when asked to show more", async () => {
    const summary = { ...SUMMARY, left: 1 };
    const first: ChangeList = { ...CHANGES, summary, shown: 3 };
    const next: ChangeList = {
      ...CHANGES,
      summary,
      shown: 3,
      rows: [{ kind: "left", user: user(3), what_changed: "", fields: [] }],
    };
    vi.mocked(api.changes).mockResolvedValueOnce(first).mockResolvedValueOnce(next);
    renderOn("changes");
    await screen.findByText(/^Showing 3 of 3 changes since/);
    expect(api.changes).toHaveBeenLastCalledWith(expect.anything(), [], 0, 200);
    const region = screen.getByRole("region", { name: "Changes" });
    expect(within(region).getByText("Listed 2 of 3; the export holds them all.", { exact: false })).toBeInTheDocument();
    await userEvent.click(within(region).getByRole("button", { name: "Show 1 more" }));
    await waitFor(() => expect(within(region).getByText("Left", { selector: ".badge" })).toBeInTheDocument());
    expect(api.changes).toHaveBeenLastCalledWith(expect.anything(), [], 2, 200);
    expect(within(region).getAllByRole("row")).toHaveLength(4);
    expect(within(region).queryByRole("button", { name: /^Show \d+ more$/ })).not.toBeInTheDocument();
  });

  it("follows the roster's search", async () => {
    const view = renderOn("changes");
    await screen.findByText(/^Showing 2 of 2 changes/);
    view.spec.search = "anna";
    await waitFor(() => expect(vi.mocked(api.changes).mock.lastCall?.[0].search).toBe("anna"));
  });

  it("says there is nothing to compare with before a second load", async () => {
    vi.mocked(api.changeSummary).mockResolvedValue(null);
    renderOn("changes");
    expect(await screen.findByText("Nothing to compare with yet")).toBeInTheDocument();
    expect(api.changes).not.toHaveBeenCalled();
  });
});

describe("the Report tab", () => {
  it("counts users per cost center with totals, and a cell opens its users", async () => {
    const view = renderOn("report");
    await screen.findByText("6 phone users in 2 cost centers");
    const region = screen.getByRole("region", { name: "Cost-center report" });
    expect(within(region).getByRole("rowheader", { name: "(none)" })).toBeInTheDocument();
    await userEvent.click(within(region).getByRole("button", { name: "Show the 3 users of CC-1 with Basic" }));
    expect(view.spec.filters.cost_center).toEqual(["CC-1"]);
    expect(view.spec.filters.calling_plan).toEqual(["Basic"]);
    expect(screen.getByRole("tab", { name: "Phone users" })).toHaveAttribute("aria-selected", "true");
  });

  it("asks again across another facet, under the view's filters", async () => {
    const view = renderOn("report");
    view.spec.filters.site = ["Austin"];
    await screen.findByText("6 phone users in 2 cost centers");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Across" }), "status");
    await waitFor(() => expect(api.report).toHaveBeenLastCalledWith(expect.anything(), "cost_center", "status"));
    expect(vi.mocked(api.report).mock.lastCall?.[0].filters.site).toEqual(["Austin"]);
  });
});
