// Smoke test of the built app (`npm run build`, then `npm run smoke`): serves the static export
// (out/) as a host would, opens every route of kiln/manifest.json in Chromium and fails on an
// answer other than 2xx, a blank page or a console error, keeping a screenshot of each page. Kiln
// runs it in a network-less sandbox before it calls a version verified.
//
// Environment: CHROMIUM (the browser, default /usr/bin/chromium), SMOKE_PORT (default 3100),
// SMOKE_OUT (where the screenshots and report.json go, default .kiln-smoke), SMOKE_URL (check a
// running server, such as the dev server, instead of serving out/), SMOKE_PATHS (comma-separated
// paths to open instead of every route), SMOKE_CONCURRENCY (pages open at once, default 3).
//
// The pages share one browser context, as one visitor's tabs would: a new context per page costs
// more than the page itself.
import {
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";

const port = Number(process.env.SMOKE_PORT ?? 3100);
const out = process.env.SMOKE_OUT ?? ".kiln-smoke";
const external = process.env.SMOKE_URL;
const base = external ?? `http://127.0.0.1:${port}`;
const only = (process.env.SMOKE_PATHS ?? "").split(",").filter(Boolean);
const concurrency = Math.max(
  1,
  Number(process.env.SMOKE_CONCURRENCY ?? 3) || 1,
);
const routes = only.length
  ? only.map((path) => ({ path, page: path }))
  : JSON.parse(readFileSync("kiln/manifest.json", "utf8")).routes;

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

// The file of out/ a path names: itself, or its index.html; null when there is none.
function fileFor(path) {
  const file = normalize(join("out", decodeURIComponent(path)));
  if (file !== "out" && !file.startsWith("out/")) return null;
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, "index.html");
  return existsSync(index) ? index : null;
}

function serveOut(request, response) {
  const file = fileFor(new URL(request.url, base).pathname);
  const status = file ? 200 : 404;
  const body = file ?? (existsSync("out/404.html") ? "out/404.html" : null);
  response.writeHead(status, {
    "content-type":
      types[extname(body ?? ".txt")] ?? "application/octet-stream",
  });
  response.end(body ? readFileSync(body) : "not found");
}

mkdirSync(out, { recursive: true });
const server = external ? null : createServer(serveOut);
if (server)
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));

async function check(context, route, index) {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const url = message.location()?.url;
    problems.push(`console error: ${message.text()}${url ? ` (${url})` : ""}`);
  });
  page.on("pageerror", (error) =>
    problems.push(`uncaught error: ${error.message}`),
  );
  let status = 0;
  try {
    const response = await page.goto(base + route.path, {
      waitUntil: "load",
      timeout: 30000,
    });
    status = response ? response.status() : 0;
    await page.waitForTimeout(300);
  } catch (error) {
    problems.push(`did not load: ${error.message.split("\n")[0]}`);
  }
  if (status < 200 || status > 299)
    problems.unshift(`answered ${status || "nothing"}`);
  const text = await page
    .evaluate(() => document.body?.innerText.trim() ?? "")
    .catch(() => "");
  if (!text) problems.push("blank page");
  const screenshot = `${out}/${String(index + 1).padStart(2, "0")}.png`;
  await page.screenshot({ path: screenshot }).catch((error) => {
    problems.push(`no screenshot: ${error.message.split("\n")[0]}`);
  });
  await page.close();
  return {
    path: route.path,
    page: route.page,
    status,
    ok: problems.length === 0,
    problems,
    screenshot,
  };
}

let pages = [];
let error = null;
try {
  if (!external && !existsSync("out/index.html"))
    throw new Error("out/index.html is missing: build first");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-breakpad",
      "--disable-crash-reporter",
    ],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
    });
    // A few pages at a time, the report in route order.
    const results = new Array(routes.length);
    let next = 0;
    const worker = async () => {
      while (next < routes.length) {
        const index = next++;
        results[index] = await check(context, routes[index], index);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    pages = results;
  } finally {
    await browser.close();
  }
} catch (caught) {
  error = caught.message;
} finally {
  server?.close();
}
const ok = error === null && pages.length > 0 && pages.every((page) => page.ok);
writeFileSync(
  `${out}/report.json`,
  JSON.stringify({ ok, error, pages }, null, 2),
);
for (const page of pages) {
  console.log(
    `${page.ok ? "ok  " : "FAIL"} ${page.path} ${page.status} ${page.problems.join("; ")}`,
  );
}
if (error) console.log(`FAIL ${error}`);
process.exit(ok ? 0 : 1);
