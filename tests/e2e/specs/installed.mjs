// The app as the .deb installed it (run by `cargo xtask install-check` with PHONE_ROSTER_APP set to
// /usr/bin/phone-roster-app): it opens on the welcome screen, and About shows its version, its licence
// and the third-party notices the package carries.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { TestEnv } from "../lib/env.mjs";
import { APP, ROOT } from "../lib/paths.mjs";
import { clickButton, roleText, welcomeHeading } from "../lib/ui.mjs";
import { waitFor } from "../lib/webdriver.mjs";

const VERSION = readFileSync(join(ROOT, "Cargo.toml"), "utf8").match(/^version = "(.+)"$/m)[1];

export default {
  name: "installed",
  onlyWhenNamed: true,
  tests: {
    async "the installed app opens, and About shows its version, licence and notices"({ screenshotPath }) {
      if (!APP.startsWith("/usr/")) throw new Error(`run with PHONE_ROSTER_APP=/usr/bin/phone-roster-app, not ${APP}`);
      const env = new TestEnv("installed");
      try {
        await env.start();
        const d = env.driver;
        await d.start(APP);
        await waitFor("the welcome screen", () => welcomeHeading(d));
        writeFileSync(screenshotPath("installed-welcome"), await d.screenshot());
        await clickButton(d, "About");
        const dialog = () => roleText(d, "dialog", "");
        await waitFor("the version in About", async () => (await dialog())?.includes(`Version ${VERSION} (release build)`));
        const text = await waitFor("the notices in About", async () => {
          const t = await dialog();
          return t?.includes("RUST CRATES") && t.includes("JAVASCRIPT PACKAGES") ? t : null;
        });
        if (!text.includes("MIT licence")) throw new Error("About does not name the app's licence");
        writeFileSync(screenshotPath("installed-about"), await d.screenshot());
      } finally {
        await env.stop();
      }
    },
  },
};
