// Where the end-to-end suite finds the app and the simulator it drives, and where it puts screenshots.
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
/** The binary `cargo test` built (see tests/capabilities.rs); override with PHONE_ROSTER_APP. */
export const APP = process.env.PHONE_ROSTER_APP ?? join(ROOT, "target/debug/phone-roster-app");
export const SIM = process.env.ZOOM_SIM ?? join(ROOT, "target/debug/zoom-sim");
/**
 * Where screenshots go: under target/ so that a test run leaves the working tree clean;
 * `cargo xtask screenshots` points this at docs/screenshots/ to refresh the ones of record.
 */
export const SCREENSHOTS = process.env.PHONE_ROSTER_SCREENSHOTS ?? join(ROOT, "target/screenshots");
