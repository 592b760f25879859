// The facets the sidebar, the chips and the chart filter by (as the engine defines them, in
// METADATA), and how their values read.
import { METADATA } from "../api";
import { statusLabel } from "../format";
import type { FacetFilters, View } from "../view";

export type FacetKey = keyof FacetFilters;

export const FACETS: { key: FacetKey; label: string; multiValued: boolean }[] = METADATA.facets.map((f) => ({
  key: f.id,
  label: f.label,
  multiValued: f.multi_valued,
}));

export const facetLabel = (key: FacetKey): string => FACETS.find((f) => f.key === key)?.label ?? key;

/** A facet value as an admin reads it: blanks are "(none)", Zoom's status words are Active/Inactive/Pending. */
export function valueLabel(key: FacetKey, value: string): string {
  if (value === "") return "(none)";
  return key === "status" ? statusLabel(value) : value;
}

export type Chip = { facet: FacetKey | "search"; value: string; label: string };

/** One chip per chosen value, then one for the search text. */
export function chipsOf(spec: View): Chip[] {
  const chips: Chip[] = [];
  for (const { key, label } of FACETS) {
    for (const value of spec.filters[key]) chips.push({ facet: key, value, label: `${label}: ${valueLabel(key, value)}` });
  }
  if (spec.search.trim()) chips.push({ facet: "search", value: spec.search, label: `Search: “${spec.search.trim()}”` });
  return chips;
}

/**
 * "Acme EMEA - CC-101 + CC-102 - 2026-11-28": whose users, which ones, and when (after `subject`,
 * e.g. "Changes", when the file is not the users themselves). The file's name
 * without its extension, which Rust adds for the format chosen.
 */
export function exportFileStem(account: string, spec: View, date: Date = new Date(), subject?: string): string {
  const parts = [account || "Phone users"];
  if (subject) parts.push(subject);
  const chosen: string[] = [];
  for (const { key, label } of FACETS) {
    const values = spec.filters[key];
    if (values.length === 0) continue;
    const named = values.map((v) => (v === "" ? `no ${label.toLowerCase()}` : valueLabel(key, v)));
    chosen.push(values.length <= 2 ? named.join(" + ") : `${values.length} ${label}s`);
  }
  if (spec.search.trim()) chosen.push(`search ${spec.search.trim()}`);
  parts.push(chosen.length > 0 ? chosen.join(", ") : "all phone users");
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
  parts.push(day);
  // Characters Windows, macOS or Linux refuse in a file name.
  // eslint-disable-next-line no-control-regex
  // ("..", a trailing dot and Windows' device names are refused by the app too: see export_name.rs.)
  return parts
    .join(" - ")
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_")
    .replace(/\.{2,}/g, ".")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 120)
    .replace(/[. ]+$/, "");
}
