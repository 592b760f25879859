// The roster screen's state: the view spec Rust answers (search, filters, sort) and the layout around
// it (columns, widths, sidebar, chart). The search box, sidebar, chips, chart and grid all change this
// one object, so the Cost Center checklist and the chart are two views of the same filter, and a chip
// or "Clear all" empties the search box too. Each keystroke changes the view at once (a query costs
// Rust a few milliseconds; RowWindows sends a burst of keystrokes as its first and last text).
import type { Column, SavedView } from "../api";

/** A saved view's spec as Rust sends it (any field may be missing). */
type SavedSpec = SavedView["spec"];
import {
  ALL_COLUMNS,
  COLUMN_WIDTHS,
  DEFAULT_COLUMNS,
  MAX_WIDTH,
  MIN_WIDTH,
  emptyFilters,
  emptyView,
  type View,
} from "../view";
import { chipsOf, type Chip, type FacetKey } from "./facets";
import type { RememberedView } from "./remembered";
import { nextSort } from "./sort";

export const DEFAULT_SIDEBAR = 250;
export const MIN_SIDEBAR = 190;
export const MAX_SIDEBAR = 460;

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(n)));

export class RosterView {
  spec = $state<View>(emptyView());
  order = $state<Column[]>([...ALL_COLUMNS]);
  hidden = $state<Column[]>(ALL_COLUMNS.filter((c) => !DEFAULT_COLUMNS.includes(c)));
  widths = $state<Partial<Record<Column, number>>>({});
  sidebarWidth = $state(DEFAULT_SIDEBAR);
  chartOpen = $state(true);

  readonly columns = $derived(this.order.filter((c) => !this.hidden.includes(c)));
  readonly chips = $derived<Chip[]>(chipsOf(this.spec));
  readonly filtered = $derived(this.chips.length > 0);

  width(column: Column): number {
    return this.widths[column] ?? COLUMN_WIDTHS[column];
  }

  sortBy(column: Column, additive: boolean): void {
    this.spec.sort = nextSort(this.spec.sort, column, additive);
  }

  /** Ticks or unticks one value of a facet. */
  toggle(facet: FacetKey, value: string): void {
    const values = this.spec.filters[facet];
    this.spec.filters[facet] = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
  }

  /** Filters the facet to exactly `value` (a chart bar click); clicking the only chosen value again clears it. */
  only(facet: FacetKey, value: string): void {
    const values = this.spec.filters[facet];
    this.spec.filters[facet] = values.length === 1 && values[0] === value ? [] : [value];
  }

  setValues(facet: FacetKey, values: string[]): void {
    this.spec.filters[facet] = [...new Set(values)];
  }

  removeChip(chip: Chip): void {
    if (chip.facet === "search") this.spec.search = "";
    else this.spec.filters[chip.facet] = this.spec.filters[chip.facet].filter((v) => v !== chip.value);
  }

  /** Clears the search and every filter; sort and layout stay. */
  clearFilters(): void {
    this.spec.search = "";
    this.spec.filters = emptyFilters();
  }

  setWidth(column: Column, width: number): void {
    this.widths[column] = clamp(width, MIN_WIDTH, MAX_WIDTH);
  }

  setSidebarWidth(width: number): void {
    this.sidebarWidth = clamp(width, MIN_SIDEBAR, MAX_SIDEBAR);
  }

  /** Moves `column` to position `to` among all columns (hidden ones keep their place). */
  move(column: Column, to: number): void {
    const rest = this.order.filter((c) => c !== column);
    rest.splice(clamp(to, 0, rest.length), 0, column);
    this.order = rest;
  }

  /** Moves a visible column before the visible column now at `visibleIndex` (or to the end). */
  moveVisible(column: Column, visibleIndex: number): void {
    const target = this.columns.filter((c) => c !== column)[visibleIndex];
    this.move(column, target ? this.order.filter((c) => c !== column).indexOf(target) : this.order.length);
  }

  setShown(column: Column, shown: boolean): void {
    if (shown) this.hidden = this.hidden.filter((c) => c !== column);
    else if (this.columns.length > 1) this.hidden = [...this.hidden, column];
  }

  resetColumns(): void {
    this.order = [...ALL_COLUMNS];
    this.hidden = ALL_COLUMNS.filter((c) => !DEFAULT_COLUMNS.includes(c));
    this.widths = {};
  }

  /** Everything back to how a first launch shows it. */
  reset(): void {
    this.resetColumns();
    this.spec = emptyView();
    this.sidebarWidth = DEFAULT_SIDEBAR;
    this.chartOpen = true;
  }

  remembered(): RememberedView {
    return $state.snapshot({
      order: this.order,
      hidden: this.hidden,
      widths: this.widths,
      sort: this.spec.sort,
      filters: this.spec.filters,
      sidebarWidth: this.sidebarWidth,
      chartOpen: this.chartOpen,
    }) as RememberedView;
  }

  /** Shows a saved view: its search, filters and sort, and its columns in its order (the others
   * hidden, after them). Widths and the sidebar stay as they are. */
  apply(spec: SavedSpec, columns: Column[]): void {
    this.spec = {
      search: spec.search ?? "",
      filters: { ...emptyFilters(), ...spec.filters },
      sort: (spec.sort ?? []).map((key) => ({ column: key.column, descending: key.descending ?? false })),
    };
    const shown = columns.filter((c) => ALL_COLUMNS.includes(c));
    if (shown.length === 0) return;
    this.order = [...new Set([...shown, ...ALL_COLUMNS])];
    this.hidden = ALL_COLUMNS.filter((c) => !shown.includes(c));
  }

  /** Starts from defaults, then applies what was remembered for the profile. */
  restore(saved: Partial<RememberedView>): void {
    this.reset();
    if (saved.order) this.order = saved.order;
    if (saved.hidden) this.hidden = saved.hidden.length < ALL_COLUMNS.length ? saved.hidden : this.hidden;
    if (saved.widths) this.widths = saved.widths;
    if (saved.sort) this.spec.sort = saved.sort;
    if (saved.filters) this.spec.filters = saved.filters;
    if (saved.sidebarWidth) this.setSidebarWidth(saved.sidebarWidth);
    if (saved.chartOpen !== undefined) this.chartOpen = saved.chartOpen;
  }
}
