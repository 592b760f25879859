// The view spec the table sends to Rust, and the columns it can show (as the engine defines them, in
// METADATA). Rust answers every view; the UI only keeps the spec and the layout.
import { METADATA, type Column, type Filters, type SortKey, type ViewSpec } from "./api";

// The generated ViewSpec leaves every field optional (Rust fills in defaults); the UI always sends
// all of them, so it works with these complete shapes, which are still ViewSpecs.
export type FacetFilters = Required<Filters>;
export type Sort = Required<SortKey>;
export type View = ViewSpec & { search: string; filters: FacetFilters; sort: Sort[] };

/** Every column, in the order the column chooser's "Reset" puts them. */
export const ALL_COLUMNS: Column[] = METADATA.columns.map((c) => c.id);

/** Shown on first launch and after "Reset"; the ids are there for support work, hidden by default. */
export const DEFAULT_COLUMNS: Column[] = METADATA.columns.filter((c) => c.shown_by_default).map((c) => c.id);

/** Starting widths in pixels; long cells are truncated with the full text on hover. */
export const COLUMN_WIDTHS: Record<Column, number> = Object.fromEntries(
  METADATA.columns.map((c) => [c.id, c.default_width]),
) as Record<Column, number>;
export const MIN_WIDTH = 60;
export const MAX_WIDTH = 640;

export function emptyFilters(): FacetFilters {
  return { cost_center: [], department: [], site: [], status: [], calling_plan: [] };
}

export function emptyView(): View {
  return { search: "", filters: emptyFilters(), sort: [{ column: "name", descending: false }] };
}
