// What the specs look for on screen, in one place so a changed label is fixed once.

import { waitFor } from "./webdriver.mjs";

export const welcomeHeading = (d) => d.findByText("h1", "Phone Roster");

/** The number the roster's live count shows ("1,500 users" → 1500), or null before it shows. */
export async function shownCount(d) {
  const text = await d.text("[data-testid=row-count]");
  const digits = text?.match(/[\d,.\u00a0\u202f ]+/)?.[0]?.replace(/\D/g, "");
  return digits ? Number(digits) : null;
}

export const renderedRows = (d) =>
  d.exec(`return document.querySelectorAll('[role=grid] [role=row]:not([aria-rowindex="1"]) [role=gridcell]:not(.placeholder)').length;`);

export const progressShown = async (d) => (await d.find("section.progress")).length > 0;

export async function clickButton(d, text, css = "button") {
  const button = await waitFor(`a “${text}” button`, () => d.findByText(css, text), 15_000);
  await d.click(button);
}

/** Waits until a load has started and then ended (no progress bar), returning the users shown. */
export async function waitForLoaded(d, timeoutMs = 180_000) {
  await waitFor("the load to finish", async () => !(await progressShown(d)) && (await renderedRows(d)) > 0, timeoutMs, 100);
  // The grid's count catches up with the finished load one query later: wait until its "of M" is the
  // roster size the top bar shows.
  await waitFor("the count to show the whole loaded roster", async () => {
    const of = (await d.text("[data-testid=row-count]"))?.match(/of ([\d,]+)/)?.[1];
    const users = (await d.text("[data-testid=freshness]"))?.match(/^([\d,]+)/)?.[1];
    return of !== undefined && of === users;
  }, 15_000, 50);
  return shownCount(d);
}

/** Everything of the page a secret must not be in: markup, form values and web storage. */
export const pageContents = (d) =>
  d.exec(`return document.documentElement.outerHTML
    + JSON.stringify([...document.querySelectorAll('input, textarea')].map((e) => e.value))
    + JSON.stringify(localStorage) + JSON.stringify(sessionStorage);`);

/** Types into the form field with this id, once it is on screen. */
export async function fillField(d, id, text) {
  const [input] = await waitFor(`#${id}`, async () => {
    const found = await d.find(`#${id}`);
    return found.length ? found : null;
  });
  await d.type(input, text);
}

/** Launches the app and opens the connect form from the welcome screen. */
export async function openConnectForm(d, app) {
  await d.start(app);
  await waitFor("the welcome screen", () => welcomeHeading(d));
  await clickButton(d, "Connect your Zoom account");
}
