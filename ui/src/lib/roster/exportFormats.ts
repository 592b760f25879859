// The export formats the menu offers, and the one the main button and Ctrl/Cmd+E use: as the engine
// lists them (METADATA.export_choices, crates/roster/src/metadata.rs), the one-click choice first.
import { METADATA, type ExportChoice, type ExportFormat } from "../api";

export const EXPORT_OPTIONS: readonly ExportChoice[] = METADATA.export_choices;

/**
 * What the one-click button writes: a CSV that Excel opens on a double-click showing every cell as
 * the screen does (leading zeros, long numbers and date-like values stay text).
 */
export const CSV_FOR_EXCEL: ExportFormat = EXPORT_OPTIONS[0].format;
