import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
/** The binary `cargo test` built (see tests/capabilities.rs); override with PHONE_ROSTER_APP. */
export const APP = process.env.PHONE_ROSTER_APP ?? join(ROOT, "target/debug/phone-roster-app");
export const SIM = process.env.ZOOM_SIM ?? join(ROOT, "target/debug/zoom-sim");
export const SCREENSHOTS = join(ROOT, "docs/screenshots");
