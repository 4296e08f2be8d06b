import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { json, stubFetch } from "@/testing/fetch-stub";
import { renderPage } from "@/testing/render";
import type { Role } from "@/types/api";
import { VersionsPanel } from "./versions-panel";
import { version } from "../../testing/fixtures";

const PROJECT = "/api/v1/orgs/o1/projects/p1";
const V3 = version(3);
const V2 = version(2, { verification: "failed" });
const V1 = version(1, { verification: null });

const DIFF = "--- a/app/page.tsx\n+++ b/app/page.tsx\n@@ -1 +1 @@\n-old\n+new\n";

function renderVersions(role: Role) {
  const seen = stubFetch({
    [`GET ${PROJECT}/versions`]: () => json(200, [V3, V2, V1]),
    [`GET ${PROJECT}/versions/${V3.id}/diff?from=${V2.id}`]: () =>
      json(200, [{ path: "app/page.tsx", change: "modify", diff: DIFF }]),
    [`POST ${PROJECT}/versions/${V1.id}/restore`]: () =>
      json(201, { id: "4".padStart(40, "a"), number: 4, message: "Restore version 1", at: "2026-11-30T10:00:00Z", generationId: null, parent: V3.id }),
  });
  const onRestored = vi.fn();
  const page = renderPage(
    <VersionsPanel orgId="o1" projectId="p1" head={V3.id} selected={V3.id} onBrowse={vi.fn()} onRestored={onRestored} />,
    { org: { id: "o1", name: "Acme", role } },
  );
  return { ...page, seen, onRestored };
}

describe("VersionsPanel", () => {
  it("lists the versions with their checks and what the current one changed", async () => {
    renderVersions("viewer");

    const list = await screen.findByRole("list", { name: "Versions, newest first" });
    expect(within(list).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Version 3\(current\)Verified/),
      expect.stringMatching(/^Version 2Build failed/),
      expect.stringMatching(/^Version 1Not built/),
    ]);
    expect(await screen.findByText("1 file changed from version 2 to version 3.")).toBeVisible();
    expect(screen.getByRole("region", { name: "Changes to app/page.tsx" })).toHaveTextContent("new");
  });

  it("hides restore from a viewer", async () => {
    renderVersions("viewer");

    await screen.findByRole("list", { name: "Versions, newest first" });
    expect(screen.queryByRole("button", { name: /^Restore/ })).not.toBeInTheDocument();
  });

  it("lets an editor restore an older version after confirming", async () => {
    const { user, seen, onRestored } = renderVersions("editor");

    expect(screen.queryByRole("button", { name: "Restore version 3" })).not.toBeInTheDocument();
    await user.click(await screen.findByRole("button", { name: "Restore version 1" }));
    expect(seen.some((r) => r.method === "POST")).toBe(false);
    await user.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Restore" }));

    await waitFor(() => {
      expect(onRestored).toHaveBeenCalledWith("4".padStart(40, "a"));
    });
    expect(await screen.findByText("Restored as version 4.")).toBeVisible();
  });
});
