// Words and numbers as an admin reads them.
import { METADATA, type Column } from "./api";

const STATUS_WORDS = new Map<string, string>(METADATA.status_words.map((w) => [w.sent, w.shown]));

/**
 * Zoom's status words (activate/deactivate/pending) as people say them, for the status filter's
 * values: the words the engine writes in the Status column (METADATA.status_words), and a word Zoom
 * adds later capitalised, as the engine does (crates/roster/src/column.rs).
 */
export function statusLabel(status: string): string {
  return STATUS_WORDS.get(status) ?? (status === "" ? "" : status[0].toUpperCase() + status.slice(1));
}

const integer = new Intl.NumberFormat("en-US");
export const formatCount = (n: number): string => integer.format(n);

/** "users" or "user", with the count: `plural(1, "user")` is "1 user". */
export function plural(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? "" : "s"}`;
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "09:14 today", "09:14 yesterday", "09:14 on 3 Nov" or "09:14 on 3 Nov 2025". */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const time = at.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (sameDay(at, now)) return `${time} today`;
  if (sameDay(at, yesterday)) return `${time} yesterday`;
  const day = at.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: at.getFullYear() === now.getFullYear() ? undefined : "numeric",
  });
  return `${time} on ${day}`;
}

/** The column headers, in the CSV's words. */
export const COLUMN_LABELS: Record<Column, string> = Object.fromEntries(
  METADATA.columns.map((c) => [c.id, c.label]),
) as Record<Column, string>;

/** "just now", "5 min ago", "3 h ago", then the day: how fresh the roster is at a glance. */
export function formatAgo(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const minutes = Math.floor((now.getTime() - at.getTime()) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 12 * 60) return `${Math.floor(minutes / 60)} h ago`;
  return `at ${formatWhen(iso, now)}`;
}
