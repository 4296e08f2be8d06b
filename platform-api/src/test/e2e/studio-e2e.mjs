// The studio end to end in Debian's Chromium (playwright-core, no browser download), as a team
// uses it, against the real running Kiln; prints one JSON object on stdout:
//   node studio-e2e.mjs <config.json>
// config: { studioUrl, screenshots, owner: {name, email}, viewer: {name, email}, password,
//           projectName, prompt, followUp, expectInPreview, expectInDiff }
// result: { steps: [{name, at}], viewer: {...}, consoleErrors: [...], error }
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
const result = { steps: [], viewer: {}, consoleErrors: [], error: null };
const step = (name, data = {}) => {
  result.steps.push({ name, at: Date.now(), ...data });
  console.error(`studio-e2e: ${name}`);
};
const MINUTE = 60_000;

const browser = await chromium.launch({
  executablePath: process.env.KILN_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});

// Console errors of the studio itself (not of the previewed app in its frame), except the
// browser's own line for an expected 404 problem (a preview not running, a version not checked).
function watchConsole(page) {
  page.on("console", (message) => {
    const url = message.location()?.url ?? "";
    if (message.type() !== "error" || !url.startsWith(config.studioUrl)) return;
    if (/Failed to load resource: the server responded with a status of 404/.test(message.text()))
      return;
    result.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => result.consoleErrors.push(error.message));
}

// Waits for the nth generation of the chat to end; a failed one fails the run with its error.
async function generationEnded(page, n) {
  const chat = page.getByRole("list", { name: "Generations, oldest first" });
  const ended = chat.getByText(/^(Succeeded|Failed|Cancelled)$/);
  await ended.nth(n).waitFor({ timeout: 12 * MINUTE });
  const status = await ended.nth(n).innerText();
  if (status !== "Succeeded") {
    const message = await chat.getByRole("listitem").nth(n).innerText();
    throw new Error(`generation ${n + 1} ended ${status}: ${message}`);
  }
}

const shot = (page, name) => page.screenshot({ path: `${config.screenshots}/${name}.png` });

async function signUp(page, person, next) {
  await page.goto(`${config.studioUrl}/signup${next ? `?next=${encodeURIComponent(next)}` : ""}`);
  await page.getByLabel("Name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(config.password);
  if (!next) await shot(page, "sign-up");
  await page.getByRole("button", { name: "Create account" }).click();
}

let page = null;
try {
  // The owner signs up and lands on their projects.
  const owner = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await owner.newPage();
  watchConsole(page);
  await signUp(page, config.owner);
  await page.waitForURL(/\/orgs\/[^/]+\/projects$/, { timeout: MINUTE });
  const org = page.url().match(/\/orgs\/([^/]+)\//)[1];
  step("signed up", { org });
  await page.getByRole("button", { name: "New project" }).first().waitFor();
  await shot(page, "projects");

  // A project from a prompt: the estimate shows before it is created.
  await page.getByRole("button", { name: "New project" }).first().click();
  await page.getByLabel("Project name").fill(config.projectName);
  await page.getByLabel("What should the app do?").fill(config.prompt);
  await page.getByRole("dialog").getByText(/Estimated cost/).waitFor({ timeout: MINUTE });
  await shot(page, "new-project");
  await page.getByRole("button", { name: "Create and generate" }).click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/, { timeout: MINUTE });
  const projectUrl = page.url();
  step("project created", { projectUrl });

  // The live pipeline: stages complete, the generation succeeds, the version is verified.
  await page.getByRole("list", { name: "Stages" }).first().waitFor({ timeout: MINUTE });
  await page.waitForTimeout(3000);
  await shot(page, "pipeline-running");
  await generationEnded(page, 0);
  step("stages completed");
  await shot(page, "workspace");
  await page.getByRole("tab", { name: "Checks" }).click();
  await page.getByText("Verified").first().waitFor({ timeout: 2 * MINUTE });
  await page.getByRole("img").first().waitFor({ timeout: MINUTE });
  await shot(page, "checks");
  step("verified");

  // The preview shows the generated app on its own origin.
  await page.getByRole("tab", { name: "Preview" }).click();
  await page.waitForTimeout(2000);
  const start = page.getByRole("button", { name: /^Start (the preview|it again)$/ });
  if (await start.isVisible()) await start.click();
  const frame = page.frameLocator(`iframe[title="Live preview of ${config.projectName}"]`);
  await frame
    .getByText(config.expectInPreview)
    .filter({ visible: true })
    .first()
    .waitFor({ timeout: 4 * MINUTE });
  await shot(page, "preview");
  step("preview shows the app");

  // A follow-up edit.
  await page.getByLabel("Ask for a change").fill(config.followUp);
  await page.getByRole("button", { name: "Send" }).click();
  await generationEnded(page, 1);
  step("follow-up completed");

  // The diff of what it changed.
  await page.getByRole("tab", { name: "Versions" }).click();
  await page.getByRole("button", { name: "Changes in version 2" }).click();
  await page
    .getByRole("tabpanel", { name: "Versions" })
    .getByText(new RegExp(config.expectInDiff, "i"))
    .filter({ visible: true })
    .first()
    .waitFor({ timeout: MINUTE });
  await shot(page, "diff");
  step("diff shows the change");

  // The files of a version in the code viewer.
  await page.getByRole("tab", { name: "Files" }).click();
  await page.getByRole("treeitem").first().waitFor({ timeout: MINUTE });
  await page.getByRole("treeitem", { name: /package\.json/ }).first().click();
  await page.locator(".cm-content").getByText("dependencies").first().waitFor({ timeout: MINUTE });
  await shot(page, "files");

  // Restore the first version: a new version with its files.
  await page.getByRole("tab", { name: "Versions" }).click();
  await page.getByRole("button", { name: "Restore version 1" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Restore" }).click();
  await page.getByText("Restored as version 3.").waitFor({ timeout: MINUTE });
  step("restored");

  // Invite a viewer.
  await page.goto(`${config.studioUrl}/orgs/${org}/members`);
  await page.getByRole("button", { name: "Invite member" }).click();
  const invite = page.getByRole("dialog");
  await invite.getByLabel("Email", { exact: true }).fill(config.viewer.email);
  await invite.getByLabel("Role", { exact: true }).selectOption("viewer");
  await invite.getByRole("button", { name: "Create invitation" }).click();
  const link = await invite.getByLabel("Invitation link").inputValue();
  await invite.getByRole("button", { name: "Done" }).click();
  await shot(page, "members");
  await page.goto(`${config.studioUrl}/orgs/${org}/credits`);
  await page.getByRole("heading").first().waitFor();
  await page.waitForTimeout(1000);
  await shot(page, "credits");

  // The viewer signs up from the link, joins, and reads the project without edit controls.
  const visitor = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const viewerPage = await visitor.newPage();
  watchConsole(viewerPage);
  const invitationPath = new URL(link).pathname;
  await signUp(viewerPage, config.viewer, invitationPath);
  step("viewer signed up");
  await viewerPage.getByRole("button", { name: "Accept invitation" }).click();
  await viewerPage.waitForURL(new RegExp(`/orgs/${org}/projects$`), { timeout: MINUTE });
  step("viewer joined");
  await viewerPage.goto(projectUrl);
  await viewerPage.getByRole("list", { name: "Generations, oldest first" }).waitFor();
  await viewerPage.getByText("Succeeded", { exact: true }).first().waitFor({ timeout: MINUTE });
  await viewerPage.getByRole("tab", { name: "Versions" }).click();
  await viewerPage.getByRole("list", { name: "Versions, newest first" }).waitFor();
  result.viewer = {
    promptBoxes: await viewerPage.getByLabel("Ask for a change").count(),
    sendButtons: await viewerPage.getByRole("button", { name: "Send" }).count(),
    restoreButtons: await viewerPage.getByRole("button", { name: /^Restore version/ }).count(),
    generations: await viewerPage
      .getByRole("list", { name: "Generations, oldest first" })
      .getByRole("listitem")
      .count(),
  };
  await shot(viewerPage, "viewer");
  step("viewer cannot edit");
} catch (error) {
  result.error = String(error?.stack ?? error);
  if (page) {
    await shot(page, "failure").catch(() => {});
    result.failurePage = (await page.locator("body").innerText().catch(() => "")).slice(0, 3000);
    result.failureFrame = await page
      .frameLocator("iframe")
      .first()
      .locator("body")
      .innerText({ timeout: 2000 })
      .catch((e) => `no frame text: ${e.message.split("\n")[0]}`);
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
