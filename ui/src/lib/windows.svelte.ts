// Rows of the current view, fetched from Rust a page at a time as the scroller needs them. The UI never
// holds the whole roster: only the pages near what is on screen, for the current view and roster.
// Each change the page draws costs WebKitGTK a frame, so this changes as little as it can: one view's
// queries at a time (typing over an answer on its way asks only for the latest text), the next page
// asked for before a scroll reaches it, and facet lists that did not change handed on as they were.
import * as api from "./api";
import type { FacetCount, Facets, Row, ViewSpec } from "./api";

export const PAGE_SIZE = 200;
/** Pages kept around the visible ones; older ones are dropped so memory stays flat on 100k users. */
const KEEP_PAGES = 12;

export class RowWindows {
  total = $state(0);
  rosterSize = $state(0);
  /** Replaced whole, never changed in place; a facet whose counts did not change keeps its list. */
  facets = $state.raw<Facets | null>(null);
  /** Bumped when a page arrives, so views re-read `row()`. */
  version = $state(0);
  /** Why the last window could not be fetched, in words for a person. */
  problem = $state<{ message: string; hint: string | null } | null>(null);
  /** True until the first answer for the current view arrives. */
  pending = $state(true);

  private pages = new Map<number, Row[]>();
  /** The previous view's pages, shown until the current view's answers replace them. */
  private stale = new Map<number, Row[]>();
  /** First and last page on screen, fetched again when the view changes. */
  private shown: [number, number] = [0, 0];
  private inFlight = new Set<number>();
  /** Queries on their way for views no longer shown: a new view is asked for once they are back. */
  private staleInFlight = 0;
  private waiting = false;
  /** Which way the last scroll went (1 down, -1 up), to ask for the page beyond the screen. */
  private direction = 1;
  private key = "";
  /** The view whose facets are shown: they depend on the view, not on the window. */
  private facetsKey = "";
  /** The view whose facets were asked for, so that its other windows do not ask again meanwhile. */
  private facetsAsked = "";
  private spec: ViewSpec | null = null;
  private generation = 0;

  /** Starts over for a new view or a changed roster; keeps showing the old total until the answer. */
  reset(spec: ViewSpec, generation: number): void {
    const key = `${generation}:${JSON.stringify(spec)}`;
    if (key === this.key) return;
    this.key = key;
    this.generation = generation;
    this.spec = $state.snapshot(spec) as ViewSpec;
    // The old rows stay on screen until the new ones arrive, so a load in progress does not blink;
    // a view replaced before any answer came leaves those of the view before it.
    if (this.pages.size > 0) this.stale = this.pages;
    this.pages = new Map();
    this.staleInFlight += this.inFlight.size;
    this.inFlight.clear();
    this.pending = true;
    this.fetchShown();
  }

  /** Asks for the first page and those on screen, unless an earlier view's answer is still on its way:
   * then once it is back, so that typing sends the first and the last text of a burst, not each one. */
  private fetchShown(): void {
    this.waiting = this.staleInFlight > 0;
    if (this.waiting) return;
    void this.fetch(0);
    for (let page = this.shown[0]; page <= this.shown[1]; page++) void this.fetch(page);
  }

  /** Asks again for the current view, after a failed answer. */
  retry(): void {
    if (!this.spec) return;
    this.key = "";
    this.reset(this.spec, this.generation);
  }

  /** Reads `version`, so a view showing the row updates when its page arrives. */
  row(index: number): Row | undefined {
    void this.version;
    const page = Math.floor(index / PAGE_SIZE);
    if (index >= this.total) return undefined;
    return (this.pages.get(page) ?? this.stale.get(page))?.[index % PAGE_SIZE];
  }

  /** Makes sure the rows from `first` to `last` (inclusive) are loaded or on their way. */
  ensure(first: number, last: number): void {
    const shown: [number, number] = [Math.floor(Math.max(0, first) / PAGE_SIZE), Math.floor(Math.max(0, last) / PAGE_SIZE)];
    if (shown[0] !== this.shown[0]) this.direction = shown[0] > this.shown[0] ? 1 : -1;
    this.shown = shown;
    if (this.total === 0 || this.waiting) return;
    const lastPage = Math.floor(Math.min(last, this.total - 1) / PAGE_SIZE);
    for (let page = shown[0]; page <= lastPage; page++) void this.fetch(page);
    // The page the scroll is heading for, so its rows are there when they come on screen.
    const next = this.direction > 0 ? lastPage + 1 : shown[0] - 1;
    if (next >= 0 && next * PAGE_SIZE < this.total) void this.fetch(next);
    this.evict(shown[0]);
  }

  private async fetch(page: number): Promise<void> {
    if (!this.spec || this.pages.has(page) || this.inFlight.has(page)) return;
    const key = this.key;
    this.inFlight.add(page);
    try {
      // The facet counts are the same for every window of a view: asked for until one answer of
      // this view brings them, so scrolling neither computes them in Rust nor redraws the sidebar.
      const withFacets = this.facetsKey !== key && this.facetsAsked !== key;
      if (withFacets) this.facetsAsked = key;
      const result = await api.query(this.spec, page * PAGE_SIZE, PAGE_SIZE, withFacets);
      if (key !== this.key) return;
      this.pages.set(page, result.rows);
      this.total = result.total;
      this.rosterSize = result.roster_size;
      if (result.facets && this.facetsKey !== key) {
        this.facets = keepUnchanged(this.facets, result.facets);
        this.facetsKey = key;
      }
      this.problem = null;
    } catch (error) {
      if (this.facetsAsked === key && this.facetsKey !== key) this.facetsAsked = "";
      if (key === this.key) {
        const { message, hint } = api.describeError(error);
        this.problem = { message, hint };
      }
    } finally {
      if (key === this.key) {
        this.inFlight.delete(page);
        this.pending = false;
        this.version++;
      } else if (--this.staleInFlight === 0 && this.waiting) {
        this.fetchShown();
      }
    }
  }

  private evict(around: number): void {
    if (this.pages.size <= KEEP_PAGES) return;
    for (const page of [...this.pages.keys()]) {
      if (Math.abs(page - around) > KEEP_PAGES / 2) this.pages.delete(page);
    }
  }
}

const sameCounts = (a: FacetCount[], b: FacetCount[]): boolean =>
  a.length === b.length && a.every((c, i) => c.value === b[i].value && c.count === b[i].count);

/** The new facet counts, with each facet's previous list where its counts are the same: what shows a
 * facet is not redrawn when a keystroke did not change it. */
function keepUnchanged(old: Facets | null, next: Facets): Facets {
  if (!old) return next;
  const kept = Object.fromEntries(
    Object.entries(next).map(([facet, counts]) => {
      const before = old[facet as keyof Facets];
      return [facet, before && sameCounts(before, counts) ? before : counts];
    }),
  ) as Facets;
  return Object.keys(kept).every((facet) => kept[facet as keyof Facets] === old[facet as keyof Facets]) ? old : kept;
}
