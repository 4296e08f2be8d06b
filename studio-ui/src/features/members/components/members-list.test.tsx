import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { json, stubFetch } from "@/testing/fetch-stub";
import { renderPage } from "@/testing/render";
import type { Role } from "@/types/api";
import { MembersList } from "./members-list";

const MEMBERS = [
  { userId: "u1", email: "alice@example.com", name: "Alice", role: "owner", joinedAt: "2026-11-01T10:00:00Z" },
  { userId: "u2", email: "bob@example.com", name: "Bob", role: "editor", joinedAt: "2026-11-02T10:00:00.123456Z" },
];

function renderMembersAs(role: Role, currentUserId: string) {
  stubFetch({ "GET /api/v1/orgs/o1/members": () => json(200, MEMBERS) });
  return renderPage(<MembersList currentUserId={currentUserId} />, { org: { id: "o1", name: "Acme", role } });
}

describe("MembersList", () => {
  it("shows an editor the members read-only, with only their own Leave action", async () => {
    renderMembersAs("editor", "u2");

    expect(await screen.findByText("alice@example.com")).toBeVisible();
    expect(screen.queryByRole("combobox")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /remove/i })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Leave" })).toBeVisible();
  });

  it("lets an owner change roles and remove others", async () => {
    const seen = stubFetch({
      "GET /api/v1/orgs/o1/members": () => json(200, MEMBERS),
      "PATCH /api/v1/orgs/o1/members/u2": () => json(200, { ...MEMBERS[1], role: "viewer" }),
      "GET /api/v1/me": () => json(200, { id: "u1", email: "alice@example.com", name: "Alice", admin: false, orgs: [] }),
    });
    const { user } = renderPage(<MembersList currentUserId="u1" />, {
      org: { id: "o1", name: "Acme", role: "owner" },
    });

    await user.selectOptions(await screen.findByLabelText("Role of Bob"), "viewer");

    expect(screen.getByRole("button", { name: "Remove Bob" })).toBeVisible();
    expect(screen.queryByRole("button", { name: "Remove Alice" })).not.toBeInTheDocument();
    expect(seen.find((r) => r.method === "PATCH")?.body).toEqual({ role: "viewer" });
  });
});
