// Finding a value in a long list (a facet's checklist, the cost-center chart) the way the main search
// finds people in Rust (crates/roster/src/engine/fold.rs): case and accents ignored, so "zur" finds
// "Zürich" and "equipe" finds "ÉQUIPE".

/** Lowercase, without accents: canonical decomposition (NFD) with its combining marks dropped. */
export const fold = (text: string): string => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** The items whose label contains what was typed; all of them when nothing was. */
export function findValues<T>(items: T[], typed: string, label: (item: T) => string): T[] {
  const needle = fold(typed.trim());
  return needle ? items.filter((item) => fold(label(item)).includes(needle)) : items;
}
