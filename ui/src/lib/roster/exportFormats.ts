// The export formats the menu offers, and the one the main button and Ctrl/Cmd+E use.
import type { ExportFormat } from "../api";

// Rust takes the delimiter as a byte.
const COMMA = 44;
const SEMICOLON = 59;

/** With a BOM and commas: what Excel opens cleanly on a double-click in most locales. */
export const CSV_FOR_EXCEL: ExportFormat = { format: "csv", bom: true, delimiter: COMMA };

export const EXPORT_OPTIONS: { label: string; help: string; format: ExportFormat }[] = [
  { label: "CSV for Excel", help: "The default: opens cleanly in Excel", format: CSV_FOR_EXCEL },
  {
    label: "CSV, semicolon-separated",
    help: "For Excel in Europe and other comma-decimal locales",
    format: { format: "csv", bom: true, delimiter: SEMICOLON },
  },
  {
    label: "CSV without BOM",
    help: "For scripts and tools that dislike Excel's marker",
    format: { format: "csv", bom: false, delimiter: COMMA },
  },
  { label: "JSON", help: "For scripts and other programs", format: { format: "json" } },
];
