// The row-window cache: what it fetches, keeps, drops and shows while the next answer is on its way.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { phoneUser } from "../test-support";
import * as api from "./api";
import type { Facets, TableWindow, ViewSpec } from "./api";
import { emptyView } from "./view";
import { PAGE_SIZE, RowWindows } from "./windows.svelte";

vi.mock("./api", async (original) => ({ ...(await original<typeof import("./api")>()), query: vi.fn() }));

const TOTAL = 5_000;
const FACETS: Facets = { cost_center: [{ value: "CC-1", count: TOTAL }], department: [], site: [], status: [], calling_plan: [] };

/** Rust in miniature: `TOTAL` users, named after their index and the search text. */
function answer(spec: ViewSpec, offset: number, limit: number, withFacets = true, facets: Facets = FACETS): TableWindow {
  const rows = Array.from({ length: Math.max(0, Math.min(limit, TOTAL - offset)) }, (_, i) =>
    phoneUser(offset + i, { name: `${spec.search || "all"} ${offset + i}` }),
  );
  return { offset, total: TOTAL, roster_size: TOTAL + 1, rows, facets: withFacets ? facets : null };
}

/** A query whose answer waits until the test lets it through. */
function held() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  vi.mocked(api.query).mockImplementationOnce(async (spec, offset, limit) => {
    await gate;
    return answer(spec, offset, limit);
  });
  return release;
}

const view = (search = ""): ViewSpec => ({ ...emptyView(), search });
/** The offsets Rust was asked for, in order. */
const asked = () => vi.mocked(api.query).mock.calls.map(([, offset]) => offset);
const settle = () => vi.waitFor(() => expect(windows.pending).toBe(false));
/** Lets every answer already given arrive. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

let windows: RowWindows;

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(api.query).mockImplementation(async (spec, offset, limit, withFacets) => answer(spec, offset, limit, withFacets));
  windows = new RowWindows();
});

describe("RowWindows", () => {
  it("asks for the first page of a view and answers rows, total and facets from it", async () => {
    expect(windows.pending).toBe(true);
    windows.reset(view("ada"), 1);
    await settle();
    expect(api.query).toHaveBeenCalledWith(view("ada"), 0, PAGE_SIZE, true);
    expect(windows.total).toBe(TOTAL);
    expect(windows.rosterSize).toBe(TOTAL + 1);
    expect(windows.facets).toEqual(FACETS);
    expect(windows.row(0)?.name).toBe("ada 0");
    expect(windows.row(PAGE_SIZE - 1)?.name).toBe(`ada ${PAGE_SIZE - 1}`);
    expect(windows.row(PAGE_SIZE)).toBeUndefined();
    expect(windows.row(TOTAL)).toBeUndefined();
  });

  it("fetches the pages a scroll shows and the next one down, once each, and never past the end", async () => {
    windows.reset(view(), 1);
    await settle();
    windows.ensure(350, 620);
    windows.ensure(400, 600);
    await vi.waitFor(() => expect(windows.row(620)?.name).toBe("all 620"));
    expect(asked()).toEqual([0, 200, 400, 600, 800]);
    windows.ensure(4_950, 5_300);
    await vi.waitFor(() => expect(windows.row(TOTAL - 1)?.name).toBe(`all ${TOTAL - 1}`));
    expect(asked().slice(5)).toEqual([4_800]);
  });

  it("fetches the page above the screen when the scroll goes up", async () => {
    windows.reset(view(), 1);
    await settle();
    windows.ensure(2_450, 2_480);
    await vi.waitFor(() => expect(windows.row(2_450)).toBeDefined());
    vi.mocked(api.query).mockClear();
    windows.ensure(2_380, 2_410);
    await vi.waitFor(() => expect(windows.row(2_380)).toBeDefined());
    expect(asked()).toEqual([2_200, 2_000]);
  });

  it("asks again only when the view or the roster changed, and keeps the scrolled pages", async () => {
    windows.reset(view(), 1);
    await settle();
    windows.ensure(400, 450);
    await vi.waitFor(() => expect(windows.row(400)).toBeDefined());
    vi.mocked(api.query).mockClear();

    windows.reset(view(), 1);
    expect(api.query).not.toHaveBeenCalled();

    windows.reset(view(), 2);
    await settle();
    expect(asked()).toEqual([0, 400]);

    windows.reset(view("bo"), 2);
    await vi.waitFor(() => expect(windows.row(400)?.name).toBe("bo 400"));
    expect(vi.mocked(api.query).mock.calls.at(-1)![0]).toEqual(view("bo"));
  });

  it("keeps the previous view's rows on screen until the new view answers", async () => {
    windows.reset(view(), 1);
    await settle();
    const release = held();
    windows.reset(view("ann"), 1);
    expect(windows.pending).toBe(true);
    expect(windows.row(3)?.name).toBe("all 3");
    release();
    await vi.waitFor(() => expect(windows.row(3)?.name).toBe("ann 3"));
  });

  it("asks for one view at a time: typed over an answer on its way, only the latest text, once it is back", async () => {
    const release = held();
    windows.reset(view("j"), 1);
    windows.ensure(0, 30);
    windows.reset(view("jo"), 1);
    windows.reset(view("joe"), 1);
    windows.ensure(0, 30);
    await flush();
    const searched = () => vi.mocked(api.query).mock.calls.map(([spec, offset]) => `${spec.search}@${offset}`);
    expect(searched()).toEqual(["j@0"]);
    expect(windows.pending).toBe(true);
    release();
    await settle();
    // The answer for "j" is dropped: the rows are the latest view's.
    expect(windows.row(0)?.name).toBe("joe 0");
    expect(searched()).toEqual(["j@0", "joe@0"]);
  });

  it("keeps the rows of the view before while a typed-over view waits for its turn", async () => {
    windows.reset(view(), 1);
    await settle();
    const release = held();
    windows.reset(view("a"), 1);
    windows.reset(view("an"), 1);
    expect(windows.row(5)?.name).toBe("all 5");
    release();
    await vi.waitFor(() => expect(windows.row(5)?.name).toBe("an 5"));
  });

  it("asks for a view's facets until an answer brings them, and not for the windows after", async () => {
    windows.reset(view(), 1);
    await settle();
    const first = windows.facets;
    vi.mocked(api.query).mockClear();
    vi.mocked(api.query).mockImplementation(async (spec, offset, limit, withFacets) =>
      answer(spec, offset, limit, withFacets, { ...FACETS, site: [{ value: "Later", count: 1 }] }),
    );
    windows.ensure(400, 420);
    await vi.waitFor(() => expect(windows.row(400)).toBeDefined());
    expect(windows.facets).toBe(first);
    expect(vi.mocked(api.query).mock.calls.map((call) => call[3])).toEqual([false, false]);

    windows.reset(view("x"), 1);
    await settle();
    expect(windows.facets?.site).toEqual([{ value: "Later", count: 1 }]);
  });

  it("asks for a view's facets once, not with the windows asked for while they are on their way", async () => {
    windows.reset(view(), 1);
    await settle();
    vi.mocked(api.query).mockClear();
    const release = held();
    windows.reset(view("ana"), 1);
    windows.ensure(0, 30);
    windows.ensure(150, 230);
    release();
    await settle();
    await flush();
    expect(vi.mocked(api.query).mock.calls.map(([, offset, , withFacets]) => [offset, withFacets])).toEqual([
      [0, true],
      [200, false],
      [400, false],
    ]);
  });

  it("hands on a facet's list as it was when a new view did not change its counts", async () => {
    windows.reset(view(), 1);
    await settle();
    const before = windows.facets!;
    vi.mocked(api.query).mockImplementation(async (spec, offset, limit, withFacets) =>
      answer(spec, offset, limit, withFacets, { ...FACETS, cost_center: [{ value: "CC-1", count: 7 }], site: [] }),
    );
    windows.reset(view("x"), 1);
    await settle();
    expect(windows.facets!.cost_center).toEqual([{ value: "CC-1", count: 7 }]);
    expect(windows.facets!.department).toBe(before.department);
    expect(windows.facets!.site).toBe(before.site);

    const changed = windows.facets;
    windows.reset(view("xy"), 1);
    await settle();
    expect(windows.facets).toBe(changed);
  });

  it("forgets pages far from the screen, so memory stays flat, and fetches them again when scrolled back", async () => {
    windows.reset(view(), 1);
    await settle();
    for (let first = 0; first < TOTAL; first += PAGE_SIZE) {
      windows.ensure(first, first + 50);
      await flush();
    }
    expect(windows.row(10)).toBeUndefined();
    expect(windows.row(TOTAL - 150)?.name).toBe(`all ${TOTAL - 150}`);
    vi.mocked(api.query).mockClear();
    windows.ensure(0, 50);
    await vi.waitFor(() => expect(windows.row(10)?.name).toBe("all 10"));
    expect(asked()).toEqual([0]);
  });

  it("says in words why a window failed, and Try again asks again", async () => {
    vi.mocked(api.query).mockRejectedValueOnce(
      new api.ApiError({ kind: "not_loaded", message: "No roster is loaded yet.", hint: "Use Refresh.", tracking_id: null }),
    );
    windows.reset(view("eve"), 3);
    await settle();
    expect(windows.problem).toEqual({ message: "No roster is loaded yet.", hint: "Use Refresh." });
    expect(windows.row(0)).toBeUndefined();

    windows.retry();
    await vi.waitFor(() => expect(windows.row(0)?.name).toBe("eve 0"));
    expect(windows.problem).toBeNull();
    expect(vi.mocked(api.query).mock.calls.map(([spec, offset]) => [spec.search, offset])).toEqual([
      ["eve", 0],
      ["eve", 0],
    ]);
  });
});
