// Chips and export file names from the view's filters.
import { describe, expect, it } from "vitest";
import { emptyView } from "../view";
import { chipsOf, exportFileStem, valueLabel } from "./facets";

describe("facets", () => {
  it("shows blanks as (none) and Zoom's status words as people say them", () => {
    expect(valueLabel("department", "")).toBe("(none)");
    expect(valueLabel("status", "activate")).toBe("Active");
    expect(valueLabel("status", "deactivate")).toBe("Inactive");
  });

  it("makes one chip per chosen value and one for the search", () => {
    const spec = emptyView();
    spec.filters.cost_center = ["CC-1", ""];
    spec.filters.status = ["pending"];
    spec.search = "ada";
    expect(chipsOf(spec).map((c) => c.label)).toEqual([
      "Cost Center: CC-1",
      "Cost Center: (none)",
      "Status: Pending",
      "Search: “ada”",
    ]);
  });

  it("names the export after the account, the filter and the day, safely for every OS", () => {
    const day = new Date(2026, 10, 28);
    expect(exportFileStem("Acme EMEA", emptyView(), day)).toBe("Acme EMEA - all phone users - 2026-11-28");
    const spec = emptyView();
    spec.filters.cost_center = ["CC/1", ""];
    spec.filters.department = ["A", "B", "C"];
    expect(exportFileStem("Acme: EMEA", spec, day)).toBe("Acme_ EMEA - CC_1 + no cost center, 3 Departments - 2026-11-28");
    const dots = emptyView();
    dots.search = "../../etc";
    const name = exportFileStem("Acme", dots, day);
    expect(name).toBe("Acme - search ._._etc - 2026-11-28");
    expect(name).not.toContain("..");
  });
});
