// X displays for the specs: Xvfb screens of a chosen size, and what X knows of the app's windows
// (xwininfo, from x11-utils), which sees native windows and dialogs the web view cannot.

import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";

import { waitFor } from "./webdriver.mjs";

/** Starts Xvfb on `:number` with a `width`×`height` screen; returns a function that stops it. */
export async function startXvfb(number, width, height) {
  const xvfb = spawn("Xvfb", [`:${number}`, "-screen", "0", `${width}x${height}x24`, "-nolisten", "tcp"], { stdio: "ignore" });
  await waitFor(`Xvfb :${number}`, () => existsSync(`/tmp/.X11-unix/X${number}`), 10_000, 100);
  return () => xvfb.kill("SIGTERM");
}

/** The geometry of the top-level window titled `title` on `display`, or null if there is none. */
export function windowGeometry(display, title) {
  let info;
  try {
    info = execFileSync("xwininfo", ["-display", display, "-name", title], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return null;
  }
  const number = (label) => Number(info.match(new RegExp(`${label}:\\s+(-?\\d+)`))?.[1]);
  return { x: number("Absolute upper-left X"), y: number("Absolute upper-left Y"), width: number("Width"), height: number("Height") };
}

/** The names of every window on `display` (the whole tree, as `xwininfo -root -tree` lists it). */
export function windowNames(display) {
  const tree = execFileSync("xwininfo", ["-display", display, "-root", "-tree"], { encoding: "utf8" });
  return [...tree.matchAll(/0x[0-9a-f]+ "([^"]*)"/g)].map((m) => m[1]);
}
