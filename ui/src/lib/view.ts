// The view spec the table sends to Rust, and the columns it can show. Rust answers every view; the UI
// only keeps the spec and the layout.
import type { Column, Filters, SortKey, ViewSpec } from "./api";

// The generated ViewSpec leaves every field optional (Rust fills in defaults); the UI always sends
// all of them, so it works with these complete shapes, which are still ViewSpecs.
export type FacetFilters = Required<Filters>;
export type Sort = Required<SortKey>;
export type View = ViewSpec & { search: string; filters: FacetFilters; sort: Sort[] };

/** Every column, in the order the column chooser's "Reset" puts them. */
export const ALL_COLUMNS: Column[] = [
  "name",
  "email",
  "extension",
  "phone_numbers",
  "site",
  "department",
  "cost_center",
  "status",
  "calling_plans",
  "user_id",
  "phone_user_id",
  "extension_id",
  "site_id",
  "activation_status",
];

/** Shown on first launch and after "Reset"; the ids are there for support work, hidden by default. */
export const DEFAULT_COLUMNS: Column[] = ALL_COLUMNS.slice(0, 9);

/** Starting widths in pixels; long cells are truncated with the full text on hover. */
export const COLUMN_WIDTHS: Partial<Record<Column, number>> = {
  name: 190,
  email: 230,
  extension: 110,
  phone_numbers: 150,
  site: 130,
  department: 130,
  cost_center: 120,
  status: 100,
  calling_plans: 200,
  user_id: 200,
  phone_user_id: 200,
};
export const DEFAULT_WIDTH = 140;
export const MIN_WIDTH = 60;
export const MAX_WIDTH = 640;

export function emptyFilters(): FacetFilters {
  return { cost_center: [], department: [], site: [], status: [], calling_plan: [] };
}

export function emptyView(): View {
  return { search: "", filters: emptyFilters(), sort: [{ column: "name", descending: false }] };
}
