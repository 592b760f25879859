// A local update server on loopback, as the release's GitHub assets serve the app: a latest.json that
// announces a newer version, and the package it points to with its signature. The package is signed
// by a key made for the test (tauri signer, the same tool the pipeline signs with), which is not the
// app's publisher key: the app must offer the version, then refuse to install the package.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { ROOT } from "./paths.mjs";

const TAURI = join(ROOT, "ui/node_modules/.bin/tauri");

export async function startUpdateServer(version) {
  const dir = mkdtempSync(join(tmpdir(), "e2e-update-"));
  const key = join(dir, "not-the-publisher.key");
  execFileSync(TAURI, ["signer", "generate", "--ci", "-p", "", "-w", key], { stdio: "ignore" });
  const bundle = join(dir, "phone-roster-update.tar.gz");
  writeFileSync(bundle, "a package signed by the wrong key");
  // Bound to the announced version as `tauri build` signs, so that only the key is wrong.
  execFileSync(TAURI, ["signer", "sign", "-f", key, "-p", "", "--app-version", version, bundle], { stdio: "ignore" });
  const signature = readFileSync(`${bundle}.sig`, "utf8");
  const requests = [];
  const server = createServer((request, response) => {
    requests.push(request.url);
    if (request.url === "/latest.json") {
      const url = `http://127.0.0.1:${server.address().port}/phone-roster-update.tar.gz`;
      const platform = { signature, url };
      // Every key the updater may look for on Linux x86_64, whatever bundle type it thinks it is.
      const platforms = Object.fromEntries(
        ["linux-x86_64", "linux-x86_64-deb", "linux-x86_64-rpm", "linux-x86_64-appimage"].map((k) => [k, platform]),
      );
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ version, notes: "Faster exports.", pub_date: new Date().toISOString(), platforms }));
    } else if (request.url === "/phone-roster-update.tar.gz") {
      response.end(readFileSync(bundle));
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/latest.json`,
    requests,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}
