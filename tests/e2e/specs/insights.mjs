// Beyond the table, as an admin meets it: what changed since last time (the top bar's summary and the
// Changes tab), the cost-center report (cells that open their users), and saved views (the demo's own,
// one saved from the screen, and the CLI exporting exactly what the app exports for it). Every export
// of the new tabs is opened by LibreOffice Calc, as a spreadsheet opens a double-clicked CSV, and must
// hold what the screen shows.

import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { TestEnv } from "../lib/env.mjs";
import { APP, ROOT } from "../lib/paths.mjs";
import { simEndpoints, startSim } from "../lib/sim.mjs";
import {
  IN_PAGE,
  attribute,
  byRole,
  byRoleWithText,
  byText,
  chooseOption,
  clickButton,
  connectSimAccount,
  fillField,
  optionsOf,
  readText,
  ref,
  shownCount,
  waitForLoaded,
} from "../lib/ui.mjs";
import { waitFor } from "../lib/webdriver.mjs";
import { parseCsv } from "./roster.mjs";

const CLI = process.env.PHONE_ROSTER_CLI ?? join(ROOT, "target/debug/phone-roster");

/** Opens `csv` in LibreOffice Calc (comma, double quote, UTF-8: what Excel assumes for a
 * double-clicked CSV) and saves it again as CSV: the cells as the spreadsheet shows them. */
function throughLibreOffice(csv, work) {
  const out = join(work, "libreoffice-out");
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${join(work, "libreoffice-profile")}`,
      "--headless",
      "--norestore",
      "--infilter=CSV:44,34,76,1",
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1",
      "--outdir",
      out,
      csv,
    ],
    { stdio: "pipe" },
  );
  const [file] = readdirSync(out).filter((f) => f.endsWith(".csv"));
  if (!file) throw new Error("LibreOffice wrote nothing");
  const rows = parseCsv(readFileSync(join(out, file), "utf8"));
  execFileSync("rm", ["-rf", out]);
  return rows;
}

/** A table on screen (within `region`), as read out: its header cells, then each row's cells. A cell
 * of several lines (a change's fields) is its lines joined by "; ", as the export joins them. */
const readTable = (d, region) =>
  d.exec(
    `${IN_PAGE}
    const table = arguments[0].querySelector('table');
    const cellText = (c) => { const lines = [...c.querySelectorAll(':scope > div')]; return squash(lines.length ? lines.map((l) => textOf(l)).map(squash).join('; ') : textOf(c)); };
    return [...table.querySelectorAll('tr')].map((r) => [...r.children].map(cellText));`,
    ref(region),
  );

/** Exports with the button named `button` in `region`, waits for the toast and answers the file's path. */
async function exportFrom(d, button, exportDir) {
  await clickButton(d, button);
  const toast = await waitFor("the export's toast", () => byRoleWithText(d, "status", "Saved "), 30_000);
  const path = await readText(d, await byText(d, new RegExp(`^${exportDir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`), toast));
  await clickButton(d, "Dismiss", toast);
  return path;
}

/** A count as the screen writes it ("1,234") and as a spreadsheet does (1234) are the same value. */
const value = (cell) => (/^\d{1,3}(,\d{3})+$/.test(cell) ? cell.replace(/,/g, "") : cell);

function sameTable(what, screen, sheet) {
  const differs = (a, b) => JSON.stringify(a.map(value)) !== JSON.stringify(b.map(value));
  if (screen.length !== sheet.length) throw new Error(`${what}: ${sheet.length} rows in the spreadsheet, ${screen.length} on screen`);
  screen.forEach((row, i) => {
    if (differs(row, sheet[i])) throw new Error(`${what}: row ${i} differs\n  screen: ${JSON.stringify(row)}\n  sheet:  ${JSON.stringify(sheet[i])}`);
  });
}

function demoEnv(name) {
  const env = new TestEnv(name, { PHONE_ROSTER_DEMO: "1" });
  const exportDir = join(env.dir, "exports");
  mkdirSync(exportDir);
  env.env.PHONE_ROSTER_EXPORT_DIR = exportDir;
  return { env, exportDir };
}

async function startDemo(env) {
  await env.start();
  const d = env.driver;
  await d.start(APP);
  await waitForLoaded(d);
  return d;
}

const CHANGES_SUMMARY = /^\+([\d,]+) joined · ([\d,]+) left · ([\d,]+) changed since .+$/;
const number = (text) => Number(text.replace(/,/g, ""));

export default {
  name: "insights",
  tests: {
    async "demo: what changed since last time, filtered like the roster, exported as shown"({ screenshotPath }) {
      const { env, exportDir } = demoEnv("changes");
      try {
        const d = await startDemo(env);
        const summary = await waitFor("the top bar's summary of changes", () => byRole(d, "button", CHANGES_SUMMARY));
        const [, joined, left, changed] = (await readText(d, summary)).match(CHANGES_SUMMARY).map((x, i) => (i ? number(x) : x));
        if (joined === 0 || left === 0 || changed === 0) throw new Error(`the demo should show each kind of change: ${joined}/${left}/${changed}`);
        await d.click(summary);
        const tab = await byRole(d, "tab", "Changes");
        if ((await attribute(d, tab, "aria-selected")) !== "true") throw new Error("the summary did not open the Changes tab");
        const region = await waitFor("the Changes view", () => byRole(d, "region", "Changes"));
        const total = joined + left + changed;
        const countText = () => d.exec(`${IN_PAGE} return byText(/^Showing [\\d,]+ of [\\d,]+ changes? since/, arguments[0])[0]?.textContent ?? null;`, ref(region));
        await waitFor(`all ${total} changes`, async () => (await countText())?.startsWith(`Showing ${total.toLocaleString("en-US")} of`));
        const all = await readTable(d, region);
        if (all.length - 1 !== total) throw new Error(`${all.length - 1} rows for ${total} changes`);
        for (const [kind, n] of [["Joined", joined], ["Left", left], ["Changed", changed]]) {
          const rows = all.slice(1).filter((r) => r[0] === kind).length;
          if (rows !== n) throw new Error(`${rows} rows say ${kind}, the summary says ${n}`);
        }
        if (!all.slice(1).some((r) => r[0] === "Changed" && / → /.test(r.at(-1)))) throw new Error("no changed row says what changed");
        writeFileSync(screenshotPath("changes"), await d.screenshot());

        // Only the moves between cost centers: the kind filter and the search box, as in the roster.
        await d.click(await byRole(d, "button", /^Changed [\d,]+$/, region));
        await waitFor(`only the ${changed} changed`, async () => (await countText())?.startsWith(`Showing ${changed.toLocaleString("en-US")} of`));
        const shown = await readTable(d, region);
        if (shown.slice(1).some((r) => r[0] !== "Changed")) throw new Error("other kinds shown under Changed");
        const path = await exportFrom(d, `Export ${changed.toLocaleString("en-US")} changes to CSV`, exportDir);
        sameTable("the changes, opened by LibreOffice", shown, throughLibreOffice(path, env.dir));
      } catch (error) {
        error.message += `\n--- tauri-driver output ---\n${env.driverLog.join("").slice(-3000)}`;
        throw error;
      } finally {
        await env.stop();
      }
    },

    async "demo: cost-center report with totals; a cell opens its users; exported as shown"({ screenshotPath }) {
      const { env, exportDir } = demoEnv("report");
      try {
        const d = await startDemo(env);
        const users = await shownCount(d);
        await d.click(await byRole(d, "tab", "Report"));
        const region = await waitFor("the report", () => byRole(d, "region", "Cost-center report"));
        await waitFor("its count", () => byText(d, /^[\d,]+ phone users in [\d,]+ cost centers$/, region));
        const table = await readTable(d, region);
        const [header, ...body] = table;
        const totalRow = body.at(-1);
        if (totalRow[0] !== "Total" || number(totalRow.at(-1)) !== users) {
          throw new Error(`the report's total ${totalRow.at(-1)} is not the roster's ${users} users`);
        }
        const rowTotals = body.slice(0, -1).reduce((sum, r) => sum + number(r.at(-1)), 0);
        if (rowTotals !== users) throw new Error(`the cost centers' totals add up to ${rowTotals}, not ${users}`);
        writeFileSync(screenshotPath("report"), await d.screenshot());

        // Exported: the spreadsheet holds the table as shown (the bar column is a picture, not data).
        const path = await exportFrom(d, "Export report to CSV", exportDir);
        const withoutBars = table.map((r) => r.filter((_, i) => i !== 1));
        sameTable("the report, opened by LibreOffice", withoutBars, throughLibreOffice(path, env.dir));

        // A cell: those users, on the Phone users tab.
        const cell = await waitFor("a cell of the first cost center", () => byRole(d, "button", /^Show the [\d,]+ users? of .+ with .+$/, region));
        const label = await attribute(d, cell, "aria-label");
        const n = number(label.match(/^Show the ([\d,]+)/)[1]);
        await d.click(cell);
        await waitFor(`the ${n} users of ${label}`, async () => (await shownCount(d)) === n);
        if ((await attribute(d, await byRole(d, "tab", "Phone users"), "aria-selected")) !== "true") throw new Error("the cell did not open the Phone users tab");
        if (header[0] !== "Cost Center") throw new Error(`the report's rows are ${header[0]}`);
      } catch (error) {
        error.message += `\n--- tauri-driver output ---\n${env.driverLog.join("").slice(-3000)}`;
        throw error;
      } finally {
        await env.stop();
      }
    },

    async "saved views: the demo's open in one click; one saved in the app, exported by the CLI, is the same file"({ screenshotPath }) {
      // The demo's two views.
      const demo = demoEnv("demo-views");
      try {
        const d = await startDemo(demo.env);
        const views = await optionsOf(d, "Saved views");
        if (views.length < 3) throw new Error(`the demo should have two saved views: ${JSON.stringify(views)}`);
        const everyone = await shownCount(d);
        await chooseOption(d, "Saved views", views[1]);
        await waitFor(`“${views[1]}” to narrow the roster`, async () => {
          const n = await shownCount(d);
          return n !== null && n > 0 && n < everyone;
        });
        writeFileSync(screenshotPath("saved-view"), await d.screenshot());
      } catch (error) {
        error.message += `\n--- tauri-driver output ---\n${demo.env.driverLog.join("").slice(-3000)}`;
        throw error;
      } finally {
        await demo.env.stop();
      }

      // A real account on zoom-sim: a view saved in the app, exported by the app and by the CLI.
      const sim = await startSim(["--users", "1500"]);
      const env = new TestEnv("views", simEndpoints(sim));
      const exportDir = join(env.dir, "exports");
      mkdirSync(exportDir);
      env.env.PHONE_ROSTER_EXPORT_DIR = exportDir;
      try {
        await env.start();
        const d = env.driver;
        await connectSimAccount(d, APP, "Acme");
        const everyone = await waitForLoaded(d);

        // Filter by the first cost center's bar, sort by Extension descending.
        const chart = await byRole(d, "region", "Users per cost center");
        const bar = await byRole(d, "button", /^(?!\(no).+: [\d,]+ users?$/, chart);
        const n = number((await attribute(d, bar, "aria-label")).match(/: ([\d,]+) users?$/)[1]);
        await d.click(bar);
        await waitFor(`the bar's ${n} users`, async () => (await shownCount(d)) === n && n < everyone);
        const extension = () => byRole(d, "columnheader", /^Extension,/);
        await d.click(await extension());
        await d.click(await extension());
        await waitFor("Extension descending", async () => (await attribute(d, await extension(), "aria-sort")) === "descending");

        await clickButton(d, "Save view…");
        const dialog = await waitFor("the Save view dialog", () => byRole(d, "dialog", "Save view"));
        await fillField(d, "Name", "Finance monthly");
        writeFileSync(screenshotPath("save-view"), await d.screenshot());
        await clickButton(d, "Save view", dialog);
        await waitFor("the dialog to close", async () => (await byRole(d, "dialog", "Save view")) === null);
        await waitFor("the view in the picker", async () => (await optionsOf(d, "Saved views")).includes("Finance monthly"));

        const appFile = await exportFrom(d, `Export ${n.toLocaleString("en-US")} users to CSV`, exportDir);
        const cliFile = join(env.dir, "cli.csv");
        const bus = readFileSync(env.busFile, "utf8").trim();
        execFileSync(CLI, ["export", "--profile", "Acme", "--view", "Finance monthly", "--for-people", "--output", cliFile], {
          env: { ...env.env, DBUS_SESSION_BUS_ADDRESS: bus, PHONE_ROSTER_CONFIG_DIR: env.configDir },
          stdio: "pipe",
        });
        const [app, cli] = [readFileSync(appFile), readFileSync(cliFile)];
        if (!app.equals(cli)) {
          throw new Error(`the CLI's file differs from the app's:\n  app: ${app.toString().slice(0, 300)}\n  cli: ${cli.toString().slice(0, 300)}`);
        }
        if (parseCsv(app.toString("utf8")).length !== n + 1) throw new Error(`the export should hold the view's ${n} users`);
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
