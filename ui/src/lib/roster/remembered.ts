// The roster screen's layout, sort, sidebar width and last filters, remembered per profile in the web
// view's localStorage (no secrets: only column names and filter values). Anything unreadable is ignored.
import type { Column } from "../api";
import { ALL_COLUMNS, type FacetFilters, type Sort } from "../view";
import { FACETS } from "./facets";

export type RememberedView = {
  order: Column[];
  hidden: Column[];
  widths: Partial<Record<Column, number>>;
  sort: Sort[];
  filters: FacetFilters;
  sidebarWidth: number;
  chartOpen: boolean;
};

const PREFIX = "phone-roster:view:v1:";

const isColumn = (value: unknown): value is Column => ALL_COLUMNS.includes(value as Column);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

/** What was saved for `profile`, cleaned of anything this version does not understand. */
export function loadRemembered(profile: string): Partial<RememberedView> {
  let raw: unknown;
  try {
    raw = JSON.parse(localStorage.getItem(PREFIX + profile) ?? "null");
  } catch {
    return {};
  }
  if (!raw || typeof raw !== "object") return {};
  const r = raw as Record<string, unknown>;
  const saved: Partial<RememberedView> = {};
  if (Array.isArray(r.order)) {
    const order = r.order.filter(isColumn);
    // Columns added in a later version go at the end.
    saved.order = [...new Set([...order, ...ALL_COLUMNS])];
  }
  if (Array.isArray(r.hidden)) saved.hidden = r.hidden.filter(isColumn);
  if (r.widths && typeof r.widths === "object") {
    saved.widths = Object.fromEntries(
      Object.entries(r.widths).filter(([c, w]) => isColumn(c) && typeof w === "number" && w > 0),
    );
  }
  if (Array.isArray(r.sort)) {
    saved.sort = r.sort
      .filter((k): k is Sort => !!k && isColumn(k.column) && typeof k.descending === "boolean")
      .map((k) => ({ column: k.column, descending: k.descending }));
  }
  if (r.filters && typeof r.filters === "object") {
    const f = r.filters as Record<string, unknown>;
    saved.filters = Object.fromEntries(FACETS.map(({ key }) => [key, strings(f[key])])) as FacetFilters;
  }
  if (typeof r.sidebarWidth === "number") saved.sidebarWidth = r.sidebarWidth;
  if (typeof r.chartOpen === "boolean") saved.chartOpen = r.chartOpen;
  return saved;
}

export function storeRemembered(profile: string, view: RememberedView): void {
  try {
    localStorage.setItem(PREFIX + profile, JSON.stringify(view));
  } catch {
    // Storage full or disabled: the view still works, it is just not remembered.
  }
}
