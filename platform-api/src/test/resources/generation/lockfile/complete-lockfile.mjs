// Adds the optional platform packages that this machine's registry mirror lacks to a
// package-lock.json, so that `npm ci` accepts the lockfile everywhere. Each added entry carries
// the exact version its parent pins plus the os/cpu/libc its name states; npm skips it on other
// platforms and fetches it from the registry on its own platform.
// Usage: node complete-lockfile.mjs path/to/package-lock.json
import fs from "node:fs";

const OS = ["darwin", "win32", "linux", "android", "freebsd", "openharmony", "netbsd", "openbsd", "sunos", "aix"];
const CPU = ["arm64", "x64", "arm", "ia32", "loong64", "ppc64", "riscv64", "s390x", "wasm32", "mips64el"];

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const entry = {};
  const os = parts.find((part) => OS.includes(part));
  const cpu = parts.find((part) => CPU.includes(part));
  if (os) entry.os = [os];
  if (cpu) entry.cpu = [cpu];
  if (os === "linux") {
    if (parts.some((part) => part.startsWith("musl"))) entry.libc = ["musl"];
    else if (parts.some((part) => part.startsWith("gnu"))) entry.libc = ["glibc"];
  }
  return entry;
}

const file = process.argv[2];
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
let added = 0;
for (const [path, pkg] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies || {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key] || !/^\d+\.\d+\.\d+$/.test(version)) continue;
    lock.packages[key] = { version, ...(pkg.dev ? { dev: true } : {}), optional: true, ...platformOf(name) };
    added++;
  }
}
const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => a.localeCompare(b, "en")),
);
lock.packages = sorted;
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(`added ${added} optional platform entries`);
