// Rows of the current view, fetched from Rust a page at a time as the scroller needs them. The UI never
// holds the whole roster: only the pages near what is on screen, for the current view and roster.
import * as api from "./api";
import type { Facets, Row, ViewSpec } from "./api";

export const PAGE_SIZE = 200;
/** Pages kept around the visible ones; older ones are dropped so memory stays flat on 100k users. */
const KEEP_PAGES = 12;

export class RowWindows {
  total = $state(0);
  rosterSize = $state(0);
  facets = $state<Facets | null>(null);
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
  private key = "";
  /** The view whose facets are shown: they depend on the view, not on the window. */
  private facetsKey = "";
  private spec: ViewSpec | null = null;
  private generation = 0;

  /** Starts over for a new view or a changed roster; keeps showing the old total until the answer. */
  reset(spec: ViewSpec, generation: number): void {
    const key = `${generation}:${JSON.stringify(spec)}`;
    if (key === this.key) return;
    this.key = key;
    this.generation = generation;
    this.spec = $state.snapshot(spec) as ViewSpec;
    // The old rows stay on screen until the new ones arrive, so a load in progress does not blink.
    this.stale = this.pages;
    this.pages = new Map();
    this.inFlight.clear();
    this.pending = true;
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
    this.shown = [Math.floor(Math.max(0, first) / PAGE_SIZE), Math.floor(Math.max(0, last) / PAGE_SIZE)];
    if (this.total === 0) return;
    const lastPage = Math.floor(Math.min(last, this.total - 1) / PAGE_SIZE);
    for (let page = Math.floor(Math.max(0, first) / PAGE_SIZE); page <= lastPage; page++) void this.fetch(page);
    this.evict(Math.floor(first / PAGE_SIZE));
  }

  private async fetch(page: number): Promise<void> {
    if (!this.spec || this.pages.has(page) || this.inFlight.has(page)) return;
    const key = this.key;
    this.inFlight.add(page);
    try {
      // The facet counts are the same for every window of a view: asked for until one answer of
      // this view brings them, so scrolling neither computes them in Rust nor redraws the sidebar.
      const withFacets = this.facetsKey !== key;
      const result = await api.query(this.spec, page * PAGE_SIZE, PAGE_SIZE, withFacets);
      if (key !== this.key) return;
      this.pages.set(page, result.rows);
      this.total = result.total;
      this.rosterSize = result.roster_size;
      if (result.facets && this.facetsKey !== key) {
        this.facets = result.facets;
        this.facetsKey = key;
      }
      this.problem = null;
    } catch (error) {
      if (key === this.key) {
        const { message, hint } = api.describeError(error);
        this.problem = { message, hint };
      }
    } finally {
      if (key === this.key) {
        this.inFlight.delete(page);
        this.pending = false;
        this.version++;
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
