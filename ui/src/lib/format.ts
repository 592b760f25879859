// Words and numbers as an admin reads them.
import type { Column } from "./api";

const STATUS_LABELS: Record<string, string> = {
  activate: "Active",
  deactivate: "Inactive",
  pending: "Pending",
};

/**
 * Zoom's status words (activate/deactivate/pending) as people say them, for the status filter's
 * values. Table rows come from Rust with the words already (crates/roster/src/column.rs,
 * `status_words`), and the two must agree: the filter shows what the column shows.
 */
export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? (status === "" ? "" : status[0].toUpperCase() + status.slice(1));
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
export const COLUMN_LABELS: Record<Column, string> = {
  name: "Name",
  email: "Email",
  extension: "Extension",
  phone_numbers: "Phone Numbers",
  site: "Site",
  department: "Department",
  cost_center: "Cost Center",
  status: "Status",
  calling_plans: "Calling Plans",
  user_id: "User ID",
  phone_user_id: "Phone User ID",
  extension_id: "Extension ID",
  site_id: "Site ID",
  activation_status: "Activation Status",
};

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
