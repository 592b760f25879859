// The app as a native app: one instance (a second launch hands over to the first and ends), a window
// that is never off-screen after the display got smaller, and a start-up failure shown in a native
// dialog rather than a silent exit.

import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { startXvfb, windowGeometry, windowNames } from "../lib/display.mjs";
import { TestEnv } from "../lib/env.mjs";
import { APP } from "../lib/paths.mjs";
import { welcomeHeading } from "../lib/ui.mjs";
import { waitFor } from "../lib/webdriver.mjs";

const TITLE = "Phone Roster";

/** Resolves with the exit code once `child` has exited, or null after `ms`. */
const exited = (child, ms) =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    child.once("exit", (code) => (clearTimeout(timer), resolve(code)));
  });

export default {
  name: "native",
  tests: {
    async "a second launch hands over to the running window and ends"() {
      const env = new TestEnv("single-instance");
      try {
        await env.start();
        const d = env.driver;
        await d.start(APP);
        await waitFor("the welcome screen", () => welcomeHeading(d));
        const bus = readFileSync(env.busFile, "utf8").trim();
        const second = spawn(APP, [], { env: { ...env.env, DBUS_SESSION_BUS_ADDRESS: bus }, stdio: "ignore" });
        const code = await exited(second, 20_000);
        if (code === null) {
          second.kill("SIGKILL");
          throw new Error("the second launch kept running beside the first");
        }
        if (code !== 0) throw new Error(`the second launch ended with exit code ${code}`);
        await waitFor("the first instance to log the hand-over", () => env.readAll(env.logDir).includes("a second launch was handed to this window"), 10_000);
        if (!(await welcomeHeading(d))) throw new Error("the first window stopped answering");
      } finally {
        await env.stop();
      }
    },

    async "a window last closed on a larger display fits a 1280×720 screen"() {
      const stopXvfb = await startXvfb(98, 1280, 720);
      const env = new TestEnv("window-fit", { DISPLAY: ":98" });
      try {
        // As the window-state plugin saved it when the window was closed on a 2560×1440 display.
        const configDir = join(env.env.XDG_CONFIG_HOME, "app.phoneroster.desktop");
        mkdirSync(configDir, { recursive: true });
        const saved = { width: 1800, height: 1100, x: 1500, y: 900, prev_x: 1500, prev_y: 900, maximized: false, visible: true, decorated: true, fullscreen: false };
        writeFileSync(join(configDir, ".window-state.json"), JSON.stringify({ main: saved }));
        await env.start();
        const d = env.driver;
        await d.start(APP);
        await waitFor("the welcome screen", () => welcomeHeading(d));
        const rect = await waitFor("the window's place", () => windowGeometry(":98", TITLE), 10_000);
        const fits = rect.x >= 0 && rect.y >= 0 && rect.x + rect.width <= 1280 && rect.y + rect.height <= 720;
        if (!fits) throw new Error(`the window is at ${JSON.stringify(rect)}, outside the 1280×720 screen`);
      } finally {
        await env.stop();
        stopXvfb();
      }
    },

    async "a start-up failure is shown in a native dialog and said on stderr"() {
      const env = new TestEnv("startup-failure");
      // The app's data folder cannot be created where a file is in the way: no log folder, no start.
      const blocked = join(env.dir, "data-is-a-file");
      writeFileSync(blocked, "");
      const app = spawn(APP, [], { env: { ...env.env, XDG_DATA_HOME: blocked }, stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      app.stderr.on("data", (chunk) => (stderr += chunk));
      try {
        await waitFor("the error dialog", () => windowNames(process.env.DISPLAY).includes("Phone Roster could not start"), 30_000, 200);
        if (!stderr.includes("Phone Roster could not start: Not a directory")) {
          throw new Error(`stderr does not say why: ${stderr}`);
        }
      } finally {
        app.kill("SIGKILL");
        await env.stop();
      }
    },
  },
};
