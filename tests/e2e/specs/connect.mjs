// A real account's path, against zoom-sim: a wrong secret explained in plain words, the right one
// saved to the real Secret Service and nowhere else, a cancelled refresh keeping the roster, and the
// snapshot shown at once on the next launch.

import { writeFileSync } from "node:fs";

import { TestEnv } from "../lib/env.mjs";
import { APP } from "../lib/paths.mjs";
import { startSim } from "../lib/sim.mjs";
import { clickButton, fillField, openConnectForm, pageContents, progressShown, renderedRows, shownCount, waitForLoaded } from "../lib/ui.mjs";
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
        await fillField(d, "profile-name", "Acme");
        await fillField(d, "account-id", "demo-account");
        await fillField(d, "client-id", "demo-client");
        await fillField(d, "client-secret", "not-the-secret");
        writeFileSync(screenshotPath("connect"), await d.screenshot());

        await clickButton(d, "Test connection");
        const error = await waitFor("the plain-words error", () => d.findByText("[role=alert], .result", "did not accept"));
        if (!error) throw new Error("no error shown");
        writeFileSync(screenshotPath("connect-error"), await d.screenshot());

        await fillField(d, "client-secret", SECRET);
        await clickButton(d, "Save", "button[type=submit]");
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
        await clickButton(d, "Cancel", "section.progress button");
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
        const freshness = await d.text("[data-testid=freshness]");
        if (!/as of/i.test(freshness ?? "")) throw new Error(`the roster's age is not shown (“${freshness}”)`);
        if (await progressShown(d)) throw new Error("a relaunch with a snapshot should not start loading by itself");
        // The profile talks to the simulator, not Zoom: the account list says so beside its name.
        const listed = await d.exec(`return [...document.querySelectorAll('label select option')].map((o) => o.textContent);`);
        if (!listed.some((text) => text.includes(`Acme — via ${sim.apiBase}`))) {
          throw new Error(`the account list does not show the profile's address: ${JSON.stringify(listed)}`);
        }
        writeFileSync(screenshotPath("relaunch-snapshot"), await d.screenshot());

        // Adding an account under the name in use asks before replacing it, and keeps it when told to.
        await d.exec(`const add = [...document.querySelectorAll("select option")].find((o) => o.textContent === "Add a Zoom account…");
          add.parentElement.value = add.value; add.parentElement.dispatchEvent(new Event("change", { bubbles: true }));`);
        await waitFor("the connect form", () => d.findByText("h1", "Connect your Zoom account"));
        const suggested = await d.exec(`return document.getElementById("profile-name").value;`);
        if (suggested === "Acme") throw new Error("the form suggested the name of the saved profile");
        await fillField(d, "profile-name", "Acme");
        await fillField(d, "account-id", "another-account");
        await fillField(d, "client-id", "another-client");
        await fillField(d, "client-secret", "another-secret");
        await clickButton(d, "Save", "button[type=submit]");
        await waitFor("the question before replacing", () => d.findByText("[role=alertdialog]", "Replace the profile “Acme”?"));
        const asked = await d.text("[role=alertdialog]");
        if (!asked.includes("account demo-account") || !asked.includes("1,500 phone users")) {
          throw new Error(`the question does not say what would be replaced: ${asked}`);
        }
        writeFileSync(screenshotPath("connect-replace"), await d.screenshot());
        await clickButton(d, "Keep it and rename this one");
        const stillOne = env.secretTool("search", "--all", "service", "phone-roster");
        if (!stillOne.includes(SECRET) || stillOne.includes("another-secret")) {
          throw new Error(`declining changed the saved secret:\n${stillOne}`);
        }
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
