import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { json, problem, stubFetch } from "@/testing/fetch-stub";
import { renderPage } from "@/testing/render";
import { PreviewPane } from "./preview-pane";

const PREVIEW = "/api/v1/orgs/o1/projects/p1/preview";
const LINK = "http://cjxq4k2m.preview.localhost:8081/";

const ready = {
  projectId: "p1",
  status: "ready",
  version: "3f1c2a9",
  url: LINK,
  expiresAt: "2026-11-30T10:00:00Z",
  lastUsed: "2026-11-30T09:00:00Z",
};

function renderPreview() {
  return renderPage(<PreviewPane orgId="o1" projectId="p1" projectName="Tasks" hasVersion />, {
    org: { id: "o1", name: "Acme", role: "viewer" },
  });
}

describe("PreviewPane", () => {
  it("starts a preview that is not running", async () => {
    const seen = stubFetch({
      [`GET ${PREVIEW}`]: () =>
        problem(404, { type: "https://kiln.dev/problems/preview-not-running", title: "No preview is running" }),
      [`POST ${PREVIEW}`]: () => json(200, { ...ready, status: "starting", url: LINK }),
    });
    const { user } = renderPreview();

    await user.click(await screen.findByRole("button", { name: "Start the preview" }));

    expect(await screen.findByText(/Starting the preview/)).toBeVisible();
    expect(seen.map((r) => r.method)).toEqual(["GET", "POST"]);
  });

  it("shows the running app in a sandboxed frame that can neither navigate the studio nor open popups", async () => {
    stubFetch({ [`GET ${PREVIEW}`]: () => json(200, ready) });
    const { user } = renderPreview();

    const frame = await screen.findByTitle("Live preview of Tasks");
    expect(frame).toHaveAttribute("src", LINK);
    expect(frame).toHaveAttribute("sandbox", "allow-scripts allow-forms allow-same-origin");
    expect(screen.getByRole("link", { name: "Open the preview in a new tab" })).toHaveAttribute("href", LINK);

    await user.click(screen.getByRole("button", { name: "Mobile width (390 px)" }));
    expect(frame).toHaveStyle({ width: "390px" });
    expect(screen.getByRole("button", { name: "Mobile width (390 px)" })).toHaveAttribute("aria-pressed", "true");

    await user.click(screen.getByRole("button", { name: "Reload the preview" }));
    expect(frame).not.toBeInTheDocument();
    expect(screen.getByTitle("Live preview of Tasks")).toHaveAttribute("src", LINK);
  });

  it("says what went wrong when the preview failed", async () => {
    stubFetch({
      [`GET ${PREVIEW}`]: () =>
        json(200, { ...ready, status: "error", url: undefined, error: "the dev server exited while starting:\nError: boom" }),
    });
    renderPreview();

    expect(await screen.findByRole("alert")).toHaveTextContent("the dev server exited while starting: Error: boom");
    expect(screen.getByRole("button", { name: "Start it again" })).toBeVisible();
  });
});
