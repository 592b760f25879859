// CPU time of the browser that dev/profile.mjs started, by thread, from /proc (Linux): what a frame
// costs the whole engine (its compositor, raster and GPU threads too), in either browser. The stand-in
// engine's worker thread is left out: in the app that work is Rust's.
import { readFileSync, readdirSync } from "node:fs";

const TICK_MS = 10; // USER_HZ is 100 on Linux

function list(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return []; // gone meanwhile
  }
}

function stat(path) {
  try {
    const text = readFileSync(path, "utf8");
    // The command name is in parentheses and may hold spaces.
    const name = text.slice(text.indexOf("(") + 1, text.lastIndexOf(")"));
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { name, ppid: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return null; // gone meanwhile
  }
}

/** Every process below this one, as "process/thread" name → CPU ms so far. */
export function cpuNow() {
  const procs = list("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map((pid) => ({ pid: Number(pid), ...stat(`/proc/${pid}/stat`) }));
  const children = new Map();
  for (const p of procs) if (p.ppid) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const below = [];
  const walk = (pid) => (children.get(pid) ?? []).forEach((p) => (below.push(p), walk(p.pid)));
  walk(process.pid);
  const threads = new Map();
  for (const p of below) {
    for (const tid of list(`/proc/${p.pid}/task`)) {
      const t = stat(`/proc/${p.pid}/task/${tid}/stat`);
      if (!t || /worker/i.test(t.name) && !/tile|raster|compos/i.test(t.name)) continue;
      const key = `${p.name}/${t.name}`;
      threads.set(key, (threads.get(key) ?? 0) + t.ms);
    }
  }
  return threads;
}

/** The CPU ms each thread used between two `cpuNow()` readings, busiest first. */
export function cpuSince(before, after = cpuNow()) {
  return [...after]
    .map(([key, ms]) => [key, ms - (before.get(key) ?? 0)])
    .filter(([, ms]) => ms > 0)
    .sort((a, b) => b[1] - a[1]);
}
