import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Role } from "@/types/api";
import { Authorization } from "./authorization";
import { CurrentOrgContext } from "./current-org";

function renderAs(role: Role) {
  render(
    <CurrentOrgContext value={{ id: "o1", name: "Acme", role }}>
      <Authorization requires="owner" fallback={<p>Read only</p>}>
        <button type="button">Invite member</button>
      </Authorization>
      <Authorization requires="editor">
        <button type="button">New project</button>
      </Authorization>
    </CurrentOrgContext>,
  );
}

describe("Authorization", () => {
  it("hides owner and editor controls from a viewer, showing the fallback", () => {
    renderAs("viewer");
    expect(screen.queryByRole("button", { name: "Invite member" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "New project" })).not.toBeInTheDocument();
    expect(screen.getByText("Read only")).toBeVisible();
  });

  it("shows an editor the editor controls but not the owner ones", () => {
    renderAs("editor");
    expect(screen.queryByRole("button", { name: "Invite member" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "New project" })).toBeVisible();
  });

  it("shows an owner everything", () => {
    renderAs("owner");
    expect(screen.getByRole("button", { name: "Invite member" })).toBeVisible();
    expect(screen.getByRole("button", { name: "New project" })).toBeVisible();
    expect(screen.queryByText("Read only")).not.toBeInTheDocument();
  });
});
