// The demo account: from the welcome screen to a full roster, with visible progress on the way.

import { writeFileSync } from "node:fs";

import { TestEnv } from "../lib/env.mjs";
import { APP } from "../lib/paths.mjs";
import { attribute, byRole, byText, clickButton, progressShown, renderedRows, shownCount, waitForLoaded, welcomeHeading } from "../lib/ui.mjs";
import { waitFor } from "../lib/webdriver.mjs";

export default {
  name: "demo",
  tests: {
    async "the demo account loads with visible progress and rows"({ measure, screenshotPath }) {
      const env = new TestEnv("demo");
      try {
        await env.start();
        const d = env.driver;
        const launched = Date.now();
        await d.start(APP);
        await waitFor("the welcome screen", () => welcomeHeading(d));
        measure("launch to first window (welcome screen shown), ms", Date.now() - launched);
        writeFileSync(screenshotPath("welcome"), await d.screenshot());

        await clickButton(d, "Try the demo account");
        // Progress with some users in and rows already on screen: a first load fills the table as it goes.
        await waitFor("progress with users loaded", async () => {
          const bar = await byRole(d, "progressbar", "Phone users loaded");
          const now = bar ? Number((await attribute(d, bar, "aria-valuenow")) ?? 0) : 0;
          return now >= 300 && (await renderedRows(d)) > 0;
        }, 60_000);
        if (!(await progressShown(d))) throw new Error("the progress bar was not shown during the load");
        writeFileSync(screenshotPath("loading"), await d.screenshot());

        const count = await waitForLoaded(d);
        if (count !== 10_000) throw new Error(`expected the demo's 10,000 users, the count shows ${count}`);
        const badge = await byText(d, "Demo data", await byRole(d, "banner"));
        if (!badge) throw new Error("“Demo data” is not visible");
        writeFileSync(screenshotPath("roster"), await d.screenshot());
        if ((await shownCount(d)) !== 10_000) throw new Error("the count changed after the load");
      } finally {
        await env.stop();
      }
    },
  },
};
