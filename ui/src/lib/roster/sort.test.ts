// Clicking and Shift-clicking headers builds the sort keys.
import { describe, expect, it } from "vitest";
import { nextSort } from "./sort";

describe("nextSort", () => {
  it("cycles one column through ascending, descending and off", () => {
    const asc = nextSort([], "extension", false);
    expect(asc).toEqual([{ column: "extension", descending: false }]);
    const desc = nextSort(asc, "extension", false);
    expect(desc).toEqual([{ column: "extension", descending: true }]);
    expect(nextSort(desc, "extension", false)).toEqual([]);
  });

  it("replaces the sort when another column is clicked", () => {
    expect(nextSort([{ column: "name", descending: true }], "site", false)).toEqual([{ column: "site", descending: false }]);
  });

  it("adds, turns over and removes keys with Shift", () => {
    let sort = nextSort([{ column: "site", descending: false }], "name", true);
    expect(sort).toEqual([
      { column: "site", descending: false },
      { column: "name", descending: false },
    ]);
    sort = nextSort(sort, "name", true);
    expect(sort[1]).toEqual({ column: "name", descending: true });
    expect(nextSort(sort, "name", true)).toEqual([{ column: "site", descending: false }]);
  });
});
