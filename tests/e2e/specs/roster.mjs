// The roster screen on the demo account (10k users): search, two cost centers picked in the chart,
// sort by Extension, export to CSV, and the CSV read back: exactly the rows and columns on screen, in
// order. Also the screenshots of the main states (loaded, filtered, details, dark theme, error).
// The native save dialog cannot be driven by WebDriver: PHONE_ROSTER_EXPORT_DIR (a test hook in
// src-tauri/src/commands/export.rs) makes the export write to a folder under the suggested name.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { TestEnv } from "../lib/env.mjs";
import { APP } from "../lib/paths.mjs";
import { startSim } from "../lib/sim.mjs";
import {
  IN_PAGE,
  allByRole,
  attribute,
  byRole,
  byRoleWithText,
  byText,
  clickButton,
  fillField,
  openConnectForm,
  readText,
  ref,
  renderedRows,
  roleText,
  searchBox,
  shownCount,
  waitForLoaded,
} from "../lib/ui.mjs";
import { waitFor } from "../lib/webdriver.mjs";

const DEMO_USERS = 10_000;
const BACKSPACE = "\uE003";
/** Leading characters a spreadsheet runs as a formula (see crates/roster/src/export/csv.rs). */
const FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"];
/** `="…"` (or `="…"&"…"`): the CSV for people's text formula, whose result is the literal text. */
const TEXT_FORMULA = /^="((?:[^"]|"")*)"(&"((?:[^"]|"")*)")*$/s;

/** What a spreadsheet shows for a cell of the CSV for people (crates/roster/src/export/spreadsheet_text.rs):
 * a text formula shows its literal; a multi-line value that starts like a formula keeps the `'` guard. */
function shownBySpreadsheet(cell) {
  if (TEXT_FORMULA.test(cell)) {
    return [...cell.slice(1).matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replaceAll('""', '"')).join("");
  }
  return cell;
}

/** RFC 4180: quoted fields with doubled quotes, commas and newlines inside; CRLF or LF rows. */
export function parseCsv(text, delimiter = ",") {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) row.push(cell), (cell = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell), rows.push(row), (row = []), (cell = "");
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}

/** The grid as on screen: the column headers in order (their text, without the sort arrows) and the
 * rendered rows' cells, by row index. */
const readGrid = (d) =>
  d.exec(`${IN_PAGE}
    const headers = byRole('columnheader', null, grid()).map((e) => squash(textOf(e)));
    const rows = byRole('row', null, byRole('rowgroup', null, grid())[0])
      .filter((r) => !r.querySelector('[role=gridcell][aria-busy=true]'))
      .map((r) => ({ index: Number(r.getAttribute('aria-rowindex')) - 2, cells: byRole('gridcell', null, r).map((c) => c.textContent) }))
      .sort((a, b) => a.index - b.index);
    return { headers, rows };`);

/** The cost-center chart: a bar is a toggle button named "<cost center>: <n> users". */
const BAR_NAME = /^(.*): ([\d,]+) users?$/;
const chart = (d) => byRole(d, "region", "Users per cost center");

/** The chart's bars: name, count and whether pressed. */
async function readBars(d) {
  const bars = await d.exec(
    `${IN_PAGE} return byRole('button', null, arguments[0]).filter((b) => b.hasAttribute('aria-pressed'))
      .map((b) => ({ label: nameOf(b), pressed: b.getAttribute('aria-pressed') === 'true' }));`,
    ref(await chart(d)),
  );
  return bars.map(({ label, pressed }) => {
    const [, name, count] = label.match(BAR_NAME);
    return { name, count: Number(count.replace(/\D/g, "")), pressed };
  });
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function bar(d, name) {
  const found = await byRole(d, "button", new RegExp(`^${escapeRegExp(name)}: [\\d,]+ users?$`), await chart(d));
  if (!found) throw new Error(`no chart bar for ${name}`);
  return found;
}

/** Relative luminance (WCAG) of a CSS colour as the page computes it, drawn on a canvas so that any
 * colour syntax the engine uses (rgb(), color(srgb …), oklch()…) reads the same. */
const LUMINANCE = `
  const luminance = (css) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
    const linear = (c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  /** The background a person sees behind an element: its own, else the first one painted behind it
   * (null when nothing is). */
  const backgroundOf = (e) => {
    for (let at = e; at; at = at.parentElement) {
      const color = getComputedStyle(at).backgroundColor;
      if (color && color !== 'transparent' && !/^rgba\\(.*,\\s*0\\)$/.test(color)) return color;
    }
    return null;
  };`;

/** What the spreadsheet shows for a cell the grid shows as `text`: the same text, but for a
 * multi-line value that starts like a formula, which keeps its `'`. */
function expectedShown(text) {
  const guarded = /[\n\r]/.test(text) && FORMULA_STARTS.some((c) => text.trimStart().startsWith(c) || text.startsWith(c));
  return guarded ? `'${text}` : text;
}

function sameCells(what, screen, csv) {
  const expected = screen.cells.map(expectedShown);
  const got = csv.rows[screen.index].map(shownBySpreadsheet);
  if (JSON.stringify(expected) !== JSON.stringify(got)) {
    throw new Error(`${what}: row ${screen.index} differs\n  screen: ${JSON.stringify(expected)}\n  csv:    ${JSON.stringify(got)}`);
  }
}

async function startDemo(env) {
  await env.start();
  const d = env.driver;
  await d.start(APP);
  // The demo starts loading by itself at launch.
  const count = await waitForLoaded(d);
  if (count !== DEMO_USERS) throw new Error(`expected the demo's ${DEMO_USERS} users, the count shows ${count}`);
  return d;
}

export default {
  name: "roster",
  tests: {
    async "demo: search, two cost centers via the chart, sort by extension, CSV equals the screen"({ screenshotPath }) {
      const env = new TestEnv("roster", { PHONE_ROSTER_DEMO: "1" });
      const exportDir = join(env.dir, "exports");
      mkdirSync(exportDir);
      env.env.PHONE_ROSTER_EXPORT_DIR = exportDir;
      try {
        const d = await startDemo(env);
        writeFileSync(screenshotPath("roster-loaded"), await d.screenshot());

        // Search for the first row's extension, then clear the search.
        const search = await searchBox(d);
        const first = (await readGrid(d)).rows[0].cells;
        const extension = first[(await readGrid(d)).headers.indexOf("Extension")];
        await d.sendKeys(search, extension);
        await waitFor(`a search for ${extension} to narrow the roster`, async () => {
          const n = await shownCount(d);
          return n !== null && n > 0 && n < DEMO_USERS && (await renderedRows(d)) > 0;
        });
        await d.sendKeys(search, BACKSPACE.repeat(extension.length));
        await waitFor("the cleared search to show everyone", async () => (await shownCount(d)) === DEMO_USERS);

        // Two cost centers via the chart: a click on one bar, Ctrl-click on another.
        const bars = (await readBars(d)).filter((b) => b.name !== "(no cost center)");
        const [a, b] = [bars[0], bars[1]];
        await d.click(await bar(d, a.name));
        await waitFor(`${a.name} alone (${a.count} users)`, async () => (await shownCount(d)) === a.count);
        await d.ctrlClick(await bar(d, b.name));
        await waitFor(`${a.name} and ${b.name} (${a.count + b.count} users; the count shows ${await shownCount(d)})`, async () =>
          (await shownCount(d)) === a.count + b.count && (await renderedRows(d)) > 0);
        const pressed = (await readBars(d)).filter((x) => x.pressed).map((x) => x.name).sort();
        if (JSON.stringify(pressed) !== JSON.stringify([a.name, b.name].sort())) throw new Error(`pressed bars: ${pressed}`);
        writeFileSync(screenshotPath("roster-filtered"), await d.screenshot());

        // Sort by Extension.
        const extensionHeader = () => byRole(d, "columnheader", /^Extension,/);
        await d.click(await extensionHeader());
        await waitFor("Extension sorted ascending", async () => (await attribute(d, await extensionHeader(), "aria-sort")) === "ascending");
        await waitFor("the sorted rows", async () => (await renderedRows(d)) > 0);

        // The export menu, as an admin finds it, then closed with Escape.
        await clickButton(d, "More export formats");
        const menu = await waitFor("the export menu", () => byRole(d, "menu", "Export formats"));
        const [firstItem] = await allByRole(d, "menuitem", null, menu);
        if (!(await byRole(d, "menuitem", /^Excel workbook \(\.xlsx\)/, menu))) throw new Error("no xlsx in the export menu");
        writeFileSync(screenshotPath("export-menu"), await d.screenshot());
        await d.sendKeys(firstItem, "\uE00C");
        await waitFor("the menu to close", async () => (await byRole(d, "menu", "Export formats")) === null);

        // Export, then read the file back.
        const total = await shownCount(d);
        await clickButton(d, `Export ${total.toLocaleString("en-US")} users to CSV`);
        const toast = await waitFor("the export's toast", () => byRoleWithText(d, "status", "Saved "), 30_000);
        const path = await readText(d, await byText(d, new RegExp(`^${escapeRegExp(exportDir)}`), toast));
        if (!path.startsWith(exportDir)) throw new Error(`exported to ${path}, not to ${exportDir}`);
        if (!/\.csv$/.test(path) || /\.csv\.csv$/.test(path)) throw new Error(`odd file name: ${path}`);
        let text = readFileSync(path, "utf8");
        if (!text.startsWith("\uFEFF")) throw new Error("the CSV for Excel has no BOM");
        text = text.slice(1);
        const [headers, ...rows] = parseCsv(text);
        const csv = { headers, rows };

        const screen = await readGrid(d);
        if (JSON.stringify(headers) !== JSON.stringify(screen.headers)) {
          throw new Error(`CSV columns ${JSON.stringify(headers)} are not the screen's ${JSON.stringify(screen.headers)}`);
        }
        if (rows.length !== total) throw new Error(`the CSV has ${rows.length} rows, the screen shows ${total}`);
        const top = screen.rows.filter((r) => r.index < 10);
        if (top.length < 10 || top[0].index !== 0) throw new Error(`the first rows are not on screen: ${top.map((r) => r.index)}`);
        for (const r of top) sameCells("the first rows", r, csv);

        // Every CSV row is one of the two cost centers, in extension order.
        const shownRows = rows.map((r) => r.map(shownBySpreadsheet));
        const cc = headers.indexOf("Cost Center");
        const ext = headers.indexOf("Extension");
        const outside = shownRows.filter((r) => r[cc] !== a.name && r[cc] !== b.name);
        if (outside.length) throw new Error(`${outside.length} CSV rows of other cost centers, e.g. ${outside[0]}`);
        // (Numbers by value, then anything else by its text, blanks last: see crates/roster's sort.)
        const numeric = shownRows.map((r) => r[ext]).filter((x) => /^\d+$/.test(x)).map(Number);
        for (let i = 1; i < numeric.length; i++) {
          if (numeric[i - 1] > numeric[i]) throw new Error(`the CSV's extensions are out of order: ${numeric[i - 1]} then ${numeric[i]}`);
        }
        const firstBlank = shownRows.findIndex((r) => r[ext].trim() === "");
        if (firstBlank >= 0 && shownRows.slice(firstBlank).some((r) => r[ext].trim() !== "")) throw new Error("blank extensions are not last");

        // No cell a spreadsheet would run as a formula, other than text formulas (="…") whose result is
        // the text; a row with a formula-like value (the demo's phone numbers read "+1 512-…") shows in
        // the spreadsheet as on screen.
        const risky = rows.flat().filter((cell) => FORMULA_STARTS.some((c) => cell.startsWith(c)) && !TEXT_FORMULA.test(cell));
        if (risky.length) throw new Error(`CSV cells a spreadsheet would run: ${JSON.stringify(risky.slice(0, 3))}`);
        const neutralised = shownRows.findIndex((r) => r.some((cell) => FORMULA_STARTS.some((c) => cell.startsWith(c))));
        if (neutralised >= 0) {
          await d.exec(`${IN_PAGE} grid().scrollTop = arguments[0] * 30;`, neutralised);
          const shown = await waitFor(`row ${neutralised} on screen`, async () => (await readGrid(d)).rows.find((r) => r.index === neutralised));
          sameCells("a row with a neutralised formula", shown, csv);
        }

        // The page is not trusted: out-of-bounds requests made straight over IPC are refused in words,
        // and nothing is written or shown outside what the app itself exported.
        const refused = await d.execAsync(`const done = arguments[0];
          const invoke = window.__TAURI_INTERNALS__.invoke;
          const kind = (call) => call.then(() => "accepted", (e) => e?.kind ?? String(e));
          const spec = { search: "", filters: { cost_center: [], department: [], site: [], status: [], calling_plan: [] }, sort: [] };
          Promise.all([
            kind(invoke("reveal", { path: "/etc/passwd" })),
            kind(invoke("export_view", { spec, columns: ["name"], format: { format: "json" }, stem: "../../escaped" })),
            kind(invoke("export_view", { spec, columns: [], format: { format: "json" }, stem: "x" })),
            kind(invoke("query", { spec, offset: 0, limit: 1000000, withFacets: false })),
            kind(invoke("query", { spec: { ...spec, sort: Array(50).fill({ column: "name", descending: false }) }, offset: 0, limit: 10, withFacets: false })),
          ]).then(done, (e) => done(String(e)));`);
        if (JSON.stringify(refused) !== JSON.stringify(Array(5).fill("invalid_request"))) {
          throw new Error(`out-of-bounds IPC requests were not all refused: ${JSON.stringify(refused)}`);
        }
        if (existsSync(join(exportDir, "../../escaped.json")) || existsSync(join(env.dir, "escaped.json"))) {
          throw new Error("an export escaped its folder");
        }

        // …and the last rows, once the grid is scrolled to the bottom.
        await d.exec(`${IN_PAGE} grid().scrollTop = grid().scrollHeight;`);
        const bottom = await waitFor("the last rows", async () => {
          const g = await readGrid(d);
          return g.rows.some((r) => r.index === total - 1) ? g.rows.filter((r) => r.index >= total - 5) : null;
        });
        for (const r of bottom) sameCells("the last rows", r, csv);

        // A row's details (the export's toast dismissed first, so that it does not cover them).
        await clickButton(d, "Dismiss", toast);
        await waitFor("the toast to go", async () => (await byRoleWithText(d, "status", "Saved ")) === null);
        await d.exec(`${IN_PAGE} grid().scrollTop = 0;`);
        const topRows = await waitFor("the top rows again", async () => {
          const g = await readGrid(d);
          return g.rows[0]?.index === 0 ? g : null;
        });
        // The second row (or the next with a name), clicked on the name the grid shows.
        const person = topRows.rows
          .map((r) => r.cells[topRows.headers.indexOf("Name")].replace(/\s+/g, " ").trim())
          .find((name, i) => i > 0 && name !== "");
        await d.click(await byText(d, person, await byRole(d, "grid", "Phone users")));
        await waitFor(`the details of ${person}`, () => byRole(d, "complementary", person));
        writeFileSync(screenshotPath("roster-details"), await d.screenshot());
      } catch (error) {
        error.message += `\n--- tauri-driver output ---\n${env.driverLog.join("").slice(-3000)}`;
        throw error;
      } finally {
        await env.stop();
      }
    },

    async "demo in the dark theme (GTK_THEME=Adwaita:dark)"({ screenshotPath }) {
      const env = new TestEnv("dark", { PHONE_ROSTER_DEMO: "1", GTK_THEME: "Adwaita:dark" });
      try {
        const d = await startDemo(env);
        // What a person sees: the page behind the roster, and the text of a cell on it. WCAG luminance
        // runs from 0 (black) to 1 (white): the dark theme's page is 0.01 and its text 0.8, the light
        // theme's page 0.94 and its text 0.02 (app.css).
        const seen = await d.exec(`${IN_PAGE}${LUMINANCE}
          const page = backgroundOf(byRole('main')[0]);
          const cell = byRole('gridcell', null, grid()).find((c) => c.textContent.trim() !== '');
          const text = getComputedStyle(cell).color;
          return {
            prefersDark: matchMedia('(prefers-color-scheme: dark)').matches,
            page, pageLuminance: page && luminance(page),
            text, textLuminance: luminance(text),
          };`);
        const what = JSON.stringify(seen);
        if (seen.page === null || seen.pageLuminance > 0.1) throw new Error(`the page's background is not dark: ${what}`);
        if (seen.textLuminance < 0.5) throw new Error(`the text is not light: ${what}`);
        writeFileSync(screenshotPath("roster-dark"), await d.screenshot());
      } finally {
        await env.stop();
      }
    },

    async "an account without Zoom Phone's scopes: the error in plain words on the roster screen"({ screenshotPath }) {
      const sim = await startSim(["--users", "50", "--missing-scope"]);
      const env = new TestEnv("error", {
        PHONE_ROSTER_API_BASE_URL: sim.apiBase,
        PHONE_ROSTER_OAUTH_TOKEN_URL: sim.tokenUrl,
      });
      try {
        await env.start();
        const d = env.driver;
        await openConnectForm(d, APP);
        for (const [label, value] of [["Profile name", "Acme"], ["Account ID", "demo-account"], ["Client ID", "demo-client"], ["Client secret", "demo-secret"]]) {
          await fillField(d, label, value);
        }
        await clickButton(d, "Save and load");
        const message = await waitFor("the error on the roster screen", () => roleText(d, "alert", ""), 60_000);
        if (!/scope/i.test(message)) throw new Error(`the error does not name the missing scope: “${message}”`);
        if (!(await byRole(d, "grid", "Phone users"))) throw new Error("not on the roster screen");
        writeFileSync(screenshotPath("roster-error"), await d.screenshot());
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
