import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ResizablePanels } from "./resizable";

const PANELS = [
  { id: "chat", label: "chat", defaultSize: 30, minSize: 20, content: <p>Chat</p> },
  { id: "work", label: "work", defaultSize: 70, minSize: 40, content: <p>Work</p> },
];

describe("ResizablePanels", () => {
  it("resizes from the keyboard within the panels' limits and remembers the sizes", async () => {
    const user = userEvent.setup();
    render(<ResizablePanels storageKey="test.panels" panels={PANELS} />);
    const separator = screen.getByRole("separator", { name: "Resize chat and work" });

    expect(separator).toHaveAttribute("aria-valuenow", "30");
    separator.focus();
    await user.keyboard("{ArrowRight}");
    expect(separator).toHaveAttribute("aria-valuenow", "32");
    await user.keyboard("{Shift>}{ArrowLeft}{/Shift}");
    expect(separator).toHaveAttribute("aria-valuenow", "22");
    await user.keyboard("{End}");
    expect(separator).toHaveAttribute("aria-valuenow", "60");
    expect(separator).toHaveAttribute("aria-valuemax", "60");
    await user.keyboard("{Home}{ArrowLeft}");
    expect(separator).toHaveAttribute("aria-valuenow", "20");
    expect(JSON.parse(localStorage.getItem("test.panels") ?? "null")).toEqual([20, 80]);
  });

  it("starts from the remembered sizes", () => {
    localStorage.setItem("test.panels", JSON.stringify([45, 55]));
    render(<ResizablePanels storageKey="test.panels" panels={PANELS} />);
    expect(screen.getByRole("separator")).toHaveAttribute("aria-valuenow", "45");
  });
});
