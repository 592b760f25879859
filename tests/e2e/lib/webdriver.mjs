// A small W3C WebDriver client over fetch: just what the specs use, so the suite needs no npm packages.

import { windowPng } from "./xshot.mjs";

/** The app's main window's title (tauri.conf.json). */
const WINDOW_TITLE = "Phone Roster";

/** The key under which WebDriver passes an element (W3C "web element identifier"). */
export const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

export class WebDriver {
  /** `display`: the X display the app shows on, where its screenshots are taken. */
  constructor(base, display) {
    this.base = base;
    this.display = display;
    this.id = null;
  }

  async #call(method, path, body) {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      const v = json.value ?? {};
      throw new Error(`WebDriver ${method} ${path}: ${v.error ?? response.status} ${v.message ?? ""}`.trim());
    }
    return json.value;
  }

  #session(method, path, body) {
    return this.#call(method, `/session/${this.id}${path}`, body);
  }

  /** Starts the app (tauri-driver launches it) and returns once the session exists. */
  async start(application, args = []) {
    const value = await this.#call("POST", "/session", {
      capabilities: { alwaysMatch: { "tauri:options": { application, args } } },
    });
    this.id = value.sessionId;
  }

  async quit() {
    if (this.id) await this.#session("DELETE", "").catch(() => {});
    this.id = null;
  }

  /** Runs `body` (a function body) in the page; `args` are its `arguments`. */
  exec(body, ...args) {
    return this.#session("POST", "/execute/sync", { script: body, args });
  }

  /** As `exec`, for a body that ends by calling `arguments[arguments.length - 1](result)`. */
  execAsync(body, ...args) {
    return this.#session("POST", "/execute/async", { script: body, args });
  }

  click(element) {
    return this.#session("POST", `/element/${element}/click`, {});
  }

  async type(element, text) {
    await this.#session("POST", `/element/${element}/clear`, {});
    await this.#session("POST", `/element/${element}/value`, { text });
  }

  /** Keys typed into `element` without clearing it first (WebDriver key codes such as "\uE003"
   * Backspace included). */
  sendKeys(element, text) {
    return this.#session("POST", `/element/${element}/value`, { text });
  }

  /** A click with Ctrl held, as real input (W3C actions), then every key and button released. */
  async ctrlClick(element) {
    const CONTROL = "\uE009";
    await this.#session("POST", "/actions", {
      actions: [
        { type: "key", id: "keyboard", actions: [{ type: "keyDown", value: CONTROL }, { type: "pause" }, { type: "pause" }, { type: "pause" }, { type: "keyUp", value: CONTROL }] },
        {
          type: "pointer",
          id: "mouse",
          parameters: { pointerType: "mouse" },
          actions: [{ type: "pause" }, { type: "pointerMove", origin: { [ELEMENT]: element }, x: 0, y: 0 }, { type: "pointerDown", button: 0 }, { type: "pointerUp", button: 0 }, { type: "pause" }],
        },
      ],
    });
    await this.#session("DELETE", "/actions");
  }

  /** A PNG of the window once the page has painted its latest state (WebKit can otherwise show the
   * previous frame right after a change), taken from the X server (xshot.mjs says why). */
  async screenshot() {
    // The pointer to the window's corner first: a cell's tooltip is a window of its own, over the
    // page, which the X server's copy would show half drawn.
    await this.#session("POST", "/actions", {
      actions: [{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions: [{ type: "pointerMove", origin: "viewport", x: 0, y: 0 }] }],
    });
    await this.#session("DELETE", "/actions");
    await this.execAsync(`const done = arguments[0];
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 150)));`);
    return windowPng(this.display, WINDOW_TITLE);
  }
}

/** Polls `probe` until it returns a truthy value; throws `what` after `timeoutMs`. */
export async function waitFor(what, probe, timeoutMs = 30_000, everyMs = 50) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
