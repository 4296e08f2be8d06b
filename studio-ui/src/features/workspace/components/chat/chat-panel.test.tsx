import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { json, stubFetch } from "@/testing/fetch-stub";
import { renderPage } from "@/testing/render";
import type { Role } from "@/types/api";
import { ChatPanel } from "./chat-panel";
import { generation, version, VERSION } from "../../testing/fixtures";

const PROJECT = "/api/v1/orgs/o1/projects/p1";
const ESTIMATE = "GET /api/v1/orgs/o1/credits/estimate?operation=generation";

function renderChat(role: Role, routes: Parameters<typeof stubFetch>[0] = {}) {
  const seen = stubFetch({
    [`GET ${PROJECT}/generations`]: () =>
      json(200, [
        generation({ id: "g2", prompt: "add a due date to tasks", status: "running", stage: "files", version: null, charged: null }),
        generation({ id: "g1" }),
      ]),
    [`GET ${PROJECT}/versions`]: () => json(200, [version(3, { id: VERSION })]),
    [ESTIMATE]: () => json(200, { operation: "generation", units: 1, credits: 10 }),
    ...routes,
  });
  const onSelect = vi.fn();
  const page = renderPage(<ChatPanel orgId="o1" projectId="p1" selectedId="g2" onSelect={onSelect} />, {
    org: { id: "o1", name: "Acme", role },
  });
  return { ...page, seen, onSelect };
}

describe("ChatPanel", () => {
  it("shows the generations oldest first with what each produced", async () => {
    renderChat("viewer");

    const turns = await screen.findAllByRole("article");
    expect(turns.map((turn) => turn.textContent)).toEqual([
      expect.stringMatching(/^Succeeded.*Version 3.*Charged 10 credits/),
      expect.stringMatching(/^Running.*Stage: files.*10 credits held/),
    ]);
  });

  it("lets a viewer read but neither send nor cancel", async () => {
    renderChat("viewer");

    await screen.findAllByRole("article");
    expect(screen.queryByRole("textbox", { name: "Ask for a change" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Send" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Cancel generation" })).not.toBeInTheDocument();
    expect(screen.getByText("You can read this conversation. Editors and owners ask for changes.")).toBeVisible();
  });

  it("keeps an editor from sending while a generation runs, and lets them cancel it", async () => {
    const { seen, user } = renderChat("editor", {
      [`POST ${PROJECT}/generations/g2/cancel`]: () => json(200, generation({ id: "g2", status: "cancelled" })),
    });

    expect(await screen.findByText(/A generation is running/)).toBeVisible();
    expect(screen.getByRole("button", { name: "Send" })).toBeDisabled();
    await user.click(await screen.findByRole("button", { name: "Cancel generation" }));

    await waitFor(() => {
      expect(seen.some((r) => r.method === "POST" && r.path === `${PROJECT}/generations/g2/cancel`)).toBe(true);
    });
  });

  it("shows an editor the cost, then starts the follow-up and follows it", async () => {
    const { seen, user, onSelect } = renderChat("editor", {
      [`POST ${PROJECT}/generations`]: () => json(202, { id: "g3", status: "queued", estimate: 10 }),
      [`GET ${PROJECT}/generations`]: () => json(200, [generation({ id: "g1" })]),
    });

    expect(await screen.findByText(/Estimated cost: 10 credits/)).toBeVisible();
    await user.type(screen.getByRole("textbox", { name: "Ask for a change" }), "add a due date to tasks");
    await user.click(screen.getByRole("button", { name: "Send" }));

    await waitFor(() => {
      expect(onSelect).toHaveBeenCalledWith("g3");
    });
    expect(seen.find((r) => r.method === "POST")?.body).toEqual({ prompt: "add a due date to tasks" });
    expect(screen.getByRole("textbox", { name: "Ask for a change" })).toHaveValue("");
  });
});
