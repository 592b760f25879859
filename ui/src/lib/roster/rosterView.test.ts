// The roster view's search draft and typing pause.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RosterView, SEARCH_PAUSE_MS } from "./rosterView.svelte";

describe("RosterView's search", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends a burst of keystrokes once, when typing pauses", () => {
    const view = new RosterView();
    view.typeSearch("j");
    vi.advanceTimersByTime(SEARCH_PAUSE_MS - 1);
    view.typeSearch("jo");
    vi.advanceTimersByTime(SEARCH_PAUSE_MS - 1);
    expect(view.searchDraft).toBe("jo");
    expect(view.spec.search).toBe("");
    vi.advanceTimersByTime(1);
    expect(view.spec.search).toBe("jo");
    expect(view.chips.map((chip) => chip.label)).toEqual(["Search: “jo”"]);
  });

  it("sends the box's text at once when asked (an export), and the pause then sends nothing else", () => {
    const view = new RosterView();
    view.typeSearch("ana");
    view.commitSearch();
    expect(view.spec.search).toBe("ana");
    view.spec.search = "changed elsewhere";
    vi.advanceTimersByTime(SEARCH_PAUSE_MS);
    expect(view.spec.search).toBe("changed elsewhere");
  });

  it("empties the box with the search chip, Clear all and Reset, dropping keystrokes still waiting", () => {
    for (const clear of [
      (view: RosterView) => view.removeChip(view.chips.find((chip) => chip.facet === "search")!),
      (view: RosterView) => view.clearFilters(),
      (view: RosterView) => view.reset(),
      (view: RosterView) => view.restore({}),
    ]) {
      const view = new RosterView();
      view.typeSearch("sales");
      view.commitSearch();
      view.typeSearch("sales team");
      clear(view);
      expect(view.searchDraft).toBe("");
      expect(view.spec.search).toBe("");
      vi.advanceTimersByTime(SEARCH_PAUSE_MS);
      expect(view.spec.search).toBe("");
    }
  });
});
