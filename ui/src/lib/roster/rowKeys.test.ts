// The grid's row keys: rows that stay keep theirs, rows coming on take those of rows that left.
import { describe, expect, it } from "vitest";
import { RowKeys } from "./rowKeys";

const range = (first: number, count: number) => Array.from({ length: count }, (_, i) => first + i);

describe("RowKeys", () => {
  it("keeps the keys of rows that stay and gives a row coming on the key of one that left", () => {
    const keys = new RowKeys();
    expect(keys.of(range(0, 4))).toEqual([0, 1, 2, 3]);
    expect(keys.of(range(1, 4))).toEqual([1, 2, 3, 0]);
    expect(keys.of(range(0, 4))).toEqual([0, 1, 2, 3]);
  });

  it("reuses every key, in the same order, after a jump far away", () => {
    const keys = new RowKeys();
    keys.of(range(10, 5));
    keys.of(range(12, 5));
    const before = keys.of(range(13, 5));
    expect(keys.of(range(90_000, 5))).toEqual(before);
  });

  it("makes new keys when more rows are on screen, unique among them", () => {
    const keys = new RowKeys();
    keys.of(range(0, 3));
    const more = keys.of(range(100, 6));
    expect(new Set(more).size).toBe(6);
    expect(more.slice(0, 3)).toEqual([0, 1, 2]);
  });
});
