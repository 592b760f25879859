// Updates against a local update server: a newer version is offered quietly in the top bar and in
// About; a package that is not signed with the app's publisher key is refused in plain words, and the
// running version keeps working. An IT department's "updates off" setting is honoured.

import { writeFileSync } from "node:fs";

import { TestEnv } from "../lib/env.mjs";
import { APP } from "../lib/paths.mjs";
import { startUpdateServer } from "../lib/updateServer.mjs";
import { byRole, clickButton, roleText, welcomeHeading } from "../lib/ui.mjs";
import { waitFor } from "../lib/webdriver.mjs";

export default {
  name: "updates",
  tests: {
    async "a newer version is offered, and a package signed by another key is refused"({ screenshotPath }) {
      const server = await startUpdateServer("9.9.9");
      const env = new TestEnv("updates", { PHONE_ROSTER_UPDATE_URL: server.url, PHONE_ROSTER_UPDATES: undefined });
      try {
        await env.start();
        const d = env.driver;
        await d.start(APP);
        await waitFor("the welcome screen", () => welcomeHeading(d));
        const notice = await waitFor("the update notice", () => roleText(d, "status", "Update available (version 9.9.9)"), 30_000);
        if (!notice.includes("Restart to update")) throw new Error(`the notice offers no restart: ${notice}`);
        writeFileSync(screenshotPath("update-available"), await d.screenshot());

        await clickButton(d, "About");
        await clickButton(d, "Check for updates");
        await waitFor("About to say 9.9.9 is available", () => roleText(d, "status", "Version 9.9.9 is available."));
        writeFileSync(screenshotPath("about"), await d.screenshot());

        await clickButton(d, "Restart to update", await byRole(d, "dialog", "About Phone Roster"));
        const refused = await waitFor("the refusal", () => roleText(d, "alert", "could not be verified"), 30_000);
        if (!refused.includes("not signed by Phone Roster's publisher")) throw new Error(`unclear refusal: ${refused}`);
        if (!server.requests.includes("/phone-roster-update.tar.gz")) throw new Error("the package was never downloaded");
        writeFileSync(screenshotPath("update-refused"), await d.screenshot());
        // Still the running app, not restarted into anything.
        if (!(await welcomeHeading(d))) throw new Error("the app did not keep running after the refusal");
        const log = env.readAll(env.logDir);
        // Every command's failure is logged in one place (AppState::answer), with the command's name.
        const logged = log.split("\n").some((line) => line.includes("install_update") && line.includes("could not be verified"));
        if (!logged) throw new Error("the refusal is not in the log");
      } finally {
        await env.stop();
        await server.stop();
      }
    },

    async "PHONE_ROSTER_UPDATES=off switches updates off, and About says by what"() {
      const server = await startUpdateServer("9.9.9");
      const env = new TestEnv("updates-off", { PHONE_ROSTER_UPDATE_URL: server.url, PHONE_ROSTER_UPDATES: "off" });
      try {
        await env.start();
        const d = env.driver;
        await d.start(APP);
        await waitFor("the welcome screen", () => welcomeHeading(d));
        await clickButton(d, "About");
        await clickButton(d, "Check for updates");
        await waitFor("About to say updates are off", () => roleText(d, "status", "Updates are switched off on this computer (by the PHONE_ROSTER_UPDATES setting)."));
        if (await roleText(d, "status", "Update available")) throw new Error("an update was offered although updates are off");
        if (server.requests.length > 0) throw new Error(`the update server was asked although updates are off: ${server.requests}`);
      } finally {
        await env.stop();
        await server.stop();
      }
    },
  },
};
