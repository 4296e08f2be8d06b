// Runs `npm ci` unless node_modules was installed from exactly this package.json and
// package-lock.json, so repeated Maven builds skip the install.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const stamp = "node_modules/.kiln-install-sha256";
const hash = createHash("sha256")
  .update(readFileSync("package.json"))
  .update(readFileSync("package-lock.json"))
  .digest("hex");

if (existsSync(stamp) && readFileSync(stamp, "utf8") === hash) {
  console.log("studio-ui: node_modules matches package-lock.json; npm ci skipped");
} else {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["ci"], { stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) {
    process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, hash);
}
