// The export formats the menu offers, and the one the main button and Ctrl/Cmd+E use.
import type { ExportFormat } from "../api";

// Rust takes the delimiter as a byte.
const COMMA = 44;
const SEMICOLON = 59;

/**
 * What the one-click button writes: a CSV that Excel opens on a double-click showing every cell as
 * the screen does (leading zeros, long numbers and date-like values stay text). See
 * crates/roster/src/export/spreadsheet_text.rs.
 */
export const CSV_FOR_EXCEL: ExportFormat = { format: "csv", bom: true, delimiter: COMMA, style: "for_people" };

export const EXPORT_OPTIONS: { label: string; help: string; format: ExportFormat }[] = [
  { label: "CSV for Excel", help: "The default: every cell as on screen", format: CSV_FOR_EXCEL },
  {
    label: "CSV for Excel, semicolon-separated",
    help: "For Excel in Europe and other comma-decimal locales",
    format: { ...CSV_FOR_EXCEL, delimiter: SEMICOLON },
  },
  { label: "Excel workbook (.xlsx)", help: "Bold header, filters, columns sized", format: { format: "xlsx" } },
  {
    label: "Plain CSV for scripts",
    help: "Values as Zoom sends them, as the command line writes",
    format: { format: "csv", bom: true, delimiter: COMMA, style: "plain" },
  },
  {
    label: "Plain CSV without BOM",
    help: "For tools that dislike Excel's marker",
    format: { format: "csv", bom: false, delimiter: COMMA, style: "plain" },
  },
  { label: "JSON", help: "Whole records, for scripts and other programs", format: { format: "json" } },
];
