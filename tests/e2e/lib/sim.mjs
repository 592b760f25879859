// zoom-sim on loopback as its own process: its first two stdout lines are the API base and token URLs.

import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

import { SIM } from "./paths.mjs";

export async function startSim(args = []) {
  const child = spawn(SIM, ["--port", "0", ...args], { stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => (await lines.next()).value?.trim();
  const apiBase = await next();
  const tokenUrl = await next();
  if (!apiBase?.startsWith("http") || !tokenUrl?.startsWith("http")) throw new Error(`zoom-sim did not start (${apiBase})`);
  return {
    apiBase,
    tokenUrl,
    stop: () => child.kill("SIGTERM"),
  };
}

/** The environment that points the app's new profiles at `sim` (see endpoints_from_env in
 * src-tauri/src/state.rs). */
export const simEndpoints = (sim) => ({
  PHONE_ROSTER_API_BASE_URL: sim.apiBase,
  PHONE_ROSTER_OAUTH_TOKEN_URL: sim.tokenUrl,
});
