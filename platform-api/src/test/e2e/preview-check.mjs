// Opens a Kiln preview in Debian's Chromium (playwright-core, no browser download) and reports, as
// one JSON object on stdout, what a user and an attacker on the preview origin would see:
//   node preview-check.mjs <config.json>
// config: { previewUrl, studioUrl, apiBase, token, path, expectText, followUp: { url, prompt },
//           expectAfter, screenshot }
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
const result = { steps: [] };
const step = (name, data = {}) => result.steps.push({ name, at: Date.now(), ...data });

const browser = await chromium.launch({
  executablePath: process.env.KILN_CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
try {
  const context = await browser.newContext();

  // The studio origin holds the user's token, as the studio web app would.
  const studio = await context.newPage();
  await studio.goto(config.studioUrl);
  await studio.evaluate((token) => localStorage.setItem("kiln.accessToken", token), config.token);
  step("studio-token-stored");

  const page = await context.newPage();
  const consoleErrors = [];
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  let navigations = 0;
  page.on("framenavigated", (f) => f === page.mainFrame() && navigations++);
  const response = await page.goto(config.previewUrl.replace(/\/$/, "") + (config.path ?? "/"), {
    waitUntil: "load",
    timeout: 120_000,
  });
  result.status = response?.status();
  await page.waitForFunction((t) => document.body?.innerText.includes(t), config.expectText, {
    timeout: 120_000,
  });
  result.origin = await page.evaluate(() => location.origin);
  result.title = await page.title();
  step("preview-shown");
  if (config.screenshot) {
    await page.screenshot({ path: config.screenshot, fullPage: true });
  }

  // What a script on the preview origin can reach of the studio.
  result.attack = await page.evaluate(
    async ({ apiBase }) => {
      const out = {
        localStorageToken: localStorage.getItem("kiln.accessToken"),
        cookies: document.cookie,
      };
      try {
        const r = await fetch(apiBase + "/api/v1/me", { credentials: "include" });
        out.apiStatus = r.status;
        out.apiBody = (await r.text()).slice(0, 200);
      } catch (e) {
        out.apiError = String(e);
      }
      return out;
    },
    { apiBase: config.apiBase },
  );
  step("attack-tried");

  if (config.followUp) {
    await page.evaluate(() => {
      window.__kilnMarker = "kept";
    });
    const before = navigations;
    const r = await fetch(config.followUp.url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: "Bearer " + config.token },
      body: JSON.stringify({ prompt: config.followUp.prompt }),
    });
    result.followUpStatus = r.status;
    step("follow-up-sent");
    await page.waitForFunction((t) => document.body?.innerText.includes(t), config.expectAfter, {
      timeout: 240_000,
      polling: 100,
    });
    step("preview-updated");
    result.markerKept = await page.evaluate(() => window.__kilnMarker === "kept");
    result.navigationsDuringUpdate = navigations - before;
  }
  result.consoleErrors = consoleErrors;
  await context.close();
} catch (e) {
  result.error = String(e?.stack ?? e);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(result) + "\n");
