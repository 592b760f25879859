// A real account's path, against zoom-sim: a wrong secret explained in plain words, the right one
// saved to the real Secret Service and nowhere else, a cancelled refresh keeping the roster, and the
// snapshot shown at once on the next launch.

import { writeFileSync } from "node:fs";

import { TestEnv } from "../lib/env.mjs";
import { APP } from "../lib/paths.mjs";
import { startSim } from "../lib/sim.mjs";
import {
  byRole,
  chooseOption,
  clickButton,
  fieldValue,
  fillField,
  freshness,
  openConnectForm,
  optionsOf,
  pageContents,
  progressShown,
  readText,
  renderedRows,
  roleText,
  shownCount,
  waitForLoaded,
  welcomeHeading,
} from "../lib/ui.mjs";
import { waitFor } from "../lib/webdriver.mjs";

const SECRET = "e2e-Secret-9f8e7d6c5b4a";
const USERS = 1_500;


export default {
  name: "connect",
  tests: {
    async "connect, keychain, cancel and relaunch"({ measure, screenshotPath }) {
      // Slow pages (a refresh of 1,500 users takes ~5 s) so that it is still running when Cancel is
      // clicked, however slowly WebDriver clicks on a busy machine.
      const sim = await startSim(["--users", String(USERS), "--latency-ms", "300", "--client-secret", SECRET]);
      const env = new TestEnv("connect", {
        PHONE_ROSTER_API_BASE_URL: sim.apiBase,
        PHONE_ROSTER_OAUTH_TOKEN_URL: sim.tokenUrl,
      });
      try {
        await env.start();
        const d = env.driver;
        await openConnectForm(d, APP);
        await fillField(d, "Profile name", "Acme");
        await fillField(d, "Account ID", "demo-account");
        await fillField(d, "Client ID", "demo-client");
        await fillField(d, "Client secret", "not-the-secret");
        writeFileSync(screenshotPath("connect"), await d.screenshot());

        await clickButton(d, "Test connection");
        await waitFor("the plain-words error", () => roleText(d, "alert", "did not accept"));
        writeFileSync(screenshotPath("connect-error"), await d.screenshot());

        await fillField(d, "Client secret", SECRET);
        await clickButton(d, "Save and load");
        const loaded = await waitForLoaded(d);
        if (loaded !== USERS) throw new Error(`expected ${USERS} users, the count shows ${loaded}`);

        const stored = env.secretTool("search", "--all", "service", "phone-roster");
        if (!stored.includes(SECRET)) throw new Error(`the secret is not in the Secret Service:\n${stored}`);
        if ((await pageContents(d)).includes(SECRET)) throw new Error("the secret is in the web view");
        const logs = env.readAll(env.logDir);
        if (!logs.includes("Phone Roster started")) throw new Error(`no log in ${env.logDir}`);
        for (const [where, text] of [["the logs", logs], ["the data folder", env.readAll(env.dataDir)], ["the config folder", env.readAll(env.configDir)]]) {
          if (text.includes(SECRET)) throw new Error(`the secret is in ${where}`);
        }

        // Cancel mid-refresh: the roster on screen stays.
        await clickButton(d, "Refresh");
        await waitFor("the refresh to show progress", () => progressShown(d), 10_000, 20);
        await clickButton(d, "Cancel", await byRole(d, "region", "Loading from Zoom"));
        await waitFor("the load to stop", async () => !(await progressShown(d)), 30_000);
        await waitFor(`the ${USERS} users kept after Cancel (the count shows ${await shownCount(d)})`, async () =>
          (await shownCount(d)) === USERS && (await renderedRows(d)) > 0, 10_000);
        const afterCancel = env.readAll(env.logDir);
        if (!afterCancel.includes("load cancelled")) {
          throw new Error(`the refresh ended before Cancel reached it; the log ends:\n${afterCancel.slice(-1500)}`);
        }

        // Relaunch: the last roster is on screen at once, from the snapshot, with its age.
        await d.quit();
        const relaunched = Date.now();
        await d.start(APP);
        await waitFor("the snapshot's rows", async () => (await shownCount(d)) === USERS && (await renderedRows(d)) > 0);
        measure("relaunch to snapshot rows shown (1,500 users), ms", Date.now() - relaunched);
        const age = await freshness(d);
        if (!/as of/i.test(age ?? "")) throw new Error(`the roster's age is not shown (“${age}”)`);
        if (await progressShown(d)) throw new Error("a relaunch with a snapshot should not start loading by itself");
        // The profile talks to the simulator, not Zoom: the account list says so beside its name.
        const listed = await optionsOf(d, "Zoom account");
        if (!listed.some((text) => text.includes(`Acme — via ${sim.apiBase}`))) {
          throw new Error(`the account list does not show the profile's address: ${JSON.stringify(listed)}`);
        }
        writeFileSync(screenshotPath("relaunch-snapshot"), await d.screenshot());

        // Adding an account under the name in use asks before replacing it, and keeps it when told to.
        await chooseOption(d, "Zoom account", "Add a Zoom account…");
        await waitFor("the connect form", () => byRole(d, "heading", "Connect your Zoom account"));
        const suggested = await fieldValue(d, "Profile name");
        if (suggested === "Acme") throw new Error("the form suggested the name of the saved profile");
        await fillField(d, "Profile name", "Acme");
        await fillField(d, "Account ID", "another-account");
        await fillField(d, "Client ID", "another-client");
        await fillField(d, "Client secret", "another-secret");
        await clickButton(d, "Save and load");
        const question = await waitFor("the question before replacing", () => byRole(d, "alertdialog", "Replace the profile “Acme”?"));
        const asked = await readText(d, question);
        if (!asked.includes("account demo-account") || !asked.includes("1,500 phone users")) {
          throw new Error(`the question does not say what would be replaced: ${asked}`);
        }
        writeFileSync(screenshotPath("connect-replace"), await d.screenshot());
        await clickButton(d, "Keep it and rename this one");
        const stillOne = env.secretTool("search", "--all", "service", "phone-roster");
        if (!stillOne.includes(SECRET) || stillOne.includes("another-secret")) {
          throw new Error(`declining changed the saved secret:\n${stillOne}`);
        }
        await clickButton(d, "Cancel");

        // Removing the profile asks first, then forgets its secret and its saved roster.
        await chooseOption(d, "Zoom account", "Remove “Acme”…");
        const removal = await waitFor("the question before removing", () => byRole(d, "alertdialog", "Remove the profile “Acme”?"));
        const warned = await readText(d, removal);
        if (!warned.includes("keychain") || !warned.includes("1,500 phone users")) {
          throw new Error(`the question does not say what would be removed: ${warned}`);
        }
        writeFileSync(screenshotPath("remove-profile"), await d.screenshot());
        await clickButton(d, "Remove profile", removal);
        await waitFor("the welcome screen", () => welcomeHeading(d));
        // Acme was the only profile: the welcome screen offers no account to choose any more.
        if (await byRole(d, "combobox", "Zoom account")) {
          throw new Error(`a profile is still listed: ${JSON.stringify(await optionsOf(d, "Zoom account"))}`);
        }
        const secrets = env.secretTool("search", "--all", "service", "phone-roster");
        if (secrets.includes(SECRET)) throw new Error(`the removed profile's secret is still in the keychain:\n${secrets}`);
      } catch (error) {
        error.message += `\n--- tauri-driver output ---\n${env.driverLog.join("").slice(-3000)}`;
        throw error;
      } finally {
        await env.stop();
        sim.stop();
      }
    },
  },
};
