// dev/profile.mjs's driver for WebKitGTK, the app's own web view on Linux: Debian's MiniBrowser (from
// libwebkit2gtk-4.1, the library the app links) driven by WebKitWebDriver on an Xvfb screen, as the
// end-to-end tests drive the app. Input goes through WebDriver actions, as real GTK events. WebKitGTK
// has no trace to read, so its costs are CPU time per thread (profile-cpu.mjs).
// WebKitGTK composites unless WEBKIT_DISABLE_COMPOSITING_MODE=1 is set, as in the app: set it to
// measure the page without compositing (each frame then costs far less without a GPU).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";

const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const KEYS = { Backspace: "\uE003" };

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function until(what, test, ms = 15_000) {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (await test()) return;
  throw new Error(`no ${what} after ${ms} ms`);
}

export async function openWebKit(url, { width, height }) {
  let screen = 200;
  while (existsSync(`/tmp/.X11-unix/X${screen}`)) screen++;
  const display = `:${screen}`;
  const xvfb = spawn("Xvfb", [display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"], { stdio: "ignore" });
  await until(`Xvfb ${display}`, () => existsSync(`/tmp/.X11-unix/X${screen}`));
  const port = await freePort();
  const driver = spawn("WebKitWebDriver", [`--port=${port}`], { stdio: "ignore", env: { ...process.env, DISPLAY: display } });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const response = await fetch(`${base}${path}`, { method, headers: { "content-type": "application/json" }, body: body && JSON.stringify(body) });
    const { value } = await response.json();
    if (!response.ok) throw new Error(`WebDriver ${path}: ${value?.message ?? response.status}`);
    return value;
  };
  await until("WebKitWebDriver", () => fetch(`${base}/status`).then((r) => r.ok, () => false));
  const { sessionId } = await call("POST", "/session", {
    capabilities: { alwaysMatch: { browserName: "MiniBrowser", "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] } } },
  });
  const session = (method, path, body) => call(method, `/session/${sessionId}${path}`, body);
  const evaluate = (fn, arg) =>
    session("POST", "/execute/async", {
      script: `const done = arguments[1]; Promise.resolve((${fn})(arguments[0])).then(done, (e) => done({ error: String(e) }));`,
      args: [arg ?? null],
    });
  // The window sized so that the page gets width × height, as Chromium's viewport.
  await session("POST", "/window/rect", { width, height: height + 100 });
  const inner = await evaluate(() => ({ w: innerWidth, h: innerHeight }));
  await session("POST", "/window/rect", { width: width + (width - inner.w), height: height + 100 + (height - inner.h) });
  await session("POST", "/url", { url });
  const actions = (list) => session("POST", "/actions", { actions: list });
  return {
    name: `WebKitGTK, compositing ${process.env.WEBKIT_DISABLE_COMPOSITING_MODE === "1" ? "off" : "on"}`,
    evaluate,
    press: (key) => actions([{ type: "key", id: "keys", actions: [{ type: "keyDown", value: KEYS[key] ?? key }, { type: "keyUp", value: KEYS[key] ?? key }] }]),
    click: (x, y) =>
      actions([
        {
          type: "pointer",
          id: "mouse",
          parameters: { pointerType: "mouse" },
          actions: [{ type: "pointerMove", origin: "viewport", x, y }, { type: "pointerDown", button: 0 }, { type: "pointerUp", button: 0 }],
        },
      ]),
    traced: async (act) => ({ result: await act(), trace: null }),
    layers: async () => [],
    async close() {
      await session("DELETE", "").catch(() => {});
      driver.kill();
      xvfb.kill();
    },
  };
}
