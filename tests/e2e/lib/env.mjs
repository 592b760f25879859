// Each test's world: its own HOME and XDG folders, its own Secret Service (gnome-keyring on a private
// D-Bus session), and its own tauri-driver, which launches the app with that environment.

import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, statSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import net from "node:net";

import { WebDriver, waitFor } from "./webdriver.mjs";
import { ROOT } from "./paths.mjs";

const DRIVER_PORT = 4444;
const IDENTIFIER = JSON.parse(readFileSync(join(ROOT, "tauri.conf.json"), "utf8")).identifier;

export class TestEnv {
  constructor(name, extraEnv = {}) {
    this.dir = mkdtempSync(join(tmpdir(), `e2e-${name}-`));
    this.env = {
      ...process.env,
      HOME: join(this.dir, "home"),
      XDG_CONFIG_HOME: join(this.dir, "config"),
      XDG_DATA_HOME: join(this.dir, "data"),
      XDG_CACHE_HOME: join(this.dir, "cache"),
      XDG_RUNTIME_DIR: undefined,
      DBUS_SESSION_BUS_ADDRESS: undefined,
      // Tests never ask the real release server; the updates spec points the app at its own.
      PHONE_ROSTER_UPDATES: "off",
      ...extraEnv,
    };
    for (const key of Object.keys(this.env)) if (this.env[key] === undefined) delete this.env[key];
    this.busFile = join(this.dir, "bus");
    this.driverLog = [];
  }

  /** The app's folders, as Tauri and the profile store name them on Linux. */
  get dataDir() {
    return join(this.env.XDG_DATA_HOME, IDENTIFIER);
  }
  get logDir() {
    return join(this.dataDir, "logs");
  }
  get configDir() {
    return join(this.env.XDG_CONFIG_HOME, "phone-roster");
  }

  /** tauri-driver inside a fresh Secret Service; its bus address is written for `secretTool`. */
  async start() {
    const inner = `echo "$DBUS_SESSION_BUS_ADDRESS" > "${this.busFile}"; exec tauri-driver --port ${DRIVER_PORT} --native-port ${DRIVER_PORT + 1}`;
    this.process = spawn(
      "keyctl",
      ["session", "-", "dbus-run-session", "--", "bash", join(ROOT, "xtask/src/start-keyring.sh"), "bash", "-c", inner],
      { env: this.env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
    );
    const keep = (chunk) => this.driverLog.push(chunk.toString());
    this.process.stdout.on("data", keep);
    this.process.stderr.on("data", keep);
    // tauri-driver opens its port at once but spawns WebKitWebDriver behind it; asking for a
    // session before that one listens gets a dropped connection. `/status` goes through both, so a
    // 200 saying "ready" means a session can be asked for.
    await waitFor(
      "tauri-driver and WebKitWebDriver to be ready (GET /status answering 200, ready)",
      () => driverReady(DRIVER_PORT),
      30_000,
      100,
    ).catch((error) => {
      throw new Error(`${error.message}\n     tauri-driver's output:\n${this.driverLog.join("").trim() || "(none)"}`);
    });
    this.driver = new WebDriver(`http://127.0.0.1:${DRIVER_PORT}`, this.env.DISPLAY);
  }

  async stop() {
    await this.driver?.quit();
    if (this.process && this.process.exitCode === null) {
      try {
        process.kill(-this.process.pid, "SIGTERM");
      } catch {}
      await waitFor("tauri-driver to stop", () => this.process.exitCode !== null || this.process.signalCode, 10_000, 50).catch(() => {});
    }
    await waitFor("port 4444 to close", async () => !(await portOpen(DRIVER_PORT)), 10_000, 100).catch(() => {});
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** What `secret-tool` finds in this test's Secret Service for the app's keychain service. */
  secretTool(...args) {
    const bus = readFileSync(this.busFile, "utf8").trim();
    return execFileSync("secret-tool", args, { env: { ...this.env, DBUS_SESSION_BUS_ADDRESS: bus }, encoding: "utf8" });
  }

  /** Every file under `dir`, concatenated: what a secret must never be found in. */
  readAll(dir) {
    if (!existsSync(dir)) return "";
    return readdirSync(dir)
      .map((name) => join(dir, name))
      .map((path) => (statSync(path).isDirectory() ? this.readAll(path) : readFileSync(path, "latin1")))
      .join("\n");
  }
}

/** True once `GET /status` through tauri-driver answers 200 with `ready`; throws what it got
 * otherwise, so that a wait that times out says why. */
async function driverReady(port) {
  const response = await fetch(`http://127.0.0.1:${port}/status`);
  const body = await response.json().catch(() => ({}));
  if (response.status === 200 && body?.value?.ready === true) return true;
  throw new Error(`/status answered ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}
