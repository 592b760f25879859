// Finding a facet value ignores case and accents, as the main search does.
import { describe, expect, it } from "vitest";
import { findValues, fold } from "./findValue";

const SITES = ["Zürich", "ÉQUIPE Nord", "São Paulo", "Austin", "Zug"];
const find = (typed: string) => findValues(SITES, typed, (site) => site);

describe("findValues", () => {
  it("ignores case and accents, in what is listed and in what is typed", () => {
    expect(find("zur")).toEqual(["Zürich"]);
    expect(find("equipe")).toEqual(["ÉQUIPE Nord"]);
    expect(find("SAO")).toEqual(["São Paulo"]);
    expect(find("zür")).toEqual(["Zürich"]);
    expect(find("Équipe")).toEqual(["ÉQUIPE Nord"]);
  });

  it("finds inside a value, ignores the spaces around what is typed, and lists everything for nothing typed", () => {
    expect(find("  paul ")).toEqual(["São Paulo"]);
    expect(find("z")).toEqual(["Zürich", "Zug"]);
    expect(find("   ")).toEqual(SITES);
    expect(find("berlin")).toEqual([]);
  });

  it("matches on the label, not on the item", () => {
    const counts = [
      { value: "", count: 3 },
      { value: "Genève", count: 2 },
    ];
    const label = (c: { value: string }) => c.value || "(none)";
    expect(findValues(counts, "none", label)).toEqual([counts[0]]);
    expect(findValues(counts, "geneve", label)).toEqual([counts[1]]);
  });
});

describe("fold", () => {
  it("drops every combining mark, composed or typed separately", () => {
    expect(fold("Ångström Ünïcödé")).toBe("angstrom unicode");
    expect(fold("Cafe\u0301")).toBe("cafe");
    expect(fold("ŁÓDŹ")).toBe("łodz");
  });
});
