// What the specs look for on screen, in one place so a changed label is fixed once. Elements are found
// as a person or a screen reader finds them: by role and accessible name, by label, or by visible text,
// never by the CSS classes, ids or test ids the app happens to use.

import { ELEMENT, waitFor } from "./webdriver.mjs";

/**
 * Runs in the page ahead of a lookup. Roles are the explicit `role` or the implicit one of the few HTML
 * elements the app uses; a name is aria-labelledby, aria-label, the <label>, else the text as read out
 * (aria-hidden parts and the controls inside a label left out); an element's visible text is its own
 * text (as Testing Library's getByText reads it), so the innermost element holding a text is found.
 * Spaces are squashed. A name or text to match is exact text or a RegExp (from the specs,
 * `{ source, flags }`: see `want`).
 */
export const IN_PAGE = String.raw`
  const IMPLICIT = {
    banner: "header",
    button: "button",
    checkbox: "input[type=checkbox]",
    combobox: "select",
    complementary: "aside",
    heading: "h1, h2, h3, h4, h5, h6",
    list: "ul, ol",
    main: "main",
    option: "option",
    radio: "input[type=radio]",
    region: "section[aria-label], section[aria-labelledby]",
    searchbox: "input[type=search]",
    textbox: "input:not([type]), input[type=text], textarea",
  };
  const squash = (text) => text.replace(/\s+/g, " ").trim();
  const textOf = (node, top = node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.data;
    if (node.nodeType !== Node.ELEMENT_NODE || node.getAttribute("aria-hidden") === "true") return "";
    if (node !== top && node.matches("input, select, textarea")) return "";
    return [...node.childNodes].map((child) => textOf(child, top)).join("");
  };
  const nameOf = (e) => {
    const by = e.getAttribute("aria-labelledby");
    if (by) return squash(by.split(/\s+/).map((id) => { const r = document.getElementById(id); return r ? textOf(r) : ""; }).join(" "));
    if (e.getAttribute("aria-label")) return squash(e.getAttribute("aria-label"));
    if (e.labels && e.labels.length) return squash([...e.labels].map((label) => textOf(label)).join(" "));
    return squash(textOf(e));
  };
  const matches = (text, want) =>
    typeof want === "string" ? text === want : (want instanceof RegExp ? want : new RegExp(want.source, want.flags)).test(text);
  const hasRole = (e, role) => {
    const explicit = e.getAttribute("role");
    if (explicit) return explicit.split(/\s+/)[0] === role;
    if (role === "banner") return e.matches("header") && !e.closest("article, aside, main, nav, section");
    return !!IMPLICIT[role] && e.matches(IMPLICIT[role]);
  };
  const byRole = (role, name, root) =>
    [...(root ?? document).querySelectorAll(IMPLICIT[role] ? "[role], " + IMPLICIT[role] : "[role]")]
      .filter((e) => hasRole(e, role) && (name == null || matches(nameOf(e), name)));
  const byLabel = (label) => [...document.querySelectorAll("input, select, textarea")].filter((e) => e.labels?.length && matches(nameOf(e), label));
  const ownText = (e) => squash([...e.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.data).join(""));
  const byText = (text, root) => [...(root ?? document.body).querySelectorAll("*")].filter((e) => matches(ownText(e), text));
  const grid = () => byRole("grid", "Phone users")[0] ?? null;
  /** The roster's live count, "Showing 1,234 of 10,000 phone users", or null before it shows. */
  const countText = () => {
    const region = byRole("region", "Phone users")[0];
    const found = region && byText(/^Showing [\d,]+ of [\d,]+ phone users?$/, region)[0];
    return found ? ownText(found) : null;
  };
`;

/** An element id as a script argument, and back. */
export const ref = (id) => (id ? { [ELEMENT]: id } : null);
const idOf = (found) => (found ? found[ELEMENT] : null);
/** A name or text to match, as the page's `matches` takes it. */
const want = (name) => (name instanceof RegExp ? { source: name.source, flags: name.flags } : (name ?? null));

/** Every element of `role` whose accessible name is `name` (exact text or RegExp; any when null), inside `within`. */
export async function allByRole(d, role, name = null, within = null) {
  const found = await d.exec(`${IN_PAGE} return byRole(...arguments);`, role, want(name), ref(within));
  return found.map(idOf);
}

export const byRole = async (d, role, name = null, within = null) => (await allByRole(d, role, name, within))[0] ?? null;

/** The form control whose label is `label`. */
const byLabel = async (d, label) => idOf(await d.exec(`${IN_PAGE} return byLabel(arguments[0])[0] ?? null;`, want(label)));

/** The first element whose own visible text is `text` (exact text or RegExp), inside `within`. */
export const byText = async (d, text, within = null) =>
  idOf(await d.exec(`${IN_PAGE} return byText(arguments[0], arguments[1])[0] ?? null;`, want(text), ref(within)));

/** An element's text as read out (its own and its children's), spaces squashed. */
export const readText = (d, element) => d.exec(`${IN_PAGE} return squash(textOf(arguments[0]));`, ref(element));

/** An element's attribute, or null. */
export const attribute = (d, element, name) => d.exec(`return arguments[0].getAttribute(arguments[1]);`, ref(element), name);

/** The first element of `role` whose text contains `text`, inside `within`, or null. */
export const byRoleWithText = async (d, role, text, within = null) =>
  idOf(await d.exec(`${IN_PAGE} const [role, text, root] = arguments;
    return byRole(role, null, root).find((e) => squash(textOf(e)).includes(text)) ?? null;`, role, text, ref(within)));

/** The text of the first element of `role` whose text contains `text`, or null. */
export async function roleText(d, role, text) {
  const found = await byRoleWithText(d, role, text);
  return found ? readText(d, found) : null;
}

export const welcomeHeading = (d) => byRole(d, "heading", "Phone Roster");

/** The roster's search box, by the name a screen reader gives it. */
export const SEARCH_BOX = "Search name, email, extension or number";
export const searchBox = (d) => byRole(d, "searchbox", SEARCH_BOX);

/** The number the roster's live count shows ("Showing 1,500 of …" → 1500), or null before it shows. */
export async function shownCount(d) {
  const text = await d.exec(`${IN_PAGE} return countText();`);
  const digits = text?.match(/^Showing ([\d,]+)/)?.[1].replace(/\D/g, "");
  return digits ? Number(digits) : null;
}

/** The grid's rendered cells that hold a user (not the placeholders of rows still on their way). */
export const renderedRows = (d) =>
  d.exec(`${IN_PAGE} const g = grid(); return g ? byRole("gridcell", null, g).filter((c) => c.getAttribute("aria-busy") !== "true").length : 0;`);

export const progressShown = async (d) => (await byRole(d, "progressbar", "Phone users loaded")) !== null;

/** The top bar's word on the roster: "1,500 phone users · as of 09:14 today", or null. */
export const freshness = (d) =>
  d.exec(`${IN_PAGE} const bar = byRole("banner")[0]; const found = bar && byText(arguments[0], bar)[0]; return found ? squash(textOf(found)) : null;`,
    want(/^[\d,]+ phone users?( · .*)?$/));

/** Clicks the button named `name` (inside `within`), once it is on screen. */
export async function clickButton(d, name, within = null) {
  const button = await waitFor(`a “${name}” button`, () => byRole(d, "button", name, within), 15_000);
  await d.click(button);
}

/** Waits until a load has started and then ended (no progress bar), returning the users shown. */
export async function waitForLoaded(d, timeoutMs = 180_000) {
  await waitFor("the load to finish", async () => !(await progressShown(d)) && (await renderedRows(d)) > 0, timeoutMs, 100);
  // The grid's count catches up with the finished load one query later: wait until its "of M" is the
  // roster size the top bar shows.
  await waitFor("the count to show the whole loaded roster", async () => {
    const of = (await d.exec(`${IN_PAGE} return countText();`))?.match(/of ([\d,]+)/)?.[1];
    const users = (await freshness(d))?.match(/^([\d,]+)/)?.[1];
    return of !== undefined && of === users;
  }, 15_000, 50);
  return shownCount(d);
}

/** Everything of the page a secret must not be in: markup, form values and web storage. */
export const pageContents = (d) =>
  d.exec(`return document.documentElement.outerHTML
    + JSON.stringify([...document.querySelectorAll('input, textarea')].map((e) => e.value))
    + JSON.stringify(localStorage) + JSON.stringify(sessionStorage);`);

/** Types into the form field labelled `label`, once it is on screen. */
export async function fillField(d, label, text) {
  const input = await waitFor(`the field “${label}”`, () => byLabel(d, label));
  await d.type(input, text);
}

/** What the form field labelled `label` holds. */
export const fieldValue = async (d, label) => d.exec(`return arguments[0].value;`, ref(await byLabel(d, label)));

/** The texts of the options of the drop-down named `name`; fails when there is no such drop-down
 * (searching without it would read every option of the page). */
export async function optionsOf(d, name) {
  const select = await byRole(d, "combobox", name);
  if (!select) throw new Error(`no drop-down “${name}” on screen`);
  return d.exec(`${IN_PAGE} return byRole("option", null, arguments[0]).map((o) => squash(textOf(o)));`, ref(select));
}

/** Chooses `option` in the drop-down named `name`, as a person picking it does (WebKitGTK's native
 * pop-up cannot be driven by WebDriver). */
export async function chooseOption(d, name, option) {
  const chosen = await d.exec(
    `${IN_PAGE} const [select, option] = arguments; const found = byRole("option", option, select)[0];
     if (!found) return false;
     select.value = found.value; select.dispatchEvent(new Event("change", { bubbles: true })); return true;`,
    ref(await byRole(d, "combobox", name)),
    want(option),
  );
  if (!chosen) throw new Error(`no option “${option}” in “${name}”`);
}

/** Launches the app and opens the connect form from the welcome screen. */
export async function openConnectForm(d, app) {
  await d.start(app);
  await waitFor("the welcome screen", () => welcomeHeading(d));
  await clickButton(d, "Connect your Zoom account");
}

/** Launches the app, connects the profile `name` to zoom-sim's default account (its default
 * credentials) and starts its first load with "Save and load". */
export async function connectSimAccount(d, app, name) {
  await openConnectForm(d, app);
  await fillField(d, "Profile name", name);
  await fillField(d, "Account ID", "demo-account");
  await fillField(d, "Client ID", "demo-client");
  await fillField(d, "Client secret", "demo-secret");
  await clickButton(d, "Save and load");
}
