import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { FileTree } from "./file-tree";

const PATHS = ["package.json", "app/page.tsx", "app/tasks/page.tsx", "lib/db.ts", "README.md"];

function names() {
  return screen.getAllByRole("treeitem").map((item) => item.textContent);
}

describe("FileTree", () => {
  it("shows folders first, opens them and a file from the keyboard, with one tab stop", async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<FileTree paths={PATHS} selected={null} onSelect={onSelect} label="Files of version 1" />);

    // Top-level folders start open; nested ones closed.
    expect(names()).toEqual(["app", "tasks", "page.tsx", "lib", "db.ts", "package.json", "README.md"]);
    await user.click(screen.getByRole("searchbox", { name: "Filter files" }));
    await user.tab();
    expect(screen.getByRole("treeitem", { name: "app" })).toHaveFocus();

    await user.keyboard("{ArrowDown}{ArrowRight}");
    expect(screen.getByRole("treeitem", { name: "tasks" })).toHaveAttribute("aria-expanded", "true");
    await user.keyboard("{ArrowRight}{Enter}");
    expect(onSelect).toHaveBeenCalledWith("app/tasks/page.tsx");

    // Left goes to the file's folder, closes it, goes to its parent, closes that.
    await user.keyboard("{ArrowLeft}{ArrowLeft}");
    expect(screen.getByRole("treeitem", { name: "tasks" })).toHaveFocus();
    expect(screen.getByRole("treeitem", { name: "tasks" })).toHaveAttribute("aria-expanded", "false");
    await user.keyboard("{ArrowLeft}");
    expect(screen.getByRole("treeitem", { name: "app" })).toHaveFocus();
    await user.keyboard("{ArrowLeft}");
    expect(names()).toEqual(["app", "lib", "db.ts", "package.json", "README.md"]);
  });

  it("narrows to the paths matching the filter, their folders open", async () => {
    const user = userEvent.setup();
    render(<FileTree paths={PATHS} selected={null} onSelect={vi.fn()} label="Files" />);

    await user.type(screen.getByRole("searchbox", { name: "Filter files" }), "tasks");
    expect(names()).toEqual(["app", "tasks", "page.tsx"]);
  });
});
