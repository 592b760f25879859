// How header clicks change the sort: a click sorts by that column alone (ascending, descending, off);
// Shift-click adds it as the next key, or turns an existing key over and then off.
import type { Column } from "../api";
import type { Sort } from "../view";

export function nextSort(sort: Sort[], column: Column, additive: boolean): Sort[] {
  const at = sort.findIndex((key) => key.column === column);
  const current = at >= 0 ? sort[at] : undefined;
  if (!additive) {
    if (!current || sort.length > 1) return [{ column, descending: false }];
    return current.descending ? [] : [{ column, descending: true }];
  }
  if (!current) return [...sort, { column, descending: false }];
  if (!current.descending) return sort.map((key, i) => (i === at ? { column, descending: true } : key));
  return sort.filter((_, i) => i !== at);
}
