// Screenshots of the UI over the stand-in backend, in headless Chromium: `node dev/screenshots.mjs OUTDIR`.
// For looking at the UI quickly; the screenshots of record come from the real app (tests/e2e).
import { createServer } from "vite";
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const out = process.argv[2] ?? "/tmp/ui-preview";
mkdirSync(out, { recursive: true });
const root = fileURLToPath(new URL("..", import.meta.url));
const server = await createServer({ root, logLevel: "error", server: { port: 0 } });
await server.listen();
const base = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

const demo = async (page) => {
  await page.getByRole("button", { name: "Try the demo account" }).click();
  await page.getByText("Showing 10,000 of 10,000").waitFor();
  await page.waitForTimeout(300);
};
const twoCostCenters = async (page) => {
  await demo(page);
  const bars = page.locator("#cc-chart-body button[aria-pressed]");
  await bars.nth(0).click();
  await bars.nth(2).click({ modifiers: ["Control"] });
  await page.getByText(/Showing [\d,]+ of 10,000/).waitFor();
  await page.waitForTimeout(400);
};

// [file name, scenario, colour scheme, what to do before the screenshot]
const shots = [
  ["welcome", "welcome", "light", async () => {}],
  ["connect", "connect", "light", async (page) => {
    await page.getByRole("button", { name: "Connect your Zoom account" }).click();
    await page.getByLabel("Account ID").fill("Xy12AbCdEf");
    await page.getByLabel("Client ID").fill("q9LmNoPqRs");
    await page.getByLabel("Client secret").fill("not-the-real-one");
    await page.getByRole("button", { name: "Test connection" }).click();
    await page.getByRole("alert").waitFor();
  }],
  ["loading", "loading", "light", async (page) => {
    await page.getByRole("button", { name: "Try the demo account" }).click();
    await page.getByText("Waiting for Zoom's rate limit").waitFor();
    await page.waitForTimeout(300);
  }],
  ["loaded", "roster", "light", demo],
  ["filtered", "roster", "light", twoCostCenters],
  ["details", "roster", "light", async (page) => {
    await twoCostCenters(page);
    await page.getByRole("columnheader", { name: /^Extension/ }).click();
    await page.waitForTimeout(300);
    await page.locator("[role=row][aria-rowindex='3']").click();
    await page.getByRole("button", { name: "Close details" }).waitFor();
  }],
  ["dark", "roster", "dark", async (page) => {
    await twoCostCenters(page);
    await page.getByRole("checkbox", { name: /Sales/ }).first().check();
    await page.waitForTimeout(400);
  }],
  ["error", "error", "light", async (page) => {
    await page.getByText("Showing 10,000 of 10,000").waitFor();
    await page.getByRole("button", { name: "Refresh" }).click();
    await page.getByText("Zoom did not let this app").waitFor();
    await page.waitForTimeout(300);
  }],
  ["empty", "roster", "light", async (page) => {
    await demo(page);
    await page.getByRole("searchbox", { name: /Search name/ }).fill("zzzz");
    await page.getByText("No users match").waitFor();
    await page.waitForTimeout(200);
  }],
  ["export-toast", "roster", "light", async (page) => {
    await twoCostCenters(page);
    await page.getByRole("button", { name: /^Export [\d,]+ users to CSV/ }).click();
    await page.getByText("Show in folder").waitFor();
  }],
];

for (const [name, scenario, scheme, act] of shots) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
  page.on("pageerror", (e) => console.error(`[${name}] ${e.message}`));
  await page.goto(`${base}dev/preview.html?scenario=${scenario}`);
  await page.getByText("Phone Roster").first().waitFor();
  await act(page);
  const file = `${out}/${name}.png`;
  await page.screenshot({ path: file });
  console.log(file);
  await page.close();
}
await browser.close();
await server.close();
