import { screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { stubFetch } from "@/testing/fetch-stub";
import { renderPage } from "@/testing/render";
import { VerificationPanel } from "./verification-panel";
import type { Verification } from "../../api/get-verification";

const BASE = "/api/v1/orgs/o1/projects/p1/versions/3f1c2a9";

/** `GET .../verification` of a version whose smoke test failed one page. */
const FAILED: Verification = {
  version: "3f1c2a9",
  verified: false,
  step: "smoke",
  errors: ["/tasks answered 500"],
  report: {
    pages: [
      { path: "/", status: 200, ok: true, problems: [] },
      { path: "/tasks", status: 500, ok: false, problems: ["answered 500", "console error: boom"] },
    ],
  },
  checkedAt: "2026-11-30T09:01:00Z",
  screenshots: [`${BASE}/screenshots/1`, `${BASE}/screenshots/2`],
};

const png = () => new Response("\x89PNG", { headers: { "Content-Type": "image/png" } });

const created: string[] = [];
const revoked: string[] = [];

beforeEach(() => {
  created.length = 0;
  revoked.length = 0;
  vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
    const url = `blob:studio/${created.length + 1}-${blob instanceof Blob ? blob.type : "source"}`;
    created.push(url);
    return url;
  });
  vi.spyOn(URL, "revokeObjectURL").mockImplementation((url) => {
    revoked.push(url);
  });
});

describe("VerificationPanel", () => {
  it("lists the failing pages and shows each screenshot, fetched through the API, captioned by its page", async () => {
    const seen = stubFetch({ [`GET ${BASE}/screenshots/1`]: png, [`GET ${BASE}/screenshots/2`]: png });
    renderPage(<VerificationPanel verification={FAILED} versionName="Version 3" />);

    expect(screen.getByRole("alert")).toHaveTextContent("Version 3 is not verified: it failed the smoke test");
    const failing = screen.getByRole("region", { name: "Failing pages (1)" });
    const pages = failing.querySelectorAll(":scope > ul > li");
    expect(pages).toHaveLength(1);
    expect(pages[0]).toHaveTextContent("/tasks answered 500");
    expect(pages[0]).toHaveTextContent("console error: boom");

    await waitFor(() => {
      expect(screen.getAllByRole("img")).toHaveLength(2);
    });
    const shots = screen.getAllByRole("img");
    expect(shots.map((img) => img.getAttribute("alt"))).toEqual(["Screenshot of /", "Screenshot of /tasks"]);
    expect(shots.map((img) => img.getAttribute("src"))).toEqual(created);
    expect(created).toHaveLength(2);
    expect(seen.every((request) => request.headers.get("Accept")?.startsWith("image/"))).toBe(true);
  });

  it("shows the verified badge and revokes the pictures' object URLs when it goes away", async () => {
    stubFetch({ [`GET ${BASE}/screenshots/1`]: png });
    const verified: Verification = {
      ...FAILED,
      verified: true,
      step: "smoke",
      errors: [],
      report: { pages: [{ path: "/", status: 200, ok: true, problems: [] }] },
      screenshots: [`${BASE}/screenshots/1`],
    };
    const { router } = renderPage(<VerificationPanel verification={verified} versionName="Version 3" />);

    expect(screen.getByText("Version 3 is verified")).toBeVisible();
    expect(screen.queryByRole("region", { name: /Failing pages/ })).not.toBeInTheDocument();
    await screen.findByRole("img", { name: "Screenshot of /" });
    await waitFor(() => {
      expect(created).toHaveLength(1);
    });

    await router.navigate("/elsewhere");
    await screen.findByText("Elsewhere");
    expect(revoked).toEqual(created);
  });
});
