// The app's processes as Linux sees them (/proc): the app itself and the WebKitGTK processes it starts,
// with their peak memory and CPU time, for the speed specs' reports. Linux only, as the e2e suite is.

import { readFileSync, readdirSync, readlinkSync, realpathSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

const read = (path) => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null; // the process is gone, or is not ours to read
  }
};

const pids = () => readdirSync("/proc").filter((name) => /^\d+$/.test(name)).map(Number);

const parentOf = (pid) => {
  const stat = read(`/proc/${pid}/stat`);
  // The command name (field 2) is in parentheses and may hold spaces: fields count from its end.
  return stat ? Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) : null;
};

const exeOf = (pid) => {
  try {
    return readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return null;
  }
};

/** The running app started from `app` (a path) and its web view processes, i.e. its children named
 * WebKitWebProcess (WebKitGTK's page renderer; the network process is left out). */
export function appProcesses(app) {
  const all = pids();
  const appPid = all.find((pid) => exeOf(pid) === realpathSync(app));
  if (appPid === undefined) throw new Error(`no running process of ${app}`);
  const web = all.filter((pid) => parentOf(pid) === appPid && (read(`/proc/${pid}/comm`) ?? "").startsWith("WebKitWebProc"));
  return { app: appPid, web };
}

/** Peak resident memory of a process so far (VmHWM), in MB. */
export function peakMemoryMB(pid) {
  const kb = (read(`/proc/${pid}/status`) ?? "").match(/^VmHWM:\s+(\d+) kB/m)?.[1];
  return kb ? Number(kb) / 1024 : null;
}

/** CPU time (user + system) a process has used so far, in seconds. */
export function cpuSeconds(pid) {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return null;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after the command name.
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Cores a process used on average over `ms` of waiting. */
export async function coresOver(pid, ms) {
  const before = cpuSeconds(pid);
  await new Promise((done) => setTimeout(done, ms));
  return (cpuSeconds(pid) - before) / (ms / 1000);
}
