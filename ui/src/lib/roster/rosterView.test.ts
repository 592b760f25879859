// The roster view's search: the box and the view are one text, which a chip, Clear all and Reset empty.
import { describe, expect, it } from "vitest";
import { RosterView } from "./rosterView.svelte";

describe("RosterView's search", () => {
  it("is part of the view as soon as it is typed, with its chip", () => {
    const view = new RosterView();
    view.spec.search = "jo";
    expect(view.chips.map((chip) => chip.label)).toEqual(["Search: “jo”"]);
    expect(view.filtered).toBe(true);
  });

  it("is emptied by the search chip, Clear all and Reset", () => {
    for (const clear of [
      (view: RosterView) => view.removeChip(view.chips.find((chip) => chip.facet === "search")!),
      (view: RosterView) => view.clearFilters(),
      (view: RosterView) => view.reset(),
      (view: RosterView) => view.restore({}),
    ]) {
      const view = new RosterView();
      view.spec.search = "sales team";
      clear(view);
      expect(view.spec.search).toBe("");
      expect(view.chips).toEqual([]);
    }
  });
});
